"""``python -m explainer bench`` as a black box: JSON/CSV output and a clear missing-device error."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from cli_support import run_cli as _run

from explainer import machine
from explainer.bench.lock import LOCK_ENV
from explainer.bench.reference import load_reference
from explainer.bench.timing import COLUMNS


def run_cli(*args: str, lock: Path):
    return _run(*args, env={LOCK_ENV: str(lock)})


def test_matmul_1024_gives_a_row_with_gflops(tmp_path):
    out = tmp_path / "out.json"
    result = run_cli(
        "bench",
        "--device",
        "cpu",
        "--ops",
        "matmul",
        "--sizes",
        "1024",
        "--json",
        str(out),
        lock=tmp_path / "lock",
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(out.read_text())
    rows = {row["device"]: row for row in report["rows"]}
    cpu = rows["cpu"]
    assert (cpu["op"], cpu["size"], cpu["status"]) == ("matmul", 1024, "ok")
    assert cpu["gflops"] == pytest.approx(2 * 1024**3 / cpu["median_s"] / 1e9)
    assert cpu["gflops"] > 0.1
    assert machine.NUMPY in rows, "the NumPy baseline is on by default"
    assert report["machine"]["torch"] and report["date"]
    if machine.accelerators() == ["cpu"]:
        assert report["verdict"]["key"] == "no_gpu"
    assert "matmul" in result.stdout and "verdict" in result.stdout


def test_json_to_stdout_is_only_json(tmp_path):
    result = run_cli(
        "bench",
        "--ops",
        "add",
        "sum",
        "--sizes",
        "8",
        "--threads",
        "1",
        "--no-numpy",
        "--min-run-time",
        "0.01",
        "--json",
        "-",
        lock=tmp_path / "lock",
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [(r["op"], r["threads"]) for r in report["rows"]] == [("add", 1), ("sum", 1)]


def test_csv_comes_with_its_machine_and_date(tmp_path):
    out = tmp_path / "results.csv"
    result = run_cli(
        "bench",
        "--ops",
        "add",
        "--sizes",
        "4",
        "16",
        "--dtype",
        "float32",
        "bfloat16",
        "--min-run-time",
        "0.01",
        "--csv",
        str(out),
        lock=tmp_path / "lock",
    )
    assert result.returncode == 0, result.stderr
    frame = pd.read_csv(out)
    assert list(frame.columns) == COLUMNS
    assert set(frame["dtype"]) == {"float32", "bfloat16"} and set(frame["size"]) == {4, 16}
    sidecar = json.loads((tmp_path / "results.json").read_text())
    assert sidecar["date"] and sidecar["machine"]["cpu"]
    reference = load_reference(out)
    assert reference.date == sidecar["date"]


@pytest.mark.parametrize("device", ["cuda", "mps", "cuda:7"])
def test_a_device_that_is_not_here_is_one_clear_line(tmp_path, device):
    if device.split(":")[0] in {d.split(":")[0] for d in machine.accelerators()}:
        device = "cuda:99"  # on a machine with that kind of GPU, ask for one it surely lacks
    result = run_cli("bench", "--device", device, lock=tmp_path / "lock")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"device '{device}' is not available" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unknown_op_is_refused_by_the_parser(tmp_path):
    result = run_cli("bench", "--ops", "fft", lock=tmp_path / "lock")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr and "Traceback" not in result.stderr


def test_estimate_adds_gpu_rows_marked_as_estimates_within_their_peaks(tmp_path):
    out = tmp_path / "b.json"
    args = ["--device", "cpu", "--ops", "matmul", "--sizes", "1024", "--estimate"]
    done = run_cli(
        "bench", *args, "--min-run-time", "0.02", "--json", str(out), lock=tmp_path / "lock"
    )
    assert done.returncode == 0, done.stderr
    record = json.loads(out.read_text())
    rows = [r for r in record["rows"] if r["source"] == "datasheet estimate"]
    assert len(rows) >= 2 and all(r["status"] == "estimate" for r in rows)
    for row in rows:
        assert row["seconds"] == row["median_s"] >= 2 * 1024**3 / (row["peak_gflops"] * 1e9)
    assert record["verdict"]["key"] == "no_gpu" or len(machine.accelerators()) > 1
    assert record["cpu_ceilings"]["peak_gflops"] > 0 and record["cpu_ceilings"]["bandwidth_gbs"] > 0
    assert "An estimate from datasheets, not a measurement." in done.stdout
