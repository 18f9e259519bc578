"""Figures of autograd on one digit: the recorded graph, gradients, the check, parameter counts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go
import torch
from plotly.subplots import make_subplots

from explainer.autograd_graph import LEAF, Graph
from explainer.figures.digits import INK_SCALE
from explainer.figures.inside import DIVERGING, kernel_grid, symmetric_range
from explainer.gradient_check import Sample

# Node colours of the graph: the loss, operations, weights (leaves) and the digit itself.
LOSS_FILL, OP_FILL, WEIGHT_FILL, INPUT_FILL = "#ffcc80", "#eceff1", "#bbdefb", "#c8e6c9"


def _quoted(text: str) -> str:
    """A DOT string literal: backslashes and quotes escaped, line breaks as DOT's ``\\n``."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def graph_dot(graph: Graph, words: Mapping[str, str], input_name: str = "input") -> str:
    """The backward graph in Graphviz's DOT language: the loss on top, the leaves at the bottom.

    Each operation shows its autograd name and ``words[node.word]`` beside it; each leaf shows the
    tensor's name and shape. An edge a -> b: node a hands its gradient on to node b.
    """
    lines = [
        "digraph autograd {",
        '  graph [rankdir=TB, nodesep=0.25, ranksep=0.3, bgcolor="transparent"];',
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11];',
        '  edge [color="#78909c", arrowsize=0.6];',
    ]
    for node in graph.nodes:
        if node.op == LEAF:
            shape = "[" + ", ".join(map(str, node.shape or ())) + "]"
            is_input = node.tensor == "input"
            name = input_name if is_input else node.tensor or "?"
            label, fill = f"{name}\n{shape}", INPUT_FILL if is_input else WEIGHT_FILL
        else:
            word = words.get(node.word, node.word)
            label, fill = f"{node.op}\n{word}", LOSS_FILL if node.id == 0 else OP_FILL
        lines.append(f"  n{node.id} [label={_quoted(label)}, fillcolor={_quoted(fill)}];")
    lines += [f"  n{a} -> n{b};" for a, b in graph.edges]
    return "\n".join(lines + ["}"])


def input_gradient(
    image: torch.Tensor, gradient: torch.Tensor, titles: Sequence[str], colorbar: str
) -> go.Figure:
    """The digit and d loss / d pixel side by side, the gradient on a symmetric diverging scale."""
    limit = symmetric_range(gradient)
    figure = make_subplots(rows=1, cols=2, subplot_titles=list(titles), horizontal_spacing=0.06)
    figure.add_trace(
        go.Heatmap(
            z=image.numpy(),
            colorscale=INK_SCALE,
            zmin=0,
            zmax=255,
            showscale=False,
            hovertemplate="%{y}, %{x}: %{z}<extra></extra>",
        ),
        row=1,
        col=1,
    )
    figure.add_trace(
        go.Heatmap(
            z=gradient.detach().numpy(),
            colorscale=DIVERGING,
            zmin=-limit,
            zmax=limit,
            zmid=0,
            colorbar=dict(title=dict(text=colorbar), thickness=12),
            hovertemplate="%{y}, %{x}: %{z:.2e}<extra></extra>",
        ),
        row=1,
        col=2,
    )
    figure.update_yaxes(autorange="reversed", scaleanchor="x", visible=False, fixedrange=True)
    figure.update_yaxes(scaleanchor="x2", row=1, col=2)
    figure.update_xaxes(visible=False, fixedrange=True, constrain="domain")
    figure.update_layout(height=340, margin=dict(l=0, r=0, t=30, b=0))
    return figure


def filter_gradients(gradient: torch.Tensor, colorbar: str) -> go.Figure:
    """The gradient on each first-layer filter ``[C, 1, k, k]``, one tile per filter."""
    return kernel_grid(gradient, colorbar_title=colorbar, tile_px=80)


def check_scatter(samples: Sequence[Sample], x_title: str, y_title: str) -> go.Figure:
    """|autograd| (x) against |finite difference| (y) per checked weight, on log-log axes: the
    gradients span orders of magnitude, and agreement puts every point on y = x. The colour is
    the sign; hovering shows the signed values."""
    live = [s for s in samples if s.autograd != 0 and s.numeric != 0]  # log axes: no zeros
    sizes = [abs(v) for s in live for v in (s.autograd, s.numeric)] or [1e-6, 1e-2]
    low, high = min(sizes) / 2, max(sizes) * 2
    figure = go.Figure(
        go.Scatter(
            x=[low, high],
            y=[low, high],
            mode="lines",
            hoverinfo="skip",
            line=dict(color="#b0bec5", dash="dash"),
            showlegend=False,
        )
    )
    for sign, colour in ((1, "#d32f2f"), (-1, "#1e88e5")):
        chosen = [s for s in live if (s.autograd > 0) == (sign > 0)]
        figure.add_trace(
            go.Scatter(
                x=[abs(s.autograd) for s in chosen],
                y=[abs(s.numeric) for s in chosen],
                mode="markers",
                marker=dict(size=9, color=colour),
                name="+" if sign > 0 else "−",
                text=[s.weight for s in chosen],
                customdata=[[s.autograd, s.numeric] for s in chosen],
                hovertemplate="%{text}<br>%{customdata[0]:.6e}<br>%{customdata[1]:.6e}"
                "<extra></extra>",
            )
        )
    figure.update_xaxes(title=x_title, type="log", exponentformat="e")
    figure.update_yaxes(title=y_title, type="log", exponentformat="e")
    legend = dict(orientation="h", x=1, xanchor="right", y=1.0, yanchor="bottom")
    figure.update_layout(height=390, margin=dict(l=10, r=10, t=30, b=10), legend=legend)
    return figure


def parameter_bars(counts: Mapping[str, Mapping[str, int]], x_title: str) -> go.Figure:
    """Parameters per layer, one bar each, grouped by model (``{model: {layer: count}}``), on a
    linear scale so that the bars compare as the counts do."""
    labels = [f"{name} · {layer}" for name, layers in counts.items() for layer in layers]
    values = [count for layers in counts.values() for count in layers.values()]
    figure = go.Figure(
        go.Bar(
            x=values,
            y=labels,
            orientation="h",
            text=[f"{v:,}" for v in values],
            textposition="outside",
            marker_color="#5c6bc0",
            cliponaxis=False,
            hovertemplate="%{y}: %{x:,}<extra></extra>",
        )
    )
    figure.update_xaxes(title=x_title, fixedrange=True)
    figure.update_yaxes(autorange="reversed", fixedrange=True)
    figure.update_layout(height=60 + 36 * len(values), margin=dict(l=10, r=50, t=10, b=10))
    return figure
