"""The "digits from elsewhere" scoreboard: each classifier on the test split and on new digits."""

from __future__ import annotations

import plotly.graph_objects as go

from explainer.figures.cnn_vs_hand import COLOURS


def scoreboard(
    accuracy: dict[str, dict[str, float]],
    set_names: dict[str, str],
    names: dict[str, str],
    y_title: str,
) -> go.Figure:
    """Grouped bars: for each set (test split, printed, ...), the share each classifier got right.

    ``accuracy`` maps a set's key to ``{learner: fraction}``; the bars carry their percentages.
    """
    figure = go.Figure()
    sets = list(accuracy)
    for learner, name in names.items():
        values = [accuracy[s][learner] for s in sets]
        figure.add_trace(
            go.Bar(
                x=[set_names[s] for s in sets],
                y=values,
                name=name,
                marker_color=COLOURS.get(learner),
                text=[f"{v:.0%}" for v in values],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{x}: %{y:.1%}<extra>" + name + "</extra>",
            )
        )
    figure.update_xaxes(type="category", fixedrange=True)
    figure.update_yaxes(range=[0, 1.1], tickformat=".0%", title=y_title, fixedrange=True)
    figure.update_layout(
        barmode="group",
        height=360,
        margin=dict(l=10, r=10, t=10, b=10),
        legend=dict(orientation="h", y=1.12),
        uniformtext=dict(minsize=9, mode="hide"),  # a phone drops the labels that would collide
    )
    return figure
