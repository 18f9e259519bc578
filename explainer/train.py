"""Training: one loop (:func:`fit`) built from the chapter's parts, and the CNN run around it.

``fit`` is generic over the model: the CNN on digits and a linear classifier on hand-made feature
vectors both go through it. Progress arrives through a callback of :class:`Progress` events, so the
CLI, the "Watch it learn" page and the tests share the same loop.

For pages: ``train_cnn(TrainConfig(...), on_progress, should_stop) -> TrainResult``. Step events
carry the loss and the current batch, epoch events the accuracies; the result holds the loss per
step, :class:`EpochStats`, first-layer :class:`FilterSnapshot` s, and ``status``/``divergence``.
Training runs on one torch thread by default: on a shared 2-core machine two OpenMP threads that
spin-wait for each other are 10-40x slower whenever anything else runs (``scripts/bench_train.py``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from typing import Literal

import torch
from torch import nn
from torch.optim.lr_scheduler import LambdaLR, LRScheduler

from explainer import data
from explainer.model import CNNConfig, DigitCNN, FirstLayerStart, build_model, set_hand_filters
from explainer.perf import torch_threads

OptimizerName = Literal["sgd", "momentum", "adam"]
OPTIMIZERS: tuple[str, ...] = ("sgd", "momentum", "adam")
# A learning rate that works for each optimizer when none is given.
DEFAULT_LR: dict[str, float] = {"sgd": 0.1, "momentum": 0.03, "adam": 0.005}
Status = Literal["finished", "stopped", "diverged"]


@dataclass(frozen=True)
class FitConfig:
    """Settings of one training run: ``lr=None`` takes the optimizer's ``DEFAULT_LR``."""

    epochs: int = 3
    batch_size: int = 64
    lr: float | None = None
    optimizer: OptimizerName = "adam"
    seed: int = 0
    momentum: float = 0.9
    decay: bool = True  # lower the learning rate linearly to 0 over the run
    device: str = "cpu"  # where the model and each batch go: "cpu", "cuda", "cuda:0", "mps"

    def __post_init__(self) -> None:
        if self.epochs < 0:
            raise ValueError(f"epochs must be 0 or more, not {self.epochs}")
        if self.batch_size < 1:
            raise ValueError(f"batch size must be at least 1, not {self.batch_size}")
        if self.optimizer not in OPTIMIZERS:
            raise ValueError(f"optimizer must be one of {OPTIMIZERS}, not {self.optimizer!r}")
        if self.lr is not None and not (math.isfinite(self.lr) and self.lr > 0):
            raise ValueError(f"learning rate must be a positive number, not {self.lr}")

    @property
    def learning_rate(self) -> float:
        """The learning rate actually used."""
        return self.lr if self.lr is not None else DEFAULT_LR[self.optimizer]


@dataclass(frozen=True)
class Progress:
    """One event of a run, passed to ``on_progress``.

    ``kind="step"`` after every optimizer step: ``loss`` is that step's loss and ``batch`` the
    ``(inputs, labels)`` the ``DataLoader`` just served (for a preview; do not modify).
    ``kind="epoch"`` after each epoch: ``train_accuracy`` (over the epoch's batches) and
    ``test_accuracy`` (``None`` without a test set) are set. ``model`` is the model being trained
    (read it, e.g. its first-layer filters; do not change it). Steps count from 1.
    """

    kind: Literal["step", "epoch"]
    epoch: int  # 0-based
    step: int  # optimizer steps done so far
    total_steps: int  # steps of the whole run if it is not stopped
    loss: float
    seconds: float  # since the run started
    model: nn.Module
    batch: tuple[torch.Tensor, torch.Tensor] | None = None
    train_accuracy: float | None = None
    test_accuracy: float | None = None

    @property
    def fraction(self) -> float:
        """How much of the run is done, 0..1 (for a progress bar)."""
        return self.step / self.total_steps if self.total_steps else 1.0


@dataclass(frozen=True)
class EpochStats:
    """Accuracy after one epoch: train over that epoch's batches, test on the whole test set."""

    epoch: int
    step: int  # optimizer steps done at the end of this epoch
    train_accuracy: float
    test_accuracy: float | None
    seconds: float


@dataclass(frozen=True)
class Divergence:
    """Why a run stopped on its own: the loss became NaN or infinite at ``step`` (1-based)."""

    step: int
    epoch: int
    loss: float  # nan or inf
    last_good_loss: float | None  # the last finite loss; the model holds the weights that gave it
    lr: float
    optimizer: str


