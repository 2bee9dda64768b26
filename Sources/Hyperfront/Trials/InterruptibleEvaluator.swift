/// An evaluator whose trials run outside this process and take long enough to be worth
/// recording when they start; `interrupt()` stops every trial in flight (their processes are
/// killed, and their evaluations return promptly as failed with reason "interrupted").
public protocol InterruptibleEvaluator: Evaluator {
    func interrupt()
}
