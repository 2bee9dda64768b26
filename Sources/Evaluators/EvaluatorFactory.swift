import Hyperfront

/// Names the first release's callers use; evaluators are now built by their `EvaluatorPlugin`
/// (see `StudySetup.make` in Studies).
public enum EvaluatorFactory {
    public typealias Made = MadeEvaluator
    public typealias EvaluatorError = PluginError
}