@dataclass(frozen=True)
class FitResult:
    """What :func:`fit` did: the loss per step, accuracy per epoch, and how the run ended.

    ``status`` is ``"finished"``, ``"stopped"`` (``should_stop`` said so) or ``"diverged"`` (see
    ``divergence``). The model, changed in place, holds the last good weights in every case.
    """

    losses: list[float]  # one per optimizer step
    epochs: list[EpochStats]
    status: Status
    seconds: float  # training time, evaluation included
    test_accuracy: float | None  # of the model as returned
    divergence: Divergence | None = None

    @property
    def steps(self) -> int:
        """Optimizer steps taken."""
        return len(self.losses)


def make_optimizer(model: nn.Module, config: FitConfig) -> torch.optim.Optimizer:
    """The ``torch.optim`` optimizer named in ``config``, over the trainable parameters."""
    params = [p for p in model.parameters() if p.requires_grad]
    if config.optimizer == "adam":
        return torch.optim.Adam(params, lr=config.learning_rate)
    momentum = config.momentum if config.optimizer == "momentum" else 0.0
    return torch.optim.SGD(params, lr=config.learning_rate, momentum=momentum)


def make_scheduler(optimizer: torch.optim.Optimizer, config: FitConfig, steps: int) -> LRScheduler:
    """With ``config.decay``: lower the learning rate linearly to 0 over ``steps``; else constant."""
    steps = steps if config.decay else 0
    return LambdaLR(optimizer, lambda step: max(0.0, 1 - step / steps) if steps else 1.0)


def torch_device(name: str) -> torch.device:
    """The torch device a run trains on (tests point ``cuda:N`` at the CPU)."""
    return torch.device(name)


def _device_of(model: nn.Module) -> torch.device:
    return next(iter(model.parameters()), torch.empty(0)).device


@torch.no_grad()
def evaluate(model: nn.Module, dataset: data.TensorPairDataset, batch_size: int = 1000) -> float:
    """Accuracy of ``model`` on a whole dataset, on the model's device, in eval mode."""
    was_training = model.training
    model.eval()
    correct, device = 0, _device_of(model)
    for i in range(0, len(dataset), batch_size):
        inputs = dataset.inputs[i : i + batch_size].to(device)  # (B, ...)
        logits = model(inputs)  # (B, classes)
        labels = dataset.labels[i : i + batch_size].to(device)  # (B,)
        correct += int((logits.argmax(dim=1) == labels).sum())
    model.train(was_training)
    return correct / max(len(dataset), 1)


class _Record:
    """The bookkeeping of one :func:`fit` run: losses, accuracies, events, last good weights."""

    def __init__(
        self,
        model: nn.Module,
        config: FitConfig,
        total_steps: int,
        on_progress: Callable[[Progress], None] | None,
    ) -> None:
        self.model, self.config, self.total_steps, self.on_progress = (
            model,
            config,
            total_steps,
            on_progress,
        )
        self.live = list(model.state_dict().values())
        self.last_good = [t.detach().clone() for t in self.live]
        self.losses: list[float] = []
        self.epochs: list[EpochStats] = []
        self.status: Status = "finished"
        self.divergence: Divergence | None = None
        self.correct = self.seen = 0
        self.start = time.perf_counter()

    def seconds(self) -> float:
        return time.perf_counter() - self.start

    def loss_is_finite(self, loss: float, epoch: int) -> bool:
        """Keep the weights that gave a finite ``loss``; on NaN/inf restore them and say so."""
        if math.isfinite(loss):
            torch._foreach_copy_(self.last_good, self.live)
            return True
        with torch.no_grad():
            torch._foreach_copy_(self.live, self.last_good)
        last = self.losses[-1] if self.losses else None
        self.divergence = Divergence(
            len(self.losses) + 1,
            epoch,
            loss,
            last,
            self.config.learning_rate,
            self.config.optimizer,
        )
        self.status = "diverged"
        return False

    def step(
        self,
        epoch: int,
        loss: float,
        predicted: torch.Tensor,
        labels: torch.Tensor,
        inputs: torch.Tensor,
    ) -> None:
        """Record one optimizer step (CPU ``predicted`` classes, the CPU batch) and report it."""
        self.losses.append(loss)
        self.correct += int((predicted == labels).sum())
        self.seen += len(labels)
        if self.on_progress is not None:
            self.on_progress(
                Progress(
                    "step",
                    epoch,
                    len(self.losses),
                    self.total_steps,
                    loss,
                    self.seconds(),
                    self.model,
                    (inputs, labels),
                )
            )

    def end_epoch(self, epoch: int, test_set: data.TensorPairDataset | None) -> None:
        """Record the epoch's accuracies (if it took any step) and report them."""
        if self.seen == 0:
            return
        train_accuracy = self.correct / self.seen
        test_accuracy = evaluate(self.model, test_set) if test_set is not None else None
        stats = EpochStats(epoch, len(self.losses), train_accuracy, test_accuracy, self.seconds())
        self.epochs.append(stats)
        self.correct = self.seen = 0
        if self.on_progress is not None:
            self.on_progress(
                Progress(
                    "epoch",
                    epoch,
                    stats.step,
                    self.total_steps,
                    self.losses[-1],
                    stats.seconds,
                    self.model,
                    None,
                    train_accuracy,
                    test_accuracy,
                )
            )

    def result(self, test_set: data.TensorPairDataset | None) -> FitResult:
        """The run's :class:`FitResult`; the model is left in eval mode."""
        if self.epochs and self.epochs[-1].step == len(self.losses):
            accuracy = self.epochs[-1].test_accuracy
        else:
            accuracy = evaluate(self.model, test_set) if test_set is not None else None
        self.model.eval()
        return FitResult(
            self.losses, self.epochs, self.status, self.seconds(), accuracy, self.divergence
        )


