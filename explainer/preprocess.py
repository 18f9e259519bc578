"""Uploads and drawings made MNIST-style, the way MNIST itself was made.

Grayscale, white ink on black (dark-on-light is inverted automatically), a robust threshold for
noisy paper (Otsu), crop to the ink, scale the longest side to 20 pixels keeping the aspect ratio,
and place the centre of mass at the centre of a 28x28 image. Anything that cannot become a digit
raises :class:`ImageError` with a message for the user.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image, ImageSequence

from explainer.errors import ExplainerError

MAX_PIXELS = 40_000_000  # width * height; beyond this the file is refused before decoding
MAX_BYTES = 30_000_000
MIN_SIDE = 8  # an image smaller than this on a side cannot hold a readable digit
BOX = 20  # MNIST's digits fit a 20x20 box, centred by mass in 28x28
SIZE = 28
MIN_CONTRAST = 24  # gray levels between ink and paper; less is a blank or uniform image
MIN_INK_FRACTION = 0.0005


class ImageError(ExplainerError):
    """An upload or drawing that cannot be turned into a digit; the message says why."""


def decode(blob: bytes, name: str = "image") -> np.ndarray:
    """Image file bytes -> grayscale float array in 0..255 (first frame; transparency on white).

    The header is read first: a file claiming more than MAX_PIXELS pixels is refused before its
    pixels are decoded (a decompression bomb).
    """
    if not blob:
        raise ImageError(f"{name}: the file is empty")
    if len(blob) > MAX_BYTES:
        raise ImageError(f"{name}: the file is larger than {MAX_BYTES // 1_000_000} MB")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(blob))  # reads the header only
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ImageError(
                    f"{name}: {width}x{height} pixels is too large "
                    f"(at most {MAX_PIXELS // 1_000_000} million pixels)"
                )
            if image.format == "JPEG" and max(width, height) > 2048:
                image.draft(image.mode, (1024, 1024))  # let the decoder scale a big photo down
            frame = next(ImageSequence.Iterator(image))  # animated GIF/PNG: the first frame
            frame.load()
            gray = _to_gray(frame)
    except ImageError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError(f"{name}: the image is too large to open safely") from None
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise ImageError(f"{name}: not a readable image ({_reason(error)})") from None
    return gray


def _reason(error: Exception) -> str:
    text = str(error)
    if "truncated" in text.lower():
        return "the file is truncated"
    if "cannot identify" in text.lower():
        return "unknown or damaged image format"
    return text.splitlines()[0][:120] if text else type(error).__name__


def _to_gray(image: Image.Image) -> np.ndarray:
    """Any Pillow mode -> float grayscale 0..255; transparent pixels become white paper."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        values = np.asarray(image, dtype=np.float64)
        top = values.max() if values.size else 0
        return values * (255.0 / (65535.0 if top > 255 else 255.0))
    if image.mode == "F":
        values = np.asarray(image, dtype=np.float64)
        return np.clip(values, 0, 255)
    if image.mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        image = image.convert("RGBA")
        paper = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(paper, image)
    if image.mode == "CMYK":
        image = image.convert("RGB")
    return np.asarray(image.convert("L"), dtype=np.float64)


def otsu_threshold(gray: np.ndarray) -> float:
    """Otsu's threshold: the gray level that best splits the histogram into two classes."""
    hist = np.bincount(np.clip(gray, 0, 255).astype(np.int64).ravel(), minlength=256)
    hist = hist.astype(np.float64)
    levels = np.arange(256, dtype=np.float64)
    weight0 = np.cumsum(hist)
    weight1 = weight0[-1] - weight0
    mean0 = np.cumsum(hist * levels) / np.maximum(weight0, 1)
    mean1 = ((hist * levels).sum() - np.cumsum(hist * levels)) / np.maximum(weight1, 1)
    between = weight0 * weight1 * (mean0 - mean1) ** 2
    return float(np.argmax(between)) + 0.5


def shrink(gray: np.ndarray, longest: int = 512) -> np.ndarray:
    """Scale a large image down so its longest side is ``longest`` (finer detail is not needed)."""
    height, width = gray.shape
    if max(height, width) <= longest:
        return gray
    scale = longest / max(height, width)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    image = Image.fromarray(gray.astype(np.float32), mode="F")
    return np.asarray(image.resize(size, Image.Resampling.BOX), dtype=np.float64)


