"""The benchmark: result shape, FLOP counts against torch's own counter, failures as cells,
thread counts restored, one run at a time, and the CUDA paths with the GPU mocked."""

from __future__ import annotations

import dataclasses
import json
import math
import subprocess
import sys
import threading
import time

import pandas as pd
import pytest
import torch
import torch.nn.functional as F
from torch.utils.flop_counter import FlopCounterMode

from explainer import machine
from explainer.bench import grid, lock, ops, reference, run, timing, verdict
from explainer.errors import ExplainerError
from explainer.model import DigitCNN

FAST = dict(min_run_time=0.002, numpy_baseline=False)


@pytest.fixture(autouse=True)
def private_lock(tmp_path, monkeypatch):
    """Each test gets its own machine-wide lock file."""
    monkeypatch.setenv(lock.LOCK_ENV, str(tmp_path / "bench.lock"))


def tiny(**overrides) -> grid.BenchConfig:
    return grid.BenchConfig(**({"sizes": (4, 8), "threads": (1,)} | FAST | overrides))


def test_results_have_every_column_and_one_row_per_cell():
    config = tiny(ops=("matmul", "add", "sum"), numpy_baseline=True)
    seen = []
    frame = run.run_sweep(config, progress=lambda done, total, cell: seen.append((done, total)))
    assert list(frame.columns) == timing.COLUMNS
    # 3 ops x 2 sizes on the CPU, plus NumPy for matmul and add.
    assert len(frame) == 3 * 2 + 2 * 2
    assert seen == [(i, 10) for i in range(1, 11)]
    assert (frame["status"] == "ok").all(), frame[["op", "message"]]
    assert (frame["median_s"] > 0).all() and (frame["iqr_s"] >= 0).all()
    assert set(frame["device"]) == {"cpu", machine.NUMPY}
    cpu = frame[frame["device"] == "cpu"]
    assert (cpu["speedup_vs_cpu"] == 1.0).all() and (cpu["threads"] == 1).all()
    numpy = frame[frame["device"] == machine.NUMPY]
    assert numpy["threads"].isna().all()
    expected = [
        cpu[(cpu.op == r.op) & (cpu["size"] == r.size)]["median_s"].iloc[0] / r.median_s
        for r in numpy.itertuples()
    ]
    assert numpy["speedup_vs_cpu"].tolist() == pytest.approx(expected)


@pytest.mark.parametrize("op", ["matmul", "conv2d_mnist", "conv2d_large", "add", "mul", "sum"])
def test_flop_count_matches_torch_counter_where_it_counts(op):
    n = 6
    fn, inputs = ops.OPS[op].make(n, torch.float32, torch.device("cpu"), DigitCNN)
    with FlopCounterMode(display=False) as counter:
        fn(*inputs)
    counted = counter.get_total_flops()
    if counted:  # matmul and convolutions: torch's own FLOP counter is the oracle
        assert ops.OPS[op].flops(n) == counted
    else:  # elementwise ops and reductions: one FLOP per element of the (n, n) input
        assert ops.OPS[op].flops(n) == n * n


def test_train_step_flops_are_the_cnn_forward_and_backward():
    model = DigitCNN()
    x = torch.zeros(3, 1, 28, 28)
    with FlopCounterMode(display=False) as counter:
        F.cross_entropy(model(x), torch.zeros(3, dtype=torch.long)).backward()
    cell = grid.Cell("train_step", "cpu", "float32", 3, 1)
    assert ops.cell_flops(cell, DigitCNN) == pytest.approx(counter.get_total_flops())


def test_gflops_and_gbps_are_the_counts_over_the_median_time():
    frame = run.run_sweep(tiny(ops=("matmul", "add", "train_step"), sizes=(8,)))
    for row in frame.itertuples():
        cell = grid.Cell(row.op, row.device, row.dtype, row.size, row.threads)
        assert row.gflops == pytest.approx(ops.cell_flops(cell) / row.median_s / 1e9)
    matmul = frame[frame.op == "matmul"].iloc[0]
    assert matmul.gflops == pytest.approx(2 * 8**3 / matmul.median_s / 1e9)
    assert matmul.gbps == pytest.approx(3 * 8 * 8 * 4 / matmul.median_s / 1e9)
    add = frame[frame.op == "add"].iloc[0]
    assert add.gflops == pytest.approx(8 * 8 / add.median_s / 1e9)
    assert math.isnan(frame[frame.op == "train_step"].iloc[0].gbps)


