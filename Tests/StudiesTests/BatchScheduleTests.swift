import Testing
import Hyperfront
@testable import Studies

/// Drives a schedule with `answered` results until it waits (or asks when `sizes`, the
/// batches still to come, is empty); returns the steps taken.
private func drain(_ s: inout BatchSchedule, answered: Set<[Int]>, sizes: inout [Int]) -> [BatchSchedule.Step] {
    var steps: [BatchSchedule.Step] = []
    while true {
        let step = s.next { b, i in answered.contains([b, i]) }
        steps.append(step)
        switch step {
        case .wait: return steps
        case .ask:
            guard !sizes.isEmpty else { steps.removeLast(); return steps }
            s.added(count: sizes.removeFirst())
        default: continue
        }
    }
}

@Test func strictBatchesAreToldWholeBeforeTheNextAsk() {
    var s = BatchSchedule(depth: 0)
    #expect(s.next { _, _ in false } == .ask)
    #expect(s.added(count: 4) == 0)
    #expect(s.next { _, i in i < 3 } == .wait)
    #expect(s.next { _, _ in true } == .tell(batch: 0, proposals: 0..<4, closes: true))
    #expect(s.next { _, _ in false } == .ask)
    #expect(s.openBatches == 0)
}

@Test func pipelinedBatchTellsItsHeadWithdrawsItsTailAndAsks() {
    var s = BatchSchedule(depth: 2)
    _ = s.next { _, _ in false }
    s.added(count: 8)
    // The head (6 proposals) is not in yet: wait, even with the whole tail in.
    #expect(s.next { _, i in i != 5 } == .wait)
    #expect(s.next { _, i in i < 6 } == .tell(batch: 0, proposals: 0..<6, closes: false))
    #expect(s.next { _, _ in false } == .withdraw(batch: 0, proposals: 6..<8))
    #expect(s.next { _, _ in false } == .ask)
    s.added(count: 8)
    // Batch 1's head is in, but batch 0's tail is not: nothing may happen.
    #expect(s.next { b, i in b == 1 || i < 6 } == .wait)
    #expect(s.next { _, _ in true } == .tell(batch: 0, proposals: 6..<8, closes: true))
    #expect(s.next { _, _ in true } == .tell(batch: 1, proposals: 0..<6, closes: false))
    #expect(s.next { _, _ in true } == .withdraw(batch: 1, proposals: 6..<8))
    #expect(s.next { _, _ in true } == .ask)
}

@Test func theTailIsAtMostHalfABatch() {
    let s = BatchSchedule(depth: 10)
    #expect(s.head(of: 8) == 4)
    #expect(s.head(of: 1) == 1)
    #expect(s.head(of: 30) == 20)
    #expect(BatchSchedule(depth: 0).head(of: 8) == 8)
    #expect(BatchSchedule(depth: -3).depth == 0)
}

@Test func aProposalIsLookedAtUntilItHasItsResultAndNotAfter() {
    var s = BatchSchedule(depth: 0)
    _ = s.next { _, _ in false }
    s.added(count: 5)
    var looked: [Int] = []
    _ = s.next { _, i in looked.append(i); return i < 2 }
    _ = s.next { _, i in looked.append(i); return i < 4 }
    _ = s.next { _, i in looked.append(i); return true }
    #expect(looked == [0, 1, 2, 2, 3, 4, 4])
}

/// The rule's defining property: the steps, in order, are the same whatever order results
/// arrive in and however many arrive between two looks — here 200 random arrival orders with
/// 1 to 6 results between looks (as with 1 to 6 workers), against results arriving one by one.
@Test(arguments: [0, 1, 3])
func stepsDoNotDependOnWhenResultsArrive(depth: Int) {
    let sizes = [6, 6, 5, 6, 6, 4, 6]
    func run(order: (inout [[Int]], inout RandomSource) -> Void, perLook: (inout RandomSource) -> Int, seed: UInt64) -> [BatchSchedule.Step] {
        var rng = RandomSource(seed: seed)
        var s = BatchSchedule(depth: depth)
        var remaining = sizes
        var answered = Set<[Int]>()
        var outstanding: [[Int]] = []
        var steps: [BatchSchedule.Step] = []
        var asked = 0
        while true {
            for step in drain(&s, answered: answered, sizes: &remaining) where step != .wait {
                steps.append(step)
                if step == .ask, asked < sizes.count {
                    outstanding += (0..<sizes[asked]).map { [asked, $0] }
                    asked += 1
                }
            }
            if outstanding.isEmpty { break }
            order(&outstanding, &rng)
            for _ in 0..<min(perLook(&rng), outstanding.count) { answered.insert(outstanding.removeFirst()) }
        }
        return steps
    }
    let inOrder = run(order: { _, _ in }, perLook: { _ in 1 }, seed: 0)
    #expect(inOrder.filter { $0 == .ask }.count >= sizes.count)
    for seed in 1...200 {
        let shuffled = run(order: { o, rng in o.shuffle(using: &rng) }, perLook: { rng in Int(rng.next() % 6) + 1 }, seed: UInt64(seed))
        #expect(shuffled == inOrder, "seed \(seed)")
    }
}
