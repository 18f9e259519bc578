"""The current digit: which one the student chose, and where from, kept for the whole session.

The pages that show "your digit" read one :class:`DigitChoice`. It changes only when the student
chooses: a test digit (from the gallery, at random or by number), a drawing (on pressing "Use this
drawing", never on each pen lift) or an uploaded image. These are the pure parts of the picker in
:mod:`explainer.ui`: no Streamlit here.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import torch
from PIL import Image

from explainer import preprocess

TEST_SOURCES = ("gallery", "random", "index")
OWN_SOURCES = ("draw", "upload")
SOURCES = TEST_SOURCES + OWN_SOURCES
THUMBNAIL = 140  # pixels on a side: a drawing as drawn, shown beside its 28x28 version


@dataclass(frozen=True, eq=False)  # eq=False: an image tensor has no single truth value
class DigitChoice:
    """One chosen digit: a test digit (``index``, ``label``) or the student's own (no label)."""

    source: str  # one of SOURCES
    index: int | None  # the test digit's number; None for a drawing or an upload
    image: torch.Tensor  # (28, 28) uint8, white ink on black
    label: int | None
    name: str = ""  # an upload's file name, made safe to show as plain text
    thumbnail: bytes | None = None  # a drawing as drawn: a small grayscale PNG

    @property
    def own(self) -> bool:
        """Whether the student made this digit (drawn or uploaded)."""
        return self.index is None


def from_test_set(
    index: int, images: torch.Tensor, labels: torch.Tensor, source: str = "index"
) -> DigitChoice:
    """Test digit number ``index`` (wrapped into range), chosen through ``source``."""
    index = int(index) % len(labels)
    return DigitChoice(source, index, images[index], int(labels[index]))


def from_canvas(rgba: np.ndarray | None) -> DigitChoice:
    """A drawing on the canvas, made MNIST-style, with a thumbnail of it as drawn (or ImageError)."""
    image = preprocess.from_canvas(rgba)
    gray = np.clip(preprocess.canvas_gray(rgba), 0, 255).astype(np.uint8)
    small = Image.fromarray(gray).resize((THUMBNAIL, THUMBNAIL), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    small.save(buffer, "PNG")
    return DigitChoice("draw", None, image, None, thumbnail=buffer.getvalue())


def from_upload(blob: bytes, name: str) -> DigitChoice:
    """An uploaded image file, made MNIST-style (or ImageError)."""
    safe = preprocess.safe_name(name)
    return DigitChoice("upload", None, preprocess.from_bytes(blob, safe), None, name=safe)


def enlarged(image: torch.Tensor, size: int = THUMBNAIL) -> np.ndarray:
    """A (28, 28) digit blown up to about ``size`` pixels with square pixels, to show."""
    factor = max(1, size // image.shape[-1])
    return image.numpy().repeat(factor, 0).repeat(factor, 1)


def same_digit(a: DigitChoice | None, b: DigitChoice | None) -> bool:
    """Whether two choices show the same 28x28 digit."""
    if a is None or b is None:
        return a is b
    return a.index == b.index and torch.equal(a.image, b.image)


def restored_source(current: DigitChoice | None) -> str:
    """The picker's tab when the page opens again: where the current digit came from."""
    return current.source if current is not None and current.source in SOURCES else "gallery"


def current_for_tab(
    source: str, current: DigitChoice | None, kept: Mapping[str, DigitChoice]
) -> DigitChoice | None:
    """The current digit once tab ``source`` is open, before the student does anything there.

    Opening "Draw" or "Upload" brings back the student's last digit of that kind; with none kept
    yet, the current digit stays what it was (opening a tab chooses nothing). The test-digit tabs
    always show a test digit; their pickers decide which.
    """
    if source in OWN_SOURCES:
        return kept.get(source, current)
    return current


def drawing_pending(
    rgba: np.ndarray | None, has_strokes: bool, current: DigitChoice | None
) -> bool:
    """Whether the canvas holds strokes that are not the current digit yet (not used)."""
    if not has_strokes:
        return False
    try:
        drawn = preprocess.from_canvas(rgba)
    except preprocess.ImageError:
        return True  # something is drawn, but pressing "use" will say why it cannot be used
    return current is None or current.source != "draw" or not torch.equal(drawn, current.image)


def url_digit(current: DigitChoice | None) -> str | None:
    """The ``?digit=`` value for the current digit: a test digit's number; none for the student's
    own digit, which a link cannot carry (the URL must not claim another digit)."""
    if current is None or current.own:
        return None
    return str(current.index)
