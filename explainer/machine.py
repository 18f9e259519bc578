"""What the running machine is: the chapter's exercises (Python, torch, CUDA) answered live."""

from __future__ import annotations

import os
import platform
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import torch

NUMPY = "numpy"  # NumPy on the CPU, named like one more device (the benchmark's baseline)


@dataclass(frozen=True)
class Fact:
    """One answer, as data: its ``key`` (question and meaning are ``home.fact.<key>[.why]`` in the
    string tables), how it reads (``machine.<answer>``: ``"yes"``, ``"cpu_only"``, ``"text"``, ...)
    and the ``values`` that fill that string in. The page words it in the reader's language."""

    key: str
    answer: str
    values: Mapping[str, object] = field(default_factory=dict)

    def text(self, t: Callable[..., str]) -> str:
        """The answer in words, with ``t(key, **values)`` (e.g. ``ui.t``) picking the language."""
        return t(f"machine.{self.answer}", **self.values)


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def _text(text: str) -> dict[str, object]:
    return {"text": text}


def blas_name() -> str | None:
    """The BLAS library torch was built with, read from ``torch.__config__.show()`` (None: unknown)."""
    config = torch.__config__.show()
    match = re.search(r"BLAS_INFO=(\w+)", config)
    if "Math Kernel Library" in config or (match and match.group(1) == "mkl"):
        return "Intel MKL"
    return match.group(1) if match else None


def accelerators() -> list[str]:
    """Every device torch can use here, e.g. ``["cpu", "cuda:0", "mps"]``."""
    devices = ["cpu"]
    if torch.cuda.is_available():
        devices += [f"cuda:{i}" for i in range(torch.cuda.device_count())]
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        devices.append("mps")
    return devices


def device_name(name: str) -> str:
    """A human name for a device: the GPU's model, the CPU's model, NumPy's version."""
    if name == NUMPY:
        return f"NumPy {np.__version__} (CPU)"
    if name.startswith("cuda"):
        try:
            return torch.cuda.get_device_name(name)
        except Exception:  # noqa: BLE001 - a name is only decoration
            return "CUDA GPU"
    if name == "mps":
        return "Apple GPU (MPS)"
    return _cpu_model()


@lru_cache(maxsize=1)
def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_facts() -> list[Fact]:
    """The exercise answers, in the order the home page shows them."""
    cuda_build = torch.version.cuda
    python = f"{platform.python_version()} ({platform.python_implementation()})"
    facts = [
        Fact("python", "text", _text(python)),
        Fact("torch", "text", _text(torch.__version__)),
        Fact("build", "cuda_build", {"version": cuda_build})
        if cuda_build
        else Fact("build", "cpu_only"),
        Fact("cuda", _yes_no(torch.cuda.is_available())),
    ]
    if torch.cuda.is_available():
        names = [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())]
        facts.append(Fact("cuda_devices", "text", _text(", ".join(names))))
    mps = getattr(torch.backends, "mps", None)
    facts.append(Fact("mps", _yes_no(mps is not None and mps.is_available())))
    blas = blas_name()
    facts += [
        Fact("cpu", "cpu", {"arch": platform.machine(), "cores": os.cpu_count()}),
        Fact("threads", "text", _text(str(torch.get_num_threads()))),
        Fact("blas", "text", _text(blas)) if blas else Fact("blas", "unknown"),
    ]
    return facts


TRAIN_DEVICES: tuple[str, ...] = ("auto", "cpu", "cuda", "mps")


class DeviceMissing(ValueError):
    """A device was asked for that this machine does not have; the message names what is missing."""


def _build_note() -> str:
    build = f"a CUDA {torch.version.cuda} build" if torch.version.cuda else "a CPU build"
    return f"torch {torch.__version__} is {build}"


def pick_device(name: str) -> str:
    """``auto`` -> cuda if present, else mps, else cpu; ``cuda``/``cuda:N``/``mps`` only if present.

    An absent device raises :class:`DeviceMissing`, e.g. "cuda: no CUDA GPU here (torch 2.x+cpu is
    a CPU build)".
    """
    present = accelerators()
    if name == "auto":
        gpus = [d for d in present if d != "cpu"]
        return gpus[0] if gpus else "cpu"
    if name in present or (name == "cuda" and "cuda:0" in present):
        return "cuda:0" if name == "cuda" else name
    if name.startswith("cuda"):
        count = sum(d.startswith("cuda:") for d in present)
        what = "no CUDA GPU here" if count == 0 else f"only {count} CUDA GPU(s) here"
        raise DeviceMissing(f"{name}: {what} ({_build_note()})")
    if name == "mps":
        raise DeviceMissing("mps: no Apple GPU (MPS) here")
    raise DeviceMissing(f"{name}: unknown device; choose from {', '.join(TRAIN_DEVICES)}")
