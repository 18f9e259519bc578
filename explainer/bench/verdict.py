"""What a sweep means: each row's speedup over the CPU, where a GPU starts to win, and the
chapter's "a GPU is 40-50x faster" claim checked against the measurement."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from explainer.bench.timing import COLUMNS
from explainer.machine import NUMPY

CLAIM_LOW, CLAIM_HIGH = 40.0, 50.0  # the chapter: a GPU is "usually 40-50x" faster


def add_speedup(frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``speedup_vs_cpu``: torch-on-CPU time over this row's time, same op, dtype and size.

    CPU rows compare with the CPU at the same thread count (1.0 at equal threads); accelerator and
    NumPy rows compare with the fastest CPU thread count measured.
    """
    frame = frame.copy()
    frame["threads"] = frame["threads"].astype("Int64")
    ok_cpu = frame[(frame["device"] == "cpu") & (frame["status"] == "ok")]
    same_threads = ok_cpu.set_index(["op", "dtype", "size", "threads"])["median_s"]
    best = ok_cpu.groupby(["op", "dtype", "size"])["median_s"].min()
    speedups = []
    for row in frame.itertuples(index=False):
        if row.device == "cpu":
            base = same_threads.get((row.op, row.dtype, row.size, row.threads), math.nan)
        else:
            base = best.get((row.op, "float32" if row.dtype == "tf32" else row.dtype, row.size))
        speedups.append(float(base) / row.median_s if base is not None else math.nan)
    frame["speedup_vs_cpu"] = pd.Series(speedups, index=frame.index, dtype=float)
    return frame[COLUMNS]


def accelerator_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Measured rows of GPUs (not the CPU, not NumPy) with a speedup."""
    keep = (~frame["device"].isin(["cpu", NUMPY])) & (frame["status"] == "ok")
    return frame[keep & frame["speedup_vs_cpu"].notna()]


def crossovers(frame: pd.DataFrame) -> pd.DataFrame:
    """Per GPU series (op, device, dtype, copy): the smallest size from which it beats the CPU.

    ``crossover`` is the first measured size at which the speedup is above 1 and stays above 1
    for every larger size; NaN if the GPU never wins over the sizes measured.
    """
    rows = []
    for key, series in accelerator_rows(frame).groupby(["op", "device", "dtype", "copy"]):
        series = series.sort_values("size")
        wins = (series["speedup_vs_cpu"] > 1.0).to_list()
        crossover = math.nan
        for index in range(len(wins)):
            if all(wins[index:]):
                crossover = float(series["size"].iloc[index])
                break
        rows.append(
            dict(zip(["op", "device", "dtype", "copy"], key))
            | {"crossover": crossover, "max_speedup": float(series["speedup_vs_cpu"].max())}
        )
    columns = ["op", "device", "dtype", "copy", "crossover", "max_speedup"]
    return pd.DataFrame(rows, columns=columns)


@dataclass(frozen=True)
class Verdict:
    """The chapter's "40-50x" claim against a measurement: a ``key`` for the wording, the facts."""

    key: str  # "no_gpu", "holds", "order", "faster", "slower"
    ratio: float = math.nan
    op: str = ""
    device: str = ""
    size: int = 0


def claim_verdict(frame: pd.DataFrame) -> Verdict:
    """Check "a GPU trains 40-50x faster" on the best measured GPU-over-CPU ratio.

    The claim is about training, so a measured training step decides when there is one; otherwise
    the best ratio of any op does (and the wording says which op it was).
    """
    rows = accelerator_rows(frame)
    if rows.empty:
        return Verdict("no_gpu")
    training = rows[rows["op"] == "train_step"]
    best = (training if not training.empty else rows).sort_values("speedup_vs_cpu").iloc[-1]
    ratio = float(best["speedup_vs_cpu"])
    key = (
        "holds"
        if ratio >= CLAIM_LOW
        else "order"
        if ratio >= 10
        else "faster"
        if ratio > 1
        else "slower"
    )
    return Verdict(key, ratio, str(best["op"]), str(best["device"]), int(best["size"]))
