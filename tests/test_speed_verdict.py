"""The speed verdict is read off the measured frame: trends per series, the claim at batch 64."""

from __future__ import annotations

from functools import partial

import pandas as pd
import pytest

from explainer import i18n
from explainer.bench.verdict import add_speedup
from explainer.train import TrainConfig
from explainer.views import speed_verdict

EN = partial(i18n.t, lang="en")
KO = partial(i18n.t, lang="ko")


def row(op: str, size: int, gflops: float, device: str = "cpu", median_s: float = 1.0) -> dict:
    return (
        dict(op=op, device=device, device_name="", dtype="float32", size=size)
        | dict(
            threads=2 if device == "cpu" else None, copy=False, median_s=median_s, iqr_s=0.0, runs=5
        )
        | dict(gflops=gflops, gbps=1.0, status="ok", message="")
    )


def gflops_frame(series: dict[str, dict[int, float]]) -> pd.DataFrame:
    """A hand-made CPU measurement: {op: {size: GFLOP/s}}."""
    rows = [row(op, size, g) for op, points in series.items() for size, g in points.items()]
    return add_speedup(pd.DataFrame(rows))


def speedup_frame(speedups: dict[tuple[str, int], float]) -> pd.DataFrame:
    """CPU at 1 s, the GPU at 1/speedup s, for each (op, size)."""
    rows = [
        row(op, size, 1.0, device, median)
        for (op, size), speedup in speedups.items()
        for device, median in (("cpu", 1.0), ("cuda:0", 1.0 / speedup))
    ]
    return add_speedup(pd.DataFrame(rows))


@pytest.mark.parametrize(
    ("values", "shape"),
    [
        ([0.5, 4.0, 30.0, 38.0], "rises"),
        ([1.0, 5.0, 4.8, 20.0], "rises"),  # a 4% dip is jitter, not a fall
        ([2.0, 9.0, 6.0, 1.5], "peaks"),
        ([9.0, 3.0, 0.7], "falls"),
        ([0.4, 0.006, 0.09, 0.3], "dips"),
        ([1.0, 1.05, 0.98], "flat"),
        ([1.0, 5.0, 1.0, 5.0], "uneven"),
        ([3.0], "single"),
    ],
)
def test_shape_of_a_series(values, shape):
    assert speed_verdict.shape_of(values) == shape


def test_trends_per_op_on_a_synthetic_measurement():
    frame = gflops_frame(
        {
            "matmul": {64: 2.0, 256: 20.0, 1024: 40.0},
            "add": {256: 3.0, 1024: 4.0, 4096: 1.0},
            "mul": {256: 4.0, 1024: 2.0, 4096: 0.5},
        }
    )
    found = {trend.op: trend for trend in speed_verdict.trends(frame)}
    assert {op: t.shape for op, t in found.items()} == {
        "matmul": "rises",
        "add": "peaks",
        "mul": "falls",
    }
    add = found["add"]
    assert add.sizes == (256, 1024, 4096) and add.gflops == (3.0, 4.0, 1.0)
    expected = {"peak": "4", "peak_size": 1024, "last": "1", "last_size": 4096}
    assert add.facts().items() >= expected.items()


def test_trends_keep_devices_and_skip_failed_cells():
    frame = pd.concat(
        [
            gflops_frame({"add": {256: 3.0, 1024: 4.0}}),
            pd.DataFrame([row("add", 256, 9.0, "numpy"), row("add", 1024, 1.0, "numpy")]),
            pd.DataFrame([row("add", 4096, float("nan")) | {"status": "oom"}]),
        ]
    )
    found = {(t.device, t.shape) for t in speed_verdict.trends(frame)}
    assert found == {("cpu", "rises"), ("numpy", "falls")}


