"""Tensors and speed: a careful benchmark of tensor operations on every device this machine has.

Every time comes from :mod:`torch.utils.benchmark` (``Timer`` with an explicit ``num_threads``;
``blocked_autorange`` or ``adaptive_autorange``, which warm up and synchronise accelerators), never
from a hand-written timing loop. A sweep is one grid of cells (op x dtype x size x device x CPU
threads); each cell becomes one row of a pandas DataFrame, and a cell that fails (out of memory, a
dtype or op a device does not support) is a row with a status instead of an exception.

Runs are serialised: one at a time per process (app sessions are threads) and per machine (a file
lock, so two apps or a CLI run do not distort each other's times).
"""

from __future__ import annotations

import math
import os
import platform
import tempfile
import threading
import timeit
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils import benchmark

from explainer import i18n, machine
from explainer.errors import ExplainerError
from explainer.model import DigitCNN, seeded

try:  # POSIX only; elsewhere runs are serialised within one process only
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


ModelFactory = Callable[[], nn.Module]
Progress = Callable[[int, int, "Cell"], None]

NUMPY = "numpy"  # the NumPy baseline, shown as one more "device"
DTYPES: dict[str, torch.dtype] = {
    "float32": torch.float32,
    "tf32": torch.float32,  # float32 storage, TensorFloat-32 matmul/conv: CUDA only
    "float16": torch.float16,
    "bfloat16": torch.bfloat16,
}
NUMPY_DTYPES = {"float32": np.float32, "float16": np.float16}
CLAIM_LOW, CLAIM_HIGH = 40.0, 50.0  # the chapter: a GPU is "usually 40-50x" faster
ASSETS = Path(__file__).resolve().parent / "assets"
REFERENCE_CSV = ASSETS / "bench_reference_gpu.csv"
REFERENCE_COMMAND = (
    "python -m explainer bench --device all --csv explainer/assets/bench_reference_gpu.csv"
)
LOCK_ENV = "EXPLAINER_BENCH_LOCK"
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


# ---------------------------------------------------------------------------------------------
# The operations


Built = tuple[Callable[..., Any], tuple[Any, ...]]


@dataclass(frozen=True)
class OpSpec:
    """One operation: what ``size`` means, its FLOP and byte counts, and how to build it."""

    name: str
    shape: str  # what the size n means, shown to users
    default_sizes: tuple[int, ...]
    flops: Callable[[int], float] | None  # None: counted from the model (training step)
    elements_moved: Callable[[int], float] | None  # read + written elements; None: not meaningful
    make: Callable[[int, torch.dtype, torch.device, ModelFactory], Built]
    numpy: Callable[[int, Any], Built] | None = None


def _randn(*shape: int, dtype: torch.dtype, device: torch.device, seed: int = 0) -> torch.Tensor:
    generator = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=generator).to(device=device, dtype=dtype)


def _np_pair(n: int, dtype: Any) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    return rng.standard_normal((n, n)).astype(dtype), rng.standard_normal((n, n)).astype(dtype)


def _make_matmul(n: int, dtype: torch.dtype, device: torch.device, _: ModelFactory) -> Built:
    a, b = (
        _randn(n, n, dtype=dtype, device=device),
        _randn(n, n, dtype=dtype, device=device, seed=1),
    )
    return torch.matmul, (a, b)  # (n, n) @ (n, n)


def _make_binary(fn: Callable[..., torch.Tensor]) -> Callable[..., Built]:
    def make(n: int, dtype: torch.dtype, device: torch.device, _: ModelFactory) -> Built:
        a = _randn(n, n, dtype=dtype, device=device)
        return fn, (a, _randn(n, n, dtype=dtype, device=device, seed=1))

    return make


def _make_unary(fn: Callable[[torch.Tensor], torch.Tensor]) -> Callable[..., Built]:
    def make(n: int, dtype: torch.dtype, device: torch.device, _: ModelFactory) -> Built:
        return fn, (_randn(n, n, dtype=dtype, device=device),)

    return make


