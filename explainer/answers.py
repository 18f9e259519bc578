"""Every classifier's answer on a stack of digits: the rules, the linear model, the CNN.

One function for "run them all", used by the CLI's ``predict``, the comparison pages and the
digits-from-elsewhere scoreboard, so they can never disagree about what a classifier said.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch
from torch import nn

from explainer import classifiers, features, model

LEARNERS: tuple[str, ...] = ("rules", "linear", "cnn")


@dataclass(frozen=True)
class Answers:
    """The hand-made features of N digits and each classifier's answers ``[N]``.

    ``rules`` holds :data:`explainer.classifiers.ABSTAIN` where no rule fits (counted as wrong).
    """

    features: pd.DataFrame
    rules: np.ndarray
    linear: np.ndarray
    cnn: np.ndarray
    cnn_proba: np.ndarray  # (N, 10)

    def of(self, learner: str) -> np.ndarray:
        """The answers of ``"rules"``, ``"linear"`` or ``"cnn"``."""
        return getattr(self, learner)

    def part(self, index: slice) -> Answers:
        """The answers of some of the digits."""
        return Answers(
            self.features.iloc[index].reset_index(drop=True),
            self.rules[index],
            self.linear[index],
            self.cnn[index],
            self.cnn_proba[index],
        )

    def accuracy(self, labels: torch.Tensor | np.ndarray) -> dict[str, float]:
        """Each classifier's fraction right on these digits (abstaining counts as wrong)."""
        truth = np.asarray(labels)
        return {k: float((self.of(k) == truth).mean()) if len(truth) else 0.0 for k in LEARNERS}


def answer_all(
    images: torch.Tensor,
    cnn: nn.Module | None = None,
    linear: classifiers.LinearOnFeatures | None = None,
) -> Answers:
    """uint8 ``[N, 28, 28]`` -> every classifier's answers (shipped models unless given)."""
    table = features.extract(images)
    proba = model.predict_proba(cnn if cnn is not None else model.load_pretrained(), images)
    linear = linear if linear is not None else classifiers.load_linear()
    return Answers(
        table,
        classifiers.predict_rules(table),
        classifiers.predict_linear(linear, table),
        proba.argmax(dim=1).numpy(),
        proba.numpy(),
    )
