"""Figure builders of the "Features by hand" page, tested without a browser."""

from __future__ import annotations

import numpy as np
import pandas as pd
import torch

from explainer import data, features
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
