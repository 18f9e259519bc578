"""The speed page's verdict, read off the measured results frame and nothing else.

Two findings, each a small dataclass computed from the frame (``explainer.bench``'s columns):

- :class:`Trend`: per measured series (op, device, dtype, threads, copy), what GFLOP/s does as the
  size grows: rises, peaks then falls, falls, dips then rises, stays flat, or goes up and down.
  Matrix multiply usually rises; element-wise ops (add, multiply) usually peak and then fall once
  their tensors outgrow the caches, so no sentence may say "bigger is faster" for every op.
- :class:`Claim`: the chapter's "a GPU trains 40-50x faster", checked on a training step at the
  batch size this app trains with (``TrainConfig().fit.batch_size``) when that was measured; otherwise
  on the best ratio measured, and the words then say which batch size or op it was.

:func:`markdown` puts both into words with a ``t(key, **values)`` function (``ui.t``); the words
themselves are ``speed.verdict.*`` and ``speed.trend.*`` in ``explainer/locales/speed.py``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from explainer.bench.estimate import is_estimate
from explainer.bench.verdict import CLAIM_LOW, accelerator_rows, claim_verdict
from explainer.machine import NUMPY
from explainer.train import TrainConfig

Translate = Callable[..., str]
TOLERANCE = 0.10  # GFLOP/s within 10% of each other count as level: timings on shared cores jitter
SERIES = ["op", "device", "dtype", "threads", "copy"]
ELEMENTWISE = ("add", "mul")  # one FLOP per three elements moved: memory-bound once out of cache


@dataclass(frozen=True)
class Trend:
    """One series' GFLOP/s against size; ``shape`` is what it does as the size grows."""

    op: str
    device: str
    dtype: str
    threads: int | None
    copy: bool
    shape: str  # "rises", "peaks", "falls", "dips", "flat", "uneven"; "single": one size only
    sizes: tuple[int, ...]
    gflops: tuple[float, ...]

    def facts(self) -> dict[str, object]:
        """First, last, highest and lowest point, as the sentences quote them."""
        top, bottom = int(np.argmax(self.gflops)), int(np.argmin(self.gflops))
        facts: dict[str, object] = {}
        for name, index in (("first", 0), ("last", -1), ("peak", top), ("low", bottom)):
            facts[name], facts[f"{name}_size"] = number(self.gflops[index]), self.sizes[index]
        return facts


def number(value: float) -> str:
    """Three significant digits, never in scientific notation: 0.0057, 38.3, 1270."""
    return np.format_float_positional(value, precision=3, fractional=False, trim="-")


def _never_falls(values: Sequence[float], tolerance: float) -> bool:
    """No value is more than ``tolerance`` below the highest one before it."""
    return all(v * (1 + tolerance) >= max(values[: i + 1]) for i, v in enumerate(values))


def _never_rises(values: Sequence[float], tolerance: float) -> bool:
    """No value is more than ``tolerance`` above the lowest one before it."""
    return all(v <= min(values[: i + 1]) * (1 + tolerance) for i, v in enumerate(values))


def shape_of(values: Sequence[float], tolerance: float = TOLERANCE) -> str:
    """What a sequence (ordered by size) does: rises, peaks, falls, dips, flat, uneven or single."""
    values = list(values)
    if len(values) < 2:
        return "single"
    if max(values) <= min(values) * (1 + tolerance):
        return "flat"
    if _never_falls(values, tolerance):
        return "rises"
    if _never_rises(values, tolerance):
        return "falls"
    top, bottom = int(np.argmax(values)), int(np.argmin(values))
    up, down = values[: top + 1], values[top:]
    if _never_falls(up, tolerance) and _never_rises(down, tolerance):
        return "peaks"  # 0 < top < last: rising all the way or falling all the way was caught above
    if _never_rises(values[: bottom + 1], tolerance) and _never_falls(values[bottom:], tolerance):
        return "dips"
    return "uneven"


