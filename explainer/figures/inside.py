"""Figures of a CNN's inside: filters, hand-made kernels, how far filters moved, feature maps."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go
import torch
from plotly.subplots import make_subplots

from explainer.filters import FilterMove

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


GAP = 1  # empty pixels between tiles side by side


def row_gap(height: int) -> int:
    """Empty pixels between rows of tiles: room for the titles, about a third of a tile."""
    return max(2, -(-height // 3))


def tile(tensors: torch.Tensor, columns: int) -> tuple[torch.Tensor, int, int]:
    """Lay ``[C, H, W]`` out as one image of ``rows x columns`` tiles with NaN between them.

    One heatmap of the mosaic draws in a fraction of the time of ``C`` subplots, on the server
    (Plotly builds every subplot in Python) and in the browser. Returns (mosaic, rows, columns).
    """
    count, height, width = tensors.shape
    rows, cols = _grid(count, columns)
    step_y, step_x = height + row_gap(height), width + GAP
    mosaic = torch.full((rows * step_y - row_gap(height), cols * step_x - GAP), float("nan"))
    for index, item in enumerate(tensors):
        r, c = divmod(index, cols)
        mosaic[r * step_y : r * step_y + height, c * step_x : c * step_x + width] = item
    return mosaic, rows, cols


def _channels(shape: tuple[int, ...], height: int, width: int, cols: int) -> torch.Tensor:
    """For each mosaic pixel of ``shape``, the index of the tile it belongs to (for hovering)."""
    rows = -(-shape[0] // (height + row_gap(height))) + 1
    index = torch.arange(rows * cols).reshape(rows, cols)
    cells = index.repeat_interleave(height + row_gap(height), 0).repeat_interleave(width + GAP, 1)
    return cells[: shape[0], : shape[1]]


def _mosaic_figure(
    tensors: torch.Tensor,
    names: Sequence[str],
    columns: int,
    tile_px: int,
    heatmap: dict,
    hover: str,
) -> tuple[go.Figure, int]:
    count, height, width = tensors.shape
    mosaic, rows, cols = tile(tensors, columns)
    channel = _channels(tuple(mosaic.shape), height, width, cols).numpy()
    figure = go.Figure(
        go.Heatmap(
            z=mosaic.numpy(),
            customdata=channel,
            hovertemplate=f"#%{{customdata}} {hover}<extra></extra>",
            hoverongaps=False,
            **heatmap,
        )
    )
    positions = [divmod(index, cols) for index in range(len(names))]
    figure.add_trace(  # the tiles' titles: one text trace (one annotation each is much slower)
        go.Scatter(
            x=[c * (width + GAP) + (width - 1) / 2 for _, c in positions],
            y=[r * (height + row_gap(height)) - 0.6 for r, _ in positions],
            text=list(names), mode="text", textposition="top center", textfont=dict(size=12),
            hoverinfo="skip", showlegend=False, cliponaxis=False,
        )
    )  # fmt: skip
    figure.update_xaxes(visible=False, fixedrange=True, constrain="domain")
    figure.update_yaxes(
        visible=False, fixedrange=True, autorange="reversed", scaleanchor="x", constrain="domain"
    )
    figure.update_layout(
        height=rows * tile_px + 50,
        margin=dict(l=0, r=0, t=30, b=0),
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return figure, cols


def kernel_grid(
    kernels: torch.Tensor,
    titles: Sequence[str] | None = None,
    zmax: float | None = None,
    columns: int = 8,
    colorbar_title: str = "weight",
    tile_px: int = 110,
) -> go.Figure:
    """Kernels ``[C, 1, k, k]`` or ``[C, k, k]`` as one mosaic on a diverging, symmetric scale.

    ``zmax`` (default: the largest absolute weight) fixes the range ``[-zmax, zmax]`` so several
    figures (learned vs hand-made, or replayed snapshots) are coloured alike.
    """
    weights = kernels.detach().float().reshape(-1, *kernels.shape[-2:])  # (C, k, k)
    limit = zmax if zmax is not None else symmetric_range(weights)
    names = list(titles) if titles is not None else [str(i) for i in range(len(weights))]
    style = dict(
        zmin=-limit, zmax=limit, zmid=0, colorscale=DIVERGING,
        colorbar=dict(title=dict(text=colorbar_title), thickness=12, len=0.9),
    )  # fmt: skip
    figure, _ = _mosaic_figure(weights, names, columns, tile_px, style, "%{z:.3f}")
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
    count, height, width = maps.shape
    peak = float(maps.max()) if maps.numel() else 0.0
    names = list(titles) if titles is not None else [str(i) for i in range(count)]
    marked = set(highlight)
    names = [f"<b>★ {name}</b>" if i in marked else name for i, name in enumerate(names)]
    style = dict(
        zmin=0, zmax=peak if peak > 0 else 1.0, colorscale=MAPS_SCALE,
        colorbar=dict(thickness=12, len=0.9),
    )  # fmt: skip
    figure, cols = _mosaic_figure(maps, names, columns, tile_px, style, "%{z:.2f}")
    for index in sorted(marked):  # a frame around each highlighted tile, in mosaic pixels
        r, c = divmod(index, cols)
        x0, y0 = c * (width + GAP) - 0.5, r * (height + row_gap(height)) - 0.5
        figure.add_shape(
            type="rect", x0=x0, y0=y0, x1=x0 + width, y1=y0 + height,
            line=dict(color=HIGHLIGHT, width=3),
        )  # fmt: skip
    return figure


MOVEMENT_COLOURS = {"cosine": "#4285f4", "change": "#fbbc05", "start": "#9e9e9e", "end": "#ea4335"}


def filter_movement(
    moves: Sequence[FilterMove], labels: dict[str, str], kernel_names: dict[str, str]
) -> go.Figure:
    """Per first-layer filter, from the start of a run to its end: on top, the cosine with its
    start and the relative change; below, its best match with a hand kernel at the start and end.

    ``labels`` names the parts: ``cosine``, ``change``, ``start``, ``end``, ``moved`` and
    ``match`` (the two panels' titles) and ``filter`` (the x axis).
    """
    x = [str(m.index) for m in moves]
    figure = make_subplots(
        rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.14,
        subplot_titles=(labels["moved"], labels["match"]),
    )  # fmt: skip
    for key, values in (
        ("cosine", [m.cosine for m in moves]),
        ("change", [m.change for m in moves]),
    ):
        figure.add_trace(
            go.Bar(
                x=x, y=values, name=labels[key], marker_color=MOVEMENT_COLOURS[key],
                hovertemplate=f"#%{{x}} {labels[key]}: %{{y:.2f}}<extra></extra>",
            ),
            row=1, col=1,
        )  # fmt: skip
    for m in moves:  # a grey line from the start's match to the end's
        figure.add_trace(
            go.Scatter(
                x=[x[m.index], x[m.index]], y=[m.match_start, m.match_end], mode="lines",
                line=dict(color="#bdbdbd", width=2), hoverinfo="skip", showlegend=False,
            ),
            row=2, col=1,
        )  # fmt: skip
    for key in ("start", "end"):
        matches = [getattr(m, f"match_{key}") for m in moves]
        names = [kernel_names.get(getattr(m, f"kernel_{key}"), "") for m in moves]
        figure.add_trace(
            go.Scatter(
                x=x, y=matches, customdata=names, mode="markers", name=labels[key],
                marker=dict(color=MOVEMENT_COLOURS[key], size=9),
                hovertemplate=f"#%{{x}} {labels[key]}: %{{y:.2f}} (%{{customdata}})<extra></extra>",
            ),
            row=2, col=1,
        )  # fmt: skip
    figure.update_xaxes(type="category", fixedrange=True)
    figure.update_xaxes(title=labels["filter"], row=2, col=1)
    figure.update_yaxes(range=[0, 1.05], fixedrange=True, row=2, col=1)
    figure.update_yaxes(rangemode="tozero", fixedrange=True, row=1, col=1)
    figure.update_layout(
        barmode="group",
        height=460,
        margin=dict(l=10, r=10, t=60, b=10),
        legend=dict(orientation="h", yanchor="bottom", y=1.09, x=0),
    )
    return figure
