/// Stable ascending order of floating-point keys by least-significant-digit radix sort on
/// order-preserving integer images of the keys.
///
/// Knuth, D. E. (1998). The Art of Computer Programming, Vol. 3, §5.2.5 (radix sorting).
enum KeyOrder {
    /// An unsigned integer whose order matches the order of `x` (for non-NaN values; `-0.0`
    /// and `+0.0` get the same key, as they compare equal).
    @inline(__always)
    static func sortableKey(_ x: Double) -> UInt64 {
        let b = (x == 0 ? 0.0 : x).bitPattern
        return b & (1 &<< 63) != 0 ? ~b : b | (1 &<< 63)
    }

    /// Indices `0..<count` ordered by ascending `values[i * stride + offset]`; equal keys keep
    /// index order (stable).
    /// - Complexity: O(n) passes of 11-bit digits (at most 6), O(n log n) for small n.
    /// The smallest number of keys sorted by radix passes.
    static let radixThreshold = 512

    @inline(never)
    static func ascending(_ values: UnsafeBufferPointer<Double>, count n: Int, stride: Int, offset: Int) -> [Int32] {
        if n < 48 {
            // Insertion sort: stable, and cheapest for the short lists of the recursions.
            return [Int32](unsafeUninitializedCapacity: n) { order, count in
                for i in 0..<n {
                    let key = values[i &* stride &+ offset]
                    var j = i
                    while j > 0 && values[Int(order[j &- 1]) &* stride &+ offset] > key {
                        order[j] = order[j &- 1]
                        j &-= 1
                    }
                    order[j] = Int32(truncatingIfNeeded: i)
                }
                count = n
            }
        }
        // Below a few hundred keys a comparison sort beats clearing and filling the radix
        // passes' 96 KB of bucket counts (an NSGA-II survival pool of 2 × 100 is such a list).
        if n < Self.radixThreshold {
            var order = (0..<Int32(n)).map { $0 }
            order.sort { a, b in
                let ka = values[Int(a) &* stride &+ offset], kb = values[Int(b) &* stride &+ offset]
                return ka < kb || (ka == kb && a < b)
            }
            return order
        }
        let radixBits = 11, buckets = 1 << radixBits, passes = 6
        var keysA = [UInt64](repeating: 0, count: n), keysB = [UInt64](repeating: 0, count: n)
        var idxA = [Int32](repeating: 0, count: n), idxB = [Int32](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: buckets * passes)
        keysA.withUnsafeMutableBufferPointer { ka in
            idxA.withUnsafeMutableBufferPointer { ia in
                counts.withUnsafeMutableBufferPointer { c in
                    for i in 0..<n {
                        let k = sortableKey(values[i &* stride &+ offset])
                        ka[i] = k
                        ia[i] = Int32(truncatingIfNeeded: i)
                        var s = k
                        for p in 0..<passes {
                            c[p &* buckets &+ Int(s & UInt64(buckets - 1))] &+= 1
                            s &>>= UInt64(radixBits)
                        }
                    }
                }
            }
        }
        var inA = true
        counts.withUnsafeMutableBufferPointer { c in
            for p in 0..<passes {
                let base = p &* buckets
                // Skip a pass whose digit is the same for every key.
                var trivial = false
                for b in 0..<buckets where c[base &+ b] != 0 { trivial = c[base &+ b] == n; break }
                if trivial { continue }
                var sum = 0
                for b in 0..<buckets { let t = c[base &+ b]; c[base &+ b] = sum; sum &+= t }
                let shift = UInt64(p &* radixBits)
                func scatter(_ sk: UnsafeMutableBufferPointer<UInt64>, _ si: UnsafeMutableBufferPointer<Int32>,
                             _ dk: UnsafeMutableBufferPointer<UInt64>, _ di: UnsafeMutableBufferPointer<Int32>) {
                    for i in 0..<n {
                        let k = sk[i]
                        let b = base &+ Int((k &>> shift) & UInt64(buckets - 1))
                        let pos = c[b]
                        c[b] = pos &+ 1
                        dk[pos] = k
                        di[pos] = si[i]
                    }
                }
                keysA.withUnsafeMutableBufferPointer { ka in
                    keysB.withUnsafeMutableBufferPointer { kb in
                        idxA.withUnsafeMutableBufferPointer { ia in
                            idxB.withUnsafeMutableBufferPointer { ib in
                                if inA { scatter(ka, ia, kb, ib) } else { scatter(kb, ib, ka, ia) }
                            }
                        }
                    }
                }
                inA.toggle()
            }
        }
        return inA ? idxA : idxB
    }