def test_the_step_of_train_step_really_trains():
    step, (x, y) = ops.OPS["train_step"].make(16, torch.float32, torch.device("cpu"), DigitCNN)
    before = [p.detach().clone() for p in step.__closure__[0].cell_contents.parameters()]
    step(x, y)
    after = list(step.__closure__[0].cell_contents.parameters())
    assert any(not torch.equal(b, a) for b, a in zip(before, after))


def _failing(error: Exception):
    real = ops.OPS["sum"].make

    def make(n, dtype, device, factory):
        if n == 8:
            raise error
        return real(n, dtype, device, factory)

    return make


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (NotImplementedError("\"addmm\" not implemented for 'Half'"), "unsupported"),
        (torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2 GiB"), "oom"),
        (MemoryError(), "oom"),
        (RuntimeError("something else broke"), "error"),
    ],
)
def test_a_failing_cell_is_a_row_and_the_sweep_goes_on(monkeypatch, error, status):
    spec = dataclasses.replace(ops.OPS["sum"], make=_failing(error))
    monkeypatch.setitem(ops.OPS, "sum", spec)
    frame = run.run_sweep(tiny(ops=("sum", "add"), sizes=(4, 8, 16)))
    failed = frame[frame["status"] != "ok"]
    assert failed[["op", "size", "status"]].values.tolist() == [["sum", 8, status]]
    assert type(error).__name__ in failed["message"].iloc[0]
    assert math.isnan(failed["median_s"].iloc[0]) and math.isnan(failed["gflops"].iloc[0])
    assert (frame[frame["status"] == "ok"]["median_s"] > 0).sum() == 5


def test_adaptive_autorange_is_an_option():
    frame = run.run_sweep(tiny(ops=("add",), sizes=(4,), adaptive=True))
    assert frame["status"].tolist() == ["ok"] and frame["runs"].iloc[0] >= 3


def test_an_unwritable_lock_folder_still_runs(monkeypatch, tmp_path):
    monkeypatch.setenv(lock.LOCK_ENV, str(tmp_path / "missing" / "bench.lock"))
    assert (run.run_sweep(tiny(ops=("add",)))["status"] == "ok").all()


def test_thread_counts_are_used_and_restored(monkeypatch):
    original = torch.get_num_threads()
    seen = []

    def make(n, dtype, device, factory):
        def fn(x):
            seen.append(torch.get_num_threads())
            return x.sum()

        return fn, (torch.ones(n, n),)

    monkeypatch.setitem(ops.OPS, "sum", dataclasses.replace(ops.OPS["sum"], make=make))
    frame = run.run_sweep(tiny(ops=("sum",), sizes=(4,), threads=(1, 2)))
    assert frame["threads"].tolist() == [1, 2]
    assert {1, 2} <= set(seen)
    assert torch.get_num_threads() == original


def test_threads_are_restored_when_the_sweep_is_interrupted():
    original = torch.get_num_threads()

    def stop(done, total, cell):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run.run_sweep(tiny(ops=("add",), threads=(1,)), progress=stop)
    assert torch.get_num_threads() == original
    assert not lock.is_busy()


def test_runs_in_one_process_wait_for_each_other():
    release, holding = threading.Event(), threading.Event()
    waits, finished = [], []

    def first():
        with lock.exclusive():
            holding.set()
            release.wait(10)

    def second():
        finished.append(run.run_sweep(tiny(ops=("add",)), on_wait=lambda: waits.append(1)))

    holder = threading.Thread(target=first)
    holder.start()
    holding.wait(10)
    assert lock.is_busy()
    waiter = threading.Thread(target=second)
    waiter.start()
    time.sleep(0.3)
    assert waits == [1] and not finished, "the second run must wait and say so"
    release.set()
    holder.join(10)
    waiter.join(30)
    assert len(finished) == 1 and (finished[0]["status"] == "ok").all()
    assert not lock.is_busy()


def test_a_run_in_another_process_is_waited_for(tmp_path):
    lock_file = lock.default_lock_path()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, sys; f = open(sys.argv[1], 'a+'); fcntl.flock(f, fcntl.LOCK_EX); "
            "print('locked', flush=True); sys.stdin.readline()",
            str(lock_file),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert lock.is_busy()
        waits, finished = [], []
        runner = threading.Thread(
            target=lambda: finished.append(
                run.run_sweep(tiny(ops=("add",)), on_wait=lambda: waits.append(1))
            )
        )
        runner.start()
        time.sleep(0.3)
        assert waits == [1] and not finished
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(10)
    runner.join(30)
    assert len(finished) == 1
    assert not lock.is_busy()


