"""The "Watch it learn" page's words and settings: what to say about a training job right now, its
headline numbers, and the page's choices as a :class:`~explainer.train.TrainConfig`."""

from __future__ import annotations

from typing import Literal

from explainer import train
from explainer.i18n import Translate
from explainer.jobs import JobSnapshot
from explainer.slots import TRAINING_SLOTS

FIRST_LAYER_CHOICES: tuple[str, ...] = ("random", "hand", "frozen")  # frozen: hand-set, fixed
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
) -> train.TrainConfig:
    """The page's settings as a :class:`~explainer.train.TrainConfig` (``ValueError`` if invalid).

    ``first_layer`` is one of :data:`FIRST_LAYER_CHOICES`: ``"frozen"`` means hand-set and fixed.
    """
    if first_layer not in FIRST_LAYER_CHOICES:
        raise ValueError(f"first layer must be one of {FIRST_LAYER_CHOICES}, not {first_layer!r}")
    return train.TrainConfig(
        epochs=epochs,
        batch_size=batch_size,
        lr=lr,
        optimizer=optimizer,
        train_size=train_size,
        seed=seed,
        first_layer="random" if first_layer == "random" else "hand",
        freeze_first_layer=first_layer == "frozen",
    )
