"""Figures of "Learned features: CNN vs hand": per-class accuracy, confusions, galleries, sweep."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import torch

from explainer.answers import LEARNERS as CLASSIFIERS
from explainer.answers import Answers
from explainer.classifiers import ABSTAIN
from explainer.elsewhere import Scored
from explainer.figures.digits import mosaic
from explainer.figures.features import confusion_figure, confusion_matrix
from explainer.sweep import LEARNERS, SweepPoint, bands

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


def confusions(
    truth: np.ndarray, answers: Answers, x_title: str, y_title: str
) -> dict[str, go.Figure]:
    """One confusion matrix per classifier; the rules' abstentions get a last column."""
    return {
        key: confusion_figure(
            confusion_matrix(truth, answers.of(key), ABSTAIN if key == "rules" else None),
            x_title,
            y_title,
        )
        for key in CLASSIFIERS
    }


def disagreement_gallery(
    images: torch.Tensor, truth: np.ndarray, answers: Answers, index: np.ndarray
) -> go.Figure:
    """The digits at ``index``, each captioned ``"label: linear/cnn"``."""
    titles = [f"{truth[i]}: {answers.linear[i]}/{answers.cnn[i]}" for i in index]
    return gallery(images[torch.from_numpy(index)], titles)


def wrong_gallery(scored: Scored, learner: str) -> go.Figure:
    """The digits of one set that ``learner`` got wrong, each captioned ``"label→answer"``."""
    wrong = scored.wrong(learner)
    return gallery(scored.images[torch.from_numpy(wrong)], scored.captions(learner, wrong), cols=12)


def _rgba(colour: str, alpha: float) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {alpha})"


def sweep_figure(
    points: list[SweepPoint], names: dict[str, str], x_title: str, y_title: str
) -> go.Figure:
    """Test accuracy against training-set size (log scale): per learner, the mean over the seeds
    as a line, the lowest to highest run as a shaded band, and every run as a small dot."""
    figure = go.Figure()
    table = bands(points)
    for learner in LEARNERS:
        mine, colour = table[learner], COLOURS[learner]
        sizes = [b.size for b in mine]
        figure.add_trace(  # the band: lows left to right, then highs right to left
            go.Scatter(
                x=sizes + sizes[::-1],
                y=[b.low for b in mine] + [b.high for b in mine][::-1],
                fill="toself", fillcolor=_rgba(colour, 0.18), line=dict(width=0),
                hoverinfo="skip", showlegend=False, legendgroup=learner,
            )
        )  # fmt: skip
        runs = sorted((p for p in points if p.learner == learner), key=lambda p: p.size)
        figure.add_trace(
            go.Scatter(
                x=[p.size for p in runs], y=[p.test_accuracy for p in runs], mode="markers",
                marker=dict(color=colour, size=5, opacity=0.45), customdata=[p.seed for p in runs],
                hovertemplate="%{x}, seed %{customdata}: %{y:.1%}<extra></extra>",
                showlegend=False, legendgroup=learner,
            )
        )  # fmt: skip
        figure.add_trace(
            go.Scatter(
                x=sizes, y=[b.mean for b in mine], name=names[learner], mode="lines+markers",
                line=dict(color=colour, width=3), legendgroup=learner,
                customdata=[[b.low, b.high, b.runs] for b in mine],
                hovertemplate="%{x}: %{y:.1%} (%{customdata[0]:.1%}–%{customdata[1]:.1%}, "
                "n=%{customdata[2]})<extra></extra>",
            )
        )  # fmt: skip
    figure.update_xaxes(type="log", title=x_title, tickvals=sorted({p.size for p in points}))
    figure.update_yaxes(tickformat=".0%", title=y_title)
    figure.update_layout(
        height=400,
        margin=dict(l=10, r=10, t=10, b=10),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
    )
    return figure
