"""The "Inside the CNN" page's words, checked without Streamlit."""

from __future__ import annotations

import torch

from explainer import filters, i18n, model
from explainer.views import inside as view


def in_language(lang: str) -> i18n.Translate:
    return lambda key, **values: i18n.t(key, lang, **values)


EN, KO = in_language("en"), in_language("ko")


def test_every_hand_kernel_and_table_column_is_named() -> None:
    assert list(view.kernel_names(EN)) == list(model.hand_kernels())
    assert view.kernel_names(EN)["sobel_x"] == "Sobel x"
    start, end = torch.randn(4, 1, 5, 5), torch.randn(4, 1, 5, 5)
    moves = filters.movement(start, end, filters.detector_kernels())
    columns = list(filters.frame(moves).columns)
    assert all(not name.startswith("inside.") for name in view.column_names(columns, KO).values())


def test_movement_labels_carry_the_last_step() -> None:
    labels = view.movement_labels(120, EN)
    assert set(labels) == set(view.CHART_PARTS)
    assert "120" in labels["end"]


def test_digit_facts_and_top_filters_read_the_numbers() -> None:
    probabilities = torch.tensor([0.05] * 9 + [0.55])
    facts = view.digit_facts(12, 9, probabilities, EN)
    assert facts == EN("inside.maps.digit", index=12, label=9, pred=9, prob=0.55)
    line = view.top_line("conv1", [(3, 0.9), (0, 0.5)], EN)
    assert EN("inside.maps.filter", index=3, value=0.9) in line and "conv1" in line
