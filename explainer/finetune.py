"""Learning from the class: fine-tune a copy of the CNN on half the class's digits, test on the rest.

The shipped CNN never changes: :func:`finetune` trains a copy, for a few optimizer steps with a
small learning rate, on one half of each label's digits, and scores it before and after on the
other half (digits it never trained on) and on the bundled test split (has it forgotten MNIST?).
"""

from __future__ import annotations

import copy
import math
import time
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from explainer import data, model, perf, train
from explainer.class_digits import ClassDigits
from explainer.errors import ExplainerError


@dataclass(frozen=True)
class FinetuneConfig:
    """A short, gentle run: ``steps`` Adam steps of ``batch_size`` digits at ``lr``."""

    steps: int = 40
    batch_size: int = 16
    lr: float = 3e-4
    seed: int = 0
    min_digits: int = 20  # fewer than this: too few for two halves that mean anything
    threads: int | None = 1  # one core: the server is shared with a class

    def __post_init__(self) -> None:
        if self.steps < 1 or self.batch_size < 1 or not self.lr > 0:
            raise ValueError("steps, batch size and learning rate must be positive")


@dataclass(frozen=True, eq=False)
class FinetuneResult:
    """Before and after, on the held-out half and on the test split."""

    train_index: np.ndarray  # positions in the class's digits it trained on
    held_index: np.ndarray  # positions it was scored on
    held_before: np.ndarray  # the CNN's answers on the held-out half, before
    held_after: np.ndarray  # and after
    before: float  # accuracy on the held-out half
    after: float
    test_before: float  # accuracy on the bundled test split
    test_after: float
    steps: int
    seconds: float
    model: nn.Module  # the fine-tuned copy

    def scores(self) -> dict[str, dict[str, float]]:
        """``{"before": {"held": ..., "test": ...}, "after": {...}}``: accuracies to compare."""
        return {
            "before": {"held": self.before, "test": self.test_before},
            "after": {"held": self.after, "test": self.test_after},
        }


def split_half(labels: np.ndarray, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Positions to train on and to hold out: each label's digits shuffled, half to each side
    (the odd one out to the held-out side), so both halves have every label the class drew."""
    rng = np.random.default_rng(seed)
    train_parts, held_parts = [], []
    for digit in range(10):
        members = rng.permutation(np.flatnonzero(labels == digit))
        train_parts.append(members[: len(members) // 2])
        held_parts.append(members[len(members) // 2 :])
    return np.sort(np.concatenate(train_parts)), np.sort(np.concatenate(held_parts))


def finetune(
    digits: ClassDigits, config: FinetuneConfig = FinetuneConfig(), base: nn.Module | None = None
) -> FinetuneResult:
    """Train a copy of ``base`` (the shipped CNN by default) on half the digits; score both."""
    if len(digits) < config.min_digits:
        raise ExplainerError(
            f"fine-tuning needs at least {config.min_digits} digits, the class has {len(digits)}"
        )
    start = time.perf_counter()
    train_index, held_index = split_half(digits.labels, config.seed)
    tuned = copy.deepcopy(base) if base is not None else model.load_pretrained()
    held_images = digits.images[torch.from_numpy(held_index)]  # (H, 28, 28)
    held_labels = torch.from_numpy(digits.labels[held_index])
    test_images, test_labels = data.load_mnist("test")
    held_before = model.predict(tuned, held_images).numpy()
    test_before = model.accuracy(tuned, test_images, test_labels)
    train_set = data.DigitDataset(
        digits.images[torch.from_numpy(train_index)], torch.from_numpy(digits.labels[train_index])
    )
    batches = math.ceil(len(train_set) / config.batch_size)
    steps = [0]

    def count(event: train.Progress) -> None:
        steps[0] += event.kind == "step"

    fit_config = train.FitConfig(
        epochs=math.ceil(config.steps / batches),
        batch_size=config.batch_size,
        lr=config.lr,
        optimizer="adam",
        seed=config.seed,
        decay=False,
    )
    with perf.torch_threads(config.threads):
        train.fit(tuned, train_set, fit_config, None, count, lambda: steps[0] >= config.steps)
        held_after = model.predict(tuned, held_images).numpy()
        test_after = model.accuracy(tuned, test_images, test_labels)
    truth = held_labels.numpy()
    return FinetuneResult(
        train_index,
        held_index,
        held_before,
        held_after,
        float((held_before == truth).mean()),
        float((held_after == truth).mean()),
        test_before,
        test_after,
        steps[0],
        time.perf_counter() - start,
        tuned,
    )