def test_bad_input_is_a_clear_error():
    with pytest.raises(ExplainerError, match="unknown op"):
        grid.plan(tiny(ops=("fft",)))
    with pytest.raises(ExplainerError, match="unknown dtype"):
        grid.plan(tiny(dtypes=("int8",)))
    with pytest.raises(ExplainerError, match="not available on this machine"):
        grid.plan(tiny(devices=("cuda",)))
    with pytest.raises(ExplainerError, match="positive"):
        grid.plan(tiny(sizes=(0,)))


def test_plan_covers_the_grid_and_skips_what_does_not_apply():
    cells = grid.plan(
        grid.BenchConfig(
            ops=("matmul", "sum"),
            sizes=(4,),
            dtypes=("float32", "bfloat16", "tf32"),
            threads=(1, 2),
        )
    )
    # tf32 is CUDA only; NumPy has no bfloat16 and no sum.
    assert {c.dtype for c in cells} == {"float32", "bfloat16"}
    numpy = [c for c in cells if c.device == machine.NUMPY]
    assert [(c.op, c.dtype) for c in numpy] == [("matmul", "float32")]
    assert len([c for c in cells if c.device == "cpu"]) == 2 * 2 * 2


# ---------------------------------------------------------------------------------------------
# CUDA, mocked: this machine has no GPU, so "cuda:0" is served by the CPU with CUDA calls recorded


@pytest.fixture
def fake_cuda(monkeypatch):
    calls = {"sync": [], "device": None, "precision": []}
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 1)
    monkeypatch.setattr(torch.cuda, "get_device_name", lambda device=None: "Fake GPU")
    monkeypatch.setattr(torch.cuda, "synchronize", lambda device=None: calls["sync"].append(device))
    monkeypatch.setattr(torch.cuda, "empty_cache", lambda: None)

    def torch_device(name):
        calls["device"] = name
        return torch.device("cpu")

    monkeypatch.setattr(timing, "torch_device", torch_device)
    return calls


def test_cuda_devices_are_found_and_named(fake_cuda):
    assert grid.resolve_devices(("cuda",)) == ("cuda:0",)
    assert grid.resolve_devices(("all",)) == ("cpu", "cuda:0")
    assert grid.resolve_devices(("cpu", "cuda:0", "all")) == ("cpu", "cuda:0")
    with pytest.raises(ExplainerError, match="cuda:3"):
        grid.resolve_devices(("cuda:3",))
    assert machine.device_name("cuda:0") == "Fake GPU"


def test_apple_mps_is_found_and_synchronised(monkeypatch):
    synced = []
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: True)
    monkeypatch.setattr(torch.mps, "synchronize", lambda: synced.append("mps"))
    assert grid.resolve_devices(("all",)) == ("cpu", "mps")
    timing.synchronize("mps")
    timing.synchronize("cpu")
    assert synced == ["mps"]
    assert machine.device_name("mps") == "Apple GPU (MPS)"


def test_a_sweep_with_a_gpu_adds_larger_default_sizes(fake_cuda):
    cpu_only = {c.size for c in grid.plan(grid.BenchConfig(ops=("matmul",)))}
    assert cpu_only == set(ops.OPS["matmul"].default_sizes)
    with_gpu = grid.plan(grid.BenchConfig(ops=("matmul",), devices=("all",)))
    assert {c.size for c in with_gpu} == cpu_only | set(ops.GPU_EXTRA_SIZES["matmul"])
    assert {(c.device, c.size) for c in with_gpu if c.size == 8192} == {
        ("cpu", 8192),
        (machine.NUMPY, 8192),
        ("cuda:0", 8192),
    }


def test_fake_cuda_run_synchronises_reports_oom_as_a_cell_and_goes_on(fake_cuda, monkeypatch):
    spec = ops.OPS["matmul"]
    precision = torch.backends.cuda.matmul.fp32_precision

    def make(n, dtype, device, factory):
        fake_cuda["precision"].append(torch.backends.cuda.matmul.fp32_precision)
        if fake_cuda["device"] == "cuda:0" and n == 16:
            raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 64.00 GiB")
        return spec.make(n, dtype, device, factory)

    monkeypatch.setitem(ops.OPS, "matmul", dataclasses.replace(spec, make=make))
    frame = run.run_sweep(
        tiny(ops=("matmul",), sizes=(4, 8, 16), devices=("all",), dtypes=("float32", "tf32"))
    )
    gpu = frame[frame["device"] == "cuda:0"]
    assert len(gpu) == 6 and set(gpu["dtype"]) == {"float32", "tf32"}
    assert set(gpu["device_name"]) == {"Fake GPU"}
    assert gpu[gpu["size"] == 16]["status"].tolist() == ["oom", "oom"]
    assert (gpu[gpu["size"] < 16]["status"] == "ok").all()
    assert gpu["threads"].isna().all()
    # GPU rows compare with the CPU at the same size (tf32 with the CPU's float32).
    ok = gpu[gpu["status"] == "ok"]
    assert ok["speedup_vs_cpu"].notna().all()
    assert (frame[frame["device"] == "cpu"]["status"] == "ok").all()
    assert fake_cuda["sync"] and set(fake_cuda["sync"]) == {"cuda:0"}, "timers must synchronise"
    assert {"ieee", "tf32"} <= set(fake_cuda["precision"]), "TF32 switched off and on"
    assert torch.backends.cuda.matmul.fp32_precision == precision, "TF32 setting restored"
    assert set(verdict.crossovers(frame)["dtype"]) == {"float32", "tf32"}


