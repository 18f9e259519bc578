"""Figures that put the hand-made side next to the CNN: per-class accuracy, disagreements, sweep."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import torch

from explainer.figures.digits import mosaic
from explainer.sweep import SweepPoint

COLOURS = {"rules": "#fbbc05", "linear": "#4285f4", "cnn": "#ea4335"}


def per_class_accuracy(
    truth: np.ndarray, answers: dict[str, np.ndarray], names: dict[str, str], y_title: str
) -> go.Figure:
    """Grouped bars: for each digit, the share each classifier got right."""
    figure = go.Figure()
    for key, predicted in answers.items():
        right = [(predicted[truth == d] == d).mean() for d in range(10)]
        figure.add_trace(
            go.Bar(
                x=[str(d) for d in range(10)],
                y=right,
                name=names[key],
                marker_color=COLOURS.get(key),
                hovertemplate="%{x}: %{y:.1%}<extra></extra>",
            )
        )
    figure.update_xaxes(type="category", fixedrange=True)
    figure.update_yaxes(range=[0, 1.02], tickformat=".0%", title=y_title, fixedrange=True)
    figure.update_layout(
        barmode="group",
        height=340,
        margin=dict(l=10, r=10, t=10, b=10),
        legend=dict(orientation="h", y=1.12),
    )
    return figure


def gallery(images: torch.Tensor, captions: list[str], cols: int = 8, limit: int = 24) -> go.Figure:
    """Up to ``limit`` digits [N, 28, 28] in a grid, each with a short caption above it."""
    shown = images[:limit]
    count = len(shown)
    rows = max(1, -(-count // cols))
    gap = 9
    canvas = mosaic(shown, rows=rows, cols=cols, gap=gap) if count else torch.zeros(28, 28)
    canvas = torch.nn.functional.pad(canvas, (0, 0, gap, 0), value=64)  # room for the first row
    figure = go.Figure(
        go.Heatmap(
            z=canvas.numpy(), colorscale="gray", zmin=0, zmax=255, showscale=False, hoverinfo="skip"
        )
    )
    places = [divmod(i, cols) for i in range(count)]
    figure.add_trace(  # the captions: one text trace (an annotation each is much slower to build)
        go.Scatter(
            x=[c * (28 + gap) + 14 for _, c in places],
            y=[r * (28 + gap) + gap / 2 - 0.5 for r, _ in places],
            text=captions[:count], mode="text", textfont=dict(size=10, color="#ffffff"),
            hoverinfo="skip", showlegend=False,
        )
    )  # fmt: skip
    figure.update_yaxes(autorange="reversed", scaleanchor="x", visible=False, fixedrange=True)
    figure.update_xaxes(visible=False, fixedrange=True)
    figure.update_layout(
        margin=dict(l=0, r=0, t=0, b=0), height=90 * rows + 20, plot_bgcolor="rgba(0,0,0,0)"
    )
    return figure


def sweep_figure(
    points: list[SweepPoint], names: dict[str, str], x_title: str, y_title: str
) -> go.Figure:
    """Test accuracy against training-set size (log scale), one line per learner."""
    figure = go.Figure()
    for learner in ("linear", "cnn"):
        mine = sorted((p for p in points if p.learner == learner), key=lambda p: p.size)
        figure.add_trace(
            go.Scatter(
                x=[p.size for p in mine],
                y=[p.test_accuracy for p in mine],
                name=names[learner],
                mode="lines+markers",
                line=dict(color=COLOURS[learner], width=3),
                hovertemplate="%{x} digits: %{y:.1%}<extra></extra>",
            )
        )
    figure.update_xaxes(type="log", title=x_title, tickvals=sorted({p.size for p in points}))
    figure.update_yaxes(tickformat=".0%", title=y_title)
    figure.update_layout(
        height=380, margin=dict(l=10, r=10, t=10, b=10), legend=dict(orientation="h", y=1.1)
    )
    return figure
