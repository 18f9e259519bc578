"""Figure builders of the "Class digits" page, tested without a browser."""

from __future__ import annotations

import numpy as np
import torch

from explainer.figures import class_digits as figs


def test_grouped_bars_show_each_group_and_key() -> None:
    groups = {"class": {"rules": 0.5, "cnn": 0.9}, "test": {"rules": 0.7, "cnn": 0.97}}
    figure = figs.grouped_bars(groups, {"rules": "Rules", "cnn": "CNN"}, "right")
    assert [trace.name for trace in figure.data] == ["class", "test"]
    assert list(figure.data[0].x) == ["Rules", "CNN"] and list(figure.data[1].y) == [0.7, 0.97]
    assert list(figure.data[0].text) == ["50%", "90%"]


def test_captions_mark_the_cnn_s_mistakes() -> None:
    assert figs.captions(np.array([7, 3]), np.array([7, 8])) == ["7", "3→8"]


def test_the_newest_digits_come_first() -> None:
    images = torch.arange(5, dtype=torch.uint8).view(5, 1, 1).expand(5, 28, 28).contiguous()
    labels, cnn = np.arange(5), np.array([0, 1, 2, 3, 9])
    figure = figs.newest_gallery(images, labels, cnn, limit=3)
    assert list(figure.data[1].text) == ["4→9", "3", "2"]
    heat = np.asarray(figure.data[0].z)
    assert heat[20, 10] == 4  # the first tile (below the caption row) is the newest digit


def test_the_disagreement_gallery_only_when_they_disagree() -> None:
    images = torch.zeros(3, 28, 28, dtype=torch.uint8)
    labels = np.array([1, 2, 3])
    assert figs.disagreement_gallery(images, labels, labels, labels) is None
    figure = figs.disagreement_gallery(images, labels, np.array([1, 5, 3]), labels)
    assert list(figure.data[1].text) == ["2: 5/2"]
