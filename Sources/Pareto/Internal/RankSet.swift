/// A set of integers from a fixed universe `0..<n` with predecessor and successor queries: a
/// hierarchy of 64-bit words where each bit of level `l + 1` says whether word of level `l` is
/// non-empty (a 64-ary van Emde Boas–style layout).
///
/// van Emde Boas, P. (1977). Preserving order in a forest in less than logarithmic time and
/// linear space. Information Processing Letters 6(3), 80–82.
///
/// Manually managed: call `deallocate()` exactly once.
/// - Complexity: insert, remove, predecessor, successor in O(log₆₄ n).
struct RankSet {
    private let words: UnsafeMutablePointer<UInt64>
    private let offsets: UnsafeMutablePointer<Int>
    private let levels: Int

    init(universe n: Int) {
        var offs: [Int] = []
        var total = 0, m = Swift.max(n, 1)
        repeat {
            offs.append(total)
            let w = (m &+ 63) &>> 6
            total &+= w
            m = w
        } while m > 1
        words = .allocate(capacity: total)
        words.initialize(repeating: 0, count: total)
        offsets = .allocate(capacity: offs.count)
        offsets.initialize(from: offs, count: offs.count)
        levels = offs.count
    }

    func deallocate() {
        words.deallocate()
        offsets.deallocate()
    }

    @inline(__always)
    func insert(_ i: Int) {
        var i = i, l = 0
        while l < levels {
            let w = offsets[l] &+ (i &>> 6)
            let was = words[w]
            words[w] = was | (1 &<< UInt64(i & 63))
            if was != 0 { return }
            i &>>= 6
            l &+= 1
        }
    }

    @inline(__always)
    func remove(_ i: Int) {
        var i = i, l = 0
        while l < levels {
            let w = offsets[l] &+ (i &>> 6)
            let now = words[w] & ~(1 &<< UInt64(i & 63))
            words[w] = now
            if now != 0 { return }
            i &>>= 6
            l &+= 1
        }
    }

    /// The largest element smaller than `i`, or -1.
    @inline(__always)
    func predecessor(_ i: Int) -> Int {
        var i = i, l = 0
        while l < levels {
            let bit = UInt64(i & 63)
            let mask = words[offsets[l] &+ (i &>> 6)] & ((1 &<< bit) &- 1)
            if mask != 0 {
                var r = ((i &>> 6) &<< 6) | (63 &- mask.leadingZeroBitCount)
                while l > 0 {
                    l &-= 1
                    let w = words[offsets[l] &+ r]
                    r = (r &<< 6) | (63 &- w.leadingZeroBitCount)
                }
                return r
            }
            i &>>= 6
            l &+= 1
        }
        return -1
    }

    /// The smallest element larger than `i` (`i` may be -1), or -1 when there is none.
    @inline(__always)
    func successor(_ i: Int) -> Int {
        if i < 0 { return first() }
        var i = i, l = 0
        while l < levels {
            let bit = UInt64(i & 63)
            let mask = bit == 63 ? 0 : words[offsets[l] &+ (i &>> 6)] & (~0 &<< (bit &+ 1))
            if mask != 0 {
                var r = ((i &>> 6) &<< 6) | mask.trailingZeroBitCount
                while l > 0 {
                    l &-= 1
                    let w = words[offsets[l] &+ r]
                    r = (r &<< 6) | w.trailingZeroBitCount
                }
                return r
            }
            i &>>= 6
            l &+= 1
        }
        return -1
    }

    /// The smallest element, or -1 when empty.
    @inline(__always)
    func first() -> Int {
        var l = levels &- 1
        var w = words[offsets[l]]
        if w == 0 { return -1 }
        var r = w.trailingZeroBitCount
        while l > 0 {
            l &-= 1
            w = words[offsets[l] &+ r]
            r = (r &<< 6) | w.trailingZeroBitCount
        }
        return r
    }
}
