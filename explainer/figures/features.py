"""Figures of the hand-made features: the steps on one digit, features by class, confusion."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import torch
from plotly.subplots import make_subplots

from explainer.features import Steps

INK = np.array([235, 235, 235])
PAPER = np.array([20, 20, 28])
HOLE_COLOURS = np.array([[66, 133, 244], [251, 188, 5], [171, 71, 188], [0, 172, 193]])
SKELETON = np.array([255, 255, 255])
ENDPOINT = np.array([52, 168, 83])
JUNCTION = np.array([234, 67, 53])
SCAN = "rgba(255, 152, 0, 0.9)"


def _rgb(mask: torch.Tensor, colour: np.ndarray, base: np.ndarray | None = None) -> np.ndarray:
    """Paint ``mask`` [H, W] in ``colour`` over ``base`` (paper by default): uint8 [H, W, 3]."""
    out = np.broadcast_to(PAPER, (*mask.shape, 3)).copy() if base is None else base.copy()
    out[mask.numpy()] = colour
    return out.astype(np.uint8)


def step_pictures(steps: Steps) -> list[np.ndarray]:
    """The four pictures of one digit as RGB arrays: binarized, holes, skeleton, scanlines."""
    ink = _rgb(steps.ink, INK)
    holes = ink.copy()
    for number in range(1, int(steps.holes.max()) + 1):
        holes[(steps.holes == number).numpy()] = HOLE_COLOURS[(number - 1) % len(HOLE_COLOURS)]
    faint = _rgb(steps.ink, np.array([60, 64, 90]))
    skeleton = _rgb(steps.skeleton, SKELETON, faint)
    skeleton = _rgb(steps.endpoints, ENDPOINT, skeleton)
    skeleton = _rgb(steps.junctions, JUNCTION, skeleton)
    return [ink, holes, skeleton, ink.copy()]


def steps_figure(steps: Steps, titles: list[str]) -> go.Figure:
    """Four pictures side by side, the scanlines drawn with the number of strokes each crosses."""
    pictures = step_pictures(steps)
    figure = make_subplots(rows=1, cols=4, subplot_titles=titles, horizontal_spacing=0.03)
    for col, picture in enumerate(pictures, start=1):
        figure.add_trace(go.Image(z=picture, hoverinfo="skip"), row=1, col=col)
    # The scanlines and their counts go on the fourth picture (axes x4/y4), all in one layout
    # update: adding them one by one with row/col costs Plotly ~20x more time.
    on_fourth = dict(xref="x4", yref="y4")
    note = dict(showarrow=False, font=dict(color="#ffb74d", size=11), **on_fourth)
    shapes, notes = [], list(figure.layout.annotations)
    for row, count in zip(steps.scan_rows, steps.row_crossings):
        line = dict(color=SCAN, width=1.5)
        shapes.append(dict(type="line", x0=-0.5, x1=27.5, y0=row, y1=row, line=line, **on_fourth))
        notes.append(dict(x=27.3, y=row, text=str(count), xanchor="right", **note))
    for col, count in zip(steps.scan_cols, steps.col_crossings):
        line = dict(color=SCAN, width=1.5, dash="dot")
        shapes.append(dict(type="line", x0=col, x1=col, y0=-0.5, y1=27.5, line=line, **on_fourth))
        notes.append(dict(x=col, y=27.2, text=str(count), yanchor="bottom", **note))
    figure.update_layout(shapes=shapes, annotations=notes)
    figure.update_xaxes(visible=False, fixedrange=True, range=[-0.5, 27.5])
    figure.update_yaxes(visible=False, fixedrange=True, range=[27.5, -0.5])
    figure.update_layout(margin=dict(l=0, r=0, t=30, b=0), height=260)
    return figure


def digit_picture(image: torch.Tensor, height: int = 160) -> go.Figure:
    """One uint8 [28, 28] digit as a small grayscale picture."""
    figure = go.Figure(
        go.Heatmap(
            z=image.numpy(), colorscale="gray", zmin=0, zmax=255, showscale=False, hoverinfo="skip"
        )
    )
    figure.update_yaxes(autorange="reversed", scaleanchor="x", visible=False, fixedrange=True)
    figure.update_xaxes(visible=False, fixedrange=True)
    figure.update_layout(margin=dict(l=0, r=0, t=0, b=0), height=height)
    return figure


def feature_by_class(
    values: pd.Series, labels: np.ndarray, x_title: str, y_title: str
) -> go.Figure:
    """How one feature is spread within each digit class.

    A count feature (few whole values) becomes a heatmap of shares per digit; any other feature
    a box plot per digit.
    """
    whole = np.allclose(values, np.round(values)) and values.nunique() <= 12
    if whole:
        table = pd.crosstab(labels, values.astype(int), normalize="index")  # rows: digits
        figure = go.Figure(
            go.Heatmap(
                z=table.to_numpy(),
                x=[str(c) for c in table.columns],
                y=[str(d) for d in table.index],
                colorscale="Blues",
                zmin=0,
                zmax=1,
                text=np.round(table.to_numpy() * 100).astype(int),
                texttemplate="%{text}%",
                hovertemplate="digit %{y}, "
                + str(values.name)
                + " = %{x}: %{z:.0%}<extra></extra>",
                colorbar=dict(title=y_title, thickness=10),
            )
        )
        figure.update_xaxes(title=str(values.name), type="category")
        figure.update_yaxes(
            type="category", tickmode="array", tickvals=list(table.index.astype(str))
        )
    else:
        figure = go.Figure(
            [
                go.Box(y=values[labels == d], name=str(d), boxpoints=False, marker_color="#4285f4")
                for d in range(10)
            ]
        )
        figure.update_layout(showlegend=False)
        figure.update_yaxes(title=str(values.name))
    figure.update_yaxes(title=x_title) if whole else figure.update_xaxes(title=x_title)
    figure.update_layout(margin=dict(l=10, r=10, t=10, b=10), height=380)
    return figure


def confusion_matrix(
    truth: np.ndarray, predicted: np.ndarray, abstain: int | None = None
) -> np.ndarray:
    """Counts [10, 10] (or [10, 11] with a last column for ``abstain`` answers)."""
    columns = 11 if abstain is not None else 10
    index = np.where(predicted == abstain, 10, predicted) if abstain is not None else predicted
    matrix = np.zeros((10, columns), dtype=np.int64)
    np.add.at(matrix, (truth, index), 1)
    return matrix


def confusion_figure(
    matrix: np.ndarray, x_title: str, y_title: str, abstain_label: str = "?"
) -> go.Figure:
    """A confusion matrix as a heatmap with counts; the diagonal is what was right."""
    columns = [str(d) for d in range(10)] + ([abstain_label] if matrix.shape[1] == 11 else [])
    shares = matrix / np.maximum(matrix.sum(1, keepdims=True), 1)
    figure = go.Figure(
        go.Heatmap(
            z=shares,
            x=columns,
            y=[str(d) for d in range(10)],
            text=matrix,
            texttemplate="%{text}",
            colorscale="Blues",
            zmin=0,
            zmax=1,
            showscale=False,
            hovertemplate="true %{y}, answered %{x}: %{text}<extra></extra>",
        )
    )
    figure.update_xaxes(title=x_title, type="category", side="top", fixedrange=True)
    figure.update_yaxes(
        title=y_title,
        type="category",
        autorange="reversed",
        fixedrange=True,
        tickmode="array",
        tickvals=[str(d) for d in range(10)],
    )
    figure.update_layout(margin=dict(l=10, r=10, t=40, b=10), height=380)
    return figure


def probability_bars(proba: np.ndarray, title: str = "", height: int = 200) -> go.Figure:
    """Ten class probabilities as bars, the most likely digit highlighted."""
    colours = ["#4285f4" if p < proba.max() else "#ea4335" for p in proba]
    figure = go.Figure(
        go.Bar(
            x=[str(d) for d in range(10)],
            y=proba,
            marker_color=colours,
            hovertemplate="%{x}: %{y:.1%}<extra></extra>",
        )
    )
    figure.update_xaxes(type="category", fixedrange=True)
    figure.update_yaxes(range=[0, 1], tickformat=".0%", fixedrange=True)
    figure.update_layout(
        title=title, margin=dict(l=10, r=10, t=30 if title else 5, b=10), height=height
    )
    return figure