def fit(
    model: nn.Module,
    train_set: data.TensorPairDataset,
    config: FitConfig,
    test_set: data.TensorPairDataset | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    max_steps: int | None = None,
) -> FitResult:
    """Train ``model`` in place: DataLoader -> model -> loss -> backward -> optimizer step.

    ``max_steps`` caps the optimizer steps (the last epoch then ends early). The model moves to
    ``config.device`` and stays there; each batch moves there as it is served.
    """
    device = torch_device(config.device)
    model.to(device)  # the weights, once
    loader = data.make_loader(train_set, config.batch_size, shuffle=True, seed=config.seed)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = make_optimizer(model, config)
    total = config.epochs * len(loader)
    total = total if max_steps is None else min(total, max_steps)
    scheduler = make_scheduler(optimizer, config, steps=total)
    record = _Record(model, config, total, on_progress)
    for epoch in range(config.epochs):
        model.train()
        for inputs, labels in loader:  # (B, ...) inputs, (B,) labels
            if len(record.losses) >= total:
                break
            if should_stop is not None and should_stop():
                record.status = "stopped"
                break
            x, y = inputs.to(device), labels.to(device)  # each batch, every step
            logits = model(x)  # (B, classes)
            loss = loss_fn(logits, y)
            if not record.loss_is_finite(loss.item(), epoch):  # NaN/inf: last good weights back
                break
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            scheduler.step()
            record.step(epoch, loss.item(), logits.argmax(dim=1).cpu(), labels, inputs)
        record.end_epoch(epoch, test_set)
        if record.status != "finished" or len(record.losses) >= total:
            break
    return record.result(test_set)


# ---------------------------------------------------------------------------------------------
# The CNN run: data, model, first-layer start, snapshots of the first-layer filters


# The CNN's loop settings: a constant learning rate, because decaying it to 0 fits MNIST's own style
# more tightly and costs 1-3 points on digits from elsewhere (scripts/ablate_recipe.py).
CNN_FIT = FitConfig(decay=False)


def cnn_fit(**changes: object) -> FitConfig:
    """The CNN's loop settings (:data:`CNN_FIT`) with some changed, e.g. ``cnn_fit(epochs=1)``."""
    return replace(CNN_FIT, **changes)


@dataclass(frozen=True)
class TrainConfig:
    """Settings of a CNN training run on the bundled digits (the page's and the CLI's controls).

    ``fit`` holds the loop's settings (epochs, batch size, learning rate, optimizer, seed, decay,
    device); the rest is the CNN run around it. ``fit.seed`` also seeds the model and the subset.
    """

    fit: FitConfig = CNN_FIT
    train_size: int = 4000  # a seeded random subset of the 4,000 training digits
    first_layer: FirstLayerStart = "random"  # or "hand": Sobel x/y, Laplacian, blob (and negatives)
    freeze_first_layer: bool = False
    snapshot_every: int = 5  # steps between first-layer snapshots
    threads: int | None = 1  # torch intra-op threads while training; None: leave as set
    model: CNNConfig = field(default_factory=CNNConfig)

    def __post_init__(self) -> None:
        if self.train_size < 1:
            raise ValueError(f"training-set size must be at least 1, not {self.train_size}")
        if self.first_layer not in ("random", "hand"):
            raise ValueError(f"first layer must be 'random' or 'hand', not {self.first_layer!r}")
        if self.threads is not None and self.threads < 1:
            raise ValueError(f"threads must be at least 1, not {self.threads}")
        if self.snapshot_every < 1:
            raise ValueError(f"snapshot interval must be at least 1, not {self.snapshot_every}")


