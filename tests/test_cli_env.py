"""``python -m explainer env``: the exercises answered, with and without a Jupyter kernel."""

from __future__ import annotations

import json

import torch
from cli_support import run_cli

from explainer import environment


def test_env_answers_the_exercises_as_json():
    result = run_cli("env", "--json", "-")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert set(environment.FIELDS) <= answer.keys() and "kernel" not in answer
    assert answer["torch_version"] == torch.__version__
    assert answer["torch_file"] == torch.__file__
    assert answer["cuda_available"] == torch.cuda.is_available()


def test_env_with_a_kernel_reports_the_same_python_and_torch(tmp_path):
    out = tmp_path / "e.json"
    result = run_cli("env", "--kernel", "--json", str(out), timeout=300)
    assert result.returncode == 0, result.stderr
    assert "same Python: True, same torch: True" in result.stdout
    answer = json.loads(out.read_text())
    assert answer["kernel"]["torch_file"] == answer["torch_file"] == torch.__file__
    assert answer["kernel"]["pid"] != answer["pid"]
    assert answer["same_python"] is True and answer["same_torch"] is True


def test_env_with_a_missing_kernel_is_one_line_with_the_fix():
    result = run_cli("env", "--kernel", "--kernel-name", "no-such-kernel-here")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "Fix:" in result.stderr and "ipykernel" in result.stderr