def flatten_paper(gray: np.ndarray) -> np.ndarray:
    """Subtract the paper's own brightness (uneven light, shadows) from light-ink-on-dark gray.

    The paper level is the local minimum over windows larger than a stroke, smoothed, estimated
    on a 64-pixel copy of the image.
    """
    height, width = gray.shape
    scale = 64 / max(height, width)
    small_size = (max(1, round(width * scale)), max(1, round(height * scale)))
    image = Image.fromarray(gray.astype(np.float32), mode="F")
    small = np.asarray(image.resize(small_size, Image.Resampling.BOX), dtype=np.float32)
    x = torch.from_numpy(small.copy())[None, None]  # (1, 1, h, w)
    low = -F.max_pool2d(-F.pad(x, (6, 6, 6, 6), mode="replicate"), 13, stride=1)  # local minimum
    smooth = F.avg_pool2d(F.pad(low, (4, 4, 4, 4), mode="replicate"), 9, stride=1)
    paper_small = Image.fromarray(smooth[0, 0].numpy(), mode="F")
    paper = np.asarray(paper_small.resize((width, height), Image.Resampling.BILINEAR), np.float64)
    return np.clip(gray - paper, 0, 255)


def strokes_only(ink: np.ndarray) -> np.ndarray:
    """The ink mask without isolated specks (a 3x3 opening), for finding the digit's box.

    Paper noise that Otsu calls ink would otherwise stretch the box and shrink the digit. Thin
    strokes of a small image do not survive an opening; then the mask is kept as it is.
    """
    mask = torch.from_numpy(ink.astype(np.float32))[None, None]  # (1, 1, H, W)
    eroded = -F.max_pool2d(-mask, 3, stride=1, padding=1)
    opened = F.max_pool2d(eroded, 3, stride=1, padding=1)[0, 0].numpy() > 0
    return opened if opened.sum() >= 0.5 * ink.sum() else ink


def to_mnist(gray: np.ndarray, name: str = "image") -> torch.Tensor:
    """Grayscale 0..255 array (any polarity, any size) -> uint8 ``[28, 28]``, white ink on black."""
    if gray.ndim != 2:
        raise ImageError(f"{name}: expected a 2-D grayscale image, got shape {gray.shape}")
    height, width = gray.shape
    if min(height, width) < MIN_SIDE:
        raise ImageError(
            f"{name}: {width}x{height} pixels is too small (at least {MIN_SIDE} on each side)"
        )
    if max(height, width) > 50 * min(height, width):
        raise ImageError(f"{name}: {width}x{height} is too thin to hold a digit")
    gray = np.nan_to_num(gray.astype(np.float64), nan=0.0, posinf=255.0, neginf=0.0)
    gray = shrink(np.clip(gray, 0, 255))  # a photo's millions of pixels are not needed
    if float(np.percentile(gray, 99) - np.percentile(gray, 1)) < MIN_CONTRAST:
        raise ImageError(f"{name}: the image is blank or uniform: no digit to see")
    # Ink is the minority: if the border (paper) is mostly light, the digit is dark: invert.
    frame = np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])
    if np.median(frame) > 127 or (np.median(frame) == 127 and gray.mean() > 127):
        gray = 255.0 - gray
    gray = flatten_paper(gray)
    threshold = otsu_threshold(gray)
    ink = gray > threshold
    if ink.mean() < MIN_INK_FRACTION or not ink.any():
        raise ImageError(f"{name}: no ink found")
    if ink.mean() > 0.6:
        raise ImageError(f"{name}: the image is mostly ink: no digit stands out from the paper")
    # Paper becomes 0 and solid ink 255, keeping the soft edges of strokes; pixels darker than
    # halfway from the paper to the threshold are paper noise and become 0.
    paper = float(np.median(gray[~ink]))
    solid = float(np.percentile(gray[ink], 90))
    ink_values = np.clip((gray - paper) / max(solid - paper, 1.0), 0.0, 1.0) * 255.0
    ink_values[gray < (paper + threshold) / 2] = 0.0
    rows, cols = np.nonzero(strokes_only(ink))
    crop = ink_values[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1]
    h, w = crop.shape
    scale = BOX / max(h, w)
    new_h, new_w = max(1, round(h * scale)), max(1, round(w * scale))
    resized = Image.fromarray(crop.astype(np.float32), mode="F").resize(
        (new_w, new_h), Image.Resampling.LANCZOS if scale < 1 else Image.Resampling.BILINEAR
    )
    small = np.clip(np.asarray(resized, dtype=np.float64), 0, 255)
    if small.sum() <= 0:
        raise ImageError(f"{name}: the ink vanished when shrunk to 20 pixels")
    # Place it so that the centre of mass lands on the centre of the 28x28 image.
    total = small.sum()
    cy = (small.sum(1) * np.arange(new_h)).sum() / total
    cx = (small.sum(0) * np.arange(new_w)).sum() / total
    top = int(round(SIZE / 2 - 0.5 - cy))
    left = int(round(SIZE / 2 - 0.5 - cx))
    top = min(max(top, 0), SIZE - new_h)
    left = min(max(left, 0), SIZE - new_w)
    out = np.zeros((SIZE, SIZE), dtype=np.float64)
    out[top : top + new_h, left : left + new_w] = small
    return torch.from_numpy(np.clip(np.round(out), 0, 255).astype(np.uint8))


