"""A trial script that imports numpy and scikit-learn and trains with the Hyperfront client:
an SGD classifier on a synthetic data set, epoch by epoch (partial_fit)."""
import numpy as np
from sklearn.datasets import make_classification
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import log_loss
from sklearn.model_selection import train_test_split

import hyperfront

X, y = make_classification(n_samples=600, n_features=20, n_informative=8, random_state=0)
Xtr, Xva, ytr, yva = train_test_split(X, y, test_size=0.25, random_state=0)

for trial in hyperfront.trials():
    p = trial.params
    model = SGDClassifier(loss="log_loss", alpha=p["alpha"], learning_rate="constant", eta0=p["eta0"],
                          random_state=trial.seed % (2 ** 32))
    loss = acc = float("nan")
    for epoch in range(1, p["epochs"] + 1):
        model.partial_fit(Xtr, ytr, classes=np.array([0, 1]))
        loss = float(log_loss(yva, model.predict_proba(Xva)))
        acc = float(model.score(Xva, yva))
        trial.report(epoch, val_loss=loss, accuracy=acc)
        if trial.should_stop():
            break
    trial.finish(val_loss=loss, accuracy=acc)
