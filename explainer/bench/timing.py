"""Timing one cell of the grid with :mod:`torch.utils.benchmark`.

Every time comes from a ``Timer`` with an explicit ``num_threads`` (``blocked_autorange`` or
``adaptive_autorange``, which warm up; its clock synchronises accelerators), never from a
hand-written timing loop. A cell that fails (out of memory, a dtype or op a device does not
support) is a row with a status instead of an exception.
"""

from __future__ import annotations

import math
import timeit
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import torch
from torch.utils import benchmark

from explainer import machine, perf
from explainer.bench.grid import BenchConfig, Cell
from explainer.bench.ops import (
    DTYPES,
    NUMPY_DTYPES,
    OPS,
    Built,
    ModelFactory,
    cell_bytes,
    cell_flops,
    default_model_factory,
    make_train_step,
)
from explainer.machine import NUMPY

# One row per cell; ``speedup_vs_cpu`` is added once the whole sweep is measured.
COLUMNS = [
    "op",
    "device",
    "device_name",
    "dtype",
    "size",
    "threads",
    "copy",
    "median_s",
    "iqr_s",
    "runs",
    "gflops",
    "gbps",
    "speedup_vs_cpu",
    "status",
    "message",
]


def torch_device(name: str) -> torch.device:
    """The torch device where a cell's tensors live (tests point ``cuda:N`` at the CPU)."""
    return torch.device(name)


def synchronize(name: str) -> None:
    """Wait for the device's queued work, so a timer reads the end of the work, not its launch."""
    if name.startswith("cuda"):
        torch.cuda.synchronize(name)
    elif name == "mps":
        torch.mps.synchronize()


def _clock(name: str) -> Callable[[], float]:
    def clock() -> float:
        synchronize(name)
        return timeit.default_timer()

    return clock


@contextmanager
def _precision(cell: Cell) -> Iterator[None]:
    """TF32 on for the ``tf32`` pseudo-dtype and off for float32, on CUDA; restored afterwards."""
    if not cell.device.startswith("cuda"):
        yield
        return
    mode = "tf32" if cell.dtype == "tf32" else "ieee"
    matmul, conv = torch.backends.cuda.matmul, torch.backends.cudnn.conv
    before = (matmul.fp32_precision, conv.fp32_precision)
    matmul.fp32_precision = conv.fp32_precision = mode
    try:
        yield
    finally:
        matmul.fp32_precision, conv.fp32_precision = before


def _is_oom(error: BaseException) -> bool:
    return isinstance(error, (torch.OutOfMemoryError, MemoryError)) or (
        "out of memory" in str(error).lower()
    )


def _is_unsupported(error: BaseException) -> bool:
    text = str(error).lower()
    return isinstance(error, NotImplementedError) or any(
        phrase in text for phrase in ("not implemented", "not supported", "unsupported")
    )


def _build(cell: Cell, model_factory: ModelFactory | None) -> tuple[Built, torch.device]:
    spec = OPS[cell.op]
    if cell.device == NUMPY:
        return spec.numpy(cell.size, NUMPY_DTYPES[cell.dtype]), torch.device("cpu")  # type: ignore[misc]
    device = torch_device(cell.device)
    factory = model_factory or (default_model_factory() if cell.op == "train_step" else None)
    inputs_on = torch.device("cpu") if cell.copy else device
    if cell.op == "train_step" and cell.copy:
        built = _make_train_step_on(cell.size, DTYPES[cell.dtype], device, inputs_on, factory)
    else:
        built = spec.make(cell.size, DTYPES[cell.dtype], inputs_on, factory)  # type: ignore[arg-type]
    return built, device


def _make_train_step_on(
    n: int,
    dtype: torch.dtype,
    device: torch.device,
    inputs_on: torch.device,
    factory: ModelFactory | None,
) -> Built:
    step, (x, y) = make_train_step(n, dtype, device, factory)  # type: ignore[arg-type]
    return step, (x.to(inputs_on), y.to(inputs_on))


def measure_cell(
    cell: Cell, config: BenchConfig, model_factory: ModelFactory | None = None
) -> dict[str, Any]:
    """Time one cell with ``torch.utils.benchmark``; failures become the row's status and message."""
    row: dict[str, Any] = {
        "op": cell.op,
        "device": cell.device,
        "device_name": machine.device_name(cell.device),
        "dtype": cell.dtype,
        "size": cell.size,
        "threads": cell.threads,
        "copy": cell.copy,
        "median_s": math.nan,
        "iqr_s": math.nan,
        "runs": 0,
        "gflops": math.nan,
        "gbps": math.nan,
        "status": "ok",
        "message": "",
    }
    built = None
    try:
        with perf.torch_threads(cell.threads), _precision(cell):
            built, device = _build(cell, model_factory)
            fn, inputs = built
            stmt = "fn(*[x.to(device) for x in inputs])" if cell.copy else "fn(*inputs)"
            timer = benchmark.Timer(
                stmt=stmt,
                globals={"fn": fn, "inputs": inputs, "device": device},
                timer=_clock(cell.device),
                num_threads=cell.threads or torch.get_num_threads(),
                label=cell.op,
                description=cell.device,
            )
            if config.adaptive:
                measurement = timer.adaptive_autorange(
                    min_run_time=config.min_run_time, max_run_time=config.max_run_time
                )
            else:
                measurement = timer.blocked_autorange(min_run_time=config.min_run_time)
        median = float(measurement.median)
        row.update(
            median_s=median,
            iqr_s=float(measurement.iqr),
            runs=len(measurement.times),
            gflops=cell_flops(cell, model_factory) / median / 1e9,
            gbps=cell_bytes(cell) / median / 1e9,
        )
    except Exception as error:  # noqa: BLE001 - every failure is a reported cell, the sweep goes on
        kind = "oom" if _is_oom(error) else "unsupported" if _is_unsupported(error) else "error"
        first_line = (str(error).strip().splitlines() or ["(no message)"])[0][:300]
        row.update(status=kind, message=f"{type(error).__name__}: {first_line}")
    finally:
        del built
        if cell.device.startswith("cuda"):
            try:
                torch.cuda.empty_cache()
            except Exception:  # noqa: BLE001, S110 - best effort after an OOM
                pass
    return row
