"""Figures of a benchmark sweep, tested without a browser."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from explainer import machine
from explainer.bench import verdict
from explainer.figures import speed as figures


def result_set() -> pd.DataFrame:
    """A hand-made result set (for drawing only): CPU at 1 ms x n/64, a GPU and NumPy beside it."""
    rows = []
    speedups = {16: 0.2, 64: 0.8, 256: 3.0, 1024: 42.0}
    for size, speedup in speedups.items():
        for device, median, threads in (
            ("cpu", 1e-3 * size / 64, 4),
            ("cuda:0", 1e-3 * size / 64 / speedup, None),
            (machine.NUMPY, 2e-3 * size / 64, None),
        ):
            rows.append(
                dict(op="matmul", device=device, device_name="", dtype="float32", size=size)
                | dict(threads=threads, copy=False, median_s=median, iqr_s=0.0, runs=5)
                | dict(gflops=2 * size**3 / median / 1e9, gbps=1.0, status="ok", message="")
            )
    rows.append(rows[-1] | dict(size=4096, status="oom", median_s=math.nan, gflops=math.nan))
    return verdict.add_speedup(pd.DataFrame(rows))


def test_time_chart_is_log_log_with_one_line_per_device():
    frame = result_set()
    figure = figures.time_vs_size(frame)
    assert figure.layout.xaxis.type == "log" and figure.layout.yaxis.type == "log"
    names = [trace.name for trace in figure.data]
    assert names == [
        "matmul · cpu ×4 · float32",
        "matmul · cuda:0 · float32",
        "matmul · numpy · float32",
    ]
    cpu = figure.data[0]
    assert list(cpu.x) == [16, 64, 256, 1024]
    assert list(cpu.y) == pytest.approx(frame[frame.device == "cpu"]["median_s"].tolist())
    assert 4096 not in list(figure.data[2].x), "failed cells are not drawn"


def test_gflops_chart_uses_the_given_labels():
    labels = figures.LABELS | {"size": "크기 n", "gflops": "초당 GFLOP"}
    figure = figures.gflops_vs_size(result_set(), labels)
    assert figure.layout.xaxis.title.text == "크기 n"
    assert figure.layout.yaxis.title.text == "초당 GFLOP"
    gpu = figure.data[1]
    assert gpu.y[-1] == pytest.approx(2 * 1024**3 / (1e-3 * 16 / 42.0) / 1e9)


def test_speedup_chart_has_the_claim_band_the_cpu_line_and_the_crossover():
    frame = result_set()
    crossings = verdict.crossovers(frame)
    assert crossings["crossover"].tolist() == [256.0]
    figure = figures.speedup_vs_size(frame, crossings)
    assert [trace.name for trace in figure.data] == [
        "matmul · cuda:0 · float32",
        "matmul · numpy · float32",
    ]
    assert list(figure.data[0].y) == pytest.approx([0.2, 0.8, 3.0, 42.0])
    band = [s for s in figure.layout.shapes if s.type == "rect"]
    assert (band[0].y0, band[0].y1) == (verdict.CLAIM_LOW, verdict.CLAIM_HIGH)
    lines = [s for s in figure.layout.shapes if s.type == "line"]
    assert any(s.y0 == 1.0 and s.y1 == 1.0 for s in lines), "the as-fast-as-the-CPU line"
    assert any(s.x0 == 256.0 and s.x1 == 256.0 for s in lines), "the crossover line"
    notes = {a.text: a for a in figure.layout.annotations}
    # On log axes annotations sit at log10 of the value.
    assert notes["GPU wins from n = 256"].x == pytest.approx(math.log10(256))
    assert notes["the chapter: 40-50x"].y == pytest.approx(math.log10(verdict.CLAIM_HIGH))
    low, high = figure.layout.yaxis.range
    assert 10**low < 0.2 and 10**high > 50


def test_figures_of_an_empty_or_failed_set_still_draw():
    frame = result_set()
    failed = frame.assign(status="error")
    assert len(figures.time_vs_size(failed).data) == 0
    assert len(figures.speedup_vs_size(failed, verdict.crossovers(failed)).data) == 0
