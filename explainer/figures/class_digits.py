"""Figures of the "Class digits" page: scores side by side, and the class's digits in a gallery."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import torch

from explainer.figures.cnn_vs_hand import gallery

SET_COLOURS = ("#4285f4", "#9aa0a6", "#34a853", "#fbbc05")


def grouped_bars(
    groups: dict[str, dict[str, float]], names: dict[str, str], y_title: str
) -> go.Figure:
    """Grouped bars of shares 0..1: one colour per group (e.g. "class's digits", "test digits"),
    one bar group per key of ``names`` (e.g. each classifier), the share written on each bar."""
    figure = go.Figure()
    for colour, (group, scores) in zip(SET_COLOURS, groups.items()):
        figure.add_trace(
            go.Bar(
                x=[names[key] for key in names],
                y=[scores[key] for key in names],
                name=group,
                marker_color=colour,
                text=[f"{scores[key]:.0%}" for key in names],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{x}: %{y:.1%}<extra>" + group + "</extra>",
            )
        )
    figure.update_xaxes(type="category", fixedrange=True)
    figure.update_yaxes(range=[0, 1.1], tickformat=".0%", title=y_title, fixedrange=True)
    figure.update_layout(
        barmode="group",
        height=320,
        margin=dict(l=10, r=10, t=30, b=10),
        legend=dict(orientation="h", y=1.15),
    )
    return figure


def captions(labels: np.ndarray, answers: np.ndarray) -> list[str]:
    """A gallery caption per digit: the digit asked for, and ``→ answer`` where the answer differs."""
    return [f"{a}" if a == b else f"{a}→{b}" for a, b in zip(labels.tolist(), answers.tolist())]


def newest_gallery(
    images: torch.Tensor, labels: np.ndarray, cnn: np.ndarray, limit: int = 32
) -> go.Figure:
    """The latest ``limit`` digits, newest first, captioned with :func:`captions`."""
    newest = np.arange(len(labels))[::-1][:limit]
    shown = images[torch.from_numpy(newest.copy())]
    return gallery(shown, captions(labels[newest], cnn[newest]), cols=8, limit=limit)


def disagreement_gallery(
    images: torch.Tensor, labels: np.ndarray, hand: np.ndarray, cnn: np.ndarray, limit: int = 32
) -> go.Figure | None:
    """The digits where the hand-made classifier and the CNN answer differently, captioned
    *label: hand/CNN*; None when they always agree."""
    split = np.flatnonzero(hand != cnn)[:limit]
    if not len(split):
        return None
    shown = [f"{labels[i]}: {hand[i]}/{cnn[i]}" for i in split]
    cols = min(8, max(4, len(split)))  # a few digits stay digit-sized
    return gallery(images[torch.from_numpy(split)], shown, cols=cols, limit=limit)
