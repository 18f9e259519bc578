"""Where a result came from (the machine, the date, the settings: a JSON file beside each saved
CSV), and the GPU reference shipped with the app for machines without a GPU."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from explainer import i18n, machine
from explainer.bench.grid import BenchConfig
from explainer.bench.timing import COLUMNS
from explainer.bench.verdict import add_speedup

REFERENCE_CSV = Path(__file__).resolve().parents[1] / "assets" / "bench_reference_gpu.csv"
REFERENCE_COMMAND = (
    "python -m explainer bench --device all --csv explainer/assets/bench_reference_gpu.csv"
)


def run_record(config: BenchConfig) -> dict[str, Any]:
    """The machine and moment of a run, and its settings: stored next to every saved result."""
    english = partial(i18n.t, lang="en")  # the record's words, whatever the reader's language
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {fact.key: fact.text(english) for fact in machine.machine_facts()},
        "devices": {name: machine.device_name(name) for name in machine.accelerators()},
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
        record = json.loads(sidecar.read_text(encoding="utf-8"))
        date = record.get("date", date)
        gpus = [n for d, n in record.get("devices", {}).items() if d != "cpu"]
        cpu = record.get("machine", {}).get("cpu", "")
        where = ", ".join(gpus + ([cpu] if cpu else [])) or where
    elif "device_name" in frame:
        where = ", ".join(frame["device_name"].dropna().unique())
    return Reference(add_speedup(frame[[c for c in COLUMNS if c in frame]]), date, where)
