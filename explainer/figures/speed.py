"""Figures of a benchmark sweep: time and GFLOP/s against size (log-log), speedup with crossover."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from explainer.bench.verdict import CLAIM_HIGH, CLAIM_LOW
from explainer.machine import NUMPY

SERIES = ["op", "device", "dtype", "threads", "copy"]
DASH = {"cpu": "solid", NUMPY: "dot"}  # accelerators: dash


def series_name(op: str, device: str, dtype: str, threads: object, copy: bool) -> str:
    """A legend entry: ``matmul · cpu ×2 · float32`` (``+ copy`` when the copy is timed)."""
    where = f"{device} ×{threads}" if device == "cpu" and not pd.isna(threads) else device
    return f"{op} · {where} · {dtype}" + (" + copy" if copy else "")


def _measured(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    ok = frame[(frame["status"] == "ok") & frame[column].notna()]
    return ok[ok[column] > 0]


def _layout(
    figure: go.Figure, sizes: list[int], x_title: str, y_title: str, title: str, height: int
) -> go.Figure:
    # Ticks at the measured sizes on x, at powers of ten on y: no crowded minor labels.
    figure.update_xaxes(type="log", title=x_title, tickvals=sizes, ticktext=[str(s) for s in sizes])
    figure.update_yaxes(type="log", title=y_title, dtick=1, exponentformat="power")
    figure.update_layout(
        title=dict(text=title, x=0, xanchor="left"),
        height=height,
        margin=dict(l=10, r=10, t=40 if title else 10, b=10),
        legend=dict(orientation="h", yanchor="top", y=-0.22, x=0, xanchor="left"),
        hovermode="closest",
    )
    return figure


def against_size(
    frame: pd.DataFrame,
    column: str,
    x_title: str = "size n",
    y_title: str = "",
    title: str = "",
    height: int = 420,
) -> go.Figure:
    """One line per series (op, device, dtype, threads, copy) of ``column`` against size, log-log."""
    figure = go.Figure()
    measured = _measured(frame, column)
    for key, series in measured.groupby(SERIES, dropna=False, sort=False):
        series = series.sort_values("size")
        op, device = key[0], key[1]
        figure.add_trace(
            go.Scatter(
                x=series["size"],
                y=series[column],
                name=series_name(*key),
                mode="lines+markers",
                line=dict(dash=DASH.get(device, "dash")),
                customdata=series[["iqr_s"]],
                hovertemplate=f"{op}, n=%{{x}}<br>{column} = %{{y:.4g}}<extra>{device}</extra>",
            )
        )
    sizes = sorted(int(s) for s in measured["size"].unique())
    return _layout(figure, sizes, x_title, y_title or column, title, height)


LABELS = {
    "size": "size n",
    "time": "median time (s)",
    "gflops": "GFLOP/s",
    "speedup": "speedup over the CPU (x)",
    "claim": "the chapter: 40-50x",
    "cpu": "as fast as the CPU",
    "crossover": "GPU wins from n = {size:g}",
    "intensity": "arithmetic intensity (FLOP per byte)",
    "estimate": "estimate (datasheet)",
    "peak": "this CPU's matmul peak",
    "bandwidth": "this CPU's memory bandwidth",
}


def time_vs_size(frame: pd.DataFrame, labels: Mapping[str, str] = LABELS) -> go.Figure:
    """Median time per run against size: the cost of the op, log-log."""
    return against_size(frame, "median_s", labels["size"], labels["time"])


def gflops_vs_size(frame: pd.DataFrame, labels: Mapping[str, str] = LABELS) -> go.Figure:
    """Billions of floating-point operations per second against size, log-log."""
    return against_size(frame, "gflops", labels["size"], labels["gflops"])


def speedup_vs_size(
    frame: pd.DataFrame,
    crossover_table: pd.DataFrame | None = None,
    labels: Mapping[str, str] = LABELS,
    height: int = 420,
) -> go.Figure:
    """Every non-CPU series' speedup over torch on the CPU, with the 40-50x band and crossovers."""
    others = frame[frame["device"] != "cpu"]
    figure = against_size(others, "speedup_vs_cpu", labels["size"], labels["speedup"], "", height)
    # Annotations on log axes take log10 coordinates (plotly does not convert them for shapes).
    note = dict(showarrow=False, font=dict(size=11), xanchor="left")
    figure.add_hrect(y0=CLAIM_LOW, y1=CLAIM_HIGH, fillcolor="green", opacity=0.15, line_width=0)
    figure.add_annotation(
        text=labels["claim"], xref="paper", x=0, y=math.log10(CLAIM_HIGH), yanchor="bottom", **note
    )
    figure.add_hline(y=1.0, line_dash="dot", line_color="grey")
    figure.add_annotation(text=labels["cpu"], xref="paper", x=0, y=0, yanchor="top", **note)
    if crossover_table is not None:
        for row in crossover_table.itertuples():
            if not math.isnan(row.crossover):
                figure.add_vline(x=row.crossover, line_dash="dash", line_color="firebrick")
                figure.add_annotation(
                    text=labels["crossover"].format(size=row.crossover),
                    x=math.log10(row.crossover),
                    yref="paper",
                    y=1,
                    yanchor="top",
                    font_color="firebrick",
                    **note,
                )
    measured = _measured(others, "speedup_vs_cpu")["speedup_vs_cpu"]
    low = min([0.5, *measured.tolist()]) / 1.5
    high = max([CLAIM_HIGH * 1.5, *measured.tolist()]) * 1.5
    figure.update_yaxes(range=[math.log10(low), math.log10(high)])
    return figure


