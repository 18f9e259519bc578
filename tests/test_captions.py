"""Sentences chosen from measurements: each claim appears only when the numbers support it."""

from __future__ import annotations

import re
from functools import partial

import pytest
import torch
import torch.nn.functional as F
from sweep_support import CROSSING, make_points

from explainer import filters, i18n, sweep
from explainer.views import captions

HANGUL = re.compile(r"[\uac00-\ud7a3]")
NAMES = {"linear": "Linear", "cnn": "CNN"}


def findings(table: dict, lang: str = "en") -> str:
    summary = sweep.summarize(make_points(table))
    return " ".join(captions.sweep_findings(summary, partial(i18n.t, lang=lang), NAMES))


def test_a_crossing_is_said_with_its_size_and_numbers() -> None:
    text = findings(CROSSING)
    assert "from 500 digits on, the CNN's mean is higher at every size" in text
    assert "93.0% vs 90.0% at 500 digits" in text
    assert "With 50 digits the linear classifier on hand features scores 78.0%" in text
    assert "overlap" not in text  # the lead at 500 is clear of the spread


def test_a_lead_within_the_spread_is_called_so() -> None:
    table = dict(CROSSING)
    table[("cnn", 500)] = [0.95, 0.90, 0.92]
    text = findings(table)
    assert "At 500 digits the two learners' runs still overlap" in text
    assert "From 4000 digits on, every CNN run scores higher than every linear run." in text


def test_no_crossing_says_so() -> None:
    table = {key: ([a - 0.1 for a in v] if key[0] == "cnn" else v) for key, v in CROSSING.items()}
    text = findings(table)
    assert "is not higher than the linear classifier's at any size up to 4000 digits" in text
    assert "digits on, the CNN" not in text


def test_ahead_only_in_the_middle_says_so() -> None:
    table = dict(CROSSING)
    table[("cnn", 4000)] = [0.94, 0.93, 0.94]
    assert "higher at 500 digits, but not at the largest size, 4000 digits" in findings(table)


def test_ahead_everywhere_says_so() -> None:
    table = dict(CROSSING)
    table[("cnn", 50)] = [0.85, 0.86, 0.84]
    assert "higher than the linear classifier's at every size, from 50 digits up" in findings(table)


def test_still_improving_only_when_the_gain_beats_the_spread() -> None:
    assert "**CNN**: from 500 to 4000 digits the mean rises by 5.0 points" in findings(CROSSING)
    plateau = dict(CROSSING)
    plateau[("cnn", 4000)] = [0.94, 0.935, 0.93]
    text = findings(plateau)
    assert (
        "**CNN**: from 500 to 4000 digits the mean changes by +0.5 points, within the spread"
        in (text)
    )
    assert "**CNN**: from 500 to 4000 digits the mean rises" not in text
    falling = dict(CROSSING)
    falling[("cnn", 4000)] = [0.90, 0.89, 0.895]
    assert "**CNN**: from 500 to 4000 digits the mean drops by 3.5 points" in findings(falling)


def test_one_seed_makes_no_claim_about_chance() -> None:
    table = {key: runs[:1] for key, runs in CROSSING.items()}
    summary = sweep.summarize(make_points(table))
    text = findings(table)
    assert "with one run per size there is no spread" in text and "still improving" not in text
    assert "overlap" not in text
    assert "single run" in captions.sweep_method(summary, partial(i18n.t, lang="en"))


@pytest.mark.parametrize(
    "change",
    [
        {},
        {("cnn", 500): [0.95, 0.90, 0.92]},
        {("cnn", 4000): [0.94, 0.93, 0.94]},
        {("cnn", 50): [0.85, 0.86, 0.84]},
        {("cnn", 4000): [0.94, 0.935, 0.93]},
    ],
)
def test_korean_sentences_are_filled_in(change) -> None:
    text = findings({**CROSSING, **change}, lang="ko")
    assert HANGUL.search(text) and "{" not in text and "}" not in text
    summary = sweep.summarize(make_points({**CROSSING, **change}))
    method = captions.sweep_method(summary, partial(i18n.t, lang="ko"))
    assert "600" in method and "{" not in method


def test_method_says_runs_and_steps() -> None:
    summary = sweep.summarize(make_points(CROSSING))
    text = captions.sweep_method(summary, partial(i18n.t, lang="en"))
    assert "mean of 3 runs" in text and "600 optimizer steps" in text


# ---------------------------------------------------------------------------------------------
# The replay of the first-layer filters


def replay(start: torch.Tensor, end: torch.Tensor, lang: str = "en") -> str:
    summary = filters.summarize(filters.movement(start, end, filters.detector_kernels()))
    return " ".join(captions.replay_findings(summary, 190, 5, partial(i18n.t, lang=lang)))


def random_filters(count: int, seed: int) -> torch.Tensor:
    return torch.randn(count, 1, 5, 5, generator=torch.Generator().manual_seed(seed))


def test_filters_that_stayed_close_to_their_start_are_said_to() -> None:
    start = random_filters(6, 0)
    end = 1.2 * start + 0.1 * random_filters(6, 1)
    summary = filters.summarize(filters.movement(start, end, filters.detector_kernels()))
    text = replay(start, end)
    low, high = summary.cosine
    assert f"between {low:.2f} and {high:.2f}" in text
    assert "Every filter kept most of its starting pattern" in text
    assert "No filter looks like one of them" in text


def test_filters_that_moved_are_named_and_no_kept_all_claim() -> None:
    start = random_filters(4, 2)
    end = start.clone()
    end[1] = -start[1]
    end[3] = random_filters(1, 3)[0]
    summary = filters.summarize(filters.movement(start, end, filters.detector_kernels()))
    text = replay(start, end)
    assert "Every filter kept" not in text
    assert f"{len(summary.kept)} of 4 filters kept most" in text
    assert "filters 1" in text or "filters 1, 3" in text
    assert HANGUL.search(replay(start, end, "ko"))


def test_filters_that_became_detectors_are_counted() -> None:
    start = random_filters(3, 4)
    end = start.clone()
    end[0] = 0.1 * start[0] + F.pad(filters.detector_kernels()["sobel_x"], (1, 1, 1, 1))
    text = replay(start, end)
    assert "At the end 1 of 3 filters look like one of them" in text
    assert "at the start, 0 did" in text
    assert "came closer to one by more than 0.1: 0" in text


def test_a_frozen_layer_is_said_not_to_change() -> None:
    start = random_filters(3, 5)
    text = replay(start, start.clone())
    assert "did not change at all" in text and "kept most" not in text
    assert "{" not in replay(start, start.clone(), "ko")


def test_where_the_points_come_from() -> None:
    points = make_points(CROSSING)  # 18 runs of 1 s each
    en = partial(i18n.t, lang="en")
    assert "(18 runs, 0 min of training when it was made)" in captions.sweep_source(
        points, None, en
    )
    fresh = captions.sweep_source(points, 42.0, en)
    assert "seeds 0, 1, 2 at 50, 500, 4000 digits (42 s)" in fresh
    live = sweep.SweepConfig(sizes=(50, 4000), seeds=(0, 1))
    text = captions.rerun_help(points, live, en)
    assert text.startswith("Seeds 0, 1 at 50, 4000 digits: 8 runs instead of the shipped 18.")
