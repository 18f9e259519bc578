"""Figures of the CNN's inside, checked without a browser."""

from __future__ import annotations

import pytest
import torch

from explainer import model
from explainer.figures import inside


def test_symmetric_range_is_the_largest_absolute_value():
    assert inside.symmetric_range(torch.tensor([0.2, -0.7]), torch.tensor([0.5])) == pytest.approx(
        0.7
    )
    assert inside.symmetric_range(torch.zeros(3)) == 1.0
    assert inside.symmetric_range() == 1.0


def tile_of(figure, index: int, size: tuple[int, int], cols: int) -> torch.Tensor:
    """Cut tile ``index`` back out of the mosaic heatmap."""
    height, width = size
    r, c = divmod(index, cols)
    z = torch.tensor(figure.data[0].z)
    top, left = r * (height + inside.row_gap(height)), c * (width + inside.GAP)
    return z[top : top + height, left : left + width]


def titles_of(figure) -> list[str]:
    return list(figure.data[1].text)


def test_tile_lays_tensors_out_with_nan_gaps():
    tensors = torch.arange(5 * 2 * 3, dtype=torch.float32).reshape(5, 2, 3)
    mosaic, rows, cols = inside.tile(tensors, columns=2)
    assert inside.row_gap(2) == 2  # rows of 2-pixel tiles are 4 pixels apart
    assert (rows, cols) == (3, 2) and mosaic.shape == (3 * 4 - 2, 2 * 4 - 1)
    assert torch.equal(mosaic[8:10, 0:3], tensors[4])
    assert torch.isnan(mosaic[2:4]).all() and torch.isnan(mosaic[:, 3]).all()
    assert torch.isnan(mosaic[8:10, 4:7]).all()  # no sixth tensor: an empty tile


def test_kernel_grid_draws_every_kernel_on_one_diverging_symmetric_scale():
    kernels = torch.randn(6, 1, 5, 5, generator=torch.Generator().manual_seed(0))
    figure = inside.kernel_grid(kernels, columns=4)
    heatmap = figure.data[0]
    limit = float(kernels.abs().max())
    assert heatmap.zmin == pytest.approx(-limit) and heatmap.zmax == pytest.approx(limit)
    assert heatmap.zmid == 0
    for index, kernel in enumerate(kernels):
        assert torch.allclose(tile_of(figure, index, (5, 5), 4), kernel[0])
    scale = [colour for _, colour in heatmap.colorscale]
    assert scale[0] != scale[-1]  # diverging: two different ends
    assert titles_of(figure) == [str(i) for i in range(6)]
    assert heatmap.customdata[0][6] == 1  # hovering over the second tile names it


def test_kernel_grid_takes_a_shared_range_and_titles():
    hand = model.hand_kernels()
    figure = inside.kernel_grid(torch.stack(list(hand.values())), list(hand), zmax=2.0, columns=2)
    assert figure.data[0].zmax == 2.0 and figure.data[0].zmin == -2.0
    assert titles_of(figure) == list(hand)
    assert figure.layout.yaxis.autorange == "reversed"  # row 0 of the kernel at the top


def test_feature_map_grid_frames_the_strongest_filters():
    maps = torch.rand(8, 10, 10, generator=torch.Generator().manual_seed(1))
    maps[5] += 3
    top = [i for i, _ in model.top_filters(maps, k=2)]
    assert top[0] == 5
    figure = inside.feature_map_grid(maps, top, columns=4)
    assert torch.allclose(tile_of(figure, 5, (10, 10), 4), maps[5])
    assert len(figure.layout.shapes) == 2
    corners = {(s.x0, s.y0, s.x1, s.y1) for s in figure.layout.shapes}
    # tile 5: row 1, column 1; tiles are 10 + 1 pixels apart across and 10 + 4 down
    assert (10.5, 13.5, 20.5, 23.5) in corners
    assert figure.data[0].zmax == pytest.approx(float(maps.max())) and figure.data[0].zmin == 0
    stars = [t for t in titles_of(figure) if "★" in t]
    assert len(stars) == 2 and "5" in stars[1]


def test_filter_movement_shows_each_filters_numbers():
    from explainer import filters

    start = torch.randn(4, 1, 5, 5, generator=torch.Generator().manual_seed(2))
    end = 1.3 * start + 0.2 * torch.randn(4, 1, 5, 5, generator=torch.Generator().manual_seed(3))
    moves = filters.movement(start, end, filters.detector_kernels())
    parts = ("moved", "match", "cosine", "change", "start", "end", "filter")
    labels = {part: part.upper() for part in parts}
    figure = inside.filter_movement(moves, labels, {"sobel_x": "SX", "sobel_y": "SY"})
    bars = {trace.name: trace for trace in figure.data if trace.type == "bar"}
    assert list(bars["COSINE"].y) == pytest.approx([m.cosine for m in moves])
    assert list(bars["CHANGE"].y) == pytest.approx([m.change for m in moves])
    assert list(bars["COSINE"].x) == ["0", "1", "2", "3"]
    dots = {
        trace.name: trace
        for trace in figure.data
        if trace.type == "scatter" and trace.mode == "markers"
    }
    assert list(dots["START"].y) == pytest.approx([m.match_start for m in moves])
    assert list(dots["END"].y) == pytest.approx([m.match_end for m in moves])
    shown = {"sobel_x": "SX", "sobel_y": "SY"}
    assert list(dots["END"].customdata) == [shown.get(m.kernel_end, "") for m in moves]
    titles = [a.text for a in figure.layout.annotations]
    assert titles == ["MOVED", "MATCH"]
    assert figure.layout.yaxis2.range == (0, 1.05)  # |cosine| lies in 0..1
