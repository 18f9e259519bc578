"""Digits from elsewhere: a small out-of-MNIST test set, the kind of digits a class brings.

Printed digits in free fonts, photo-like digits on paper and canvas-like drawn digits, each made
MNIST-style by the app's own preprocessing (:mod:`explainer.preprocess`). Nobody trained on them:
they test the chapter's "perform well on data it has not seen". ``scripts/make_elsewhere.py``
makes the file and documents how.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import torch
from torch import nn

from explainer import data
from explainer.answers import Answers, answer_all
from explainer.errors import ExplainerError

ELSEWHERE_PATH = Path(__file__).resolve().parent / "assets" / "elsewhere.npz"
KINDS: tuple[str, ...] = ("printed", "photo", "drawn")


@dataclass(frozen=True)
class ElsewhereSet:
    """The digits (uint8 ``[N, 28, 28]``), their labels ``[N]``, kind index ``[N]`` and source."""

    images: torch.Tensor
    labels: torch.Tensor
    kinds: torch.Tensor  # index into KINDS
    sources: tuple[str, ...]  # font name, "photo" or "canvas strokes"

    def __len__(self) -> int:
        return len(self.labels)

    def of_kind(self, kind: str) -> ElsewhereSet:
        """Only the digits of one kind (``"printed"``, ``"photo"`` or ``"drawn"``)."""
        keep = self.kinds == KINDS.index(kind)
        index = keep.nonzero().flatten().tolist()
        return ElsewhereSet(
            self.images[keep],
            self.labels[keep],
            self.kinds[keep],
            tuple(self.sources[i] for i in index),
        )


@lru_cache(maxsize=2)
def _arrays(path: Path) -> dict[str, np.ndarray]:
    try:
        with np.load(path, allow_pickle=False) as archive:
            return {name: archive[name] for name in ("images", "labels", "kinds", "sources")}
    except FileNotFoundError:
        raise ExplainerError(
            f"{path}: the digits from elsewhere are missing; run `python scripts/make_elsewhere.py`"
        ) from None


def load_elsewhere(path: Path = ELSEWHERE_PATH) -> ElsewhereSet:
    """The shipped out-of-MNIST digits (a fresh set of tensors on every call)."""
    arrays = _arrays(path)
    return ElsewhereSet(
        torch.from_numpy(arrays["images"].copy()),
        torch.from_numpy(arrays["labels"].astype(np.int64)),
        torch.from_numpy(arrays["kinds"].astype(np.int64)),
        tuple(str(s) for s in arrays["sources"]),
    )


@dataclass(frozen=True)
class Scored:
    """One set of digits (the test split or one kind from elsewhere) and every answer on it."""

    name: str  # "test", "printed", "photo" or "drawn"
    images: torch.Tensor  # uint8 (N, 28, 28)
    labels: torch.Tensor  # (N,)
    answers: Answers

    def accuracy(self) -> dict[str, float]:
        """Each classifier's fraction right on this set."""
        return self.answers.accuracy(self.labels)

    def wrong(self, learner: str) -> np.ndarray:
        """Indices of the digits ``learner`` got wrong (abstaining counts as wrong)."""
        return np.flatnonzero(self.answers.of(learner) != self.labels.numpy())

    def captions(self, learner: str, index: np.ndarray) -> list[str]:
        """``"label→answer"`` for the digits at ``index`` (``?`` where the rules abstain)."""
        said = self.answers.of(learner)
        return [f"{int(self.labels[i])}→{'?' if said[i] < 0 else int(said[i])}" for i in index]


@dataclass(frozen=True)
class Gap:
    """How far the CNN is ahead of the linear classifier on one set, in percentage points."""

    name: str
    points: float  # cnn - linear, x100; negative: the hand features win

    @property
    def word(self) -> str:
        """``"ahead"``, ``"behind"`` or ``"level"`` (within half a point)."""
        return "level" if abs(self.points) < 0.5 else "ahead" if self.points > 0 else "behind"


def gaps(scored: list[Scored]) -> list[Gap]:
    """The CNN's lead over the linear classifier on every set, from the measured accuracies."""
    return [Gap(s.name, 100 * (s.accuracy()["cnn"] - s.accuracy()["linear"])) for s in scored]


SET_NAMES: tuple[str, ...] = ("test", *KINDS)


def score_all(cnn: nn.Module | None = None) -> list[Scored]:
    """The test split and each kind of digit from elsewhere, answered by every classifier."""
    test_images, test_labels = data.load_mnist("test")
    found = load_elsewhere()
    sets = [("test", test_images, test_labels)]
    sets += [(kind, found.of_kind(kind).images, found.of_kind(kind).labels) for kind in KINDS]
    every = torch.cat([images for _, images, _ in sets])
    answered = answer_all(every, cnn)
    scored, start = [], 0
    for name, images, labels in sets:
        part = slice(start, start + len(labels))
        start += len(labels)
        scored.append(Scored(name, images, labels, answered.part(part)))
    return scored
