"""Client for Hyperfront trials (standard library only, Python >= 3.9).

    import hyperfront
    for trial in hyperfront.trials():      # one trial for a plain command, many when persistent
        p = trial.params                    # dict; also trial.number, trial.seed
        for epoch in range(1, p["epochs"] + 1):
            acc, loss = train_one_epoch(...)
            trial.report(epoch, accuracy=acc, val_loss=loss)
            if trial.should_stop():
                break
        trial.finish(accuracy=acc, val_loss=loss)

The wire protocol is described in docs/trial-protocol.md of the Hyperfront repository.
"""

from ._client import Trial, TrialError, trials

__all__ = ["Trial", "TrialError", "trials"]
__version__ = "0.2.0"
