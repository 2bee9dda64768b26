import Testing
@testable import Pareto
import Randomness

@Suite struct KeyOrderTests {
    @Test(arguments: [5, 191, 192, KeyOrder.radixThreshold - 1, KeyOrder.radixThreshold, 1000, 5000])
    func radixOrderIsTheStableAscendingOrder(count n: Int) {
        var rng = RandomSource(seed: UInt64(n))
        // Negative and positive values, signed zeros, many ties, extreme magnitudes.
        let pool: [Double] = [-1e300, -3.5, -0.0, 0.0, Double.leastNormalMagnitude / 4, 0.25, 7, 1e300]
        let values = (0..<n).map { i in i % 3 == 0 ? pool[Int.random(in: 0..<pool.count, using: &rng)]
                                                    : Double.random(in: -10...10, using: &rng) }
        let order = values.withUnsafeBufferPointer { KeyOrder.ascending($0, count: n, stride: 1, offset: 0) }
        let expected = (0..<n).sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        // Equal keys (-0.0 and +0.0 included) keep index order.
        #expect(order.map(Int.init) == expected)
    }

    @Test func lexicographicOrderBreaksTiesOnLaterObjectives() {
        var rng = RandomSource(seed: 1)
        let points = Sample.grid(700, 3, &rng)
        let order = points.values.withUnsafeBufferPointer { KeyOrder.lexicographic($0, count: 700, dimension: 3) }
        for t in 1..<700 {
            let a = points.row(Int(order[t - 1])), b = points.row(Int(order[t]))
            #expect(a.lexicographicallyPrecedes(b) || (a == b && order[t - 1] < order[t]))
        }
    }

    @Test(arguments: [0, 1, 2, 17, 100, 1000])
    func sortPairsSortsKeysAndCarriesPayload(count n: Int) {
        var rng = RandomSource(seed: UInt64(n) + 99)
        var keys = (0..<n).map { _ in Double(Int.random(in: 0..<50, using: &rng)) / 7 }
        var payload = (0..<n).map { Int32($0) }
        let original = keys
        keys.withUnsafeMutableBufferPointer { k in
            payload.withUnsafeMutableBufferPointer { p in
                if n > 0 { KeyOrder.sortPairs(k.baseAddress!, p.baseAddress!, count: n) }
            }
        }
        #expect(keys == original.sorted())
        #expect(payload.map { original[Int($0)] } == keys)
        #expect(Set(payload).count == n)
    }

    @Test(arguments: [0, 1, 2, 24, 25, 100, 1000])
    func sortKeysSortsIntegerKeys(count n: Int) {
        var rng = RandomSource(seed: UInt64(n) + 7)
        // Few distinct high parts (ties), distinct low bits, as the packed WFG keys.
        var keys = (0..<n).map { i in UInt64.random(in: 0..<20, using: &rng) << 40 | UInt64(i) }
        let original = keys
        keys.withUnsafeMutableBufferPointer { k in
            if n > 0 { KeyOrder.sortKeys(k.baseAddress!, count: n) }
        }
        #expect(keys == original.sorted())
    }
}
