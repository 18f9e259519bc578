"""Figures of digits: a mosaic per class, one image as a tensor of numbers."""

from __future__ import annotations

import plotly.graph_objects as go
import torch

INK_SCALE = "gray"  # 0 = black background, 255 = white ink, as MNIST stores them


def mosaic(images: torch.Tensor, rows: int, cols: int, gap: int = 2) -> torch.Tensor:
    """Tile ``rows * cols`` images [N, H, W] into one image with ``gap`` pixels between tiles."""
    _, height, width = images.shape
    canvas = torch.full(
        (rows * (height + gap) - gap, cols * (width + gap) - gap), 64, dtype=torch.uint8
    )
    for index, image in enumerate(images[: rows * cols]):
        r, c = divmod(index, cols)
        canvas[
            r * (height + gap) : r * (height + gap) + height,
            c * (width + gap) : c * (width + gap) + width,
        ] = image
    return canvas


def digit_grid(images: torch.Tensor, labels: torch.Tensor, per_class: int = 10) -> go.Figure:
    """The first ``per_class`` digits of each class 0-9, one row per class."""
    rows = [images[labels == digit][:per_class] for digit in range(10)]
    tiles = torch.cat(
        [torch.cat([r, torch.zeros(per_class - len(r), 28, 28, dtype=torch.uint8)]) for r in rows]
    )
    canvas = mosaic(tiles, rows=10, cols=per_class)
    figure = go.Figure(
        go.Heatmap(
            z=canvas.flip(0).numpy(),
            colorscale=INK_SCALE,
            zmin=0,
            zmax=255,
            showscale=False,
            hoverinfo="skip",
        )
    )
    centres = [canvas.shape[0] - 1 - (d * 30 + 14) for d in range(10)]
    figure.update_yaxes(
        tickvals=centres,
        ticktext=[str(d) for d in range(10)],
        scaleanchor="x",
        showgrid=False,
        zeroline=False,
        fixedrange=True,
    )
    figure.update_xaxes(visible=False, fixedrange=True)
    figure.update_layout(
        margin=dict(l=30, r=10, t=10, b=10), height=460, plot_bgcolor="rgba(0,0,0,0)"
    )
    return figure


def tensor_heatmap(image: torch.Tensor, title: str = "") -> go.Figure:
    """One 28x28 uint8 image drawn as its numbers: what a tensor of pixels really is."""
    values = image.to(torch.int32).numpy()
    figure = go.Figure(
        go.Heatmap(
            z=values,
            colorscale=INK_SCALE,
            zmin=0,
            zmax=255,
            text=values,
            texttemplate="%{text}",
            textfont=dict(size=7),
            hovertemplate="row %{y}, col %{x}: %{z}<extra></extra>",
            colorbar=dict(thickness=10),
        )
    )
    figure.update_yaxes(autorange="reversed", scaleanchor="x", constrain="domain")
    figure.update_xaxes(constrain="domain", side="top")
    figure.update_layout(
        title=title, margin=dict(l=10, r=10, t=40 if title else 10, b=10), height=560
    )
    return figure
