"""What a student's "Send my digit" goes through: which digit to ask for, the checks, the answers.

The prompt is the digit the room has fewest of (ties drawn at random), so a class fills every
digit evenly. A drawing must have some ink and some size before it becomes a digit. A session may
send one digit every 2 seconds and 60 in all, so one student cannot flood a room.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from explainer import answers, classifiers, preprocess, rooms
from explainer.errors import ExplainerError

MIN_INTERVAL_S = 2.0
MAX_PER_SESSION = 60
MIN_EXTENT = 0.2  # the ink spans at least this share of the canvas, across or down
MIN_INK = 0.01  # and covers at least this share of its pixels
INK_LEVEL = 128


class Refused(ExplainerError):
    """A digit not taken; ``reason`` names why, for a page's own wording: ``"empty"`` or
    ``"small"`` (a near-blank drawing), ``"too_fast"`` or ``"limit"`` (the session's allowance)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, eq=False)
class Sent:
    """A digit stored: its id, image uint8 [28, 28], label, the answers, the session's count."""

    digit_id: int
    image: torch.Tensor
    label: int
    answers: dict[str, int]
    count: int


def next_prompt(counts: Sequence[int], rng: random.Random | None = None) -> int:
    """The digit to ask for: the one with the fewest digits so far, ties broken at random."""
    if len(counts) != 10:
        raise ValueError(f"need a count for each digit 0-9, got {len(counts)}")
    fewest = min(counts)
    return (rng or random.Random()).choice([d for d in range(10) if counts[d] == fewest])


def check_drawing(rgba: np.ndarray | None) -> torch.Tensor:
    """A canvas drawing -> its MNIST-style digit uint8 [28, 28]; Refused if it is near-blank.

    A dot or a tiny scribble would otherwise be scaled up to a full-size blob.
    """
    if rgba is None:  # a canvas that has not drawn anything yet
        raise Refused("empty", "the drawing is empty: draw a digit first")
    gray = preprocess.canvas_gray(rgba)  # (H, W)
    ink = gray >= INK_LEVEL
    if not ink.any():
        raise Refused("empty", "the drawing is empty: draw a digit first")
    rows, cols = np.flatnonzero(ink.any(1)), np.flatnonzero(ink.any(0))
    extent = max((rows[-1] - rows[0] + 1) / ink.shape[0], (cols[-1] - cols[0] + 1) / ink.shape[1])
    if extent < MIN_EXTENT or ink.mean() < MIN_INK:
        raise Refused("small", "the drawing is too small to be a digit: draw it bigger")
    return preprocess.from_canvas(rgba)


@dataclass
class SubmitLimiter:
    """One session's sending allowance: ``min_interval`` seconds apart, ``limit`` in all.

    Times are ``time.monotonic()`` seconds, passed in (tests pass their own clock).
    """

    min_interval: float = MIN_INTERVAL_S
    limit: int = MAX_PER_SESSION
    sent: int = 0
    last: float | None = None

    def check(self, now: float) -> None:
        """Refused (``"limit"``, ``"too_fast"``) if a digit sent at ``now`` is over the allowance."""
        if self.sent >= self.limit:
            raise Refused("limit", f"at most {self.limit} digits from one session")
        if self.last is not None and now - self.last < self.min_interval:
            raise Refused("too_fast", f"one digit every {self.min_interval:g} seconds")

    def record(self, now: float) -> None:
        """Count a digit sent at ``now``."""
        self.sent += 1
        self.last = now


def answer(
    image: torch.Tensor,
    cnn: nn.Module | None = None,
    linear: classifiers.LinearOnFeatures | None = None,
) -> dict[str, int]:
    """One digit uint8 [28, 28] -> each classifier's answer (rules: ABSTAIN when none fits)."""
    found = answers.answer_all(image[None], cnn, linear)
    return {learner: int(found.of(learner)[0]) for learner in answers.LEARNERS}


def submit(
    store: rooms.RoomStore,
    code: str,
    label: int,
    rgba: np.ndarray | None,
    limiter: SubmitLimiter,
    now: float,
    cnn: nn.Module | None = None,
    linear: classifiers.LinearOnFeatures | None = None,
) -> Sent:
    """The whole of "Send my digit": the allowance, the drawing, the three answers, the store.

    Raises Refused, :class:`explainer.rooms.RoomError` (closed, expired, full) or
    :class:`explainer.preprocess.ImageError`; nothing is stored or counted then.
    """
    limiter.check(now)
    image = check_drawing(rgba)
    found = answer(image, cnn, linear)
    digit_id = store.add_digit(code, image, label, **found)
    limiter.record(now)
    return Sent(digit_id, image, label, found, limiter.sent)