    /// Indices ordered lexicographically by the rows of a flat row-major matrix (objective 0 first,
    /// then 1, …); identical rows keep index order.
    /// - Complexity: one radix sort on objective 0, then a comparison sort of each run of equal
    ///   first objectives (rare with continuous data).
    static func lexicographic(_ values: UnsafeBufferPointer<Double>, count n: Int, dimension d: Int) -> [Int32] {
        var order = ascending(values, count: n, stride: d, offset: 0)
        if d == 1 { return order }
        order.withUnsafeMutableBufferPointer { o in
            var start = 0
            while start < n {
                let key = values[Int(o[start]) &* d]
                var end = start &+ 1
                while end < n && values[Int(o[end]) &* d] == key { end &+= 1 }
                if end &- start > 1 {
                    o[start..<end].sort { a, b in
                        let ra = Int(a) &* d, rb = Int(b) &* d
                        for k in 1..<d {
                            let x = values[ra &+ k], y = values[rb &+ k]
                            if x < y { return true }
                            if y < x { return false }
                        }
                        return a < b
                    }
                }
                start = end
            }
        }
        return order
    }
}

extension KeyOrder {
    /// Sorts `keys[0..<n]` ascending in place, permuting `payload` alike (not stable): quicksort
    /// with a median-of-three pivot and insertion sort on short ranges.
    ///
    /// Hoare, C. A. R. (1962). Quicksort. The Computer Journal 5(1), 10–16; Sedgewick, R. (1978).
    /// Implementing Quicksort programs. Commun. ACM 21(10), 847–857.
    /// - Complexity: O(n log n) expected.
    static func sortPairs(_ keys: UnsafeMutablePointer<Double>, _ payload: UnsafeMutablePointer<Int32>, count n: Int) {
        var lo = 0, hi = n &- 1
        while hi &- lo > 16 {
            let mid = lo &+ ((hi &- lo) &>> 1)
            if keys[mid] < keys[lo] { swapAt(keys, payload, mid, lo) }
            if keys[hi] < keys[lo] { swapAt(keys, payload, hi, lo) }
            if keys[hi] < keys[mid] { swapAt(keys, payload, hi, mid) }
            let pivot = keys[mid]
            var i = lo, j = hi
            while i <= j {
                while keys[i] < pivot { i &+= 1 }
                while pivot < keys[j] { j &-= 1 }
                if i <= j { swapAt(keys, payload, i, j); i &+= 1; j &-= 1 }
            }
            // Recurse into the smaller side, loop on the larger.
            if j &- lo < hi &- i {
                sortPairs(keys + lo, payload + lo, count: j &- lo &+ 1)
                lo = i
            } else {
                sortPairs(keys + i, payload + i, count: hi &- i &+ 1)
                hi = j
            }
        }
        if hi > lo {
            for a in (lo &+ 1)...hi {
                let k = keys[a], v = payload[a]
                var b = a &- 1
                while b >= lo && keys[b] > k { keys[b &+ 1] = keys[b]; payload[b &+ 1] = payload[b]; b &-= 1 }
                keys[b &+ 1] = k
                payload[b &+ 1] = v
            }
        }
    }

    @inline(__always)
    private static func swapAt(_ keys: UnsafeMutablePointer<Double>, _ payload: UnsafeMutablePointer<Int32>, _ a: Int, _ b: Int) {
        let k = keys[a]; keys[a] = keys[b]; keys[b] = k
        let v = payload[a]; payload[a] = payload[b]; payload[b] = v
    }
}

extension KeyOrder {
    /// Sorts `keys[0..<n]` ascending in place: quicksort with a median-of-three pivot and
    /// insertion sort on short ranges (the keys usually carry their payload in their low bits).
    ///
    /// Hoare, C. A. R. (1962). Quicksort. The Computer Journal 5(1), 10–16; Sedgewick, R. (1978).
    /// Implementing Quicksort programs. Commun. ACM 21(10), 847–857.
    /// - Complexity: O(n log n) expected.
    static func sortKeys(_ keys: UnsafeMutablePointer<UInt64>, count n: Int) {
        var lo = 0, hi = n &- 1
        while hi &- lo > 24 {
            let mid = lo &+ ((hi &- lo) &>> 1)
            if keys[mid] < keys[lo] { keys.swapValues(mid, lo) }
            if keys[hi] < keys[lo] { keys.swapValues(hi, lo) }
            if keys[hi] < keys[mid] { keys.swapValues(hi, mid) }
            let pivot = keys[mid]
            var i = lo, j = hi
            while i <= j {
                while keys[i] < pivot { i &+= 1 }
                while pivot < keys[j] { j &-= 1 }
                if i <= j { keys.swapValues(i, j); i &+= 1; j &-= 1 }
            }
            // Recurse into the smaller side, loop on the larger.
            if j &- lo < hi &- i {
                sortKeys(keys + lo, count: j &- lo &+ 1)
                lo = i
            } else {
                sortKeys(keys + i, count: hi &- i &+ 1)
                hi = j
            }
        }
        if hi > lo {
            for a in (lo &+ 1)...hi {
                let k = keys[a]
                var b = a &- 1
                while b >= lo && keys[b] > k { keys[b &+ 1] = keys[b]; b &-= 1 }
                keys[b &+ 1] = k
            }
        }
    }
}

extension UnsafeMutablePointer where Pointee == UInt64 {
    @inline(__always)
    fileprivate func swapValues(_ a: Int, _ b: Int) {
        let t = self[a]; self[a] = self[b]; self[b] = t
    }
}
