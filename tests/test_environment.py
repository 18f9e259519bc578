"""The exercises' answers as data: checked against sys and torch, and the diagnosis of two answers."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys

import pytest
import torch

from explainer import environment
from explainer.environment import EnvReport

PER_RUN = {"pid", "executable"}  # differ between two runs of the same Python


def test_probe_agrees_with_sys_and_torch():
    answer = environment.probe()
    assert answer["python_version"] == sys.version.split()[0]
    assert answer["sys_version"] == sys.version and answer["prefix"] == sys.prefix
    assert answer["executable"] == sys.executable
    assert answer["torch_version"] == torch.__version__
    assert answer["torch_file"] == torch.__file__
    assert answer["cuda_available"] == torch.cuda.is_available()
    assert answer["cuda_version"] == torch.version.cuda
    assert list(environment.current().to_dict())[:6] == list(environment.FIELDS)


def test_the_cell_and_the_shell_one_liner_give_the_same_answers_as_probe():
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(environment.PROBE_CELL, {})  # our own cell, as a kernel runs it
    cell = json.loads(printed.getvalue())
    command = environment.SHELL_ONE_LINER.replace("python", sys.executable, 1)
    assert command.count("\n") == 0
    shell = json.loads(subprocess.run(command, shell=True, capture_output=True, text=True).stdout)
    here = environment.probe()
    for answer in (cell, shell):
        assert answer.keys() == here.keys()
        assert {k: v for k, v in answer.items() if k not in PER_RUN} == {
            k: v for k, v in here.items() if k not in PER_RUN
        }


def test_parse_report_reads_json_with_noise_a_python_dict_and_key_value_lines():
    here = environment.current()
    line = json.dumps(here.to_dict())
    assert environment.parse_report(f"$ python -c '...'\n{line}\n$ ") == here
    assert environment.parse_report(repr(here.to_dict())) == here
    lines = "\n".join(f"{k}={v}" for k, v in here.to_dict().items())
    parsed = environment.parse_report(lines)
    assert (parsed.torch_file, parsed.cuda_available) == (here.torch_file, here.cuda_available)
    for bad in ("", "hello", "{not json", '{"python_version": "3.11.7"}'):
        with pytest.raises(ValueError):
            environment.parse_report(bad)


def test_build_suffix():
    assert environment.build_suffix("2.13.0+cpu") == "cpu"
    assert environment.build_suffix("2.1.2+cu121") == "cu121"
    assert environment.build_suffix("2.5.1") is None  # PyPI's Linux wheel: a CUDA build, no suffix
    assert environment.build_suffix(None) is None


def report(**changes) -> EnvReport:
    base = dict(
        python_version="3.11.7",
        sys_version="3.11.7 (main) [GCC 12.2.0]",
        executable="/home/ada/venv/bin/python",
        prefix="/home/ada/venv",
        torch_version="2.3.1+cu121",
        torch_file="/home/ada/venv/lib/python3.11/site-packages/torch/__init__.py",
        cuda_available=True,
        cuda_version="12.1",
        nvidia_smi=True,
    )
    return EnvReport(**(base | changes))


def keys(findings) -> list[str]:
    return [finding.key for finding in findings]


def test_diagnose_the_same_installation():
    assert keys(environment.diagnose(report(), report())) == ["all_same", "gpu_ready"]
    two_names = report(executable="/home/ada/venv/bin/python3")
    assert keys(environment.diagnose(report(), two_names)) == [
        "all_same",
        "same_python_two_names",
        "gpu_ready",
    ]


def test_diagnose_two_pythons_even_when_they_share_one_binary():
    # Two virtual environments: the same executable file behind them, different sys.prefix.
    other = report(
        prefix="/opt/conda",
        executable="/opt/conda/bin/python",
        torch_file="/opt/conda/lib/python3.11/site-packages/torch/__init__.py",
    )
    found = keys(environment.diagnose(report(), other))
    assert found[:2] == ["different_python", "different_torch"] and "all_same" not in found
    assert not environment.same_python(report(), report(prefix="/home/ada/other-venv"))


def test_diagnose_two_torch_installations_in_one_python():
    user_site = report(torch_file="/home/ada/.local/lib/python3.11/site-packages/torch/__init__.py")
    assert keys(environment.diagnose(report(), user_site))[0] == "different_torch"


def test_diagnose_a_cpu_build_on_a_machine_with_an_nvidia_gpu():
    cpu = report(torch_version="2.3.1+cpu", cuda_version=None, cuda_available=False)
    found = environment.diagnose(cpu, cpu)
    assert keys(found) == ["all_same", "cpu_build_with_gpu"]
    assert found[1].level == "warning" and found[1].values["where"] == "shell"
    # No suffix at all (a build of one's own) and still no CUDA: the suffix is not the proof.
    plain = report(torch_version="2.3.1", cuda_version=None, cuda_available=False)
    assert "cpu_build_with_gpu" in keys(environment.diagnose(plain, plain))


def test_diagnose_cuda_builds_that_cannot_use_a_gpu_and_missing_torch():
    no_driver = report(cuda_available=False)
    assert keys(environment.diagnose(no_driver, no_driver))[-1] == "cuda_no_driver"
    laptop = report(cuda_available=False, nvidia_smi=False)
    assert environment.diagnose(laptop, laptop)[-1].level == "info"
    bare = report(torch_version=None, torch_file=None, cuda_version=None, cuda_available=False)
    assert keys(environment.diagnose(report(), bare)) == ["no_torch", "gpu_ready"]
