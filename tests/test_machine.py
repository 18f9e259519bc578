"""The chapter's exercises, answered: checked against torch and platform directly."""

from __future__ import annotations

import platform

import torch

from explainer import machine


def test_facts_agree_with_torch_and_platform():
    facts = {fact.key: fact.value for fact in machine.machine_facts()}
    assert facts["python"].startswith(platform.python_version())
    assert facts["torch"] == torch.__version__
    assert facts["cuda"] == ("yes" if torch.cuda.is_available() else "no")
    assert facts["threads"] == str(torch.get_num_threads())
    assert ("CUDA" in facts["build"]) == (torch.version.cuda is not None)


def test_accelerators_follow_cuda(monkeypatch):
    assert machine.accelerators()[0] == "cpu"
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 2)
    assert machine.accelerators()[:3] == ["cpu", "cuda:0", "cuda:1"]


def test_cuda_device_names_are_listed_when_present(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 1)
    monkeypatch.setattr(torch.cuda, "get_device_name", lambda i: "NVIDIA H100")
    facts = {fact.key: fact.value for fact in machine.machine_facts()}
    assert facts["cuda_devices"] == "NVIDIA H100"
