"""How accuracy grows with the number of training digits: hand features + linear vs the CNN.

Both learners see the same seeded subsets of the 4,000 bundled training digits, go through the same
loop (:func:`explainer.train.fit`) for the same number of optimizer steps at every size (a small
set is gone through many times, the last epoch cut short), and are scored on the same 1,000 test
digits. Every size runs with several seeds; each seed draws its own subset, starting weights and
batch order, so the spread between seeds shows how much of a difference is chance.
:func:`summarize` says what the points show (where the CNN gets ahead, whether either learner still
improves) without assuming the answer.

Regenerate the shipped result (after any change to the training recipe)::

    python -m explainer sweep --json explainer/assets/sweep.json

With the defaults that is 42 runs of 600 steps each: the shipped file took 612 s of training on
a busy shared 2-core machine (the page's button runs the smaller ``LIVE_CONFIG``).
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from explainer import classifiers, data, features, model, train
from explainer.errors import ExplainerError

SWEEP_PATH = Path(__file__).resolve().parent / "assets" / "sweep.json"
LEARNERS: tuple[str, ...] = ("linear", "cnn")


@dataclass(frozen=True)
class SweepConfig:
    """Training-set sizes, the seeds run at each size, and the optimizer steps of every run."""

    sizes: tuple[int, ...] = (50, 100, 200, 500, 1000, 2000, 4000)
    seeds: tuple[int, ...] = (0, 1, 2)
    steps: int = 600  # optimizer steps of every run, whatever the size
    batch_size: int = 64
    threads: int | None = 1  # torch threads while training (see explainer.train)

    def __post_init__(self) -> None:
        if not self.sizes or min(self.sizes) < 10 or max(self.sizes) > 4000:
            raise ValueError(f"sizes must lie between 10 and 4,000, not {self.sizes}")
        if len(set(self.sizes)) != len(self.sizes):
            raise ValueError(f"sizes must differ from each other, not {self.sizes}")
        if not self.seeds or len(set(self.seeds)) != len(self.seeds):
            raise ValueError(f"seeds must be one or more different numbers, not {self.seeds}")
        if self.steps < 1 or self.batch_size < 1:
            raise ValueError(
                f"steps and batch size must be at least 1: {self.steps}, {self.batch_size}"
            )

    @property
    def runs(self) -> int:
        """Models trained in all: both learners, every size, every seed."""
        return len(LEARNERS) * len(self.sizes) * len(self.seeds)


# What the page's "recompute" button runs: fewer seeds and sizes than the shipped sweep.
LIVE_CONFIG = SweepConfig(sizes=(50, 200, 1000, 4000), seeds=(0, 1))


@dataclass(frozen=True)
class SweepPoint:
    """One trained model: learner, training-set size, seed, optimizer steps, test accuracy, time."""

    learner: str  # "linear" or "cnn"
    size: int
    seed: int
    steps: int
    test_accuracy: float
    seconds: float


def epochs_for(size: int, config: SweepConfig) -> int:
    """Epochs over ``size`` digits that reach ``config.steps`` (the step cap ends the last one)."""
    return math.ceil(config.steps / math.ceil(size / config.batch_size))


def cnn_run(
    size: int, seed: int, config: SweepConfig, should_stop: Callable[[], bool] | None = None
) -> tuple[float, int]:
    """One CNN run set up as :func:`explainer.train.train_cnn` sets it up; (test accuracy, steps).

    Same model, subset and loop settings (``TrainConfig``'s), but capped at ``config.steps`` and
    scored once at the end: scoring after each of a small set's hundreds of epochs would take
    longer than the training. ``tests/test_sweep.py`` checks it against ``train_cnn``.
    """
    loop = train.cnn_fit(epochs=epochs_for(size, config), batch_size=config.batch_size, seed=seed)
    settings = train.TrainConfig(loop, train_size=size)
    cnn = model.build_model(settings.model, seed)
    subset = train.training_subset(size, seed)
    fit_config = settings.fit
    result = train.fit(cnn, subset, fit_config, None, None, should_stop, max_steps=config.steps)
    return train.evaluate(cnn, train.digit_dataset("test")), result.steps


def run_sweep(
    config: SweepConfig = SweepConfig(),
    on_point: Callable[[SweepPoint, int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> list[SweepPoint]:
    """Train both learners at every size with every seed; ``on_point(point, done, total)`` after each."""
    train_images, train_labels = data.load_mnist("train")
    test_images, test_labels = data.load_mnist("test")
    pool = data.TensorPairDataset(classifiers.expand(features.extract(train_images)), train_labels)
    test = classifiers.expand(features.extract(test_images)), test_labels  # (1000, F), (1000,)
    points: list[SweepPoint] = []

    def add(learner: str, size: int, seed: int, steps: int, accuracy: float, start: float) -> None:
        points.append(SweepPoint(learner, size, seed, steps, accuracy, time.perf_counter() - start))
        if on_point:
            on_point(points[-1], len(points), config.runs)

    with train.torch_threads(config.threads):
        for size in config.sizes:
            for seed in config.seeds:
                if should_stop is not None and should_stop():
                    return points
                start, epochs = time.perf_counter(), epochs_for(size, config)
                subset = train.training_subset(size, seed, pool)  # the CNN's digits, as features
                linear = classifiers.LinearConfig(
                    epochs=epochs, batch_size=config.batch_size, seed=seed
                )
                _, accuracy = classifiers.fit_linear(
                    subset.inputs, subset.labels, linear, test, config.steps
                )
                steps = min(epochs * math.ceil(len(subset) / config.batch_size), config.steps)
                add("linear", size, seed, steps, float(accuracy or 0.0), start)
                start = time.perf_counter()
                accuracy, steps = cnn_run(size, seed, config, should_stop)
                add("cnn", size, seed, steps, accuracy, start)
    return points


# ---------------------------------------------------------------------------------------------
# What the points show


@dataclass(frozen=True)
class Band:
    """One learner at one size over its seeds: mean, lowest and highest test accuracy."""

    learner: str
    size: int
    mean: float
    low: float
    high: float
    runs: int

    @property
    def spread(self) -> float:
        """Highest minus lowest accuracy over the seeds (0 for a single run)."""
        return self.high - self.low


def bands(points: list[SweepPoint]) -> dict[str, list[Band]]:
    """Per learner, one :class:`Band` per training-set size, smallest size first."""
    result: dict[str, list[Band]] = {}
    for learner in LEARNERS:
        sizes = sorted({p.size for p in points if p.learner == learner})
        result[learner] = []
        for size in sizes:
            runs = [p.test_accuracy for p in points if p.learner == learner and p.size == size]
            mean = sum(runs) / len(runs)
            result[learner].append(Band(learner, size, mean, min(runs), max(runs), len(runs)))
    return result


Verdict = Literal["rising", "flat", "falling", "single"]
TIE = 1e-9  # differences this small are rounding in the mean, not a gain


@dataclass(frozen=True)
class Trend:
    """One learner between the two largest sizes: the gain in mean accuracy against the spread."""

    learner: str
    from_size: int
    to_size: int
    gain: float  # mean accuracy at to_size minus mean accuracy at from_size
    spread: float  # the larger of the two sizes' seed spreads
    runs: int  # the fewer runs of the two sizes

    @classmethod
    def between(cls, before: Band, after: Band) -> Trend:
        """The trend from band ``before`` to band ``after``."""
        spread, runs = max(before.spread, after.spread), min(before.runs, after.runs)
        return cls(before.learner, before.size, after.size, after.mean - before.mean, spread, runs)

    @property
    def single(self) -> bool:
        """One run per size: no spread to tell a gain from chance."""
        return self.runs < 2

    @property
    def verdict(self) -> Verdict:
        """``rising``/``falling``: the mean moved by more than the spread; else ``flat``."""
        if self.single:
            return "single"
        if self.gain > self.spread + TIE:
            return "rising"
        return "falling" if self.gain < -self.spread - TIE else "flat"


@dataclass(frozen=True)
class SweepSummary:
    """What a sweep shows, as facts the page turns into sentences.

    ``ahead_from`` is the smallest size from which the CNN's mean accuracy is higher than the
    linear classifier's at every larger size (``None``: it is not ahead at the largest size).
    ``clear`` says whether, at that size, the CNN's worst run beats the linear classifier's best;
    ``clear_from`` is the smallest size from which that holds at every larger size.
    """

    sizes: tuple[int, ...]  # sizes where both learners have runs
    runs: int  # fewest runs (seeds) behind any point
    steps: tuple[int, int]  # fewest and most optimizer steps of any run
    first: dict[str, Band]  # each learner at the smallest size
    last: dict[str, Band]  # each learner at the largest size
    cnn_ahead: tuple[int, ...]  # sizes where the CNN's mean is higher
    ahead_from: int | None
    clear: bool
    clear_from: int | None
    at_ahead_from: dict[str, Band]  # each learner at ``ahead_from`` (empty if None)
    trends: dict[str, Trend]  # between the two largest sizes; empty with one size


def _from(sizes: tuple[int, ...], chosen: tuple[int, ...]) -> int | None:
    """The smallest size from which every larger size is ``chosen`` (``None``: not the largest)."""
    start = None
    for size in reversed(sizes):  # walk down from the largest size while it is chosen
        if size not in chosen:
            break
        start = size
    return start


def summarize(points: list[SweepPoint]) -> SweepSummary:
    """Where the CNN gets ahead and whether either learner still improves, from the points alone."""
    table = bands(points)
    sizes = tuple(sorted({b.size for b in table["linear"]} & {b.size for b in table["cnn"]}))
    if not sizes:
        raise ValueError("a sweep summary needs runs of both learners at one size at least")
    by = {learner: {b.size: b for b in table[learner]} for learner in LEARNERS}
    ahead = tuple(s for s in sizes if by["cnn"][s].mean > by["linear"][s].mean)
    clearly = tuple(s for s in sizes if by["cnn"][s].low > by["linear"][s].high)
    ahead_from, clear_from = _from(sizes, ahead), _from(sizes, clearly)
    clear = ahead_from is not None and ahead_from in clearly
    trends = {}
    if len(sizes) >= 2:
        trends = {name: Trend.between(by[name][sizes[-2]], by[name][sizes[-1]]) for name in by}
    steps = [p.steps for p in points]
    return SweepSummary(
        sizes=sizes,
        runs=min(by[name][s].runs for name in by for s in sizes),
        steps=(min(steps), max(steps)),
        first={name: by[name][sizes[0]] for name in by},
        last={name: by[name][sizes[-1]] for name in by},
        cnn_ahead=ahead,
        ahead_from=ahead_from,
        clear=clear,
        clear_from=clear_from,
        at_ahead_from={name: by[name][ahead_from] for name in by} if ahead_from else {},
        trends=trends,
    )


def estimate_seconds(points: list[SweepPoint], config: SweepConfig) -> float | None:
    """How long ``config`` took in ``points`` (a recorded sweep): the sum over its runs, or None."""
    mine = [p for p in points if p.size in config.sizes and p.seed in config.seeds]
    return sum(p.seconds for p in mine) if len(mine) == config.runs else None


def labels(source: SweepConfig | list[SweepPoint]) -> dict[str, str]:
    """The seeds and sizes of a config or of a sweep's points as text: ``seeds``, ``sizes``."""
    if isinstance(source, SweepConfig):
        seeds, sizes = source.seeds, source.sizes
    else:
        seeds, sizes = sorted({p.seed for p in source}), sorted({p.size for p in source})
    return {"seeds": ", ".join(map(str, seeds)), "sizes": ", ".join(map(str, sizes))}


# ---------------------------------------------------------------------------------------------
# The shipped file


def to_json(points: list[SweepPoint], config: SweepConfig) -> dict:
    """The sweep as a JSON-ready dict: the config and one record per trained model."""
    return {"config": asdict(config), "points": [asdict(p) for p in points]}


def from_json(payload: dict) -> list[SweepPoint]:
    """The points of a :func:`to_json` dict."""
    return [SweepPoint(**record) for record in payload["points"]]


def load_shipped(path: Path = SWEEP_PATH) -> list[SweepPoint]:
    """The precomputed sweep shipped with the app."""
    try:
        points = from_json(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise ExplainerError(
            f"{path}: no precomputed sweep; run `python -m explainer sweep --json {path}`"
        ) from None
    except (ValueError, KeyError, TypeError) as error:
        raise ExplainerError(f"{path}: not a sweep file ({error})") from None
    if not points:
        raise ExplainerError(f"{path}: the sweep has no points")
    return points
