"""Sentences about measured results, chosen from the measurements themselves.

The rule of the app: every sentence it says about a result is true of the numbers it shows. So a
page never writes "keeps improving" or "turns into edge detectors" as a fixed string; it hands a
summary (:class:`explainer.sweep.SweepSummary`, :class:`explainer.filters.MovementSummary`) to a
function here, which picks the locale keys whose claims the numbers support and fills them in.
"""

from __future__ import annotations

from explainer import filters, sweep
from explainer.i18n import Translate
from explainer.sweep import SweepConfig, SweepPoint, SweepSummary


def _points(value: float) -> float:
    """An accuracy difference in percentage points."""
    return 100 * value


def _steps(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}–{high}"


def sweep_method(summary: SweepSummary, t: Translate) -> str:
    """How the sweep was measured: runs per point, the band, the steps of every run."""
    runs = (
        t("cnn_vs_hand.sweep.method.one")
        if summary.runs < 2
        else t("cnn_vs_hand.sweep.method.runs", runs=summary.runs)
    )
    return f"{runs} {t('cnn_vs_hand.sweep.method.steps', steps=_steps(*summary.steps))}"


def sweep_findings(summary: SweepSummary, t: Translate, names: dict[str, str]) -> list[str]:
    """What the sweep shows: where the CNN gets ahead (if it does), and each learner's last trend."""
    first, last = summary.sizes[0], summary.sizes[-1]
    if summary.ahead_from is None:
        end = dict(last=last, cnn=summary.last["cnn"].mean, linear=summary.last["linear"].mean)
        if summary.cnn_ahead:
            sizes = ", ".join(str(s) for s in summary.cnn_ahead)
            crossing = t("cnn_vs_hand.sweep.cross.not_last", sizes=sizes, **end)
        else:
            crossing = t("cnn_vs_hand.sweep.cross.never", **end)
    else:
        at = summary.at_ahead_from
        values = dict(size=summary.ahead_from, cnn_at=at["cnn"].mean, linear_at=at["linear"].mean)
        if summary.ahead_from == first:
            crossing = t("cnn_vs_hand.sweep.cross.always", **values)
        else:
            start = dict(first=first, cnn=summary.first["cnn"].mean)
            linear = summary.first["linear"].mean
            crossing = t("cnn_vs_hand.sweep.cross.from", linear=linear, **start, **values)
        if not summary.clear and summary.runs > 1:
            crossing += " " + t("cnn_vs_hand.sweep.cross.overlap", size=summary.ahead_from)
            if summary.clear_from is not None:
                crossing += " " + t("cnn_vs_hand.sweep.cross.clear_from", size=summary.clear_from)
    sentences = [crossing]
    for learner, trend in summary.trends.items():
        sentences.append(
            t(
                f"cnn_vs_hand.sweep.trend.{trend.verdict}",
                learner=names[learner],
                before=trend.from_size,
                after=trend.to_size,
                gain=_points(trend.gain),
                drop=_points(-trend.gain),
                spread=_points(trend.spread),
            )
        )
    return sentences


def _indices(indices: tuple[int, ...]) -> str:
    return ", ".join(str(i) for i in indices)


def replay_findings(
    summary: filters.MovementSummary, last: int, size: int, t: Translate
) -> list[str]:
    """What training did to the first-layer filters from step 0 to step ``last``: a paragraph on
    how far they moved, one on how much they look like the hand-made detectors."""
    key = "inside.replay.moved"
    if summary.unchanged:
        sentences = [t(f"{key}.none", last=last)]
    else:
        (cos_lo, cos_hi), (chg_lo, chg_hi) = summary.cosine, summary.change
        scale_lo, scale_hi = summary.scale
        sentences = [
            t(
                f"{key}.range",
                last=last,
                cos_lo=cos_lo,
                cos_hi=cos_hi,
                chg_lo=chg_lo,
                chg_hi=chg_hi,
                scale_lo=scale_lo,
                scale_hi=scale_hi,
            )
        ]
        if len(summary.kept) == summary.filters:
            sentences.append(t(f"{key}.kept_all", kept=filters.KEPT))
        else:
            others = tuple(i for i in range(summary.filters) if i not in summary.kept)
            sentences.append(
                t(
                    f"{key}.kept_some",
                    count=len(summary.kept),
                    total=summary.filters,
                    kept=filters.KEPT,
                    filters=_indices(others),
                )
            )
        if summary.moved:
            sentences.append(t(f"{key}.new", filters=_indices(summary.moved), moved=filters.MOVED))
    key = "inside.replay.match"
    likeness = [
        t(f"{key}.intro", size=size, start=summary.match_start, end=summary.match_end, last=last)
    ]
    if summary.closer:
        likeness.append(
            t(
                f"{key}.closer",
                count=len(summary.closer),
                total=summary.filters,
                closer=filters.CLOSER,
                filters=_indices(summary.closer),
            )
        )
    if not summary.like_start and not summary.like_end:
        likeness.append(t(f"{key}.none", like=filters.LIKE))
    else:
        likeness.append(
            t(
                f"{key}.some",
                end_count=len(summary.like_end),
                start_count=len(summary.like_start),
                total=summary.filters,
                like=filters.LIKE,
            )
        )
    return [" ".join(sentences), " ".join(likeness)]


def sweep_source(points: list[SweepPoint], seconds: float | None, t: Translate) -> str:
    """Where the points come from: the shipped file, or a run here just now (``seconds`` long)."""
    if seconds is None:
        minutes = sum(p.seconds for p in points) / 60
        return t("cnn_vs_hand.sweep.shipped", runs=len(points), minutes=minutes)
    return t("cnn_vs_hand.sweep.fresh", seconds=seconds, **sweep.labels(points))


def rerun_help(shipped: list[SweepPoint], live: SweepConfig, t: Translate) -> str:
    """What the recompute button runs, and how long those runs took in the shipped sweep."""
    minutes = (sweep.estimate_seconds(shipped, live) or 0.0) / 60
    values = dict(runs=live.runs, shipped=len(shipped), minutes=minutes, **sweep.labels(live))
    return t("cnn_vs_hand.sweep.rerun.help", **values)
