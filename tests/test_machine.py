"""The chapter's exercises, answered: checked against torch and platform directly."""

from __future__ import annotations

import os
import platform

import numpy as np
import torch

from explainer import i18n, machine


def english(fact: machine.Fact) -> str:
    return fact.text(lambda key, **values: i18n.t(key, "en", **values))


def test_facts_agree_with_torch_and_platform():
    facts = {fact.key: english(fact) for fact in machine.machine_facts()}
    assert facts["python"].startswith(platform.python_version())
    assert facts["torch"] == torch.__version__
    assert facts["cuda"] == ("yes" if torch.cuda.is_available() else "no")
    assert facts["threads"] == str(torch.get_num_threads())
    assert ("CUDA" in facts["build"]) == (torch.version.cuda is not None)
    assert facts["cpu"] == f"{platform.machine()}, {os.cpu_count()} logical cores"


def test_facts_are_data_and_read_in_korean(monkeypatch):
    monkeypatch.setattr(torch.version, "cuda", None)
    monkeypatch.setattr(machine, "blas_name", lambda: None)
    facts = {fact.key: fact for fact in machine.machine_facts()}
    assert (facts["build"].answer, facts["blas"].answer) == ("cpu_only", "unknown")
    assert facts["cpu"].values == {"arch": platform.machine(), "cores": os.cpu_count()}
    korean = [
        fact.text(lambda key, **values: i18n.t(key, "ko", **values)) for fact in facts.values()
    ]
    words = " ".join(korean)
    assert "CPU 전용" in words and "논리 코어" in words and "알 수 없음" in words
    assert not any(w in words for w in ("yes", "no", "CPU only", "logical cores", "unknown"))


def test_accelerators_follow_cuda(monkeypatch):
    assert machine.accelerators()[0] == "cpu"
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 2)
    assert machine.accelerators()[:3] == ["cpu", "cuda:0", "cuda:1"]


def test_cuda_device_names_are_listed_when_present(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 1)
    monkeypatch.setattr(torch.cuda, "get_device_name", lambda i: "NVIDIA H100")
    facts = {fact.key: english(fact) for fact in machine.machine_facts()}
    assert facts["cuda_devices"] == "NVIDIA H100"


def test_device_names_say_what_each_device_is(monkeypatch):
    assert machine.device_name(machine.NUMPY) == f"NumPy {np.__version__} (CPU)"
    assert machine.device_name("mps") == "Apple GPU (MPS)"
    assert machine.device_name("cpu")  # the CPU's model, or at least its architecture
    monkeypatch.setattr(torch.cuda, "get_device_name", lambda device=None: "NVIDIA H100")
    assert machine.device_name("cuda:0") == "NVIDIA H100"

    def broken(device=None):
        raise RuntimeError("no driver")

    monkeypatch.setattr(torch.cuda, "get_device_name", broken)
    assert machine.device_name("cuda:0") == "CUDA GPU"  # a name is only decoration
