"""This CPU's own ceilings for the roofline: its matmul peak (GFLOP/s) and memory bandwidth (GB/s).

Both are measured with :mod:`torch.utils.benchmark`, like every other time here: a large float32
matmul for the peak, and a STREAM-like triad ``c = a + s * b`` over float32 tensors far larger than
any cache for the bandwidth (it reads two arrays and writes one: 12 bytes per element).
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch.utils import benchmark

from explainer import perf

PEAK_N = 2048  # (n, n) @ (n, n): 17 GFLOP, far past the size where a CPU's matmul levels off
TRIAD_ELEMENTS = 32 * 2**20  # 128 MiB per float32 array: far larger than any CPU cache


@dataclass(frozen=True)
class Ceilings:
    """The measured peak and bandwidth of one device at a thread count."""

    device: str
    threads: int
    peak_gflops: float
    bandwidth_gbs: float

    @property
    def ridge(self) -> float:
        """The arithmetic intensity (FLOP/byte) above which an op is compute-bound here."""
        return self.peak_gflops / self.bandwidth_gbs


def _median(stmt: str, values: dict, threads: int, min_run_time: float) -> float:
    timer = benchmark.Timer(stmt=stmt, globals=values, num_threads=threads)
    return float(timer.blocked_autorange(min_run_time=min_run_time).median)


def measure_ceilings(
    threads: int | None = None,
    n: int = PEAK_N,
    elements: int = TRIAD_ELEMENTS,
    min_run_time: float = 0.2,
) -> Ceilings:
    """Measure this CPU's matmul GFLOP/s and triad GB/s with ``threads`` (default: torch's)."""
    threads = threads or torch.get_num_threads()
    generator = torch.Generator().manual_seed(0)
    with perf.torch_threads(threads):
        a, b = torch.randn(n, n, generator=generator), torch.randn(n, n, generator=generator)
        pair = {"torch": torch, "a": a, "b": b}
        matmul_s = _median("torch.matmul(a, b)", pair, threads, min_run_time)
        x, y = torch.randn(elements, generator=generator), torch.randn(elements)
        out = torch.empty(elements)
        triad = {"torch": torch, "x": x, "y": y, "out": out}
        triad_s = _median("torch.add(x, y, alpha=3.0, out=out)", triad, threads, min_run_time)
    return Ceilings("cpu", threads, 2.0 * n**3 / matmul_s / 1e9, 12.0 * elements / triad_s / 1e9)