MNIST_FILTERS, LARGE_CHANNELS = 32, 64


def _make_conv_mnist(n: int, dtype: torch.dtype, device: torch.device, _: ModelFactory) -> Built:
    x = _randn(n, 1, 28, 28, dtype=dtype, device=device)  # (N, 1, 28, 28): a batch of digits
    weight = _randn(MNIST_FILTERS, 1, 3, 3, dtype=dtype, device=device, seed=1)
    return (lambda x, w: F.conv2d(x, w, padding=1)), (x, weight)


def _make_conv_large(n: int, dtype: torch.dtype, device: torch.device, _: ModelFactory) -> Built:
    x = _randn(1, LARGE_CHANNELS, n, n, dtype=dtype, device=device)  # (1, 64, n, n)
    weight = _randn(LARGE_CHANNELS, LARGE_CHANNELS, 3, 3, dtype=dtype, device=device, seed=1)
    return (lambda x, w: F.conv2d(x, w, padding=1)), (x, weight)


def _make_train_step(
    n: int, dtype: torch.dtype, device: torch.device, model_factory: ModelFactory
) -> Built:
    """One full step: forward, cross-entropy, backward, SGD update, on a batch of ``n`` digits."""
    with seeded(0):  # the same weights every time, other sessions' RNG untouched
        model = model_factory()
    model = model.to(device=device, dtype=dtype).train()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    x = _randn(n, 1, 28, 28, dtype=dtype, device=device)  # (N, 1, 28, 28)
    y = (torch.arange(n) % 10).to(device)  # (N,)

    def step(x: torch.Tensor, y: torch.Tensor) -> None:
        optimizer.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()

    return step, (x, y)


OPS: dict[str, OpSpec] = {
    spec.name: spec
    for spec in (
        OpSpec(
            "matmul",
            "(n, n) @ (n, n)",
            (64, 256, 1024),
            lambda n: 2.0 * n**3,
            lambda n: 3.0 * n * n,
            _make_matmul,
            lambda n, d: (np.matmul, _np_pair(n, d)),
        ),
        OpSpec(
            "conv2d_mnist",
            "conv2d 3x3, 1 -> 32 channels, batch of n 28x28 digits",
            (1, 64, 512),
            lambda n: 2.0 * n * MNIST_FILTERS * 28 * 28 * 9,
            lambda n: n * 28 * 28 + MNIST_FILTERS * 9 + n * MNIST_FILTERS * 28 * 28,
            _make_conv_mnist,
        ),
        OpSpec(
            "conv2d_large",
            "conv2d 3x3, 64 -> 64 channels, one n x n image",
            (28, 112),
            lambda n: 2.0 * LARGE_CHANNELS * LARGE_CHANNELS * 9 * n * n,
            lambda n: 2 * LARGE_CHANNELS * n * n + LARGE_CHANNELS * LARGE_CHANNELS * 9,
            _make_conv_large,
        ),
        OpSpec(
            "add",
            "(n, n) + (n, n)",
            (256, 1024, 4096),
            lambda n: float(n * n),
            lambda n: 3.0 * n * n,
            _make_binary(torch.add),
            lambda n, d: (np.add, _np_pair(n, d)),
        ),
        OpSpec(
            "mul",
            "(n, n) * (n, n)",
            (256, 1024, 4096),
            lambda n: float(n * n),
            lambda n: 3.0 * n * n,
            _make_binary(torch.mul),
            lambda n, d: (np.multiply, _np_pair(n, d)),
        ),
        OpSpec(
            "sum",
            "sum of all n x n elements",
            (256, 1024, 4096),
            lambda n: float(n * n),
            lambda n: float(n * n),
            _make_unary(torch.sum),
        ),
        OpSpec(
            "softmax",
            "softmax over the rows of (n, n); 5 FLOPs per element",
            (256, 1024),
            lambda n: 5.0 * n * n,  # max, subtract, exp, sum, divide
            lambda n: 2.0 * n * n,
            _make_unary(lambda x: torch.softmax(x, dim=-1)),
        ),
        OpSpec(
            "train_step",
            "one training step of the digit CNN on a batch of n",
            (16, 64, 256),
            None,
            None,
            _make_train_step,
        ),
    )
}
DEFAULT_OPS: tuple[str, ...] = tuple(OPS)
# Larger default sizes added when a GPU is in the sweep: where GPUs pull away from the CPU.
GPU_EXTRA_SIZES: dict[str, tuple[int, ...]] = {
    "matmul": (2048, 4096, 8192),
    "conv2d_mnist": (4096,),
    "conv2d_large": (224, 448),
    "add": (8192,),
    "mul": (8192,),
    "sum": (8192,),
    "softmax": (4096,),
    "train_step": (1024, 4096),
}


