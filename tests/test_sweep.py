"""The training-set-size sweep: same subsets and steps for both learners, seeds, what it shows."""

from __future__ import annotations

import json

import pytest
import torch
from sweep_support import CROSSING, make_points
from torch import nn

from explainer import classifiers, data, features, sweep, train
from explainer.errors import ExplainerError


def test_both_learners_train_on_the_digits_training_subset_draws(monkeypatch) -> None:
    drawn = []

    def spy(size: int, seed: int, pool: data.TensorPairDataset | None = None):
        subset = real(size, seed, pool)
        drawn.append((size, seed, pool is not None, subset))
        return subset

    real = train.training_subset
    monkeypatch.setattr(train, "training_subset", spy)
    sweep.run_sweep(sweep.SweepConfig(sizes=(60,), seeds=(0, 1), steps=1))
    assert [(size, seed, features) for size, seed, features, _ in drawn] == [
        (60, 0, True),  # the linear learner: hand-made features of the drawn digits
        (60, 0, False),  # the CNN: the same digits as images
        (60, 1, True),
        (60, 1, False),
    ]
    for (*_, linear), (*_, cnn) in zip(drawn[::2], drawn[1::2]):
        assert torch.equal(linear.labels, cnn.labels)
    index = torch.randperm(4000, generator=torch.Generator().manual_seed(1))[:60]
    expected = classifiers.expand(features.extract(data.load_mnist("train")[0][index]))
    assert torch.allclose(drawn[2][3].inputs, expected)  # the rows of the digits drawn, in order
    assert not torch.equal(drawn[0][3].labels, drawn[2][3].labels)  # each seed its own digits


