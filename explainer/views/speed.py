"""The "Tensors and speed" page's words and settings: table rows, crossover lines, the sweep's
settings from the widgets, and the datasheet estimates as a labelled table."""

from __future__ import annotations

import os

import pandas as pd

from explainer import machine
from explainer.bench.ceilings import Ceilings
from explainer.bench.estimate import is_estimate
from explainer.bench.grid import BenchConfig
from explainer.bench.ops import OPS
from explainer.i18n import Translate
from explainer.views.speed_verdict import number

SIZE_OPTIONS = [1, 4, 16, 64, 256, 1024, 2048, 4096]


def dtype_options(with_gpu: bool) -> list[str]:
    """The dtypes to offer; TF32 only where a CUDA GPU can use it."""
    return ["float32", "float16", "bfloat16"] + (["tf32"] if with_gpu else [])


def thread_options() -> list[int]:
    """Every CPU thread count from 1 to the cores here."""
    return list(range(1, (os.cpu_count() or 1) + 1))


def fact_rows(t: Translate) -> pd.DataFrame:
    """The machine's facts as a two-column table."""
    return pd.DataFrame(
        [{"": t(f"home.fact.{f.key}"), " ": f.text(t)} for f in machine.machine_facts()]
    )


def op_rows(t: Translate) -> pd.DataFrame:
    """Each operation and what its size n means."""
    return pd.DataFrame(
        [
            {t("speed.ops.op"): f"{t(f'speed.op.{op}')} ({op})", t("speed.ops.shape"): s.shape}
            for op, s in OPS.items()
        ]
    )


def crossover_lines(crossings: pd.DataFrame, t: Translate) -> str:
    """One line per GPU series: where it starts to win over the CPU, and its best ratio."""
    lines = []
    for row in crossings.to_dict("records"):
        found = not pd.isna(row["crossover"])
        where = t("speed.crossover.at", size=row["crossover"]) if found else None
        where = where or t("speed.crossover.never")
        lines.append(t("speed.crossover.row", **row, best=row["max_speedup"], where=where))
    return "\n".join(lines) or t("speed.crossover.none")


def bench_config(
    ops: list[str],
    sizes: list[int],
    devices: list[str],
    dtypes: list[str],
    threads: list[int],
    numpy_baseline: bool,
    copy: bool,
) -> BenchConfig | None:
    """The page's choices as a quick :class:`BenchConfig`; None when a choice is empty."""
    if not (ops and sizes and devices and dtypes and threads):
        return None
    return BenchConfig(
        ops=tuple(ops),
        sizes=tuple(sorted(sizes)),
        devices=tuple(devices),
        dtypes=tuple(dtypes),
        threads=tuple(sorted(threads)),
        numpy_baseline=numpy_baseline,
        include_copy=copy,
        min_run_time=0.05,
    )


def ceilings_text(ceilings: Ceilings, t: Translate) -> str:
    """The CPU's measured ceilings in a sentence."""
    return t(
        "speed.estimate.ceilings",
        threads=ceilings.threads,
        peak=number(ceilings.peak_gflops),
        bandwidth=number(ceilings.bandwidth_gbs),
        ridge=number(ceilings.ridge),
    )


def estimate_table(frame: pd.DataFrame, t: Translate) -> pd.DataFrame:
    """The estimated rows, every column saying it is an estimate from a datasheet."""
    rows = frame[is_estimate(frame)]
    return pd.DataFrame(
        {
            t("speed.estimate.col.gpu"): rows["device"],
            t("speed.estimate.col.what"): [
                t("speed.estimate.what.op", op=r.op, size=r.size, dtype=r.dtype)
                for r in rows.itertuples()
            ],
            t("speed.estimate.col.seconds"): rows["median_s"].map(number),
            t("speed.estimate.col.peak"): rows["peak_gflops"].map(number),
            t("speed.estimate.col.bound"): [t(f"speed.estimate.bound.{b}") for b in rows["bound"]],
            t("speed.estimate.col.ratio"): rows["speedup_vs_cpu"].map(number),
        }
    )
