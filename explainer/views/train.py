"""The "Watch it learn" page's words and settings: what to say about a training job right now, its
headline numbers, and the page's choices as a :class:`~explainer.train.TrainConfig`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal

from explainer import train
from explainer.i18n import Translate
from explainer.jobs import JobSnapshot
from explainer.slots import TRAINING_SLOTS

FIRST_LAYER_CHOICES: tuple[str, ...] = ("random", "hand", "frozen")  # frozen: hand-set, fixed
POLL_S = 0.75  # how often the live charts redraw while a run trains (the batch preview: 2 s)
BATCHES = [16, 32, 64, 128, 256]
RATES = sorted(  # from too small to surely diverging, with every optimizer's own default
    {1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 100.0, 1000.0}
    | set(train.DEFAULT_LR.values())
)
# Each setting of the page: its session/URL key, default, type from the URL, and valid values.
SETTINGS: dict[str, tuple[object, type, Callable[[Any], bool]]] = {
    "train_epochs": (3, int, lambda v: 1 <= v <= 10),
    "train_batch": (64, int, BATCHES.__contains__),
    "train_opt": ("adam", str, train.OPTIMIZERS.__contains__),
    "train_lr": (train.DEFAULT_LR["adam"], float, RATES.__contains__),
    "train_size": (4000, int, lambda v: 100 <= v <= 4000 and v % 100 == 0),
    "train_seed": (0, int, lambda v: 0 <= v <= 99_999),
    "train_start": ("random", str, FIRST_LAYER_CHOICES.__contains__),
}
Level = Literal["info", "progress", "success", "warning", "error"]


def status_message(snap: JobSnapshot, epochs: int, t: Translate) -> tuple[Level, str]:
    """What to tell the user about a run right now: a level (how to show it) and the text."""
    result, total = snap.result, snap.total_steps
    if snap.state == "queued":
        return "info", t(
            "train.queued", position=snap.queue_position, slots=TRAINING_SLOTS.capacity
        )
    if snap.state == "running":
        if snap.stopping:
            return "progress", t("train.stopping")
        values = dict(epoch=snap.epoch + 1, epochs=epochs, step=snap.step, total=total)
        return "progress", t("train.progress", seconds=snap.seconds, **values)
    if snap.state in ("cancelled", "failed") or result is None:
        return "warning", t(f"train.status.{snap.state}", error=snap.error or "")
    fit, divergence = result.fit, result.fit.divergence
    if divergence is None:
        text = t(
            f"train.status.{snap.state}",
            steps=fit.steps,
            total=total,
            seconds=fit.seconds,
            accuracy=result.test_accuracy or 0.0,
        )
        return ("success" if snap.state == "finished" else "info"), text
    last = divergence.last_good_loss
    body = t(
        "train.diverged.body",
        step=divergence.step,
        loss=loss_word(divergence.loss),
        lr=divergence.lr,
        optimizer=t(f"train.optimizer.{divergence.optimizer}"),
    )
    kept = t("train.diverged.kept", steps=fit.steps, last="—" if last is None else f"{last:.3g}")
    return "error", f"**{t('train.diverged.title')}**\n\n{body}\n\n{kept}"


def metrics(snap: JobSnapshot) -> dict[str, str]:
    """The run's headline numbers, formatted: last loss, last train and test accuracy, speed."""
    last = snap.epochs[-1] if snap.epochs else None
    return {
        "loss": f"{snap.losses[-1]:.3g}" if snap.losses else "—",
        "train": f"{last.train:.1%}" if last else "—",
        "test": f"{last.test:.1%}" if last and last.test is not None else "—",
        "speed": f"{snap.step / snap.seconds:.0f}" if snap.seconds else "—",  # steps per second
    }


def loss_word(value: float) -> str:
    """How a non-finite loss reads: ``NaN``, ``∞`` or ``-∞``."""
    if value != value:  # NaN is the only float not equal to itself
        return "NaN"
    return "∞" if value > 0 else "-∞"


def train_config(
    epochs: int,
    batch_size: int,
    lr: float,
    optimizer: str,
    train_size: int,
    seed: int,
    first_layer: str,
    device: str = "cpu",
) -> train.TrainConfig:
    """The page's settings as a :class:`~explainer.train.TrainConfig` (``ValueError`` if invalid).

    ``first_layer`` is one of :data:`FIRST_LAYER_CHOICES`: ``"frozen"`` means hand-set and fixed.
    """
    if first_layer not in FIRST_LAYER_CHOICES:
        raise ValueError(f"first layer must be one of {FIRST_LAYER_CHOICES}, not {first_layer!r}")
    loop = train.cnn_fit(
        epochs=epochs, batch_size=batch_size, lr=lr, optimizer=optimizer, seed=seed, device=device
    )
    return train.TrainConfig(
        loop,
        train_size=train_size,
        first_layer="random" if first_layer == "random" else "hand",
        freeze_first_layer=first_layer == "frozen",
    )


def config_from(settings: Mapping[str, Any]) -> train.TrainConfig:
    """The page's settings (the :data:`SETTINGS` keys) as a run's config (``ValueError``: invalid)."""
    return train_config(
        settings["train_epochs"],
        settings["train_batch"],
        settings["train_lr"],
        settings["train_opt"],
        settings["train_size"],
        int(settings["train_seed"]),
        settings["train_start"],
    )


def summary(settings: Mapping[str, Any], t: Translate) -> str:
    """One sentence with every setting, as the next Train will use them."""
    return t(
        "train.summary",
        epochs=settings["train_epochs"],
        batch=settings["train_batch"],
        lr=settings["train_lr"],
        optimizer=t(f"train.optimizer.{settings['train_opt']}"),
        size=settings["train_size"],
        seed=settings["train_seed"],
        start=t(f"train.start.{settings['train_start']}"),
    )


def accuracy_series(snap: JobSnapshot) -> tuple[list[int], list[float], list[float | None]]:
    """Epochs, train accuracy and test accuracy of a run so far, for the accuracy chart."""
    return (
        [p.epoch for p in snap.epochs],
        [p.train for p in snap.epochs],
        [p.test for p in snap.epochs],
    )
