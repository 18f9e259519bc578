"""Figures of a CNN's inside: first-layer filters, hand-designed kernels, feature maps."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go
import torch
from plotly.subplots import make_subplots

DIVERGING = "RdBu_r"  # negative weights blue, positive red, zero white
MAPS_SCALE = "Viridis"  # feature maps after ReLU are >= 0: a sequential scale
HIGHLIGHT = "rgb(255, 193, 7)"


def symmetric_range(*tensors: torch.Tensor) -> float:
    """The largest absolute value over ``tensors``: colour range ``[-r, r]`` shared by all of them."""
    peak = max((float(t.abs().max()) for t in tensors if t.numel()), default=0.0)
    return peak if peak > 0 else 1.0


def _grid(count: int, columns: int) -> tuple[int, int]:
    columns = max(1, min(columns, count))
    return -(-count // columns), columns


def kernel_grid(
    kernels: torch.Tensor,
    titles: Sequence[str] | None = None,
    zmax: float | None = None,
    columns: int = 8,
    colorbar_title: str = "weight",
    tile_px: int = 110,
) -> go.Figure:
    """Kernels ``[C, 1, k, k]`` or ``[C, k, k]`` as heatmaps on one diverging, symmetric scale.

    ``zmax`` (default: the largest absolute weight) fixes the range ``[-zmax, zmax]`` so several
    figures (learned vs hand-made, or replayed snapshots) are coloured alike.
    """
    weights = kernels.detach().float().reshape(-1, *kernels.shape[-2:])  # (C, k, k)
    count = len(weights)
    rows, cols = _grid(count, columns)
    limit = zmax if zmax is not None else symmetric_range(weights)
    names = list(titles) if titles is not None else [str(i) for i in range(count)]
    figure = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=names,
        horizontal_spacing=0.02,
        vertical_spacing=0.12 if rows > 1 else 0.0,
    )
    for index, kernel in enumerate(weights):
        r, c = divmod(index, cols)
        figure.add_trace(
            go.Heatmap(
                z=kernel.numpy(),
                zmin=-limit,
                zmax=limit,
                zmid=0,
                colorscale=DIVERGING,
                coloraxis=None,
                showscale=index == 0,
                colorbar=dict(title=dict(text=colorbar_title), thickness=12, len=0.9),
                hovertemplate="(%{y}, %{x}): %{z:.3f}<extra></extra>",
            ),
            row=r + 1,
            col=c + 1,
        )
    figure.update_xaxes(visible=False, fixedrange=True)
    figure.update_yaxes(visible=False, fixedrange=True, autorange="reversed")
    for index in range(count):
        axis = "" if index == 0 else str(index + 1)
        figure.layout[f"yaxis{axis}"].scaleanchor = f"x{axis}"
    figure.update_annotations(font=dict(size=12))
    figure.update_layout(
        height=rows * tile_px + 50,
        margin=dict(l=0, r=0, t=30, b=0),
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return figure


def feature_map_grid(
    maps: torch.Tensor,
    highlight: Sequence[int] = (),
    titles: Sequence[str] | None = None,
    columns: int = 8,
    tile_px: int = 110,
) -> go.Figure:
    """One digit's feature maps ``[C, H, W]`` (after ReLU), one shared scale; ``highlight`` framed."""
    maps = maps.detach().float()
    count = len(maps)
    rows, cols = _grid(count, columns)
    peak = float(maps.max()) if maps.numel() else 0.0
    names = list(titles) if titles is not None else [str(i) for i in range(count)]
    marked = set(highlight)
    names = [f"<b>★ {name}</b>" if i in marked else name for i, name in enumerate(names)]
    figure = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=names,
        horizontal_spacing=0.02,
        vertical_spacing=0.12 if rows > 1 else 0.0,
    )
    for index, channel in enumerate(maps):
        r, c = divmod(index, cols)
        figure.add_trace(
            go.Heatmap(
                z=channel.numpy(),
                zmin=0,
                zmax=peak if peak > 0 else 1.0,
                colorscale=MAPS_SCALE,
                showscale=index == 0,
                colorbar=dict(thickness=12, len=0.9),
                hovertemplate="(%{y}, %{x}): %{z:.2f}<extra></extra>",
            ),
            row=r + 1,
            col=c + 1,
        )
    figure.update_xaxes(visible=False, fixedrange=True)
    figure.update_yaxes(visible=False, fixedrange=True, autorange="reversed")
    for index in range(count):
        axis = "" if index == 0 else str(index + 1)
        figure.layout[f"yaxis{axis}"].scaleanchor = f"x{axis}"
        if index in marked:
            figure.add_shape(  # a frame around the tile's pixels, in data units
                type="rect",
                xref=f"x{axis}",
                yref=f"y{axis}",
                x0=-0.5,
                y0=-0.5,
                x1=maps.shape[-1] - 0.5,
                y1=maps.shape[-2] - 0.5,
                line=dict(color=HIGHLIGHT, width=3),
            )
    figure.update_annotations(font=dict(size=12))
    figure.update_layout(
        height=rows * tile_px + 50,
        margin=dict(l=0, r=0, t=30, b=0),
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return figure