@dataclass(frozen=True)
class FilterSnapshot:
    """The first conv layer's weights ``[C1, 1, k, k]`` after ``step`` optimizer steps."""

    step: int
    weights: torch.Tensor


@dataclass(frozen=True)
class TrainResult:
    """A finished (or stopped, or diverged) CNN run: the model, the loop's record, the snapshots."""

    config: TrainConfig
    model: DigitCNN  # eval mode, last good weights; this run's own copy
    fit: FitResult
    snapshots: list[
        FilterSnapshot
    ]  # step 0 (the start) and every ``snapshot_every`` steps, and the end
    train_size: int

    @property
    def losses(self) -> list[float]:
        """Loss per optimizer step."""
        return self.fit.losses

    @property
    def test_accuracy(self) -> float | None:
        """Accuracy of the returned model on the 1,000 bundled test digits."""
        return self.fit.test_accuracy

    @property
    def status(self) -> Status:
        """``"finished"``, ``"stopped"`` or ``"diverged"``."""
        return self.fit.status


@lru_cache(maxsize=2)
def digit_dataset(split: data.Split) -> data.DigitDataset:
    """The bundled split as a normalised :class:`~explainer.data.DigitDataset` (shared, read-only)."""
    return data.DigitDataset(*data.load_mnist(split))


def training_subset(
    size: int, seed: int, pool: data.TensorPairDataset | None = None
) -> data.TensorPairDataset:
    """``size`` training digits drawn with ``seed`` (all of them, in order, when size >= 4,000).

    ``pool`` holds the 4,000 training digits in another form (the sweep passes their hand-made
    features): the same ``size`` and ``seed`` draw the same digits from it. Default: the CNN's.
    """
    full = pool if pool is not None else digit_dataset("train")
    if size >= len(full):
        return full
    index = torch.randperm(len(full), generator=torch.Generator().manual_seed(seed))[:size]
    return data.TensorPairDataset(full.inputs[index], full.labels[index])


def train_cnn(
    config: TrainConfig = TrainConfig(),
    on_progress: Callable[[Progress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> TrainResult:
    """Build a seeded CNN, set its first layer, train it with :func:`fit` on the bundled digits."""
    model = build_model(config.model, config.fit.seed)
    if config.first_layer == "hand":
        set_hand_filters(model, freeze=config.freeze_first_layer)
    elif config.freeze_first_layer:
        model.conv1.requires_grad_(False)
    snapshots = [FilterSnapshot(0, _first_layer(model))]

    def record(event: Progress) -> None:
        if event.kind == "step" and event.step % config.snapshot_every == 0:
            snapshots.append(FilterSnapshot(event.step, _first_layer(model)))
        if on_progress is not None:
            on_progress(event)

    train_set = training_subset(config.train_size, config.fit.seed)
    with torch_threads(config.threads):
        result = fit(model, train_set, config.fit, digit_dataset("test"), record, should_stop)
    if snapshots[-1].step != result.steps:
        snapshots.append(FilterSnapshot(result.steps, _first_layer(model)))
    model.cpu()  # the result lives on the CPU, whatever device trained it
    return TrainResult(config, model, result, snapshots, len(train_set))


def _first_layer(model: DigitCNN) -> torch.Tensor:
    """A CPU copy of the first conv layer's weights ``[C1, 1, k, k]``."""
    return model.conv1.weight.detach().to("cpu", copy=True)


FIT_FIELDS = frozenset(f.name for f in fields(FitConfig))


def with_overrides(config: TrainConfig, **changes: object) -> TrainConfig:
    """A copy of ``config`` with some settings changed (validated again); the loop's go to ``fit``."""
    loop = {k: v for k, v in changes.items() if k in FIT_FIELDS}
    rest = {k: v for k, v in changes.items() if k not in FIT_FIELDS}
    return replace(config, fit=replace(config.fit, **loop), **rest)
