"""Speed settings: the process-wide ones, applied once at start by the app and the CLI, and torch's
thread count for one block of work."""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import torch

# glibc mallopt parameters (malloc.h).
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_applied = False


def tune_allocator(mmap_threshold: int = 100_000_000, trim_threshold: int = 1_000_000_000) -> bool:
    """Keep freed tensor buffers in glibc's heap instead of returning them to the OS.

    Every large allocation that goes through mmap costs fresh page faults each time; on small VMs
    that can dominate a small convolution. Returns True if the settings were applied (glibc only).
    """
    global _applied
    if _applied:
        return True
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        ok = libc.mallopt(_M_MMAP_THRESHOLD, mmap_threshold) == 1
        ok = libc.mallopt(_M_TRIM_THRESHOLD, trim_threshold) == 1 and ok
    except (OSError, AttributeError):
        return False
    _applied = ok
    return ok


def tune_server_threads(switch_interval_s: float = 0.001) -> None:
    """Let threads take turns with the interpreter lock more often (Python's default: 5 ms).

    A Streamlit server runs every session's script in its own thread beside the web server's
    event loop; with a class online, a shorter interval keeps the event loop (health checks,
    page files, websocket messages) from waiting behind busy scripts.
    """
    if sys.getswitchinterval() != switch_interval_s:
        sys.setswitchinterval(switch_interval_s)


@contextmanager
def torch_threads(threads: int | None) -> Iterator[None]:
    """Run the block with ``threads`` intra-op threads (``None``: unchanged), then restore torch's
    setting, also when the block raises. With torch's OpenMP backend it belongs to the calling
    thread alone."""
    before = torch.get_num_threads()
    if threads is not None:
        torch.set_num_threads(threads)
    try:
        yield
    finally:
        torch.set_num_threads(before)
