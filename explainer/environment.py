"""Which Python, which torch: the chapter's exercises as data, and a diagnosis of two answers.

The exercises ask which Python and PyTorch you have, and whether Jupyter uses the same ones as the
shell. :func:`probe` answers for the interpreter that runs it; the same function is sent to a
Jupyter kernel (:mod:`explainer.kernel`), shown as a notebook cell, and squeezed into a shell
one-liner (:data:`SHELL_ONE_LINER`), so the three answers always have the same fields and can be
compared by :func:`diagnose`.

Two answers come from the same Python when ``sys.prefix`` (the environment) and ``sys.version``
agree: two virtual environments can share one ``python`` binary, and one environment can be reached
as ``python`` and ``python3``. They use the same torch when ``torch.__file__`` agrees.
"""

from __future__ import annotations

import inspect
import json
import re
import textwrap
from dataclasses import asdict, dataclass, field
from typing import Literal

# The fields the CLI reports (``python -m explainer env``), in order.
FIELDS: tuple[str, ...] = (
    "python_version",
    "executable",
    "torch_version",
    "torch_file",
    "cuda_available",
    "cuda_version",
)


def probe() -> dict:
    """This interpreter's answers to the exercises (self-contained: it also runs in kernels)."""
    import os
    import shutil
    import sys

    try:
        import torch
    except ImportError:
        torch = None
    return {
        "python_version": sys.version.split()[0],
        "sys_version": sys.version,
        "executable": sys.executable,
        "prefix": sys.prefix,
        "torch_version": torch.__version__ if torch else None,
        "torch_file": torch.__file__ if torch else None,
        "cuda_available": bool(torch and torch.cuda.is_available()),
        "cuda_version": torch.version.cuda if torch else None,
        "nvidia_smi": shutil.which("nvidia-smi") is not None,
        "pid": os.getpid(),
    }


# One cell for a notebook or a kernel: the function above, then one line of JSON.
PROBE_CELL = textwrap.dedent(inspect.getsource(probe)) + (
    "\n\nimport json\n\nprint(json.dumps(probe()))\n"
)

# The same answers from a shell, in one line to copy (JSON, so a paste can be read back).
SHELL_ONE_LINER = (
    'python -c "import json,os,shutil,sys,importlib.util as u;'
    "t=__import__('torch') if u.find_spec('torch') else None;"
    "print(json.dumps(dict(python_version=sys.version.split()[0],sys_version=sys.version,"
    "executable=sys.executable,prefix=sys.prefix,"
    "torch_version=t and t.__version__,torch_file=t and t.__file__,"
    "cuda_available=bool(t and t.cuda.is_available()),cuda_version=t and t.version.cuda,"
    "nvidia_smi=shutil.which('nvidia-smi') is not None,pid=os.getpid())))\""
)


@dataclass(frozen=True)
class EnvReport:
    """One interpreter's answers; ``torch_*`` are None where torch is not installed."""

    python_version: str
    executable: str
    torch_version: str | None = None
    torch_file: str | None = None
    cuda_available: bool = False
    cuda_version: str | None = None
    sys_version: str = ""
    prefix: str = ""
    nvidia_smi: bool = False  # an NVIDIA driver's tool is on the PATH: a GPU is likely there
    pid: int | None = None

    def to_dict(self) -> dict:
        """The report as a dict: :data:`FIELDS` first, then the rest."""
        values = asdict(self)
        return {name: values.pop(name) for name in FIELDS} | values

    @classmethod
    def from_dict(cls, values: dict) -> EnvReport:
        """A report from a dict with at least ``python_version`` and ``executable``."""
        missing = [name for name in ("python_version", "executable") if not values.get(name)]
        if missing:
            raise ValueError(f"missing {', '.join(missing)}")
        known = {name: values[name] for name in cls.__dataclass_fields__ if name in values}
        known["cuda_available"] = _truthy(known.get("cuda_available", False))
        known["nvidia_smi"] = _truthy(known.get("nvidia_smi", False))
        for name in ("torch_version", "torch_file", "cuda_version"):
            if known.get(name) in ("", "None", "null"):
                known[name] = None
        return cls(**known)


def current() -> EnvReport:
    """This interpreter's report."""
    return EnvReport.from_dict(probe())


