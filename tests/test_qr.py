"""The QR code a teacher projects reads back as the join link (zxing-cpp as the independent reader)."""

from __future__ import annotations

import io

import numpy as np
import pytest
import zxingcpp
from PIL import Image

from explainer import qr
from explainer.errors import ExplainerError

URL = "https://class.example.org:8501/app/class?room=ABCDEFGH"


def read(image: Image.Image) -> list[str]:
    return [found.text for found in zxingcpp.read_barcodes(np.asarray(image.convert("L")))]


def test_the_png_reads_back_as_the_link() -> None:
    image = Image.open(io.BytesIO(qr.png(URL)))
    assert read(image) == [URL]
    assert image.size[0] == image.size[1] >= 250  # big enough to project


def test_a_small_blurred_copy_still_reads() -> None:
    """A phone at the back of the room sees a small, soft picture of the projection."""
    image = Image.open(io.BytesIO(qr.png(URL))).convert("L").resize((120, 120), Image.BILINEAR)
    assert read(image) == [URL]


def test_the_svg_and_the_saved_files(tmp_path) -> None:
    svg = qr.svg(URL)
    assert svg.startswith("<svg") and "</svg>" in svg
    qr.save(URL, str(tmp_path / "join.png"))
    assert read(Image.open(tmp_path / "join.png")) == [URL]
    qr.save(URL, str(tmp_path / "join.svg"))
    assert (tmp_path / "join.svg").read_text().count("<svg") == 1
    with pytest.raises(ExplainerError, match=".svg or .png"):
        qr.save(URL, str(tmp_path / "join.gif"))
    with pytest.raises(ExplainerError):
        qr.png("")
