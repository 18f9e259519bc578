"""What a benchmark run measures: its settings (:class:`BenchConfig`) and their grid of cells, one
per op x dtype x size x device x CPU thread count, in the order they run."""

from __future__ import annotations

from dataclasses import dataclass

import torch

from explainer import machine
from explainer.bench.ops import DEFAULT_OPS, DTYPES, GPU_EXTRA_SIZES, NUMPY_DTYPES, OPS
from explainer.errors import ExplainerError
from explainer.machine import NUMPY


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
