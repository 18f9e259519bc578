"""Figure builders of the "Learned features: CNN vs hand" page, tested without a browser."""

from __future__ import annotations

import numpy as np
import pytest

from explainer import data, elsewhere, sweep
from explainer.answers import answer_all
from explainer.figures import cnn_vs_hand as compare


def test_per_class_accuracy_bars() -> None:
    truth = np.repeat(np.arange(10), 2)
    answers = {"linear": truth.copy(), "cnn": np.where(truth == 3, 4, truth)}
    figure = compare.per_class_accuracy(truth, answers, {"linear": "L", "cnn": "C"}, "right")
    assert [trace.name for trace in figure.data] == ["L", "C"]
    assert list(figure.data[0].y) == [1.0] * 10
    assert figure.data[1].y[3] == 0.0


def test_gallery_has_one_caption_per_digit() -> None:
    images = data.load_mnist("test")[0][:11]
    figure = compare.gallery(images, [f"c{i}" for i in range(11)], cols=4)
    assert list(figure.data[1].text) == [f"c{i}" for i in range(11)]  # one caption per digit
    assert (figure.data[1].x[5], figure.data[1].y[5]) == (1 * 37 + 14, 1 * 37 + 4)  # row 1, col 1
    assert figure.data[0].z.shape == (3 * 37, 4 * 37 - 9)  # 3 rows of 4, 9-pixel gaps


def test_sweep_figure_shows_mean_band_and_every_run() -> None:
    table = {
        ("linear", 50): [0.7, 0.8, 0.75],
        ("cnn", 50): [0.6, 0.65, 0.7],
        ("linear", 500): [0.9, 0.91, 0.89],
        ("cnn", 500): [0.94, 0.95, 0.93],
    }
    points = [
        sweep.SweepPoint(learner, size, seed, 600, accuracy, 1.0)
        for (learner, size), runs in table.items()
        for seed, accuracy in enumerate(runs)
    ]
    figure = compare.sweep_figure(points, {"linear": "L", "cnn": "C"}, "n", "acc")
    lines = {t.name: t for t in figure.data if t.mode == "lines+markers"}
    assert set(lines) == {"L", "C"}
    assert list(lines["C"].x) == [50, 500]
    assert list(lines["C"].y) == pytest.approx([0.65, 0.94])  # the mean over the seeds
    bands = [t for t in figure.data if t.fill == "toself"]
    assert len(bands) == 2
    assert list(bands[0].x) == [50, 500, 500, 50]  # lows left to right, highs right to left
    assert list(bands[0].y) == pytest.approx([0.7, 0.89, 0.91, 0.8])
    runs = [t for t in figure.data if t.mode == "markers"]
    assert sum(len(t.y) for t in runs) == 12  # every run is a dot
    assert figure.layout.xaxis.type == "log"
    assert list(figure.layout.xaxis.tickvals) == [50, 500]


def test_confusions_one_per_classifier_with_the_rules_abstaining_in_a_last_column() -> None:
    images, labels = data.load_mnist("test")
    found = answer_all(images[:40])
    figures = compare.confusions(labels[:40].numpy(), found, "predicted", "true")
    assert list(figures) == ["rules", "linear", "cnn"]
    assert np.asarray(figures["rules"].data[0].z).shape == (10, 11)
    assert np.asarray(figures["cnn"].data[0].z).shape == (10, 10)
    truth, shares = labels[:40].numpy(), np.asarray(figures["cnn"].data[0].z)
    for digit in np.unique(truth):  # each row: the share of that digit given each answer
        assert shares[digit, digit] == pytest.approx((found.cnn[truth == digit] == digit).mean())


def test_galleries_caption_each_digit_with_what_was_said() -> None:
    images, labels = data.load_mnist("test")
    found = answer_all(images[:20])
    truth, index = labels[:20].numpy(), np.array([3, 7])
    figure = compare.disagreement_gallery(images[:20], truth, found, index)
    assert list(figure.data[1].text) == [
        f"{truth[i]}: {found.linear[i]}/{found.cnn[i]}" for i in index
    ]
    printed = elsewhere.score_all()[1]
    wrong = printed.wrong("rules")
    figure = compare.wrong_gallery(printed, "rules")
    assert list(figure.data[1].text) == printed.captions("rules", wrong)[:24]
