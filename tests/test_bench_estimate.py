"""The datasheet estimate: never faster than the roofline allows, marked as an estimate, sourced."""

from __future__ import annotations

import math
from functools import partial

import pandas as pd
import pytest

from explainer import i18n
from explainer.bench import estimate
from explainer.bench.grid import Cell
from explainer.bench.ops import OPS, cell_bytes, cell_flops
from explainer.bench.timing import COLUMNS
from explainer.figures import speed as figures
from explainer.views import speed_verdict


def cpu_row(op: str, size: int, seconds: float, dtype: str = "float32") -> dict:
    cell = Cell(op, "cpu", dtype, size, 1)
    row = dict.fromkeys(COLUMNS, math.nan) | {"op": op, "device": "cpu", "dtype": dtype}
    row["speedup_vs_cpu"] = 1.0
    flops, moved = cell_flops(cell), cell_bytes(cell)
    row |= {"size": size, "threads": 1, "copy": False, "median_s": seconds, "status": "ok"}
    return row | {"gflops": flops / seconds / 1e9, "gbps": moved / seconds / 1e9, "message": ""}


def test_the_specs_are_the_datasheets_dense_figures_with_sources():
    specs, overhead = estimate.load_specs()
    by_name = {gpu.name: gpu for gpu in specs}
    assert overhead == 10e-6 and len(specs) >= 4
    t4, a100, h100 = (
        by_name["NVIDIA T4"],
        by_name["NVIDIA A100 SXM 80GB"],
        by_name["NVIDIA H100 SXM"],
    )
    assert (t4.fp32_tflops, t4.fp16_tflops, t4.bandwidth_gbs) == (8.1, 65.0, 320.0)
    assert (a100.fp32_tflops, a100.tf32_tflops, a100.fp16_tflops) == (19.5, 156.0, 312.0)
    assert (h100.tf32_tflops, h100.fp16_tflops, h100.bandwidth_gbs) == (494.7, 989.4, 3350.0)
    assert by_name["NVIDIA GeForce RTX 4090"].fp32_tflops == 82.6
    assert all(gpu.source and gpu.url.startswith("https://") for gpu in specs)
    assert (
        h100.peak_gflops("matmul", "tf32") == 494_700 and h100.peak_gflops("add", "tf32") == 67_000
    )
    assert t4.peak_gflops("matmul", "tf32") == 8_100, "no TF32 on a T4: its fp32 peak"


@pytest.mark.parametrize("op", [op for op in OPS if op != "train_step"])
@pytest.mark.parametrize("size", [1, 64, 1024, 8192])
def test_an_estimate_never_claims_less_than_any_of_its_bounds(op, size):
    specs, overhead = estimate.load_specs()
    cell = Cell(op, "estimate", "float32", size, None)
    for gpu in specs:
        found = estimate.estimate_cell(cell, gpu, overhead)
        assert found.seconds >= cell_flops(cell) / (found.peak_gflops * 1e9)
        assert found.seconds >= cell_bytes(cell) / (gpu.bandwidth_gbs * 1e9)
        assert found.seconds >= overhead
        assert found.seconds == max(found.compute_s, found.memory_s, found.launch_s)


def test_rows_are_marked_as_estimates_and_never_counted_as_measured():
    frame = pd.DataFrame([cpu_row("matmul", 1024, 0.1), cpu_row("add", 4096, 0.02)])
    rows = estimate.estimate_rows(frame)
    assert len(rows) == 2 * len(estimate.load_specs()[0])
    assert (rows["status"] == "estimate").all() and (rows["source"] == "datasheet estimate").all()
    assert (rows["gflops"] <= rows["peak_gflops"] * (1 + 1e-9)).all()
    assert set(rows[rows["op"] == "add"]["bound"]) == {"memory"}
    both = pd.concat([frame, rows], ignore_index=True)
    assert speed_verdict.claim(both).key == "no_gpu", "an estimate is not a measurement"
    figure = figures.roofline(both, 20.0, 5.0)
    estimated = [t for t in figure.data if "estimate (datasheet)" in (t.name or "")]
    assert estimated and all(
        t.line.dash == "dash" or t.marker.symbol == "diamond-open" for t in estimated
    )
    measured = [t for t in figure.data if t.mode == "markers" and "cpu" in t.name]
    assert {t.marker.symbol for t in measured} == {None}


@pytest.mark.parametrize(("cpu_s", "key"), [(1.0, "allows"), (3e-3, "some"), (1e-5, "rules_out")])
def test_the_estimate_verdict_is_true_of_its_numbers(cpu_s, key):
    frame = pd.DataFrame([cpu_row("matmul", 1024, cpu_s)])
    both = pd.concat([frame, estimate.estimate_rows(frame)], ignore_index=True)
    found = speed_verdict.estimate_claim(both)
    ratios = dict(found.ratios)
    assert found.key == key and found.op == "matmul" and math.isclose(found.cpu_s, cpu_s)
    reach = [r >= 40 for r in ratios.values()]
    assert key == ("allows" if all(reach) else "rules_out" if not any(reach) else "some")
    for lang in ("en", "ko"):
        words = speed_verdict.estimate_words(both, partial(i18n.t, lang=lang))
        assert speed_verdict.number(max(ratios.values())) in words or key == "allows"
    assert "not a measurement" in speed_verdict.estimate_words(both, partial(i18n.t, lang="en"))


def test_no_cpu_rows_no_estimate():
    empty = pd.DataFrame(columns=COLUMNS)
    assert speed_verdict.estimate_claim(estimate.estimate_rows(empty)).key == "none"
