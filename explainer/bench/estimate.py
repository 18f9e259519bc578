"""An honest estimate for a GPU that is not here: the roofline model over its datasheet figures.

A kernel can finish no sooner than its FLOPs allow at the chip's peak rate, no sooner than its bytes
allow at the memory's bandwidth, and no sooner than one launch from Python takes. The estimate is the
largest of the three: a lower bound on the time, so a real GPU is at best this fast. The figures
come from the vendors' datasheets (``explainer/assets/gpu_specs.json``, each with its source);
every estimated row says so (``status="estimate"``, ``source="datasheet estimate"``) and is never
counted as a measurement.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from explainer.bench.grid import Cell
from explainer.bench.ops import ModelFactory, cell_bytes, cell_flops
from explainer.bench.timing import COLUMNS

SPECS_PATH = Path(__file__).resolve().parents[1] / "assets" / "gpu_specs.json"
SOURCE = "datasheet estimate"
STATUS = "estimate"
ESTIMATE_COLUMNS = [*COLUMNS, "source", "seconds", "peak_gflops", "bandwidth_gbs", "bound"]
TENSOR_OPS = ("matmul", "conv2d_mnist", "conv2d_large", "train_step")  # tensor cores apply
# Kernel launches per run of each op; the training step of the digit CNN launches about 30
# (forward, loss, backward of two convs and two linear layers, the optimizer): an assumption.
LAUNCHES = {"train_step": 30}


@dataclass(frozen=True)
class GpuSpec:
    """One GPU's datasheet figures (TFLOP/s, GB/s; ``None``: not given) and where they come from."""

    name: str
    note: str
    fp32_tflops: float
    tf32_tflops: float | None
    fp16_tflops: float | None
    bandwidth_gbs: float
    source: str
    url: str

    def peak_gflops(self, op: str, dtype: str) -> float:
        """The peak that applies: tensor-core TF32/fp16 for matmul-like ops where given, else fp32."""
        tensor = {"tf32": self.tf32_tflops, "float16": self.fp16_tflops}
        tensor["bfloat16"] = self.fp16_tflops
        peak = tensor.get(dtype) if op in TENSOR_OPS else None
        return (peak or self.fp32_tflops) * 1e3


@lru_cache(maxsize=2)
def load_specs(path: Path = SPECS_PATH) -> tuple[tuple[GpuSpec, ...], float]:
    """The datasheet GPUs and the stated per-launch overhead in seconds."""
    record = json.loads(path.read_text(encoding="utf-8"))
    return tuple(GpuSpec(**gpu) for gpu in record["gpus"]), float(record["launch_overhead_s"])


@dataclass(frozen=True)
class Estimate:
    """The three lower bounds of one op on one GPU, and the largest of them (``seconds``)."""

    compute_s: float  # FLOPs / peak
    memory_s: float  # bytes / bandwidth (NaN where bytes are not counted)
    launch_s: float  # launches x overhead
    peak_gflops: float

    @property
    def seconds(self) -> float:
        return max(t for t in (self.compute_s, self.memory_s, self.launch_s) if not math.isnan(t))

    @property
    def bound(self) -> str:
        """Which limit decides: ``compute``, ``memory`` or ``launch``."""
        times = {"compute": self.compute_s, "memory": self.memory_s, "launch": self.launch_s}
        return max((t, k) for k, t in times.items() if not math.isnan(t))[1]


def estimate_cell(
    cell: Cell, gpu: GpuSpec, overhead_s: float, model_factory: ModelFactory | None = None
) -> Estimate:
    """The roofline estimate of one cell's op on ``gpu``."""
    peak = gpu.peak_gflops(cell.op, cell.dtype)
    flops, moved = cell_flops(cell, model_factory), cell_bytes(cell)
    return Estimate(
        compute_s=flops / (peak * 1e9),
        memory_s=moved / (gpu.bandwidth_gbs * 1e9),
        launch_s=LAUNCHES.get(cell.op, 1) * overhead_s,
        peak_gflops=peak,
    )


def estimate_rows(
    frame: pd.DataFrame,
    specs: tuple[GpuSpec, ...] | None = None,
    overhead_s: float | None = None,
    model_factory: ModelFactory | None = None,
) -> pd.DataFrame:
    """One estimated row per GPU for every (op, dtype, size) measured on the CPU, with speedups.

    ``speedup_vs_cpu`` is the fastest measured CPU time over the estimate (an upper bound on the
    real speedup, since the estimate is a lower bound on the time).
    """
    loaded, overhead = load_specs()
    specs, overhead_s = specs or loaded, overhead if overhead_s is None else overhead_s
    cpu = frame[(frame["device"] == "cpu") & (frame["status"] == "ok")]
    best = cpu.groupby(["op", "dtype", "size"], sort=False)["median_s"].min()
    rows = []
    for (op, dtype, size), cpu_s in best.items():
        cell = Cell(str(op), "estimate", str(dtype), int(size), None)
        for gpu in specs:
            found = estimate_cell(cell, gpu, overhead_s, model_factory)
            seconds = found.seconds
            rows.append(
                {
                    "op": op,
                    "device": gpu.name,
                    "device_name": f"{gpu.name} ({SOURCE})",
                    "dtype": dtype,
                    "size": int(size),
                    "threads": None,
                    "copy": False,
                    "median_s": seconds,
                    "iqr_s": math.nan,
                    "runs": 0,
                    "gflops": cell_flops(cell, model_factory) / seconds / 1e9,
                    "gbps": cell_bytes(cell) / seconds / 1e9,
                    "speedup_vs_cpu": float(cpu_s) / seconds,
                    "status": STATUS,
                    "message": f"{gpu.source}: {gpu.url}",
                    "source": SOURCE,
                    "seconds": seconds,
                    "peak_gflops": found.peak_gflops,
                    "bandwidth_gbs": gpu.bandwidth_gbs,
                    "bound": found.bound,
                }
            )
    return pd.DataFrame(rows, columns=ESTIMATE_COLUMNS)


def is_estimate(frame: pd.DataFrame) -> pd.Series:
    """Which rows are datasheet estimates, not measurements."""
    return frame["status"] == STATUS
