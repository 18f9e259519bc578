"""How accuracy grows with the number of training digits: hand features + linear vs the CNN.

The chapter's picture: a classifier on hand-made features levels off early, while a network that
learns its own features keeps improving as it sees more data. Both learners see the same seeded
subsets of the 4,000 bundled training digits, go through the same loop
(:func:`explainer.train.fit`), and are scored on the same 1,000 test digits.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import torch

from explainer import classifiers, data, features, train
from explainer.errors import ExplainerError

SWEEP_PATH = Path(__file__).resolve().parent / "assets" / "sweep.json"
LEARNERS: tuple[str, ...] = ("linear", "cnn")


@dataclass(frozen=True)
class SweepConfig:
    """Training-set sizes, the seed of the subsets and models, and how long each run trains.

    Each run gets about ``target_steps`` optimizer steps (more epochs for small sets), between
    ``min_epochs`` and ``max_epochs`` epochs.
    """

    sizes: tuple[int, ...] = (50, 100, 200, 500, 1000, 2000, 4000)
    seed: int = 0
    target_steps: int = 300
    min_epochs: int = 3
    max_epochs: int = 60
    batch_size: int = 64

    def __post_init__(self) -> None:
        if not self.sizes or min(self.sizes) < 10 or max(self.sizes) > 4000:
            raise ValueError(f"sizes must lie between 10 and 4,000, not {self.sizes}")


@dataclass(frozen=True)
class SweepPoint:
    """One trained model: its learner, training-set size, epochs, test accuracy and time."""

    learner: str  # "linear" or "cnn"
    size: int
    epochs: int
    test_accuracy: float
    seconds: float


def epochs_for(size: int, config: SweepConfig) -> int:
    """Epochs that give a run of ``size`` digits about ``target_steps`` optimizer steps."""
    batches = math.ceil(size / config.batch_size)
    return min(max(config.min_epochs, math.ceil(config.target_steps / batches)), config.max_epochs)


def subset_index(size: int, seed: int, total: int) -> torch.Tensor:
    """The same seeded subset that :func:`explainer.train.training_subset` draws."""
    if size >= total:
        return torch.arange(total)
    return torch.randperm(total, generator=torch.Generator().manual_seed(seed))[:size]


def run_sweep(
    config: SweepConfig = SweepConfig(),
    on_point: Callable[[SweepPoint, int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> list[SweepPoint]:
    """Train both learners at every size; ``on_point(point, done, total)`` after each model."""
    train_images, train_labels = data.load_mnist("train")
    test_images, test_labels = data.load_mnist("test")
    train_inputs = classifiers.expand(features.extract(train_images))  # (4000, F)
    test_inputs = classifiers.expand(features.extract(test_images))  # (1000, F)
    points: list[SweepPoint] = []
    total = 2 * len(config.sizes)
    for size in config.sizes:
        epochs = epochs_for(size, config)
        index = subset_index(size, config.seed, len(train_labels))
        start = time.perf_counter()
        linear_config = classifiers.LinearConfig(
            epochs=epochs, batch_size=config.batch_size, seed=config.seed
        )
        _, accuracy = classifiers.fit_linear(
            train_inputs[index], train_labels[index], linear_config, (test_inputs, test_labels)
        )
        points.append(
            SweepPoint("linear", size, epochs, float(accuracy), time.perf_counter() - start)
        )
        if on_point:
            on_point(points[-1], len(points), total)
        if should_stop is not None and should_stop():
            break
        start = time.perf_counter()
        cnn_config = train.TrainConfig(
            epochs=epochs, batch_size=config.batch_size, train_size=size, seed=config.seed
        )
        result = train.train_cnn(cnn_config, should_stop=should_stop)
        points.append(
            SweepPoint(
                "cnn", size, epochs, float(result.test_accuracy or 0.0), time.perf_counter() - start
            )
        )
        if on_point:
            on_point(points[-1], len(points), total)
        if should_stop is not None and should_stop():
            break
    return points


def to_json(points: list[SweepPoint], config: SweepConfig) -> dict:
    """The sweep as a JSON-ready dict: the config and one record per trained model."""
    return {"config": asdict(config), "points": [asdict(p) for p in points]}


def from_json(payload: dict) -> list[SweepPoint]:
    """The points of a :func:`to_json` dict."""
    return [SweepPoint(**record) for record in payload["points"]]


def load_shipped(path: Path = SWEEP_PATH) -> list[SweepPoint]:
    """The precomputed sweep shipped with the app."""
    try:
        return from_json(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise ExplainerError(
            f"{path}: no precomputed sweep; run `python -m explainer sweep --json {path}`"
        ) from None
    except (ValueError, KeyError, TypeError) as error:
        raise ExplainerError(f"{path}: not a sweep file ({error})") from None
