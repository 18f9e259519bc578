"""Figure builders of the home page, tested without a browser."""

from __future__ import annotations

from pathlib import Path

import torch

from explainer import data
from explainer.figures import anatomy, digits

ROOT = Path(__file__).resolve().parents[1]


def test_mosaic_places_each_image_in_its_tile():
    images = torch.arange(4 * 3 * 3, dtype=torch.uint8).reshape(4, 3, 3)
    canvas = digits.mosaic(images, rows=2, cols=2, gap=1)
    assert canvas.shape == (7, 7)
    assert torch.equal(canvas[4:7, 4:7], images[3])
    assert torch.equal(canvas[0:3, 4:7], images[1])
    assert int(canvas[3, 0]) == 64  # the gap


def test_digit_grid_shows_ten_rows_of_real_digits():
    images, labels = data.load_mnist("test")
    figure = digits.digit_grid(images, labels, per_class=5)
    z = figure.data[0].z
    assert z.shape == (10 * 30 - 2, 5 * 30 - 2)
    assert list(figure.layout.yaxis.ticktext) == [str(d) for d in range(10)]
    # Row for digit 0 (at the top, i.e. last rows of the flipped z) holds the first "0".
    first_zero = images[labels == 0][0].numpy()
    assert (z[::-1][:28, :28] == first_zero).all()


def test_tensor_heatmap_carries_the_numbers():
    images, _ = data.load_mnist("test")
    figure = digits.tensor_heatmap(images[0])
    assert figure.data[0].z.shape == (28, 28)
    assert int(figure.data[0].text.max()) == int(images[0].max())


def test_anatomy_graph_has_every_stage_in_order_and_highlights_live_ones():
    names = {stage.key: f"N-{stage.key}" for stage in anatomy.STAGES}
    dot = anatomy.anatomy_dot(names, live={"model"})
    for left, right in zip(anatomy.STAGES, anatomy.STAGES[1:]):
        assert f"{left.key} -> {right.key}" in dot
    model_line = next(line for line in dot.splitlines() if line.strip().startswith("model ["))
    data_line = next(line for line in dot.splitlines() if line.strip().startswith("data ["))
    assert "penwidth" in model_line and "penwidth" not in data_line
    assert [s.key for s in anatomy.STAGES][0] == "data" and anatomy.STAGES[-1].key == "export"


def test_every_highlighted_stage_has_a_page_and_the_dataset_is_on_the_data_page():
    pages = {path.name for path in (ROOT / "pages").glob("*.py")}
    for stage in anatomy.STAGES:
        assert stage.page is None or stage.page in pages, stage
    by_key = {stage.key: stage for stage in anatomy.STAGES}
    assert by_key["dataset"].page == "data.py"  # it shows the Dataset's source, item and batch
    assert "ui.source_of(pipeline.PngDigits)" in (ROOT / "pages" / "data.py").read_text()