def test_every_size_gets_enough_epochs_for_the_same_steps() -> None:
    config = sweep.SweepConfig()
    for size in config.sizes:
        batches = -(-size // config.batch_size)
        epochs = sweep.epochs_for(size, config)
        assert epochs * batches >= config.steps > (epochs - 1) * batches  # the cap ends the last
    assert sweep.epochs_for(50, config) == config.steps  # one batch per epoch


def tiny_problem(n: int = 100) -> data.TensorPairDataset:
    generator = torch.Generator().manual_seed(0)
    labels = torch.randint(0, 2, (n,), generator=generator)
    inputs = torch.randn(n, 4, generator=generator) + 2 * labels[:, None].float()
    return data.TensorPairDataset(inputs, labels)


def fit_tiny(**kwargs: object) -> train.FitResult:
    torch.manual_seed(0)
    model = nn.Linear(4, 2)
    return train.fit(model, tiny_problem(), train.FitConfig(epochs=3, batch_size=32), **kwargs)


def test_fit_max_steps_caps_the_run_and_its_default_changes_nothing() -> None:
    plain = fit_tiny()  # 4 batches x 3 epochs
    assert plain.steps == 12
    assert fit_tiny(max_steps=None).losses == plain.losses
    assert fit_tiny(max_steps=100).losses == plain.losses  # a cap above the run changes nothing
    capped = fit_tiny(max_steps=6)
    assert capped.steps == 6 and capped.status == "finished"
    assert [e.step for e in capped.epochs] == [4, 6]  # the second epoch ends early, then stop
    events = []
    fit_tiny(max_steps=5, on_progress=events.append)
    assert {e.total_steps for e in events} == {5}  # progress bars count to the cap


def test_the_sweeps_cnn_run_is_train_cnns_run() -> None:
    """Oracle: without the cap biting, the sweep's CNN run equals train.train_cnn's.

    If this fails, train_cnn does something the sweep does not (augmentation, another start):
    make ``sweep.cnn_run`` do it too, so the sweep measures the recipe that ships.
    """
    config = sweep.SweepConfig(sizes=(130,), seeds=(1,), steps=9)  # 3 batches x 3 epochs
    with train.torch_threads(1):
        accuracy, steps = sweep.cnn_run(130, 1, config)
        reference = train.train_cnn(
            train.TrainConfig(train.cnn_fit(epochs=3, seed=1), train_size=130)
        )
    assert steps == reference.fit.steps == 9
    assert accuracy == reference.test_accuracy


def test_config_rejects_bad_settings() -> None:
    for bad in (
        dict(sizes=(5,)),
        dict(sizes=(50, 9000)),
        dict(sizes=(50, 50)),
        dict(seeds=()),
        dict(seeds=(1, 1)),
        dict(steps=0),
    ):
        with pytest.raises(ValueError):
            sweep.SweepConfig(**bad)
    assert sweep.SweepConfig().runs == 2 * 7 * 3


def test_small_sweep_runs_both_learners_for_every_seed_with_the_same_steps() -> None:
    seen = []
    config = sweep.SweepConfig(sizes=(60,), seeds=(0, 1), steps=3)
    points = sweep.run_sweep(config, on_point=lambda p, done, total: seen.append((done, total)))
    assert [(p.learner, p.seed) for p in points] == [
        ("linear", 0),
        ("cnn", 0),
        ("linear", 1),
        ("cnn", 1),
    ]
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert all(p.steps == 3 and p.size == 60 and 0.0 <= p.test_accuracy <= 1.0 for p in points)
    again = sweep.from_json(json.loads(json.dumps(sweep.to_json(points, config))))
    assert again == points
    assert sweep.labels(points) == {"seeds": "0, 1", "sizes": "60"} == sweep.labels(config)


# ---------------------------------------------------------------------------------------------
# summarize, on synthetic points


def test_bands_are_mean_lowest_and_highest_per_size() -> None:
    points = make_points({("linear", 50): [0.7, 0.8, 0.9], ("cnn", 50): [0.5, 0.6, 0.4]})
    linear, cnn = sweep.bands(points)["linear"][0], sweep.bands(points)["cnn"][0]
    assert (linear.mean, linear.low, linear.high, linear.runs) == pytest.approx((0.8, 0.7, 0.9, 3))
    assert cnn.spread == pytest.approx(0.2)


def test_a_crossing_is_found_where_the_cnn_gets_ahead_for_good() -> None:
    summary = sweep.summarize(make_points(CROSSING))
    assert summary.sizes == (50, 500, 4000) and summary.runs == 3 and summary.steps == (600, 600)
    assert summary.ahead_from == 500 and summary.cnn_ahead == (500, 4000)
    assert summary.clear  # at 500 the CNN's worst run (0.92) beats the linear's best (0.91)
    assert summary.clear_from == 500
    assert summary.at_ahead_from["cnn"].mean == pytest.approx(0.93)


def test_a_lead_within_the_spread_is_not_clear() -> None:
    table = dict(CROSSING)
    table[("cnn", 500)] = [0.95, 0.90, 0.92]  # mean 0.923 > 0.90, but the worst run is lower
    summary = sweep.summarize(make_points(table))
    assert summary.ahead_from == 500 and not summary.clear
    assert summary.clear_from == 4000  # from there every CNN run beats every linear run


def test_no_crossing_when_the_cnn_is_never_ahead() -> None:
    table = {key: ([a - 0.1 for a in v] if key[0] == "cnn" else v) for key, v in CROSSING.items()}
    summary = sweep.summarize(make_points(table))
    assert summary.ahead_from is None and summary.cnn_ahead == () and summary.at_ahead_from == {}


def test_ahead_in_the_middle_but_not_at_the_end_is_no_crossing() -> None:
    table = dict(CROSSING)
    table[("cnn", 4000)] = [0.94, 0.93, 0.94]
    summary = sweep.summarize(make_points(table))
    assert summary.ahead_from is None and summary.cnn_ahead == (500,)


def test_ahead_everywhere() -> None:
    table = dict(CROSSING)
    table[("cnn", 50)] = [0.85, 0.86, 0.84]
    assert sweep.summarize(make_points(table)).ahead_from == 50


def test_plateau_and_still_rising_between_the_last_two_sizes() -> None:
    summary = sweep.summarize(make_points(CROSSING))
    linear, cnn = summary.trends["linear"], summary.trends["cnn"]
    assert (linear.from_size, linear.to_size) == (500, 4000)
    assert linear.gain == pytest.approx(0.046) and linear.verdict == "rising"  # 4.6 > 2 points
    assert cnn.verdict == "rising"
    plateau = dict(CROSSING)
    plateau[("cnn", 4000)] = [0.94, 0.935, 0.93]  # mean 0.935 vs 0.93, spread 0.02
    trend = sweep.summarize(make_points(plateau)).trends["cnn"]
    assert trend.gain == pytest.approx(0.005) and trend.spread == pytest.approx(0.02)
    assert trend.verdict == "flat"
    falling = dict(CROSSING)
    falling[("cnn", 4000)] = [0.90, 0.89, 0.895]
    assert sweep.summarize(make_points(falling)).trends["cnn"].verdict == "falling"
    # a gain as large as the spread is not more than it, whatever the rounding of the means
    for gain in (0.005 - 1e-15, 0.005, 0.005 + 1e-15):
        assert sweep.Trend("cnn", 2000, 4000, gain, 0.005, 3).verdict == "flat"
    assert sweep.Trend("cnn", 2000, 4000, 0.006, 0.005, 3).verdict == "rising"


def test_one_seed_cannot_tell_a_gain_from_chance() -> None:
    table = {key: runs[:1] for key, runs in CROSSING.items()}
    summary = sweep.summarize(make_points(table))
    assert summary.runs == 1
    assert {t.verdict for t in summary.trends.values()} == {"single"}


def test_summary_needs_both_learners() -> None:
    with pytest.raises(ValueError):
        sweep.summarize(make_points({("linear", 50): [0.7]}))
    one_size = sweep.summarize(make_points({("linear", 50): [0.7], ("cnn", 50): [0.6]}))
    assert one_size.trends == {} and one_size.ahead_from is None


# ---------------------------------------------------------------------------------------------
# The shipped file


def test_shipped_sweep_has_every_learner_size_and_seed_with_equal_steps() -> None:
    points = sweep.load_shipped()
    payload = json.loads(sweep.SWEEP_PATH.read_text(encoding="utf-8"))
    config = sweep.SweepConfig(
        **{k: tuple(v) if isinstance(v, list) else v for k, v in payload["config"].items()}
    )
    assert len(config.seeds) >= 3 and config.sizes[0] <= 50 and config.sizes[-1] == 4000
    runs = {(p.learner, p.size, p.seed) for p in points}
    assert runs == {
        (learner, size, seed)
        for learner in sweep.LEARNERS
        for size in config.sizes
        for seed in config.seeds
    }
    assert {p.steps for p in points} == {config.steps}
    sweep.summarize(points)  # whatever it shows, it can be said


def test_the_live_sweep_is_part_of_the_shipped_one() -> None:
    live, shipped = sweep.LIVE_CONFIG, sweep.load_shipped()
    assert live.runs < len(shipped)
    assert set(live.sizes) <= {p.size for p in shipped}
    assert sweep.estimate_seconds(shipped, live) > 0
    assert sweep.estimate_seconds(shipped, sweep.SweepConfig(sizes=(11,))) is None


def test_missing_or_bad_sweep_file(tmp_path) -> None:
    with pytest.raises(ExplainerError, match="no precomputed sweep"):
        sweep.load_shipped(tmp_path / "none.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"points": [{"nope": 1}]}')
    with pytest.raises(ExplainerError, match="not a sweep file"):
        sweep.load_shipped(bad)
    bad.write_text('{"points": []}')
    with pytest.raises(ExplainerError, match="no points"):
        sweep.load_shipped(bad)
