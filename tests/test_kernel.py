"""A real Jupyter kernel answers, and a kernel that cannot answer gets a reason and a fix."""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

import pytest

from explainer import environment, kernel

ROOT = Path(__file__).resolve().parents[1]
WORKTREE = {"PYTHONPATH": str(ROOT)}


def test_a_kernel_runs_one_cell_and_answers_like_this_interpreter():
    result = kernel.run_cell(environment.PROBE_CELL, timeout_s=120, env=WORKTREE)
    answer = environment.parse_report(result.stdout)
    here = environment.current()
    assert answer.pid != os.getpid()  # a kernel is another process
    assert environment.same_python(here, answer) and environment.same_torch(here, answer)
    assert answer.torch_file == here.torch_file


def test_the_kernel_gets_the_environment_and_returns_values():
    result = kernel.run_cell("import os\nos.environ['PYTHONPATH']", timeout_s=120, env=WORKTREE)
    assert str(ROOT) in result.stdout


def test_an_unknown_kernel_name_is_a_clear_error():
    with pytest.raises(kernel.KernelUnavailable) as caught:
        kernel.ask_environment("no-such-kernel-here", timeout_s=30)
    assert caught.value.reason == "no_kernel"
    assert "ipykernel install" in str(caught.value)


def test_a_kernel_that_does_not_answer_in_time_is_a_timeout():
    with pytest.raises(kernel.KernelUnavailable) as caught:
        kernel.ask_environment(timeout_s=0.05)
    assert caught.value.reason == "timeout"


def test_a_kernel_without_ipykernel_dies_and_says_why(tmp_path, monkeypatch):
    spec = tmp_path / "kernels" / "broken"
    spec.mkdir(parents=True)
    fail = "import sys; sys.exit('No module named ipykernel_launcher')"
    argv = [sys.executable, "-c", fail, "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "broken"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    with pytest.raises(kernel.KernelUnavailable) as caught:
        kernel.ask_environment("broken", timeout_s=60)
    assert caught.value.reason == "died"
    assert "ipykernel_launcher" in caught.value.detail and "pip install ipykernel" in str(
        caught.value
    )


def test_one_kernel_at_a_time():
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with kernel._LOCK:
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    try:
        with pytest.raises(kernel.KernelUnavailable) as caught:
            kernel.run_cell("1", timeout_s=0.1)
        assert caught.value.reason == "busy"
    finally:
        release.set()
        holder.join()