def from_bytes(blob: bytes, name: str = "image") -> torch.Tensor:
    """An uploaded image file -> uint8 ``[28, 28]`` MNIST-style digit, or ImageError."""
    return to_mnist(decode(blob, name), name)


def canvas_gray(rgba: np.ndarray | None, name: str = "drawing") -> np.ndarray:
    """A drawable-canvas ``[H, W, 4]`` RGBA array -> grayscale 0..255, composited on black.

    Strokes of any light colour on a transparent or dark canvas become light ink on black.
    """
    if rgba is None:
        raise ImageError(f"{name}: draw a digit first")
    array = np.asarray(rgba, dtype=np.float64)
    if array.ndim != 3 or array.shape[2] not in (3, 4):
        raise ImageError(f"{name}: expected an RGBA image, got shape {array.shape}")
    rgb = array[..., :3]
    alpha = array[..., 3:4] / 255.0 if array.shape[2] == 4 else np.ones_like(rgb[..., :1])
    return (rgb * alpha).mean(2)


def from_canvas(rgba: np.ndarray | None, name: str = "drawing") -> torch.Tensor:
    """A drawable-canvas ``[H, W, 4]`` RGBA array (ink drawn on a transparent or dark canvas)."""
    gray = canvas_gray(rgba, name)
    if float(gray.max() - gray.min()) < MIN_CONTRAST:
        raise ImageError(f"{name}: the drawing is empty: draw a digit first")
    return to_mnist(gray, name)


def safe_name(name: str) -> str:
    """A file name fit to show as plain text: control characters removed, length capped."""
    cleaned = "".join(ch if ch.isprintable() else "?" for ch in name)
    return cleaned[:80] + ("..." if len(cleaned) > 80 else "")


def load_npy(path: Path) -> torch.Tensor:
    """A ``.npy`` stack of MNIST-style digits -> uint8 ``[N, 28, 28]`` (never unpickles)."""
    try:
        array = np.load(path, allow_pickle=False)
    except FileNotFoundError:
        raise ImageError(f"{path}: file not found") from None
    except (OSError, ValueError, EOFError) as error:
        raise ImageError(f"{path}: not a readable .npy array ({_reason(error)})") from None
    if array.ndim == 2:
        array = array[None]
    if array.ndim != 3 or array.shape[1:] != (SIZE, SIZE) or array.dtype != np.uint8:
        raise ImageError(
            f"{path}: expected uint8 [N, 28, 28] white ink on black, "
            f"got {array.dtype} {list(array.shape)}"
        )
    return torch.from_numpy(np.ascontiguousarray(array))


def read_image_file(path: Path) -> torch.Tensor:
    """An image file on disk (PNG, JPEG, ...) -> uint8 ``[28, 28]`` MNIST-style digit."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImageError(f"{path}: the file is larger than {MAX_BYTES // 1_000_000} MB")
        blob = path.read_bytes()
    except FileNotFoundError:
        raise ImageError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise ImageError(f"{path}: is a folder, not an image file") from None
    except OSError as error:
        raise ImageError(f"{path}: cannot read ({error.strerror or error})") from None
    return from_bytes(blob, str(path))
