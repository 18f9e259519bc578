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


def test_kernel_grid_draws_every_kernel_on_one_diverging_symmetric_scale():
    kernels = torch.randn(6, 1, 5, 5, generator=torch.Generator().manual_seed(0))
    figure = inside.kernel_grid(kernels, columns=4)
    assert len(figure.data) == 6
    limit = float(kernels.abs().max())
    for trace, kernel in zip(figure.data, kernels):
        assert trace.zmin == pytest.approx(-limit) and trace.zmax == pytest.approx(limit)
        assert trace.zmid == 0
        assert torch.allclose(torch.tensor(trace.z), kernel[0])
    scale = [colour for _, colour in figure.data[0].colorscale]
    assert scale[0] != scale[-1]  # diverging: two different ends
    assert [t.showscale for t in figure.data] == [True] + [False] * 5
    assert [a.text for a in figure.layout.annotations] == [str(i) for i in range(6)]


def test_kernel_grid_takes_a_shared_range_and_titles():
    hand = model.hand_kernels()
    figure = inside.kernel_grid(torch.stack(list(hand.values())), list(hand), zmax=2.0, columns=2)
    assert all(t.zmax == 2.0 and t.zmin == -2.0 for t in figure.data)
    assert [a.text for a in figure.layout.annotations] == list(hand)
    assert figure.layout.yaxis.autorange == "reversed"  # row 0 of the kernel at the top


def test_feature_map_grid_frames_the_strongest_filters():
    maps = torch.rand(8, 10, 10, generator=torch.Generator().manual_seed(1))
    maps[5] += 3
    top = [i for i, _ in model.top_filters(maps, k=2)]
    assert top[0] == 5
    figure = inside.feature_map_grid(maps, top)
    assert len(figure.data) == 8
    assert len(figure.layout.shapes) == 2
    assert {shape.xref for shape in figure.layout.shapes} == {f"x{i + 1}" for i in top}
    assert (figure.layout.shapes[0].x0, figure.layout.shapes[0].x1) == (-0.5, 9.5)  # the tile
    assert figure.data[0].zmax == pytest.approx(float(maps.max())) and figure.data[0].zmin == 0
    stars = [a.text for a in figure.layout.annotations if "★" in a.text]
    assert len(stars) == 2 and "5" in stars[1]
