"""A benchmark run: every cell of a grid measured in turn, one run at a time on this machine."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from explainer.bench.grid import BenchConfig, Cell, plan
from explainer.bench.lock import exclusive
from explainer.bench.ops import ModelFactory
from explainer.bench.timing import COLUMNS, measure_cell
from explainer.bench.verdict import add_speedup

Progress = Callable[[int, int, Cell], None]


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
        for index, cell in enumerate(cells):
            rows.append(measure_cell(cell, config, model_factory))  # restores torch's threads
            if progress is not None:
                progress(index + 1, len(cells), cell)
    return add_speedup(pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "speedup_vs_cpu"]))
