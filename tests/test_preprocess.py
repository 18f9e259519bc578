"""Uploads and drawings to MNIST style: every kind of bad input gets a clear ImageError."""

from __future__ import annotations

import io

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from scipy import ndimage

from explainer import data, preprocess
from explainer.errors import ExplainerError
from explainer.preprocess import ImageError


def encode(image: Image.Image, fmt: str = "PNG", **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def digit_on_paper(index: int = 0, size: int = 280, dark_on_light: bool = True) -> np.ndarray:
    """A real test digit, scaled up, as gray 0..255 (dark ink on light paper by default)."""
    images, _ = data.load_mnist("test")
    big = Image.fromarray(images[index].numpy()).resize((size, size), Image.Resampling.BILINEAR)
    values = np.asarray(big, dtype=np.float64)
    return 255.0 - values if dark_on_light else values


def check_mnist_style(digit: torch.Tensor) -> None:
    assert digit.shape == (28, 28) and digit.dtype == torch.uint8
    rows, cols = np.nonzero(digit.numpy() > 0)
    assert max(rows.max() - rows.min(), cols.max() - cols.min()) + 1 <= 22  # about 20 px
    mass = digit.numpy().astype(np.float64)
    cy = (mass.sum(1) * np.arange(28)).sum() / mass.sum()
    cx = (mass.sum(0) * np.arange(28)).sum() / mass.sum()
    assert abs(cy - 13.5) <= 1.0 and abs(cx - 13.5) <= 1.0  # centre of mass in the middle
    border = np.concatenate([digit[0], digit[-1], digit[:, 0], digit[:, -1]])
    assert border.max() == 0  # black background


def overlap(a: torch.Tensor, b: torch.Tensor) -> float:
    """Share of each digit's ink lying within one pixel of the other's ink (the smaller share)."""
    x, y = a.numpy() > 64, b.numpy() > 64
    near_x, near_y = ndimage.binary_dilation(x), ndimage.binary_dilation(y)
    return min((x & near_y).sum() / max(x.sum(), 1), (y & near_x).sum() / max(y.sum(), 1))


def test_dark_on_light_is_inverted_and_matches_the_original() -> None:
    original = data.load_mnist("test")[0][0]
    light = preprocess.from_bytes(encode(Image.fromarray(digit_on_paper().astype(np.uint8))))
    dark = preprocess.from_bytes(
        encode(Image.fromarray(digit_on_paper(dark_on_light=False).astype(np.uint8)))
    )
    check_mnist_style(light)
    check_mnist_style(dark)
    assert overlap(light, dark) > 0.95  # polarity does not matter
    assert overlap(light, original) > 0.9  # and it looks like the MNIST digit it came from


def test_noisy_unevenly_lit_jpeg_photo() -> None:
    rng = np.random.default_rng(1)
    gray = digit_on_paper(size=400)
    yy, xx = np.mgrid[0:400, 0:400]
    paper = 0.55 + 0.35 * xx / 400 + rng.normal(0, 0.04, (400, 400))  # shadow on one side
    photo = np.clip(gray * paper, 0, 255).astype(np.uint8)
    rgb = Image.fromarray(photo).convert("RGB")
    digit = preprocess.from_bytes(encode(rgb, "JPEG", quality=60), "photo.jpg")
    check_mnist_style(digit)
    assert overlap(digit, data.load_mnist("test")[0][0]) > 0.8


def test_rgba_with_transparency_is_composited_on_white() -> None:
    ink = digit_on_paper(dark_on_light=False).astype(np.uint8)
    rgba = np.zeros((280, 280, 4), dtype=np.uint8)  # black strokes, alpha = where the ink is
    rgba[..., 3] = ink
    digit = preprocess.from_bytes(encode(Image.fromarray(rgba, "RGBA")))
    check_mnist_style(digit)


@pytest.mark.parametrize("mode", ["CMYK", "P", "LA", "I;16", "1"])
def test_other_modes(mode: str) -> None:
    gray = Image.fromarray(digit_on_paper().astype(np.uint8))
    if mode == "I;16":
        image = Image.fromarray(np.asarray(gray).astype(np.uint16) * 257)
    else:
        image = gray.convert(mode)
    fmt = "JPEG" if mode == "CMYK" else ("TIFF" if mode == "I;16" else "PNG")
    check_mnist_style(preprocess.from_bytes(encode(image, fmt)))


def test_animated_gif_uses_its_first_frame() -> None:
    first = Image.fromarray(digit_on_paper(0).astype(np.uint8))
    second = Image.fromarray(np.full((280, 280), 255, dtype=np.uint8))
    blob = encode(first, "GIF", save_all=True, append_images=[second], duration=100)
    check_mnist_style(preprocess.from_bytes(blob, "anim.gif"))


@pytest.mark.parametrize(
    ("blob", "message"),
    [
        (b"", "empty"),
        (b"this is not an image at all", "not a readable image"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "not a readable image"),
    ],
)
def test_bytes_that_are_not_images(blob: bytes, message: str) -> None:
    with pytest.raises(ImageError, match=message):
        preprocess.from_bytes(blob, "x.png")


def test_truncated_png() -> None:
    blob = encode(Image.fromarray(digit_on_paper().astype(np.uint8)))
    with pytest.raises(ImageError, match="x.png"):
        preprocess.from_bytes(blob[: len(blob) // 2], "x.png")


def test_decompression_bomb_is_refused_before_decoding(monkeypatch) -> None:
    # A real 30000x30000 PNG of one colour compresses to ~1 MB; decoding it would need 900 MB.
    blob = encode(Image.new("L", (30000, 30000), 255), "PNG", optimize=False)
    assert len(blob) < preprocess.MAX_BYTES

    def no_decoding(self):  # the pixels must never be decoded
        raise AssertionError("decoded a decompression bomb")

    monkeypatch.setattr(Image.Image, "load", no_decoding)
    with pytest.raises(ImageError, match="too large"):
        preprocess.from_bytes(blob, "bomb.png")


def test_blank_and_uniform_images() -> None:
    for value in (0, 128, 255):
        blob = encode(Image.new("L", (100, 100), value))
        with pytest.raises(ImageError, match="blank or uniform"):
            preprocess.from_bytes(blob)


def test_tiny_and_thin_images() -> None:
    with pytest.raises(ImageError, match="too small"):
        preprocess.from_bytes(encode(Image.new("L", (5, 5), 0)))
    thin = np.zeros((10, 2000), dtype=np.uint8)
    thin[3:7, 100:1900] = 255
    with pytest.raises(ImageError, match="too thin"):
        preprocess.from_bytes(encode(Image.fromarray(thin)))


def test_canvas_drawing() -> None:
    rgba = np.zeros((280, 280, 4), dtype=np.uint8)  # a transparent canvas
    ink = digit_on_paper(3, dark_on_light=False).astype(np.uint8)
    rgba[..., :3] = 255
    rgba[..., 3] = ink  # white strokes
    check_mnist_style(preprocess.from_canvas(rgba))
    with pytest.raises(ImageError, match="empty"):
        preprocess.from_canvas(np.zeros((280, 280, 4), dtype=np.uint8))
    with pytest.raises(ImageError, match="draw a digit"):
        preprocess.from_canvas(None)


def test_otsu_splits_two_levels() -> None:
    gray = np.concatenate([np.full(500, 30.0), np.full(100, 200.0)])
    assert 30 < preprocess.otsu_threshold(gray) < 200


def test_safe_name_removes_control_characters() -> None:
    name = preprocess.safe_name("<b>evil</b>\n\x00.png" + "x" * 200)
    assert "\n" not in name and "\x00" not in name and len(name) <= 83
    assert name.startswith("<b>evil</b>")  # kept as text: the page shows it with st.text


def test_image_error_is_an_explainer_error() -> None:
    assert issubclass(ImageError, ExplainerError)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(1, 60),
    st.integers(1, 60),
    st.binary(min_size=1, max_size=3600),
)
def test_fuzz_arrays_give_a_digit_or_an_image_error(height: int, width: int, raw: bytes) -> None:
    values = np.frombuffer(raw * (height * width // len(raw) + 1), dtype=np.uint8)
    gray = values[: height * width].reshape(height, width).astype(np.float64)
    try:
        digit = preprocess.to_mnist(gray)
    except ImageError:
        return
    assert digit.shape == (28, 28) and digit.dtype == torch.uint8


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_fuzz_bytes_give_a_digit_or_an_image_error(raw: bytes) -> None:
    try:
        digit = preprocess.from_bytes(raw)
    except ImageError:
        return
    assert digit.shape == (28, 28) and digit.dtype == torch.uint8


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 4), st.binary(min_size=8, max_size=64), st.integers(0, 200))
def test_fuzz_corrupted_png_gives_a_digit_or_an_image_error(
    index: int, junk: bytes, offset: int
) -> None:
    blob = bytearray(encode(Image.fromarray(digit_on_paper(index, size=64).astype(np.uint8))))
    position = min(offset, len(blob) - 1)
    blob[position : position + len(junk)] = junk
    try:
        digit = preprocess.from_bytes(bytes(blob))
    except ImageError:
        return
    assert digit.shape == (28, 28) and digit.dtype == torch.uint8


def test_big_jpeg_photo_is_scaled_down_while_decoding() -> None:
    gray = np.full((3000, 4000), 210, dtype=np.uint8)  # a 12-megapixel photo of a "1"
    gray[600:2400, 1900:2100] = 30
    blob = encode(Image.fromarray(gray).convert("RGB"), "JPEG", quality=80)
    assert max(preprocess.decode(blob).shape) <= 2048  # decoded at reduced scale
    digit = preprocess.from_bytes(blob, "big.jpg")
    check_mnist_style(digit)
    rows, cols = np.nonzero(digit.numpy() > 128)
    assert rows.max() - rows.min() >= 18 and cols.max() - cols.min() <= 6  # tall and thin


def test_specks_of_paper_noise_do_not_shrink_the_digit() -> None:
    from explainer.preprocess import strokes_only

    ink = np.zeros((200, 200), dtype=bool)
    ink[40:160, 90:104] = True  # a thick "1"
    specks = ink.copy()
    specks[5, 5] = specks[195, 190] = True  # two pixels of noise in the corners
    assert np.array_equal(strokes_only(specks), ink)
    gray = np.where(specks, 255.0, 0.0)
    digit = preprocess.to_mnist(gray).numpy()
    rows = np.nonzero(digit.max(1) > 40)[0]
    assert rows.max() - rows.min() + 1 >= 19  # the stroke fills the 20-pixel box, not the specks


def test_thin_strokes_of_a_small_image_survive_the_speck_filter() -> None:
    from explainer.preprocess import strokes_only

    ink = np.zeros((28, 28), dtype=bool)
    ink[4:24, 14] = True  # one pixel wide: an opening would erase it
    assert np.array_equal(strokes_only(ink), ink)
