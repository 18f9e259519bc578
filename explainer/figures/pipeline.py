"""Figures of the data pipeline: who made each batch and when, and items per second per setting."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from explainer.loader_timing import MAIN, LoaderRun

LABELS = {
    "loop": "training loop",
    "waiting": "waiting for a batch",
    "main": "main process",
    "worker": "worker {id}",
    "batch": "batch {index}",
    "time": "seconds since the loop asked for its first batch",
    "workers": "num_workers",
    "items_per_second": "items per second",
    "speedup": "{speedup:.2f}x",
}
LOOP_COLOUR, WAIT_COLOUR = "rgb(120, 120, 120)", "rgba(239, 85, 59, 0.75)"
MAKER_COLOURS = ("rgb(99, 110, 250)", "rgb(0, 150, 136)", "rgb(171, 99, 250)", "rgb(255, 161, 90)")


def maker_name(worker: int, labels: Mapping[str, str] = LABELS) -> str:
    """``"main process"`` or ``"worker 0"``, ``"worker 1"``..."""
    return labels["main"] if worker == MAIN else labels["worker"].format(id=worker)


def timeline(
    run: LoaderRun, labels: Mapping[str, str] = LABELS, height: int | None = None
) -> go.Figure:
    """One lane per batch maker (the main process, or each worker) with a bar per batch it made,
    and a lane for the training loop with a bar for each time it waited for a batch."""
    makers = sorted({batch.worker for batch in run.batches})
    lanes = [labels["loop"]] + [maker_name(worker, labels) for worker in makers]
    figure = go.Figure()
    waits = [batch for batch in run.batches if batch.waited > 0]
    figure.add_trace(
        go.Bar(
            y=[labels["loop"]] * len(waits),
            x=[batch.waited for batch in waits],
            base=[batch.asked for batch in waits],
            orientation="h",
            name=labels["waiting"],
            marker=dict(color=WAIT_COLOUR, line=dict(width=0)),
            hovertemplate="%{base:.3f} s + %{x:.4f} s<extra>" + labels["waiting"] + "</extra>",
        )
    )
    for number, worker in enumerate(makers):
        made = [batch for batch in run.batches if batch.worker == worker]
        name = maker_name(worker, labels)
        figure.add_trace(
            go.Bar(
                y=[name] * len(made),
                x=[batch.finished - batch.started for batch in made],
                base=[batch.started for batch in made],
                orientation="h",
                name=name,
                text=[str(batch.index) for batch in made],
                textposition="inside",
                insidetextanchor="middle",
                customdata=[labels["batch"].format(index=batch.index) for batch in made],
                marker=dict(
                    color=MAKER_COLOURS[number % len(MAKER_COLOURS)],
                    line=dict(width=0.5, color="white"),
                ),
                hovertemplate="%{customdata}: %{base:.3f} s + %{x:.4f} s<extra>%{y}</extra>",
            )
        )
    figure.update_yaxes(categoryorder="array", categoryarray=lanes[::-1], fixedrange=True)
    figure.update_xaxes(title=labels["time"], rangemode="tozero")
    figure.update_layout(
        barmode="overlay",
        bargap=0.35,
        height=height or 120 + 55 * len(lanes),
        margin=dict(l=10, r=10, t=30, b=10),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0),
    )
    return figure


def throughput(runs: Sequence[LoaderRun], labels: Mapping[str, str] = LABELS) -> go.Figure:
    """Items per second for each ``num_workers``, each bar labelled with its speedup over the first."""
    base = runs[0].items_per_second if runs else 0.0
    workers = [run.settings.num_workers for run in runs]
    most = max([2, *workers])  # an axis from 0 to at least 2 workers: one bar is not a wall
    figure = go.Figure(
        go.Bar(
            x=workers,
            y=[run.items_per_second for run in runs],
            text=[
                labels["speedup"].format(speedup=run.items_per_second / base if base else 0.0)
                for run in runs
            ],
            textposition="outside",
            width=0.6,
            marker=dict(color=[MAKER_COLOURS[w % len(MAKER_COLOURS)] for w in workers]),
            hovertemplate="%{x}: %{y:,.0f}<extra></extra>",
        )
    )
    ticks = list(range(most + 1))
    figure.update_xaxes(title=labels["workers"], tickvals=ticks, range=[-0.5, most + 0.5])
    figure.update_yaxes(title=labels["items_per_second"], rangemode="tozero")
    figure.update_layout(height=300, margin=dict(l=10, r=10, t=30, b=10))
    return figure