def default_model_factory() -> ModelFactory:
    """The project's CNN (``explainer.model.DigitCNN``)."""
    return DigitCNN


@lru_cache(maxsize=8)
def train_step_flops_per_sample(model_factory: ModelFactory) -> float:
    """FLOPs of one training step per digit (convolutions and matmuls, forward + backward)."""
    from torch.utils.flop_counter import FlopCounterMode

    with seeded(0):
        model = model_factory().train()
    x = torch.zeros(2, 1, 28, 28)
    with FlopCounterMode(display=False) as counter:
        F.cross_entropy(model(x), torch.zeros(2, dtype=torch.long)).backward()
    return counter.get_total_flops() / 2


# ---------------------------------------------------------------------------------------------
# Configuration and the grid of cells


@dataclass(frozen=True)
class BenchConfig:
    """What to measure. ``sizes=None``: each op's own default sizes; ``threads=None``: torch's."""

    ops: tuple[str, ...] = DEFAULT_OPS
    sizes: tuple[int, ...] | None = None
    devices: tuple[str, ...] = ("cpu",)
    dtypes: tuple[str, ...] = ("float32",)
    threads: tuple[int, ...] | None = None
    numpy_baseline: bool = True
    include_copy: bool = False  # time the host-to-device copy of the inputs too (accelerators)
    min_run_time: float = 0.1  # seconds of measurement per cell
    adaptive: bool = False  # adaptive_autorange instead of blocked_autorange
    max_run_time: float = 2.0  # adaptive_autorange's limit per cell, in seconds


@dataclass(frozen=True)
class Cell:
    """One measurement of the grid."""

    op: str
    device: str
    dtype: str
    size: int
    threads: int | None  # CPU threads; None where they do not apply (accelerators, NumPy)
    copy: bool = False


