"""How far first-layer filters moved and how hand-made they look, against numpy as the oracle."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from explainer import export, filters, model


def random_filters(count: int = 6, seed: int = 0) -> torch.Tensor:
    return torch.randn(count, 1, 5, 5, generator=torch.Generator().manual_seed(seed))


def test_cosine_of_identical_filters_is_one_and_of_negated_ones_minus_one() -> None:
    w = random_filters()
    assert filters.cosine(w, w) == pytest.approx(torch.ones(6))
    assert filters.cosine(w, -w) == pytest.approx(-torch.ones(6))
    assert filters.cosine(w, 3 * w) == pytest.approx(torch.ones(6))  # the size does not count


def test_cosine_matches_numpy() -> None:
    a, b = random_filters(seed=1).numpy(), random_filters(seed=2).numpy()
    for i in range(len(a)):
        x, y = a[i].ravel(), b[i].ravel()
        expected = x @ y / (np.linalg.norm(x) * np.linalg.norm(y))
        got = filters.cosine(torch.from_numpy(a), torch.from_numpy(b))[i]
        assert float(got) == pytest.approx(expected, rel=1e-5)


def test_relative_change_and_scale() -> None:
    w = random_filters()
    assert filters.relative_change(w, w) == pytest.approx(torch.zeros(6))
    assert filters.relative_change(w, 1.5 * w) == pytest.approx(torch.full((6,), 0.5))
    assert filters.relative_change(w, torch.zeros_like(w)) == pytest.approx(torch.ones(6))
    moves = filters.movement(w, 1.5 * w, filters.detector_kernels())
    assert [m.scale for m in moves] == pytest.approx([1.5] * 6)
    assert [m.cosine for m in moves] == pytest.approx([1.0] * 6)


def test_placements_put_a_small_kernel_everywhere_in_the_window() -> None:
    kernel = torch.arange(9.0).reshape(3, 3) + 1
    placed = filters.placements(kernel, 5)
    assert placed.shape == (9, 5, 5)
    assert all(float(p.sum()) == float(kernel.sum()) for p in placed)
    assert torch.equal(placed[0, :3, :3], kernel) and torch.equal(placed[-1, 2:, 2:], kernel)
    assert len({tuple(p.flatten().tolist()) for p in placed}) == 9


def test_a_shifted_or_negated_hand_kernel_matches_itself_perfectly() -> None:
    kernels = filters.detector_kernels()
    sobel = F.pad(kernels["sobel_x"], (2, 0, 0, 2))  # in the bottom-left corner of 5x5
    laplacian = -F.pad(kernels["laplacian"], (1, 1, 1, 1))  # centred, negated
    match, names = filters.best_match(torch.stack([sobel, laplacian]).unsqueeze(1), kernels)
    assert match == pytest.approx(torch.ones(2))
    assert names == ["sobel_x", "laplacian"]


def test_the_detectors_are_sobel_and_laplacian_not_the_blur() -> None:
    assert set(filters.detector_kernels()) == {"sobel_x", "sobel_y", "laplacian"}
    assert set(filters.detector_kernels()) < set(model.hand_kernels())


def test_best_match_is_the_largest_absolute_cosine_over_every_placement() -> None:
    w = random_filters(seed=3)
    kernels = filters.detector_kernels()
    match, _ = filters.best_match(w, kernels)
    for i, f in enumerate(w.reshape(len(w), -1).numpy()):
        best = 0.0
        for kernel in kernels.values():
            k = kernel.numpy()
            for top in range(3):
                for left in range(3):
                    placed = np.zeros((5, 5), dtype=np.float32)
                    placed[top : top + 3, left : left + 3] = k
                    p = placed.ravel()
                    best = max(best, abs(f @ p) / (np.linalg.norm(f) * np.linalg.norm(p)))
        assert float(match[i]) == pytest.approx(best, rel=1e-5)


def test_summary_of_filters_that_did_not_move() -> None:
    w = random_filters()
    summary = filters.summarize(filters.movement(w, w.clone(), filters.detector_kernels()))
    assert summary.unchanged and summary.cosine == pytest.approx((1.0, 1.0))
    assert summary.kept == tuple(range(6)) and summary.moved == () and summary.closer == ()
    assert summary.match_start == pytest.approx(summary.match_end)


def test_summary_names_the_filters_that_moved_and_those_that_became_detectors() -> None:
    start = random_filters(count=4, seed=4)
    end = start.clone()
    end[1] = -start[1] + 0.01 * random_filters(count=1, seed=5)[0]  # flipped: cosine about -1
    sobel = F.pad(filters.detector_kernels()["sobel_y"], (1, 1, 1, 1))
    end[2] = 0.2 * start[2] + sobel  # mostly a Sobel now
    summary = filters.summarize(filters.movement(start, end, filters.detector_kernels()))
    assert not summary.unchanged
    assert 1 in summary.moved and 1 not in summary.kept
    assert 0 in summary.kept and 3 in summary.kept
    assert 2 in summary.closer and 2 in summary.like_end and 2 not in summary.like_start
    assert summary.filters == 4


def test_movement_rejects_snapshots_of_different_shapes() -> None:
    with pytest.raises(ValueError):
        filters.movement(random_filters(4), random_filters(5), filters.detector_kernels())
    with pytest.raises(ValueError):
        filters.summarize([])


def test_frame_has_one_row_per_filter() -> None:
    w = random_filters()
    table = filters.frame(filters.movement(w, w * 2, filters.detector_kernels()))
    assert list(table["filter"]) == list(range(6))
    assert {"cosine", "change", "scale", "match_start", "kernel_end"} <= set(table.columns)


def test_the_shipped_history_can_be_measured() -> None:
    snapshots = export.read_history()["snapshots"]
    moves = filters.movement(
        snapshots[0].weights, snapshots[-1].weights, filters.detector_kernels()
    )
    summary = filters.summarize(moves)
    assert summary.filters == snapshots[0].weights.shape[0]
    assert -1.0 <= summary.cosine[0] <= summary.cosine[1] <= 1.0
    assert 0.0 <= summary.match_start <= 1.0 and 0.0 <= summary.match_end <= 1.0
