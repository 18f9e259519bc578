"""The "Inside the CNN" page's words: the hand-made kernels' names, the replay chart's and table's
labels, and what to say about one digit and the filters that respond most to it."""

from __future__ import annotations

import torch

from explainer import model
from explainer.i18n import Translate

CHART_PARTS: tuple[str, ...] = ("moved", "match", "cosine", "change", "start", "end", "filter")


def kernel_names(t: Translate) -> dict[str, str]:
    """Each hand-made kernel of :func:`explainer.model.hand_kernels`, named."""
    return {name: t(f"inside.kernel.{name}") for name in model.hand_kernels()}


def movement_labels(last: int, t: Translate) -> dict[str, str]:
    """The titles of the filter-movement chart, for a run whose last step is ``last``."""
    return {part: t(f"inside.replay.chart.{part}", last=last) for part in CHART_PARTS}


def column_names(columns: list[str], t: Translate) -> dict[str, str]:
    """The filter-movement table's columns, named."""
    return {name: t(f"inside.replay.column.{name}") for name in columns}


def digit_facts(index: int, label: int, probabilities: torch.Tensor, t: Translate) -> str:
    """Test digit ``index``: its label, the CNN's answer and how sure it is (``[10]`` probabilities)."""
    prediction = int(probabilities.argmax())
    chance = float(probabilities[prediction])
    return t("inside.maps.digit", index=index, label=label, pred=prediction, prob=chance)


def top_line(layer: str, top: list[tuple[int, float]], t: Translate) -> str:
    """Which filters of ``layer`` respond most: ``top`` is (filter, mean response), strongest first."""
    names = ", ".join(t("inside.maps.filter", index=i, value=v) for i, v in top)
    return t("inside.maps.top", layer=layer, filters=names)
