"""Figures of the "Tensors like NumPy" page: the time the same sum takes three ways."""

from __future__ import annotations

from collections.abc import Mapping

import plotly.graph_objects as go

COLOURS = ("#ef6c00", "#1e88e5", "#5c6bc0")  # Python loops, NumPy, PyTorch


def time_bars(milliseconds: Mapping[str, float], x_title: str) -> go.Figure:
    """One horizontal bar per way of computing, on a log scale: loops are orders slower."""
    names, values = list(milliseconds), list(milliseconds.values())
    figure = go.Figure(
        go.Bar(
            x=values,
            y=names,
            orientation="h",
            text=[f"{v:.3g} ms" for v in values],
            textposition="outside",
            cliponaxis=False,
            marker_color=[COLOURS[i % len(COLOURS)] for i in range(len(values))],
            hovertemplate="%{y}: %{x:.3g} ms<extra></extra>",
        )
    )
    figure.update_xaxes(title=x_title, type="log", fixedrange=True)
    figure.update_yaxes(autorange="reversed", fixedrange=True)
    figure.update_layout(height=80 + 40 * len(values), margin=dict(l=10, r=60, t=10, b=10))
    return figure
