"""``python -m explainer loader``: one row per num_workers setting, and clear errors."""

from __future__ import annotations

import json

from cli_support import run_cli


def test_loader_writes_one_row_per_setting():
    result = run_cli(
        "loader", "--workers", "0", "2", "--items", "640", "--repeats", "1", "--json", "-"
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    rows = report["rows"]
    assert [row["num_workers"] for row in rows] == [0, 2]
    for row in rows:
        assert row["items"] == 640 and row["seconds"] > 0
        assert abs(row["items_per_second"] - 640 / row["seconds"]) < 0.01 * row["items_per_second"]
    assert rows[0]["speedup"] == 1.0 and "runs" not in report
    assert report["parallel_ceiling"] > 0


def test_loader_timeline_and_text_output():
    options = ["--items", "128", "--repeats", "1", "--augment", "--timeline", "--json", "-"]
    result = run_cli("loader", "--workers", "1", *options)
    assert result.returncode == 0, result.stderr
    run = json.loads(result.stdout)["runs"][0]
    assert run["settings"]["augment"] is True
    assert {batch["worker"] for batch in run["batches"]} == {0}
    text = run_cli("loader", "--workers", "0", "--items", "64", "--repeats", "1")
    assert "num_workers=0" in text.stdout and "items/s" in text.stdout


def test_loader_bad_settings_are_one_line():
    result = run_cli("loader", "--workers", "-1", "--items", "64")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "num_workers" in result.stderr
