"""One benchmark run at a time: per process (app sessions are threads) and per machine (a file
lock), so two apps or a CLI run do not distort each other's times."""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:  # POSIX only; elsewhere runs are serialised within one process only
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_ENV = "EXPLAINER_BENCH_LOCK"
_PROCESS_LOCK = threading.Lock()


def default_lock_path() -> Path:
    """The machine-wide lock file (``$EXPLAINER_BENCH_LOCK`` or one in the temp folder)."""
    return Path(os.environ.get(LOCK_ENV) or Path(tempfile.gettempdir()) / "explainer-bench.lock")


@contextmanager
def exclusive(
    lock_path: Path | None = None, on_wait: Callable[[], None] | None = None
) -> Iterator[None]:
    """Hold the benchmark for this run; if another run holds it, call ``on_wait`` once, then wait."""
    waited = False

    def waiting() -> None:
        nonlocal waited
        if not waited and on_wait is not None:
            on_wait()
        waited = True

    if not _PROCESS_LOCK.acquire(blocking=False):
        waiting()
        _PROCESS_LOCK.acquire()
    try:
        try:
            handle = open(lock_path or default_lock_path(), "a+")  # noqa: SIM115 - closed below
        except OSError:  # an unwritable temp folder: serialise within this process only
            handle = None
        try:
            if fcntl is not None and handle is not None:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    waiting()
                    fcntl.flock(handle, fcntl.LOCK_EX)
            yield
        finally:
            if handle is not None:
                handle.close()  # closing releases the flock
    finally:
        _PROCESS_LOCK.release()


def is_busy(lock_path: Path | None = None) -> bool:
    """Whether a benchmark is running now, in this process or another one on this machine."""
    if _PROCESS_LOCK.locked():
        return True
    if fcntl is None:
        return False
    path = lock_path or default_lock_path()
    try:
        with open(path, "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(handle, fcntl.LOCK_UN)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False
