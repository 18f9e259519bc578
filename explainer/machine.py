"""What the running machine is: the chapter's exercises (Python, torch, CUDA) answered live."""

from __future__ import annotations

import os
import platform
import re
from dataclasses import dataclass

import torch


@dataclass(frozen=True)
class Fact:
    """One answer: a stable ``key`` (for its explanation in the string tables) and its value."""

    key: str
    value: str


def blas_name() -> str:
    """The BLAS library torch was built with, read from ``torch.__config__.show()``."""
    config = torch.__config__.show()
    match = re.search(r"BLAS_INFO=(\w+)", config)
    if "Math Kernel Library" in config or (match and match.group(1) == "mkl"):
        return "Intel MKL"
    return match.group(1) if match else "unknown"


def accelerators() -> list[str]:
    """Every device torch can use here, e.g. ``["cpu", "cuda:0", "mps"]``."""
    devices = ["cpu"]
    if torch.cuda.is_available():
        devices += [f"cuda:{i}" for i in range(torch.cuda.device_count())]
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        devices.append("mps")
    return devices


def machine_facts() -> list[Fact]:
    """The exercise answers, in the order the home page shows them."""
    cuda_build = torch.version.cuda
    facts = [
        Fact("python", f"{platform.python_version()} ({platform.python_implementation()})"),
        Fact("torch", torch.__version__),
        Fact("build", f"CUDA {cuda_build}" if cuda_build else "CPU only"),
        Fact("cuda", "yes" if torch.cuda.is_available() else "no"),
    ]
    if torch.cuda.is_available():
        names = [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())]
        facts.append(Fact("cuda_devices", ", ".join(names)))
    mps = getattr(torch.backends, "mps", None)
    facts.append(Fact("mps", "yes" if mps is not None and mps.is_available() else "no"))
    facts += [
        Fact("cpu", f"{platform.machine()}, {os.cpu_count()} logical cores"),
        Fact("threads", str(torch.get_num_threads())),
        Fact("blas", blas_name()),
    ]
    return facts
