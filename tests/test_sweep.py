"""The training-set-size sweep: same subsets for both learners, sensible epochs, shipped result."""

from __future__ import annotations

import json

import pytest
import torch

from explainer import sweep, train
from explainer.errors import ExplainerError


def test_subsets_are_the_cnns_subsets() -> None:
    for size in (50, 1000):
        index = sweep.subset_index(size, seed=3, total=4000)
        subset = train.training_subset(size, seed=3)
        full = train.digit_dataset("train")
        assert torch.equal(full.inputs[index], subset.inputs)
        assert torch.equal(full.labels[index], subset.labels)
    assert torch.equal(sweep.subset_index(4000, 0, 4000), torch.arange(4000))


def test_epochs_give_about_the_same_number_of_steps() -> None:
    config = sweep.SweepConfig()
    assert sweep.epochs_for(4000, config) == 5  # 63 batches x 5 = 315 steps
    assert sweep.epochs_for(1000, config) == 19  # 16 x 19 = 304
    assert sweep.epochs_for(50, config) == config.max_epochs  # capped


def test_config_rejects_bad_sizes() -> None:
    with pytest.raises(ValueError):
        sweep.SweepConfig(sizes=(5,))
    with pytest.raises(ValueError):
        sweep.SweepConfig(sizes=(50, 9000))


def test_small_sweep_runs_both_learners() -> None:
    seen = []
    config = sweep.SweepConfig(sizes=(60,), target_steps=5, max_epochs=3)
    points = sweep.run_sweep(config, on_point=lambda p, done, total: seen.append((done, total)))
    assert [p.learner for p in points] == ["linear", "cnn"]
    assert seen == [(1, 2), (2, 2)]
    assert all(0.0 <= p.test_accuracy <= 1.0 and p.size == 60 for p in points)
    again = sweep.from_json(json.loads(json.dumps(sweep.to_json(points, config))))
    assert again == points


def test_shipped_sweep_shows_the_chapters_picture() -> None:
    points = sweep.load_shipped()
    by = {(p.learner, p.size): p.test_accuracy for p in points}
    sizes = sorted({p.size for p in points})
    assert sizes[0] <= 50 and sizes[-1] == 4000
    assert all(("linear", s) in by and ("cnn", s) in by for s in sizes)
    assert by[("cnn", 4000)] > by[("linear", 4000)]  # learned features win with enough data
    assert (
        by[("cnn", 4000)] - by[("cnn", sizes[0])] > by[("linear", 4000)] - by[("linear", sizes[0])]
    )


def test_missing_or_bad_sweep_file(tmp_path) -> None:
    with pytest.raises(ExplainerError, match="no precomputed sweep"):
        sweep.load_shipped(tmp_path / "none.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"points": [{"nope": 1}]}')
    with pytest.raises(ExplainerError, match="not a sweep file"):
        sweep.load_shipped(bad)