def resolve_devices(names: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Expand ``all``/``cuda`` to the devices present; a device that is absent is an error."""
    present = machine.accelerators()
    resolved: list[str] = []
    for name in names:
        if name == "all":
            wanted = present
        elif name == "cuda":
            wanted = [d for d in present if d.startswith("cuda:")]
            if not wanted:
                raise ExplainerError(_absent("cuda", present))
        elif name in present:
            wanted = [name]
        else:
            raise ExplainerError(_absent(name, present))
        resolved += [d for d in wanted if d not in resolved]
    return tuple(resolved)


def _absent(name: str, present: list[str]) -> str:
    build = f"CUDA {torch.version.cuda}" if torch.version.cuda else "CPU-only"
    return (
        f"device '{name}' is not available on this machine (devices here: {', '.join(present)}; "
        f"PyTorch {torch.__version__} is a {build} build); use --device cpu or --device all"
    )


def plan(config: BenchConfig) -> list[Cell]:
    """Every cell of the sweep, in the order it runs; bad ops, dtypes or devices are errors."""
    unknown = [op for op in config.ops if op not in OPS]
    if unknown:
        raise ExplainerError(f"unknown op {unknown[0]!r}; choose from {', '.join(OPS)}")
    bad = [d for d in config.dtypes if d not in DTYPES]
    if bad:
        raise ExplainerError(f"unknown dtype {bad[0]!r}; choose from {', '.join(DTYPES)}")
    if config.sizes is not None and any(s < 1 for s in config.sizes):
        raise ExplainerError("sizes must be positive integers")
    if config.threads is not None and any(t < 1 for t in config.threads):
        raise ExplainerError("thread counts must be positive integers")
    devices = resolve_devices(config.devices)
    threads = config.threads or (torch.get_num_threads(),)
    with_gpu = any(d != "cpu" for d in devices)
    cells: list[Cell] = []
    for op in config.ops:
        spec = OPS[op]
        for dtype in config.dtypes:
            extra = GPU_EXTRA_SIZES.get(op, ()) if with_gpu else ()
            for size in config.sizes or spec.default_sizes + extra:
                for device in devices:
                    if dtype == "tf32" and not device.startswith("cuda"):
                        continue
                    if device == "cpu":
                        cells += [Cell(op, device, dtype, size, t) for t in threads]
                        if config.numpy_baseline and spec.numpy and dtype in NUMPY_DTYPES:
                            cells.append(Cell(op, NUMPY, dtype, size, None))
                    else:
                        cells.append(Cell(op, device, dtype, size, None, config.include_copy))
    return cells


# ---------------------------------------------------------------------------------------------
# Measuring one cell


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


def device_name(name: str) -> str:
    """A human name for a device: the GPU's model, the CPU's model, NumPy's version."""
    if name == NUMPY:
        return f"NumPy {np.__version__} (CPU)"
    if name.startswith("cuda"):
        try:
            return torch.cuda.get_device_name(name)
        except Exception:  # noqa: BLE001 - a name is only decoration
            return "CUDA GPU"
    if name == "mps":
        return "Apple GPU (MPS)"
    return _cpu_model()


@lru_cache(maxsize=1)
def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def cell_flops(cell: Cell, model_factory: ModelFactory | None = None) -> float:
    """The FLOP count of one run of the cell's op (the numerator of GFLOP/s)."""
    spec = OPS[cell.op]
    if spec.flops is not None:
        return spec.flops(cell.size)
    return train_step_flops_per_sample(model_factory or default_model_factory()) * cell.size


def cell_bytes(cell: Cell) -> float:
    """Bytes read and written by one run (the numerator of GB/s); NaN where not meaningful."""
    spec = OPS[cell.op]
    if spec.elements_moved is None:
        return math.nan
    element = torch.empty((), dtype=DTYPES[cell.dtype]).element_size()
    return spec.elements_moved(cell.size) * element


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
    step, (x, y) = _make_train_step(n, dtype, device, factory)  # type: ignore[arg-type]
    return step, (x.to(inputs_on), y.to(inputs_on))


def measure_cell(
    cell: Cell, config: BenchConfig, model_factory: ModelFactory | None = None
) -> dict[str, Any]:
    """Time one cell with ``torch.utils.benchmark``; failures become the row's status and message."""
    row: dict[str, Any] = {
        "op": cell.op,
        "device": cell.device,
        "device_name": device_name(cell.device),
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
    threads_before = torch.get_num_threads()
    built = None
    try:
        if cell.threads is not None:
            torch.set_num_threads(cell.threads)
        with _precision(cell):
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
        torch.set_num_threads(threads_before)
        del built
        if cell.device.startswith("cuda"):
            try:
                torch.cuda.empty_cache()
            except Exception:  # noqa: BLE001, S110 - best effort after an OOM
                pass
    return row


# ---------------------------------------------------------------------------------------------
# One run at a time


_PROCESS_LOCK = threading.Lock()


def default_lock_path() -> Path:
    """The machine-wide lock file (``$EXPLAINER_BENCH_LOCK`` or one in the temp folder)."""
    return Path(os.environ.get(LOCK_ENV) or Path(tempfile.gettempdir()) / "explainer-bench.lock")


@contextmanager
def exclusive(
    lock_path: Path | None = None, on_wait: Callable[[], None] | None = None
) -> Iterator[None]:
    """Hold the benchmark for this run; if another run holds it, call ``on_wait`` once, then wait."""
    waited = False

    def waiting() -> None:
        nonlocal waited
        if not waited and on_wait is not None:
            on_wait()
        waited = True

    if not _PROCESS_LOCK.acquire(blocking=False):
        waiting()
        _PROCESS_LOCK.acquire()
    try:
        try:
            handle = open(lock_path or default_lock_path(), "a+")  # noqa: SIM115 - closed below
        except OSError:  # an unwritable temp folder: serialise within this process only
            handle = None
        try:
            if fcntl is not None and handle is not None:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    waiting()
                    fcntl.flock(handle, fcntl.LOCK_EX)
            yield
        finally:
            if handle is not None:
                handle.close()  # closing releases the flock
    finally:
        _PROCESS_LOCK.release()


def is_busy(lock_path: Path | None = None) -> bool:
    """Whether a benchmark is running now, in this process or another one on this machine."""
    if _PROCESS_LOCK.locked():
        return True
    if fcntl is None:
        return False
    path = lock_path or default_lock_path()
    try:
        with open(path, "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(handle, fcntl.LOCK_UN)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False


# ---------------------------------------------------------------------------------------------
# The sweep and what it means


def run_sweep(
    config: BenchConfig,
    progress: Progress | None = None,
    on_wait: Callable[[], None] | None = None,
    model_factory: ModelFactory | None = None,
    lock_path: Path | None = None,
) -> pd.DataFrame:
    """Measure every cell of ``config`` (one run at a time); one row per cell, speedups added."""
    cells = plan(config)
    rows: list[dict[str, Any]] = []
    with exclusive(lock_path, on_wait):
        threads_before = torch.get_num_threads()
        try:
            for index, cell in enumerate(cells):
                rows.append(measure_cell(cell, config, model_factory))
                if progress is not None:
                    progress(index + 1, len(cells), cell)
        finally:
            torch.set_num_threads(threads_before)
    return add_speedup(pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "speedup_vs_cpu"]))


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


# ---------------------------------------------------------------------------------------------
# Where a result came from; the shipped GPU reference


def run_record(config: BenchConfig) -> dict[str, Any]:
    """The machine and moment of a run, and its settings: stored next to every saved result."""
    english = partial(i18n.t, lang="en")  # the record's words, whatever the reader's language
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {fact.key: fact.text(english) for fact in machine.machine_facts()},
        "devices": {name: device_name(name) for name in machine.accelerators()},
        "config": asdict(config),
    }


def sidecar_path(csv_path: Path) -> Path:
    """``results.csv`` -> ``results.json``: the machine and date of a saved CSV."""
    return csv_path.with_suffix(".json")


@dataclass(frozen=True)
class Reference:
    """A saved result set with where and when it was measured."""

    frame: pd.DataFrame
    date: str
    machine: str


def load_reference(path: Path | None = None) -> Reference | None:
    """The shipped GPU reference (CSV + sidecar JSON) if it has been recorded, else None."""
    path = path or REFERENCE_CSV
    if not path.exists():
        return None
    frame = pd.read_csv(path)
    date, where = "unknown date", "unknown machine"
    sidecar = sidecar_path(path)
    if sidecar.exists():
        import json

        record = json.loads(sidecar.read_text(encoding="utf-8"))
        date = record.get("date", date)
        gpus = [n for d, n in record.get("devices", {}).items() if d != "cpu"]
        cpu = record.get("machine", {}).get("cpu", "")
        where = ", ".join(gpus + ([cpu] if cpu else [])) or where
    elif "device_name" in frame:
        where = ", ".join(frame["device_name"].dropna().unique())
    return Reference(add_speedup(frame[[c for c in COLUMNS if c in frame]]), date, where)