def trends(frame: pd.DataFrame, tolerance: float = TOLERANCE) -> list[Trend]:
    """Every measured series of the frame with its GFLOP/s in size order, in the frame's order."""
    ok = frame[(frame["status"] == "ok") & frame["gflops"].notna()]
    result = []
    for key, series in ok.groupby(SERIES, dropna=False, sort=False):
        by_size = series.groupby("size")["gflops"].median().sort_index()  # (sizes,)
        gflops = tuple(float(v) for v in by_size)
        op, device, dtype, threads, copy = key
        result.append(
            Trend(
                op=str(op),
                device=str(device),
                dtype=str(dtype),
                threads=None if pd.isna(threads) else int(threads),
                copy=bool(copy),
                shape=shape_of(gflops, tolerance),
                sizes=tuple(int(s) for s in by_size.index),
                gflops=gflops,
            )
        )
    return result


@dataclass(frozen=True)
class Claim:
    """The chapter's 40-50x against the measurement; ``key`` as ``bench.Verdict`` (``no_gpu``...).

    ``batch_size`` is the batch this app trains with; when a training step decides and another
    batch size gave a better ratio, ``best_ratio``/``best_size`` say so.
    """

    key: str
    batch_size: int
    ratio: float = math.nan
    op: str = ""
    device: str = ""
    size: int = 0
    best_ratio: float = math.nan
    best_size: int = 0


def claim(frame: pd.DataFrame, batch_size: int | None = None) -> Claim:
    """Check the claim on a training step at ``batch_size`` (default: the app's) if measured."""
    batch_size = batch_size or TrainConfig().fit.batch_size
    gpu = accelerator_rows(frame)
    at_batch = gpu[(gpu["op"] == "train_step") & (gpu["size"] == batch_size)]
    scope = frame[(frame["op"] != "train_step") | (frame["size"] == batch_size)]
    verdict = claim_verdict(frame if at_batch.empty else scope)
    found = Claim(verdict.key, batch_size, verdict.ratio, verdict.op, verdict.device, verdict.size)
    best = claim_verdict(frame)
    if not at_batch.empty and best.size != batch_size:
        return Claim(**vars(found) | {"best_ratio": best.ratio, "best_size": best.size})
    return found


def _series_name(trend: Trend, frame: pd.DataFrame, t: Translate) -> str:
    """The op, and only those of device, dtype, threads and copy that tell series apart."""
    device = {"cpu": "speed.trend.cpu", NUMPY: "speed.trend.numpy"}.get(trend.device)
    where = [t(device) if device else trend.device]
    if frame["dtype"].nunique() > 1:
        where.append(trend.dtype)
    if trend.threads is not None and frame["threads"].nunique() > 1:
        where.append(t("speed.trend.threads", threads=trend.threads))
    if trend.copy:
        where.append(t("speed.trend.copy"))
    return t("speed.trend.series", op=t(f"speed.op.{trend.op}"), where=", ".join(where))


def claim_words(found: Claim, t: Translate) -> str:
    """The verdict on the chapter's claim, naming the batch size of a training step."""
    if found.key == "no_gpu":
        return t("speed.verdict.no_gpu")
    facts = {"size": found.size, "device": found.device, "batch": found.batch_size}
    if found.op != "train_step":
        what, note = t("speed.verdict.what.op", op=found.op, **facts), "speed.verdict.not_training"
    elif found.size == found.batch_size:
        what, note = t("speed.verdict.what.train", **facts), ""
    else:
        what, note = t("speed.verdict.what.train_other", **facts), ""
    words = [t(f"speed.verdict.{found.key}", ratio=found.ratio, what=what)]
    if note:
        words.append(t(note))
    if found.best_size:
        words.append(t("speed.verdict.best_batch", ratio=found.best_ratio, size=found.best_size))
    return " ".join(words)


def reasons(found: Sequence[Trend]) -> list[str]:
    """Which general reasons apply to these trends: ``rises``, ``memory``, ``noise``, in order.

    Memory explains a fall only for element-wise ops (add, multiply); a fall of another op, or a
    series that goes down and up, is only said to be possibly disturbed by other programs.
    """
    shapes = {trend.shape for trend in found}
    falling = {trend.op in ELEMENTWISE for trend in found if trend.shape in {"peaks", "falls"}}
    applies = {
        "rises": bool(shapes & {"rises", "peaks", "dips"}),
        "memory": True in falling,
        "noise": bool(shapes & {"dips", "uneven"}) or False in falling,
    }
    return [reason for reason, shown in applies.items() if shown]


