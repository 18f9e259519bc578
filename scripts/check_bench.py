"""Check the benchmark itself: is it accurate, and is it quick enough for a class?

1. The CLI's matmul GFLOP/s (``python -m explainer bench --ops matmul --sizes 1024``, run in this
   process) against a direct ``torch.utils.benchmark`` measurement of ``a @ b`` taken right after,
   in the same process, with the same thread count: they should agree within 10%.
2. The default CPU sweep (``python -m explainer bench``) should finish in at most 20 s.

Prints the numbers; run it on a quiet machine (``uptime``): python scripts/check_bench.py
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import torch
from torch.utils import benchmark

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from explainer import cli  # noqa: E402

N, ROUNDS, TOLERANCE, SWEEP_LIMIT_S = 1024, 3, 0.10, 20.0


def cli_gflops(out: Path) -> float:
    argv = ["bench", "--device", "cpu", "--ops", "matmul", "--sizes", str(N), "--no-numpy"]
    with contextlib.redirect_stdout(io.StringIO()):
        assert cli.main([*argv, "--json", str(out)]) == 0
    rows = json.loads(out.read_text())["rows"]
    return float(rows[0]["gflops"])


def direct_gflops() -> float:
    a, b = torch.randn(N, N), torch.randn(N, N)
    timer = benchmark.Timer("a @ b", globals={"a": a, "b": b}, num_threads=torch.get_num_threads())
    return 2 * N**3 / timer.blocked_autorange(min_run_time=1.0).median / 1e9


def main() -> int:
    print(
        f"load average {os.getloadavg()}, torch {torch.__version__}, "
        f"{torch.get_num_threads()} threads, {os.cpu_count()} cores"
    )
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.json"
        gaps = []
        for round_ in range(1, ROUNDS + 1):
            via_cli, direct = cli_gflops(out), direct_gflops()
            gaps.append(abs(via_cli - direct) / direct)
            print(
                f"round {round_}: CLI {via_cli:7.1f} GFLOP/s, direct {direct:7.1f} GFLOP/s, "
                f"difference {gaps[-1]:.1%}"
            )
        gap = statistics.median(gaps)
        print(
            f"matmul {N}: median difference {gap:.1%} (limit {TOLERANCE:.0%}): "
            f"{'OK' if gap <= TOLERANCE else 'TOO FAR'}"
        )

        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            assert cli.main(["bench", "--json", str(out)]) == 0
        elapsed = time.perf_counter() - start
        cells = len(json.loads(out.read_text())["rows"])
    print(
        f"default CPU sweep: {cells} cells in {elapsed:.1f} s (limit {SWEEP_LIMIT_S:.0f} s): "
        f"{'OK' if elapsed <= SWEEP_LIMIT_S else 'TOO SLOW'}"
    )
    return 0 if gap <= TOLERANCE and elapsed <= SWEEP_LIMIT_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