def test_fake_cuda_with_the_copy_and_the_training_step(fake_cuda):
    config = tiny(ops=("train_step", "add"), sizes=(4,), devices=("cuda",), include_copy=True)
    frame = run.run_sweep(config)
    assert (frame["status"] == "ok").all(), frame["message"].tolist()
    assert frame["copy"].all() and (frame["device"] == "cuda:0").all()


# ---------------------------------------------------------------------------------------------
# What a result means


def frame_of(speedups: dict[tuple[str, int], float]) -> pd.DataFrame:
    """A hand-made result set (for the logic only): CPU at 1 s, the GPU at 1/speedup s."""
    rows = []
    for (op, size), speedup in speedups.items():
        for device, median in (("cpu", 1.0), ("cuda:0", 1.0 / speedup)):
            rows.append(
                dict(op=op, device=device, device_name="", dtype="float32", size=size)
                | dict(threads=4 if device == "cpu" else None, copy=False, median_s=median)
                | dict(iqr_s=0.0, runs=10, gflops=1.0, gbps=1.0, status="ok", message="")
            )
    return verdict.add_speedup(pd.DataFrame(rows))


def test_crossover_is_where_the_gpu_starts_to_win_for_good():
    frame = frame_of(
        {("matmul", 16): 0.5, ("matmul", 64): 0.9, ("matmul", 256): 2, ("matmul", 1024): 8}
    )
    frame = pd.concat([frame, frame_of({("add", 16): 0.5, ("add", 64): 2, ("add", 256): 0.8})])
    table = verdict.crossovers(frame).set_index("op")
    assert table.loc["matmul", "crossover"] == 256
    assert table.loc["matmul", "max_speedup"] == pytest.approx(8)
    assert math.isnan(table.loc["add", "crossover"])


@pytest.mark.parametrize(
    ("ratio", "key"), [(45, "holds"), (60, "holds"), (15, "order"), (3, "faster"), (0.5, "slower")]
)
def test_verdict_on_the_chapters_claim(ratio, key):
    frame = frame_of({("train_step", 256): ratio, ("matmul", 4096): 100.0})
    claim = verdict.claim_verdict(frame)
    assert claim.key == key
    assert claim.op == "train_step", "a measured training step decides"
    assert claim.ratio == pytest.approx(ratio) and claim.size == 256


def test_verdict_without_a_gpu_or_a_training_step():
    cpu_only = run.run_sweep(tiny(ops=("add",)))
    assert verdict.claim_verdict(cpu_only).key == "no_gpu"
    claim = verdict.claim_verdict(frame_of({("matmul", 1024): 12.0, ("matmul", 64): 0.3}))
    assert (claim.key, claim.op, claim.size) == ("order", "matmul", 1024)


def test_reference_loads_with_its_machine_and_date(tmp_path, monkeypatch):
    monkeypatch.setattr(reference, "REFERENCE_CSV", tmp_path / "missing.csv")
    assert reference.load_reference() is None
    path = tmp_path / "ref.csv"
    frame = frame_of({("matmul", 1024): 30.0})
    frame.to_csv(path, index=False)
    record = {"date": "2026-01-02T03:04:05+00:00", "devices": {"cpu": "X", "cuda:0": "GPU Y"}}
    record["machine"] = {"cpu": "x86_64, 8 logical cores"}
    reference.sidecar_path(path).write_text(json.dumps(record))
    loaded = reference.load_reference(path)
    assert loaded.date == record["date"]
    assert loaded.machine == "GPU Y, x86_64, 8 logical cores"
    assert loaded.frame["speedup_vs_cpu"].max() == pytest.approx(30.0)
    assert verdict.claim_verdict(loaded.frame).key == "order"