def intensity(frame: pd.DataFrame) -> pd.Series:
    """FLOP per byte moved of each row (NaN where bytes are not counted, e.g. a training step)."""
    return frame["gflops"] / frame["gbps"]


def roofline(
    frame: pd.DataFrame,
    peak_gflops: float,
    bandwidth_gbs: float,
    labels: Mapping[str, str] = LABELS,
    height: int = 440,
) -> go.Figure:
    """This CPU's measured points against its two ceilings, and the datasheet estimates hollow.

    x: arithmetic intensity (FLOP/byte), y: GFLOP/s, both log. The roof is
    ``min(peak, bandwidth * intensity)``; estimated rows (``status == "estimate"``) are drawn as
    hollow diamonds with dashed roofs and "estimate (datasheet)" in their legend entry.
    """
    figure = go.Figure()
    measured = _measured(frame, "gflops")
    measured = measured[intensity(measured).notna() & (measured["device"] == "cpu")]
    estimated = frame[(frame["status"] == "estimate") & intensity(frame).notna()]
    xs = pd.concat([intensity(measured), intensity(estimated)])
    low, high = (xs.min() / 4, xs.max() * 4) if len(xs) else (0.05, 1000.0)
    # Every roof bends at its own ridge (peak / bandwidth): sample the x range densely in log.
    grid = [low * (high / low) ** (i / 200) for i in range(201)]
    roof = [min(peak_gflops, bandwidth_gbs * x) for x in grid]
    name = f"{labels['peak']} / {labels['bandwidth']}"
    figure.add_trace(
        go.Scatter(x=grid, y=roof, mode="lines", name=name, line=dict(color="black", width=2))
    )
    for key, series in measured.groupby(["op", "dtype", "threads"], dropna=False, sort=False):
        figure.add_trace(
            go.Scatter(
                x=intensity(series),
                y=series["gflops"],
                mode="markers",
                name=f"{key[0]} · cpu · {key[1]}",
                marker=dict(size=10),
                text=series["size"],
                hovertemplate="n=%{text}: %{y:.3g} GFLOP/s<extra></extra>",
            )
        )
    for gpu, series in estimated.groupby("device", sort=False):
        peak, bandwidth = float(series["peak_gflops"].max()), float(series["bandwidth_gbs"].iloc[0])
        figure.add_trace(
            go.Scatter(
                x=grid,
                y=[min(peak, bandwidth * x) for x in grid],
                mode="lines",
                name=f"{gpu} · {labels['estimate']}",
                line=dict(dash="dash", width=1),
                legendgroup=str(gpu),
            )
        )
        figure.add_trace(
            go.Scatter(
                x=intensity(series),
                y=series["gflops"],
                mode="markers",
                name=f"{gpu} · {labels['estimate']}",
                marker=dict(symbol="diamond-open", size=11),
                legendgroup=str(gpu),
                showlegend=False,
                text=series["op"] + ", n=" + series["size"].astype(str),
                hovertemplate=f"%{{text}}: %{{y:.3g}} GFLOP/s<extra>{labels['estimate']}</extra>",
            )
        )
    figure.update_xaxes(type="log", title=labels["intensity"])
    figure.update_yaxes(type="log", title=labels["gflops"], dtick=1, exponentformat="power")
    figure.update_layout(
        height=height,
        margin=dict(l=10, r=10, t=10, b=10),
        legend=dict(orientation="h", yanchor="top", y=-0.22, x=0, xanchor="left"),
    )
    return figure
