"""Figure builders of the two feature pages, tested without a browser."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import torch

from explainer import data, features, sweep
from explainer.figures import compare
from explainer.figures import features as figs


def ring_digit() -> torch.Tensor:
    yy, xx = np.mgrid[0:28, 0:28]
    distance = np.hypot(yy - 14, xx - 14)
    return torch.from_numpy(((distance >= 5) & (distance <= 8)).astype(np.uint8) * 255)


def test_step_pictures_colour_the_hole_and_the_skeleton() -> None:
    steps = features.steps(ring_digit())
    ink, holes, skeleton, _ = figs.step_pictures(steps)
    assert ink.shape == (28, 28, 3) and ink.dtype == np.uint8
    assert (holes[14, 14] == figs.HOLE_COLOURS[0]).all()  # the ring's hole, in the first colour
    assert (ink[14, 14] == figs.PAPER).all()
    assert (skeleton[steps.skeleton.numpy()] == figs.SKELETON).all()


def test_steps_figure_draws_every_scanline_with_its_count() -> None:
    steps = features.steps(data.load_mnist("test")[0][0])
    figure = figs.steps_figure(steps, ["a", "b", "c", "d"])
    assert len(figure.data) == 4
    assert len(figure.layout.shapes) == len(steps.scan_rows) + len(steps.scan_cols)
    counts = [a.text for a in figure.layout.annotations if a.text not in "abcd"]
    assert counts == [str(c) for c in steps.row_crossings + steps.col_crossings]


def test_confusion_matrix_counts_and_abstain_column() -> None:
    truth = np.array([0, 0, 1, 2, 2])
    predicted = np.array([0, -1, 1, 1, 2])
    matrix = figs.confusion_matrix(truth, predicted, abstain=-1)
    assert matrix.shape == (10, 11)
    assert matrix[0, 0] == 1 and matrix[0, 10] == 1 and matrix[2, 1] == 1
    assert matrix.sum() == 5
    figure = figs.confusion_figure(matrix, "predicted", "true")
    assert list(figure.data[0].x)[-1] == "?"
    assert figs.confusion_matrix(truth, np.array([0, 0, 1, 2, 2])).shape == (10, 10)


def test_feature_by_class_heatmap_for_counts_box_for_the_rest() -> None:
    labels = np.repeat(np.arange(10), 3)
    counts = pd.Series(np.arange(30) % 3, name="holes")
    heat = figs.feature_by_class(counts, labels, "digit", "share")
    assert heat.data[0].type == "heatmap"
    np.testing.assert_allclose(heat.data[0].z.sum(1), 1.0)  # shares per digit
    ratio = pd.Series(np.linspace(0.5, 3, 30), name="aspect")
    boxes = figs.feature_by_class(ratio, labels, "digit", "share")
    assert [trace.type for trace in boxes.data] == ["box"] * 10


def test_probability_bars_highlight_the_most_likely_digit() -> None:
    proba = np.full(10, 0.05)
    proba[7] = 0.55
    figure = figs.probability_bars(proba)
    colours = list(figure.data[0].marker.color)
    assert colours[7] != colours[0] and colours.count(colours[7]) == 1


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
