"""Figures of a training run: loss per step (raw and smoothed), accuracy per epoch, the batch."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import plotly.graph_objects as go
import torch

from explainer.figures.digits import INK_SCALE, mosaic

LABELS = {
    "step": "optimizer step",
    "loss": "loss (cross-entropy)",
    "raw": "loss of each batch",
    "smooth": "smoothed",
    "epoch": "epoch",
    "accuracy": "accuracy",
    "train": "train (its batches)",
    "test": "test (1,000 unseen digits)",
    "diverged": "loss became {loss} here",
}
RAW_COLOUR, SMOOTH_COLOUR = "rgba(99, 110, 250, 0.35)", "rgb(99, 110, 250)"
TRAIN_COLOUR, TEST_COLOUR = "rgb(0, 150, 136)", "rgb(239, 85, 59)"
LABEL_COLOUR = "rgb(255, 193, 7)"


def smooth(values: Sequence[float], weight: float = 0.9) -> list[float]:
    """Exponential moving average with bias correction (as TensorBoard draws it)."""
    if not 0 <= weight < 1:
        raise ValueError(f"weight must be in [0, 1), not {weight}")
    out, average = [], 0.0
    for count, value in enumerate(values, start=1):
        average = weight * average + (1 - weight) * value
        out.append(average / (1 - weight**count))
    return out


def loss_figure(
    losses: Sequence[float],
    total_steps: int | None = None,
    diverged_at: int | None = None,
    diverged_loss: float | None = None,
    labels: Mapping[str, str] = LABELS,
    height: int = 360,
) -> go.Figure:
    """Loss per optimizer step: the raw batch losses and their smoothed trend.

    The x axis spans ``total_steps`` from the start, so the curve visibly grows into it; a
    divergence at step ``diverged_at`` is marked with a vertical line.
    """
    steps = list(range(1, len(losses) + 1))
    figure = go.Figure()
    figure.add_trace(
        go.Scatter(
            x=steps,
            y=list(losses),
            name=labels["raw"],
            mode="lines",
            line=dict(color=RAW_COLOUR, width=1),
            hovertemplate="%{x}: %{y:.3f}<extra></extra>",
        )
    )
    figure.add_trace(
        go.Scatter(
            x=steps,
            y=smooth(losses),
            name=labels["smooth"],
            mode="lines",
            line=dict(color=SMOOTH_COLOUR, width=2.5),
            hovertemplate="%{x}: %{y:.3f}<extra></extra>",
        )
    )
    if diverged_at is not None:
        text = labels["diverged"].format(loss=_loss_word(diverged_loss))
        figure.add_vline(x=diverged_at, line=dict(color=TEST_COLOUR, dash="dash"))
        figure.add_annotation(
            x=diverged_at,
            y=1,
            yref="paper",
            text=text,
            showarrow=False,
            xanchor="right",
            font=dict(color=TEST_COLOUR),
        )
    finite = [v for v in losses if math.isfinite(v)]
    if finite and max(finite) / max(min(finite), 1e-12) > 1e3:
        figure.update_yaxes(type="log")  # an exploding loss needs a log axis to stay readable
    span = max(total_steps or 0, len(losses), 1)
    figure.update_xaxes(title=labels["step"], range=[0, span + 0.5])
    figure.update_yaxes(title=labels["loss"], rangemode="tozero")
    return _layout(figure, height)


def _loss_word(value: float | None) -> str:
    if value is None or math.isnan(value):
        return "NaN"
    return "∞" if value > 0 else "-∞"


def accuracy_figure(
    epochs: Sequence[int],
    train_accuracy: Sequence[float],
    test_accuracy: Sequence[float | None],
    total_epochs: int | None = None,
    labels: Mapping[str, str] = LABELS,
    height: int = 360,
) -> go.Figure:
    """Train and test accuracy after each epoch (epochs counted from 1), on a 0-100 % axis."""
    x = [e + 1 for e in epochs]
    figure = go.Figure()
    figure.add_trace(
        go.Scatter(
            x=x,
            y=list(train_accuracy),
            name=labels["train"],
            mode="lines+markers",
            line=dict(color=TRAIN_COLOUR),
            hovertemplate="%{x}: %{y:.1%}<extra></extra>",
        )
    )
    tests = [(e, a) for e, a in zip(x, test_accuracy) if a is not None]
    figure.add_trace(
        go.Scatter(
            x=[e for e, _ in tests],
            y=[a for _, a in tests],
            name=labels["test"],
            mode="lines+markers",
            line=dict(color=TEST_COLOUR),
            hovertemplate="%{x}: %{y:.1%}<extra></extra>",
        )
    )
    span = max(total_epochs or 0, len(x), 1)
    figure.update_xaxes(title=labels["epoch"], range=[0.5, span + 0.5], dtick=1)
    figure.update_yaxes(title=labels["accuracy"], range=[0, 1.02], tickformat=".0%")
    return _layout(figure, height)


def batch_figure(
    images: torch.Tensor, labels: torch.Tensor, columns: int = 8, height: int = 260
) -> go.Figure:
    """The digits of one batch ``[B, 28, 28]`` as a grid, each with its label above it."""
    count = len(images)
    rows = max(1, -(-count // columns))
    tiles = torch.zeros(rows * columns, 28, 28, dtype=torch.uint8)
    tiles[:count] = images
    canvas = mosaic(tiles, rows=rows, cols=columns, gap=8)
    figure = go.Figure(
        go.Heatmap(
            z=canvas.numpy(),
            colorscale=INK_SCALE,
            zmin=0,
            zmax=255,
            showscale=False,
            hoverinfo="skip",
        )
    )
    positions = [divmod(index, columns) for index in range(len(labels))]
    figure.add_trace(  # the labels as one text trace: far cheaper than an annotation each
        go.Scatter(
            x=[c * 36 + 13.5 for _, c in positions],
            y=[r * 36 - 4 for r, _ in positions],
            text=[str(int(label)) for label in labels.tolist()],
            mode="text",
            textfont=dict(size=13, color=LABEL_COLOUR),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    figure.update_yaxes(autorange="reversed", visible=False, scaleanchor="x", fixedrange=True)
    figure.update_xaxes(visible=False, fixedrange=True)
    figure.update_layout(
        height=height, margin=dict(l=0, r=0, t=16, b=0), plot_bgcolor="rgba(0,0,0,0)"
    )
    return figure


def _layout(figure: go.Figure, height: int) -> go.Figure:
    figure.update_layout(
        height=height,
        margin=dict(l=10, r=10, t=30, b=10),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, xanchor="left"),
        hovermode="x unified",
        uirevision="keep",  # live updates keep the user's zoom
    )
    return figure
