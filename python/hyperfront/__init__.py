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

Your own loop instead (ask/tell on a study file made by `hyperfront create`):

    study = hyperfront.Study("runs/x.sqlite")
    for trial in study.ask(4):
        study.tell(trial, accuracy=train(**trial.params))

The wire protocol is described in docs/trial-protocol.md of the Hyperfront repository.
"""

from ._client import Trial, TrialError, trials
from ._study import AskedTrial, Study, StudyError

__all__ = ["AskedTrial", "Study", "StudyError", "Trial", "TrialError", "trials"]
__version__ = "0.2.0"
