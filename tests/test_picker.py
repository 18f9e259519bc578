"""The current digit's pure state logic: what it is, when it changes, what the URL may say."""

from __future__ import annotations

import io

import numpy as np
import pytest
import torch
from PIL import Image

from explainer import data, picker, preprocess
from explainer.preprocess import ImageError


def canvas(*columns: int, top: int = 40, bottom: int = 240) -> np.ndarray:
    """A 280x280 RGBA canvas with a white vertical stroke at each column (transparent elsewhere)."""
    rgba = np.zeros((280, 280, 4), dtype=np.uint8)
    for column in columns:
        rgba[top:bottom, column - 11 : column + 11] = 255
    return rgba


@pytest.fixture(scope="module")
def test_set() -> tuple[torch.Tensor, torch.Tensor]:
    return data.load_mnist("test")


def test_a_test_digit_carries_its_number_and_label(test_set) -> None:
    images, labels = test_set
    choice = picker.from_test_set(42, images, labels, "gallery")
    assert (choice.source, choice.index, choice.label) == ("gallery", 42, int(labels[42]))
    assert torch.equal(choice.image, images[42]) and not choice.own
    assert picker.from_test_set(len(labels) + 3, images, labels).index == 3  # wrapped


def test_a_drawing_is_made_mnist_style_and_keeps_a_thumbnail() -> None:
    rgba = canvas(140)
    choice = picker.from_canvas(rgba)
    assert (choice.source, choice.index, choice.label) == ("draw", None, None) and choice.own
    assert torch.equal(choice.image, preprocess.from_canvas(rgba))  # the same MNIST-style digit
    thumbnail = Image.open(io.BytesIO(choice.thumbnail))
    assert thumbnail.size == (picker.THUMBNAIL, picker.THUMBNAIL) and thumbnail.mode == "L"
    pixels = np.asarray(thumbnail)
    assert pixels[70, 70] > 200 and pixels[70, 20] < 30  # white stroke on black, as drawn


def test_an_empty_canvas_is_refused_with_a_message() -> None:
    with pytest.raises(ImageError, match="empty"):
        picker.from_canvas(np.zeros((280, 280, 4), dtype=np.uint8))
    with pytest.raises(ImageError, match="draw a digit first"):
        picker.from_canvas(None)


def test_an_upload_keeps_a_name_safe_to_show(test_set) -> None:
    image = 255 - test_set[0][3].numpy()
    buffer = io.BytesIO()
    Image.fromarray(image).resize((200, 200)).save(buffer, "PNG")
    choice = picker.from_upload(buffer.getvalue(), "a\x00b.png")
    assert (choice.source, choice.index, choice.label, choice.name) == (
        "upload",
        None,
        None,
        "a?b.png",
    )
    assert choice.image.shape == (28, 28) and choice.image.dtype == torch.uint8


def test_same_digit_compares_the_pictures(test_set) -> None:
    images, labels = test_set
    a, b = picker.from_canvas(canvas(140)), picker.from_canvas(canvas(140))
    assert a != b and picker.same_digit(a, b)  # two objects, one digit
    assert not picker.same_digit(a, picker.from_canvas(canvas(100, 180)))
    assert not picker.same_digit(a, picker.from_test_set(0, images, labels))
    assert picker.same_digit(None, None) and not picker.same_digit(a, None)


def test_the_tab_comes_back_with_the_digit(test_set) -> None:
    images, labels = test_set
    assert picker.restored_source(None) == "gallery"
    assert picker.restored_source(picker.from_canvas(canvas(140))) == "draw"
    assert picker.restored_source(picker.from_test_set(5, images, labels, "random")) == "random"


def test_opening_a_tab_chooses_nothing_but_brings_back_a_kept_digit(test_set) -> None:
    images, labels = test_set
    test_digit = picker.from_test_set(5, images, labels, "gallery")
    drawing = picker.from_canvas(canvas(140))
    assert picker.current_for_tab("draw", test_digit, {}) is test_digit  # nothing drawn yet
    assert picker.current_for_tab("draw", test_digit, {"draw": drawing}) is drawing
    assert picker.current_for_tab("upload", drawing, {"draw": drawing}) is drawing
    assert picker.current_for_tab("gallery", drawing, {"draw": drawing}) is drawing


def test_a_drawing_is_pending_until_it_is_used(test_set) -> None:
    images, labels = test_set
    half, whole = canvas(100), canvas(100, 180)
    used = picker.from_canvas(whole)
    test_digit = picker.from_test_set(0, images, labels)
    assert not picker.drawing_pending(None, False, test_digit)  # a blank canvas
    assert picker.drawing_pending(half, True, test_digit)
    assert picker.drawing_pending(half, True, used)  # a new drawing over a used one
    assert not picker.drawing_pending(whole, True, used)
    tiny = np.zeros((280, 280, 4), dtype=np.uint8)
    tiny[100:102, 100:102] = 255  # a stray dot: "use" will explain why it cannot be a digit
    assert picker.drawing_pending(tiny, True, used)


def test_the_url_names_only_test_digits(test_set) -> None:
    images, labels = test_set
    assert picker.url_digit(picker.from_test_set(7, images, labels)) == "7"
    assert picker.url_digit(picker.from_canvas(canvas(140))) is None
    assert picker.url_digit(None) is None


def test_enlarged_keeps_square_pixels(test_set) -> None:
    image = test_set[0][0]
    big = picker.enlarged(image)
    assert big.shape == (140, 140) and big.dtype == np.uint8
    assert np.array_equal(big[::5, ::5], image.numpy())  # each pixel a 5x5 block
    assert np.array_equal(big[4::5, 4::5], image.numpy())
