"""The readable loop extractor gives exactly the tensor extractor's table, digit for digit."""

from __future__ import annotations

import pandas as pd
import pytest
import torch

from explainer import data, features, features_loops


@pytest.fixture(scope="module")
def digits() -> torch.Tensor:
    train_images, _ = data.load_mnist("train")
    test_images, _ = data.load_mnist("test")
    return torch.cat([train_images, test_images])  # (5000, 28, 28)


def test_loops_equal_tensors_on_every_bundled_digit(digits) -> None:
    loops = features_loops.extract(digits)  # about 30-60 s of plain Python on a busy machine
    tensors = features.extract(digits)
    assert len(loops) == 5000
    pd.testing.assert_frame_equal(loops, tensors, check_exact=True)  # columns, dtypes, values


def test_loops_equal_tensors_on_noise_and_edge_cases() -> None:
    """Random speckle has every topology a digit never has: holes in holes, touching junctions."""
    generator = torch.Generator().manual_seed(0)
    density = torch.linspace(0.05, 0.9, 120).view(-1, 1, 1)
    noise = (torch.rand(120, 28, 28, generator=generator) < density).to(torch.uint8) * 255
    grey = torch.randint(0, 256, (20, 28, 28), generator=generator, dtype=torch.uint8)
    blank = torch.zeros(1, 28, 28, dtype=torch.uint8)
    full = torch.full((1, 28, 28), 255, dtype=torch.uint8)
    square = blank.clone()
    square[0, 10:12, 10:12] = 255  # Zhang-Suen alone would delete it
    edge = blank.clone()
    edge[0, :, 0] = 255  # ink along the frame
    images = torch.cat([noise, grey, blank, full, square, edge])
    pd.testing.assert_frame_equal(
        features_loops.extract(images), features.extract(images), check_exact=True
    )


def test_threshold_is_the_same() -> None:
    image = [[127, 128, 255] + [0] * 25] + [[0] * 28 for _ in range(27)]
    assert features_loops.binarize(image)[0][:3] == [0, 1, 1]


def test_f32_rounds_like_a_float32_tensor() -> None:
    for value in (1 / 3, 2 / 3, 0.1, 12345.678, 1e-8):
        assert features_loops.f32(value) == torch.tensor(value, dtype=torch.float32).item()


def test_flood_fill_four_vs_eight_connected() -> None:
    grid = [[0] * 28 for _ in range(28)]
    grid[5][5] = grid[6][6] = 1  # touching only at a corner
    four = features_loops.flood_fill([(5, 5)], grid)
    eight = features_loops.flood_fill([(5, 5)], grid, features_loops.EIGHT)
    assert features_loops.pixels_of(four) == [(5, 5)]
    assert features_loops.pixels_of(eight) == [(5, 5), (6, 6)]


def test_holes_and_skeleton_of_one_digit_match_the_tensor_steps(digits) -> None:
    image = digits[1]
    steps = features.steps(image)
    ink = features_loops.binarize(image.tolist())
    assert ink == steps.ink.to(torch.int64).tolist()
    numbered = [[0] * 28 for _ in range(28)]
    for number, hole in enumerate(features_loops.find_holes(ink), start=1):
        for r, c in hole:
            numbered[r][c] = number
    assert numbered == steps.holes.tolist()
    assert features_loops.skeletonize(ink) == steps.skeleton.to(torch.int64).tolist()


def test_rejects_what_the_tensor_version_rejects() -> None:
    with pytest.raises(ValueError, match="uint8"):
        features_loops.extract(torch.zeros(2, 20, 20, dtype=torch.uint8))


def test_time_both_compares_the_tables(digits) -> None:
    timing = features_loops.time_both(digits[:20], features.extract)
    assert timing.digits == 20 and timing.equal
    assert timing.loops_s > 0 and timing.tensor_s > 0 and timing.ratio > 0
