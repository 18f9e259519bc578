"""A real Jupyter kernel, started to run one cell: section 1.5.1's kernel and cell, shown live.

A *kernel* is a process that runs code and sends back what it printed; a *cell* is the unit of code
you send it. :func:`run_cell` starts a kernel with ``jupyter_client`` (the library that Jupyter
itself uses), sends one cell, collects what the kernel printed, and shuts the kernel down. One
kernel at a time per process (a lock): on a shared class server, kernels must not pile up.
Everything that can go wrong (no ``jupyter_client``, no such kernel, no ``ipykernel`` in the
kernel's Python, a timeout) raises :class:`KernelUnavailable` with a reason the page can word.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Literal

from explainer import environment
from explainer.errors import ExplainerError

if TYPE_CHECKING:
    from jupyter_client.manager import KernelManager

DEFAULT_KERNEL = "python3"
DEFAULT_TIMEOUT_S = 60.0

Reason = Literal["no_jupyter", "no_kernel", "died", "timeout", "busy", "cell_error"]

_LOCK = threading.Lock()  # one kernel at a time in this process (a server: all its sessions)

# What to do about each failure, for the CLI (the page words it in the reader's language).
FIXES: dict[str, str] = {
    "no_jupyter": "install Jupyter's client library: python -m pip install jupyter_client ipykernel",
    "no_kernel": "register this Python as a kernel: python -m pip install ipykernel && "
    "python -m ipykernel install --user",
    "died": "the kernel's Python lacks ipykernel: python -m pip install ipykernel (in that Python)",
    "timeout": "the machine may be busy: try again, or give the kernel more time (--timeout)",
    "busy": "another kernel is running on this server: try again in a few seconds",
    "cell_error": "the cell raised an error in the kernel: see the message",
}


class KernelUnavailable(ExplainerError):
    """No answer from a kernel: ``reason`` says why (a key of :data:`FIXES`), ``detail`` what."""

    def __init__(self, reason: Reason, detail: str, kernel_name: str = DEFAULT_KERNEL) -> None:
        message = f"no answer from Jupyter kernel {kernel_name!r}: {detail}. Fix: {FIXES[reason]}"
        super().__init__(message)
        self.reason = reason
        self.detail = detail
        self.kernel_name = kernel_name


@dataclass(frozen=True)
class CellResult:
    """What one cell printed in a kernel, and how long the kernel took from start to answer."""

    stdout: str
    kernel_name: str
    seconds: float


def run_cell(
    code: str,
    kernel_name: str = DEFAULT_KERNEL,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    env: dict[str, str] | None = None,
) -> CellResult:
    """Start kernel ``kernel_name``, run ``code`` as one cell, return its output, shut it down.

    ``timeout_s`` bounds the whole visit (waiting for another kernel, start-up, the cell). ``env``
    is added to this process's environment for the kernel.
    """
    start = time.monotonic()
    if not _LOCK.acquire(timeout=max(timeout_s, 0.0)):
        raise KernelUnavailable("busy", "another kernel is running", kernel_name)
    try:
        return _run_locked(code, kernel_name, start + timeout_s, env)
    finally:
        _LOCK.release()


def _run_locked(
    code: str, kernel_name: str, deadline: float, env: dict[str, str] | None
) -> CellResult:
    try:
        from jupyter_client.kernelspec import NoSuchKernel
        from jupyter_client.manager import KernelManager
    except ImportError:
        raise KernelUnavailable(
            "no_jupyter", "jupyter_client is not installed", kernel_name
        ) from None
    start = time.monotonic()
    manager = KernelManager(kernel_name=kernel_name)
    with tempfile.TemporaryFile() as log:  # what the kernel prints itself: why it died, if it does
        try:
            manager.start_kernel(env=os.environ | (env or {}), stdout=log, stderr=log)
        except NoSuchKernel:
            detail = "no kernel of that name is installed"
            raise KernelUnavailable("no_kernel", detail, kernel_name) from None
        except OSError as error:  # the kernel's program cannot be started at all
            raise KernelUnavailable("died", f"cannot start it ({error})", kernel_name) from None
        try:
            return _ask(manager, code, kernel_name, start, deadline, log)
        finally:
            try:
                manager.shutdown_kernel(now=True)
            except Exception:  # noqa: BLE001 - a kernel that is already gone needs no shutdown
                pass


def _last_line(log: IO[bytes]) -> str:
    log.seek(0)
    lines = [line for line in log.read().decode(errors="replace").splitlines() if line.strip()]
    return lines[-1].strip()[:200] if lines else "no message"


def _ask(
    manager: KernelManager,
    code: str,
    kernel_name: str,
    start: float,
    deadline: float,
    log: IO[bytes],
) -> CellResult:
    client = manager.client()
    try:
        client.start_channels()
        try:
            client.wait_for_ready(timeout=max(deadline - time.monotonic(), 0.001))
        except RuntimeError:
            if not manager.is_alive():
                detail = f"the kernel exited as it started ({_last_line(log)})"
                raise KernelUnavailable("died", detail, kernel_name) from None
            detail = f"no answer within {deadline - start:.3g} s"
            raise KernelUnavailable("timeout", detail, kernel_name) from None
        printed: list[str] = []

        def collect(message: dict) -> None:
            kind, content = message["header"]["msg_type"], message["content"]
            if kind == "stream" and content.get("name") == "stdout":
                printed.append(content["text"])
            elif kind in ("execute_result", "display_data"):
                printed.append(content["data"].get("text/plain", "") + "\n")

        try:
            reply = client.execute_interactive(
                code,
                timeout=max(deadline - time.monotonic(), 0.001),
                output_hook=collect,
                store_history=False,
                allow_stdin=False,
            )
        except TimeoutError:
            raise KernelUnavailable(
                "timeout", "the cell did not finish in time", kernel_name
            ) from None
        if reply["content"]["status"] != "ok":
            content = reply["content"]
            detail = f"{content.get('ename', 'error')}: {content.get('evalue', '')}"
            raise KernelUnavailable("cell_error", detail, kernel_name)
        return CellResult("".join(printed), kernel_name, time.monotonic() - start)
    finally:
        client.stop_channels()


def ask_environment(
    kernel_name: str = DEFAULT_KERNEL, timeout_s: float = DEFAULT_TIMEOUT_S
) -> environment.EnvReport:
    """The kernel's own answers to the exercises (:data:`explainer.environment.PROBE_CELL`)."""
    result = run_cell(environment.PROBE_CELL, kernel_name, timeout_s)
    try:
        return environment.parse_report(result.stdout)
    except ValueError as error:
        raise KernelUnavailable("cell_error", f"unreadable answer ({error})", kernel_name) from None