def test_the_words_follow_the_measured_shape():
    frame = gflops_frame(
        {"matmul": {64: 2.0, 256: 20.0, 1024: 40.0}, "add": {256: 3.0, 1024: 4.0, 4096: 1.0}}
    )
    text = speed_verdict.markdown(frame, EN)
    assert text.startswith("**Cannot be checked here:**")
    assert "bigger tensors give more GFLOP/s" not in text
    assert (
        "**matrix multiply**, torch on the CPU: rises with size, from 2 GFLOP/s at n = 64" in text
    )
    assert (
        "**add (elementwise)**, torch on the CPU: rises from 3 GFLOP/s at n = 256 to 4 at "
        "n = 1024, then falls to 1 at n = 4096." in text
    )
    assert "Where add or multiply falls at large sizes, the usual cause is memory" in text
    assert "Other programs on the same cores" not in text
    korean = speed_verdict.markdown(frame, KO)
    assert "n = 1024에서 4 GFLOP/s까지 올라갔다가 n = 4096에서 1 GFLOP/s로 떨어집니다" in korean


def test_only_falling_series_get_no_word_about_rising():
    text = speed_verdict.markdown(gflops_frame({"mul": {256: 4.0, 4096: 0.5}}), EN)
    assert "falls with size" in text and "Where GFLOP/s rises" not in text


def test_memory_explains_falls_of_element_wise_ops_only():
    def reasons(series: dict[str, dict[int, float]]) -> list[str]:
        return speed_verdict.reasons(speed_verdict.trends(gflops_frame(series)))

    assert reasons({"add": {256: 3.0, 1024: 4.0, 4096: 1.0}}) == ["rises", "memory"]
    assert reasons({"mul": {256: 4.0, 4096: 0.5}}) == ["memory"]
    assert reasons({"matmul": {64: 29.0, 256: 39.0, 4096: 28.0}}) == ["rises", "noise"]
    assert reasons({"add": {64: 0.4, 256: 0.006, 1024: 0.3}}) == ["rises", "noise"]
    assert reasons({"matmul": {64: 1.0, 256: 1.02}}) == []


def test_one_size_per_series_says_no_trend_can_be_read():
    text = speed_verdict.markdown(gflops_frame({"add": {256: 3.0}, "mul": {64: 1.0}}), EN)
    assert "measured at one size only" in text


def test_the_claim_uses_the_batch_size_the_app_trains_with():
    assert TrainConfig().fit.batch_size == 64
    frame = speedup_frame({("train_step", 64): 12.0, ("train_step", 1024): 45.0})
    found = speed_verdict.claim(frame)
    assert (found.key, found.size, found.batch_size) == ("order", 64, 64)
    assert found.ratio == pytest.approx(12.0)
    assert (found.best_size, found.best_ratio) == (1024, pytest.approx(45.0))
    text = speed_verdict.claim_words(found, EN)
    assert text.startswith("**Partly:** the GPU was 12x faster (one training step, batch size 64")
    assert "best training step was 45.0x faster, at batch size 1024" in text


def test_another_batch_size_is_named_when_64_was_not_measured():
    found = speed_verdict.claim(speedup_frame({("train_step", 256): 20.0}))
    assert (found.key, found.size, found.best_size) == ("order", 256, 0)
    text = speed_verdict.claim_words(found, EN)
    assert "batch size 256, cuda:0; this app trains with batch size 64" in text
    assert "배치 크기 256, cuda:0. 이 앱이 학습에 쓰는 배치 크기는 64입니다" in (
        speed_verdict.claim_words(found, KO)
    )


def test_a_ratio_of_another_op_says_it_is_not_training():
    found = speed_verdict.claim(speedup_frame({("matmul", 4096): 60.0}))
    assert (found.key, found.op) == ("holds", "matmul")
    text = speed_verdict.claim_words(found, EN)
    assert "(matmul, n = 4096, cuda:0)" in text and "The chapter speaks of training" in text


def test_no_string_promises_more_gflops_for_bigger_tensors():
    for lang in i18n.LANGUAGES:
        for key, text in i18n.catalogs()[lang].items():
            assert "bigger tensors give more" not in text, key
            assert "텐서가 클수록 GFLOP/s가 높" not in text, key