def trend_words(frame: pd.DataFrame, t: Translate) -> str:
    """One line per series measured at two sizes or more, then why such shapes happen."""
    found = [trend for trend in trends(frame) if trend.shape != "single"]
    if not found:
        return t("speed.trend.none")
    lines = [t("speed.trend.header")]
    lines += [
        t(f"speed.trend.{trend.shape}", series=_series_name(trend, frame, t), **trend.facts())
        for trend in found
    ]
    why = [t(f"speed.trend.why.{reason}") for reason in reasons(found)]
    return "\n".join(lines) + ("\n\n" + " ".join(why) if why else "")


def markdown(frame: pd.DataFrame, t: Translate, batch_size: int | None = None) -> str:
    """The whole verdict for the page: the claim, then GFLOP/s against size per series."""
    return claim_words(claim(frame, batch_size), t) + "\n\n" + trend_words(frame, t)


@dataclass(frozen=True)
class EstimateClaim:
    """The chapter's 40-50x against the datasheet estimates of one (op, dtype, size).

    ``ratios`` maps each GPU to the measured CPU time over its estimated time: an upper bound on
    the real speedup, because the estimate is a lower bound on the GPU's time.
    """

    key: str  # "none", "allows", "some", "rules_out"
    op: str = ""
    dtype: str = ""
    size: int = 0
    cpu_s: float = math.nan
    seconds: tuple[tuple[str, float], ...] = ()
    ratios: tuple[tuple[str, float], ...] = ()


def estimate_claim(frame: pd.DataFrame, batch_size: int | None = None) -> EstimateClaim:
    """Check the claim on the estimates: a training step at ``batch_size`` if estimated, else the
    (op, dtype, size) with the largest estimated ratio."""
    rows = frame[is_estimate(frame)] if "status" in frame else frame.iloc[:0]
    rows = rows[rows["speedup_vs_cpu"].notna()]
    if rows.empty:
        return EstimateClaim("none")
    batch_size = batch_size or TrainConfig().fit.batch_size
    at_batch = rows[(rows["op"] == "train_step") & (rows["size"] == batch_size)]
    if at_batch.empty:
        top = rows.sort_values("speedup_vs_cpu").iloc[-1]
        at_batch = rows[(rows[["op", "dtype", "size"]] == top[["op", "dtype", "size"]]).all(axis=1)]
    first = at_batch.iloc[0]
    ratios = tuple((str(r.device), float(r.speedup_vs_cpu)) for r in at_batch.itertuples())
    reach = [ratio >= CLAIM_LOW for _, ratio in ratios]
    key = "allows" if all(reach) else "rules_out" if not any(reach) else "some"
    return EstimateClaim(
        key,
        str(first["op"]),
        str(first["dtype"]),
        int(first["size"]),
        float(first["median_s"] * first["speedup_vs_cpu"]),  # the CPU time it was compared with
        tuple((str(r.device), float(r.median_s)) for r in at_batch.itertuples()),
        ratios,
    )


def estimate_words(frame: pd.DataFrame, t: Translate, batch_size: int | None = None) -> str:
    """The estimate-based verdict, marked as an estimate from datasheets in every sentence."""
    found = estimate_claim(frame, batch_size)
    if found.key == "none":
        return t("speed.estimate.verdict.none")
    key = "train" if found.op == "train_step" else "op"
    what = t(f"speed.estimate.what.{key}", op=found.op, size=found.size, dtype=found.dtype)
    gpus = "; ".join(
        t("speed.estimate.verdict.gpu", gpu=gpu, seconds=number(s), ratio=number(r))
        for (gpu, s), (_, r) in zip(found.seconds, found.ratios)
    )
    lead = t("speed.estimate.verdict.lead", what=what, cpu_s=number(found.cpu_s), gpus=gpus)
    ratios = dict(found.ratios)
    reach = [g for g, r in ratios.items() if r >= CLAIM_LOW]
    short = [g for g, r in ratios.items() if r < CLAIM_LOW]
    values = {
        "low": number(min(ratios.values())),
        "high": number(max(ratios.values())),
        "reach": ", ".join(reach),
        "short": ", ".join(short),
        "short_best": number(max((ratios[g] for g in short), default=math.nan)),
    }
    return lead + " " + t(f"speed.estimate.verdict.{found.key}", **values)
