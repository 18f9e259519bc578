"""Figures of a training run, checked without a browser."""

from __future__ import annotations

import math

import pytest
import torch

from explainer.figures import train


def test_smooth_is_a_bias_corrected_moving_average():
    assert train.smooth([2.0, 2.0, 2.0]) == pytest.approx([2.0, 2.0, 2.0])
    values = [4.0, 0.0, 2.0]
    expected, average = [], 0.0
    for count, value in enumerate(values, start=1):  # the textbook EMA, written out
        average = 0.5 * average + 0.5 * value
        expected.append(average / (1 - 0.5**count))
    assert train.smooth(values, 0.5) == pytest.approx(expected)
    assert train.smooth(values, 0.0) == values
    assert train.smooth([]) == []
    with pytest.raises(ValueError):
        train.smooth(values, 1.0)


def test_loss_figure_has_raw_and_smoothed_series_over_the_whole_run():
    losses = [2.3, 2.0, 1.5, 1.2, 0.9]
    figure = train.loss_figure(losses, total_steps=40)
    raw, smoothed = figure.data
    assert list(raw.x) == [1, 2, 3, 4, 5] and list(raw.y) == losses
    assert list(smoothed.y) == pytest.approx(train.smooth(losses))
    assert figure.layout.xaxis.range[1] >= 40  # the axis spans the run: the curve grows into it
    assert figure.layout.yaxis.type != "log"
    assert figure.layout.uirevision == "keep"  # live redraws keep a user's zoom
    assert not figure.layout.shapes


def test_loss_figure_marks_a_divergence_and_uses_a_log_axis_for_an_explosion():
    labels = {**train.LABELS, "diverged": "boom: {loss}"}
    figure = train.loss_figure([2.3, 50.0, 3e6], 10, diverged_at=4, diverged_loss=math.nan,
                                  labels=labels)  # fmt: skip
    assert figure.layout.shapes[0].x0 == 4
    assert figure.layout.annotations[0].text == "boom: NaN"
    assert figure.layout.yaxis.type == "log"
    infinite = train.loss_figure([1.0], 2, diverged_at=2, diverged_loss=math.inf)
    assert infinite.layout.annotations[0].text.endswith("∞ here")


def test_empty_loss_figure_is_fine():
    figure = train.loss_figure([], total_steps=None)
    assert len(figure.data) == 2 and len(figure.data[0].x) == 0


def test_accuracy_figure_counts_epochs_from_one_and_skips_missing_test_accuracy():
    figure = train.accuracy_figure([0, 1], [0.8, 0.9], [0.85, None], total_epochs=5)
    train_line, test_line = figure.data
    assert list(train_line.x) == [1, 2] and list(train_line.y) == [0.8, 0.9]
    assert list(test_line.x) == [1] and list(test_line.y) == [0.85]
    assert tuple(figure.layout.yaxis.range) == (0, 1.02)
    assert figure.layout.xaxis.range[1] == 5.5


def test_batch_figure_tiles_the_digits_with_their_labels():
    images = torch.zeros(10, 28, 28, dtype=torch.uint8)
    images[3, 5, 7] = 255
    labels = torch.arange(10)
    figure = train.batch_figure(images, labels, columns=8)
    z = figure.data[0].z
    assert z.shape == (2 * 36 - 8, 8 * 36 - 8)  # two rows of 8 tiles, 8-pixel gaps
    assert z[5, 3 * 36 + 7] == 255  # digit 3 sits in the 4th tile of the first row
    labels_trace = figure.data[1]
    assert list(labels_trace.text) == [str(d) for d in range(10)]
    assert labels_trace.x[3] == 3 * 36 + 13.5 and labels_trace.y[8] > labels_trace.y[0]  # 2nd row
