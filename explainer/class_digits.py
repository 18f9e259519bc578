"""A class's own digits as a test set: what each classifier got right, and the files to take home.

The digits come from a room (:mod:`explainer.rooms`); each carries the digit the student was asked
to draw (its label) and the answers the rules, the linear classifier and the CNN gave when it was
sent.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch

from explainer import answers, classifiers, data
from explainer.figures.features import confusion_matrix

LEARNERS = answers.LEARNERS


@dataclass(frozen=True, eq=False)  # eq=False: arrays have no single truth value
class ClassDigits:
    """N digits of a class: ids, images uint8 [N, 28, 28], labels and answers [N] (int64).

    ``rules`` holds :data:`explainer.classifiers.ABSTAIN` where no rule fits (counted as wrong).
    """

    ids: np.ndarray
    images: torch.Tensor
    labels: np.ndarray
    rules: np.ndarray
    linear: np.ndarray
    cnn: np.ndarray

    @classmethod
    def from_rows(
        cls,
        ids: Sequence[int],
        images: Sequence[bytes],
        labels: Sequence[int],
        rules: Sequence[int],
        linear: Sequence[int],
        cnn: Sequence[int],
    ) -> ClassDigits:
        """From stored rows: each image is 784 bytes, row by row."""
        pixels = np.frombuffer(b"".join(images), dtype=np.uint8).reshape(len(images), 28, 28)
        ints = [
            np.asarray(v, dtype=np.int64).reshape(-1) for v in (ids, labels, rules, linear, cnn)
        ]
        return cls(ints[0], torch.from_numpy(pixels.copy()), *ints[1:])

    def __len__(self) -> int:
        return len(self.labels)

    def of(self, learner: str) -> np.ndarray:
        """The answers of ``"rules"``, ``"linear"`` or ``"cnn"``."""
        return getattr(self, learner)

    def accuracy(self) -> dict[str, float]:
        """Each classifier's share right (abstaining counts as wrong); 0 for no digits."""
        return {
            k: float((self.of(k) == self.labels).mean()) if len(self) else 0.0 for k in LEARNERS
        }

    def confusion(self, learner: str) -> np.ndarray:
        """Counts [10, 10] (rules: [10, 11], the last column its abstentions)."""
        abstain = classifiers.ABSTAIN if learner == "rules" else None
        return confusion_matrix(self.labels, self.of(learner), abstain=abstain)

    def disagreements(self) -> dict[str, np.ndarray]:
        """Where the hand-made features (the linear classifier) and the CNN fail differently."""
        return classifiers.disagreements(self.labels, self.linear, self.cnn)

    def label_counts(self) -> list[int]:
        """How many digits of each label 0-9."""
        return np.bincount(self.labels, minlength=10).tolist()

    def subset(self, index: np.ndarray) -> ClassDigits:
        """Some of the digits, in the order of ``index``."""
        return ClassDigits(
            self.ids[index],
            self.images[torch.from_numpy(np.asarray(index, dtype=np.int64))],
            self.labels[index],
            self.rules[index],
            self.linear[index],
            self.cnn[index],
        )


def records(digits: ClassDigits) -> list[dict]:
    """One record per digit, in the order sent: its number, label and each answer (rules may be
    ``None``: they abstained)."""
    return [
        {
            "number": i + 1,
            "label": int(digits.labels[i]),
            "rules": None if digits.rules[i] == classifiers.ABSTAIN else int(digits.rules[i]),
            "linear": int(digits.linear[i]),
            "cnn": int(digits.cnn[i]),
        }
        for i in range(len(digits))
    ]


def summary(digits: ClassDigits, test_accuracy: dict[str, float] | None = None) -> dict:
    """How many digits of each label, each classifier's accuracy on them (and on the test split)."""
    result = {
        "digits": len(digits),
        "per_label": digits.label_counts(),
        "accuracy": digits.accuracy(),
    }
    if test_accuracy is not None:
        result["test_accuracy"] = dict(test_accuracy)
    return result


def to_npz(digits: ClassDigits) -> bytes:
    """The digits as a NumPy ``.npz``: images uint8 [N, 28, 28], labels, rules (-1: abstained),
    linear, cnn."""
    buffer = io.BytesIO()
    np.savez_compressed(
        buffer,
        images=digits.images.numpy(),
        labels=digits.labels,
        rules=digits.rules,
        linear=digits.linear,
        cnn=digits.cnn,
    )
    return buffer.getvalue()


def to_csv(digits: ClassDigits) -> str:
    """One row per digit: number, label, the answers (rules empty when they abstained), then the
    784 pixels row by row (0 = black paper, 255 = white ink), as MNIST's CSV files have them."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["number", "label", "rules", "linear", "cnn"] + [f"p{i}" for i in range(784)])
    flat = digits.images.reshape(len(digits), 784).numpy()
    for record, pixels in zip(records(digits), flat):
        rules = "" if record["rules"] is None else record["rules"]
        head = [record["number"], record["label"], rules, record["linear"], record["cnn"]]
        writer.writerow(head + pixels.tolist())
    return out.getvalue()


def reference_accuracy() -> dict[str, float]:
    """Each classifier's accuracy on the 1,000 bundled test digits, to compare a class with."""
    images, labels = data.load_mnist("test")
    return answers.answer_all(images).accuracy(labels)
