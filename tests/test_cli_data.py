"""``python -m explainer`` as a black box: help, data info, and clear errors."""

from __future__ import annotations

import json

from cli_support import run_cli


def test_help_lists_the_commands():
    result = run_cli("--help")
    assert result.returncode == 0
    assert "data" in result.stdout and "<command>" in result.stdout


def test_data_info_reports_the_split(tmp_path):
    out = tmp_path / "info.json"
    result = run_cli("data", "info", "--json", str(out))
    assert result.returncode == 0, result.stderr
    assert "4000" in result.stdout and "1000" in result.stdout
    report = json.loads(out.read_text())
    assert report["source"] == "bundled"
    assert report["splits"]["train"]["size"] == 4000
    assert report["splits"]["test"]["class_counts"] == [100] * 10
    assert report["splits"]["train"]["class_counts"] == [400] * 10


def test_missing_full_mnist_is_one_clear_line(tmp_path):
    result = run_cli("data", "info", "--source", "full", "--dir", str(tmp_path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "train-images-idx3-ubyte" in result.stderr and "data download" in result.stderr


def test_unwritable_json_target_is_a_clear_error(tmp_path):
    result = run_cli("data", "info", "--json", str(tmp_path / "no" / "such" / "dir.json"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "cannot write" in result.stderr