def _truthy(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


_KEY_VALUE = re.compile(r"^\s*'?\"?(\w+)'?\"?\s*[=:]\s*(.*?)\s*,?\s*$")


def parse_report(text: str) -> EnvReport:
    """Read a pasted answer: the JSON line that the one-liner or the cell prints, or key=value lines.

    Anything around the JSON (a shell prompt, the command itself) is ignored. Raises ValueError
    with a short reason when no answer can be read.
    """
    start, end = text.find("{"), text.rfind("}")
    if start >= 0 and end > start:
        chunk = text[start : end + 1]
        try:
            values = json.loads(chunk)
        except json.JSONDecodeError:
            values = None
        if values is None:  # a dict printed by Python (single quotes, None, True)
            swapped = re.sub(r"\bNone\b", "null", chunk)
            swapped = re.sub(r"\bTrue\b", "true", re.sub(r"\bFalse\b", "false", swapped))
            try:
                values = json.loads(swapped.replace("'", '"'))
            except json.JSONDecodeError as error:
                raise ValueError(f"not valid JSON ({error.msg})") from None
        if not isinstance(values, dict):
            raise ValueError("expected a JSON object")
        return EnvReport.from_dict(values)
    pairs = dict(m.groups() for line in text.splitlines() if (m := _KEY_VALUE.match(line)))
    if not pairs:
        raise ValueError("no answer found: paste the line that the command printed")
    return EnvReport.from_dict({k: v.strip("'\"") for k, v in pairs.items()})


def build_suffix(torch_version: str | None) -> str | None:
    """The local-version suffix of a torch version: ``"cpu"``, ``"cu121"``, ``"rocm6.0"`` or None."""
    if not torch_version or "+" not in torch_version:
        return None
    return torch_version.split("+", 1)[1]


def _norm(path: str | None) -> str | None:
    # Compared as text: a pasted path may come from another machine, where it cannot be resolved.
    if path is None:
        return None
    return path.replace("\\", "/").rstrip("/").lower() if ":" in path[:3] else path.rstrip("/")


def same_python(a: EnvReport, b: EnvReport) -> bool:
    """Same environment (``sys.prefix``) and same interpreter version: the same Python."""
    if a.prefix and b.prefix:
        return _norm(a.prefix) == _norm(b.prefix) and (a.sys_version or a.python_version) == (
            b.sys_version or b.python_version
        )
    return _norm(a.executable) == _norm(b.executable) and a.python_version == b.python_version


def same_torch(a: EnvReport, b: EnvReport) -> bool:
    """The same torch installation: the same ``torch.__file__`` (and so the same version)."""
    return (
        a.torch_file is not None
        and _norm(a.torch_file) == _norm(b.torch_file)
        and a.torch_version == b.torch_version
    )


Level = Literal["ok", "info", "warning"]


@dataclass(frozen=True)
class Finding:
    """One line of a diagnosis: its key (words in ``env.finding.<key>``), level and values."""

    key: str
    level: Level
    values: dict = field(default_factory=dict)


def _gpu_findings(report: EnvReport, where: str) -> list[Finding]:
    if report.torch_version is None:
        return []
    values = {"where": where, "version": report.torch_version, "cuda": report.cuda_version}
    if report.cuda_version is None and report.nvidia_smi:
        return [Finding("cpu_build_with_gpu", "warning", values)]
    if report.cuda_version is not None and not report.cuda_available:
        key = "cuda_no_driver" if report.nvidia_smi else "cuda_build_no_gpu"
        return [Finding(key, "warning" if report.nvidia_smi else "info", values)]
    if report.cuda_available:
        return [Finding("gpu_ready", "ok", values)]
    return []


def diagnose(shell: EnvReport, notebook: EnvReport) -> list[Finding]:
    """Compare the shell's answer with the notebook's: the common problems, each with its fix.

    Keys: ``different_python``, ``same_python_two_names``, ``no_torch``, ``different_torch``,
    ``cpu_build_with_gpu``, ``cuda_no_driver``, ``cuda_build_no_gpu``, ``gpu_ready``, ``all_same``.
    """
    findings: list[Finding] = []
    python_same = same_python(shell, notebook)
    if not python_same:
        findings.append(
            Finding(
                "different_python",
                "warning",
                {"shell": shell.executable, "notebook": notebook.executable},
            )
        )
    elif _norm(shell.executable) != _norm(notebook.executable):
        findings.append(
            Finding(
                "same_python_two_names",
                "info",
                {"shell": shell.executable, "notebook": notebook.executable},
            )
        )
    for where, report in (("shell", shell), ("notebook", notebook)):
        if report.torch_version is None:
            findings.append(Finding("no_torch", "warning", {"where": where}))
    both_torch = shell.torch_version is not None and notebook.torch_version is not None
    if both_torch and not same_torch(shell, notebook):
        findings.append(
            Finding(
                "different_torch",
                "warning",
                {
                    "shell": f"{shell.torch_version} ({shell.torch_file})",
                    "notebook": f"{notebook.torch_version} ({notebook.torch_file})",
                },
            )
        )
    gpu = _gpu_findings(shell, "shell")
    if not (both_torch and same_torch(shell, notebook)):
        gpu += _gpu_findings(notebook, "notebook")
    findings += gpu
    if python_same and both_torch and same_torch(shell, notebook):
        findings.insert(0, Finding("all_same", "ok", {"version": shell.torch_version}))
    return findings
