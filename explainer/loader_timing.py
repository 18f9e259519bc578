"""DataLoader workers, timed: who made each batch and when, against when the loop waited.

:func:`measure` runs a ``DataLoader`` over a dataset (by default the PNG digits of
:mod:`explainer.pipeline`) and records, for every batch, which worker made it and when, and when
the loop asked for it and got it (``time.perf_counter`` is one clock for every process of the
machine). :func:`measure_isolated` does it in a fresh process, for a web server;
:func:`parallel_ceiling` says how much two processes can gain on this machine right now.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import torch
from torch.utils.data import DataLoader, Dataset, get_worker_info

from explainer import perf
from explainer.errors import ExplainerError
from explainer.pipeline import bundled_dataset, collate_digits

WORKER_CHOICES: tuple[int, ...] = (0, 1, 2)
MAIN = -1  # the "worker" id of batches made by the main process (num_workers=0)


class Batch(NamedTuple):
    """A collated batch and where it came from (a NamedTuple: ``pin_memory`` keeps its type)."""

    inputs: torch.Tensor  # (B, 1, 28, 28)
    labels: torch.Tensor  # (B,)
    worker: int  # the worker's id, or MAIN
    started: float  # perf_counter when the first item of the batch was asked for
    finished: float  # perf_counter when the batch was collated


class Timed(Dataset):
    """Wraps a dataset so that a batch's items come with the time their fetching started.

    ``DataLoader`` calls ``__getitems__`` with a batch's indices when a dataset has it.
    """

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    def __len__(self) -> int:
        return len(self.dataset)

    def __getitem__(self, index: int) -> Any:
        return self.dataset[index]

    def __getitems__(self, indices: list[int]) -> tuple[list, float]:
        started = time.perf_counter()
        return [self.dataset[i] for i in indices], started


def timed_collate(fetched: tuple[list, float]) -> Batch:
    """:func:`collate_digits`, plus who made the batch and when."""
    items, started = fetched
    inputs, labels = collate_digits(items)  # (B, 1, 28, 28), (B,)
    info = get_worker_info()  # None in the main process
    return Batch(inputs, labels, info.id if info else MAIN, started, time.perf_counter())


def worker_init(worker_id: int) -> None:
    """In each worker process: one torch thread (the workers are the parallelism), our allocator."""
    torch.set_num_threads(1)
    perf.tune_allocator()


@dataclass(frozen=True)
class LoaderSettings:
    """One measurement: ``items`` bundled digits through a DataLoader with these settings.

    ``warmup``: a first, untimed pass starts the workers, which ``persistent_workers`` keeps for
    the timed pass, so the timed pass is the steady state of training (its start-up is reported
    apart). Without it the timed pass includes starting the workers.
    """

    num_workers: int = 0
    batch_size: int = 64
    items: int = 4000
    augment: bool = False
    pin_memory: bool = False
    warmup: bool = True
    seed: int = 0

    def __post_init__(self) -> None:
        if self.num_workers < 0:
            raise ValueError(f"num_workers must be 0 or more, not {self.num_workers}")
        if self.batch_size < 1 or self.items < 1:
            raise ValueError("batch size and items must be at least 1")


def make_loader(dataset: Dataset, settings: LoaderSettings) -> DataLoader:
    """The loader :func:`measure` times: shuffled with a seed, timed batches."""
    workers = settings.num_workers
    return DataLoader(
        Timed(dataset),
        batch_size=settings.batch_size,
        shuffle=True,
        generator=torch.Generator().manual_seed(settings.seed),
        num_workers=workers,
        collate_fn=timed_collate,
        worker_init_fn=worker_init if workers else None,
        pin_memory=settings.pin_memory and torch.cuda.is_available(),
        persistent_workers=settings.warmup and workers > 0,
    )


@dataclass(frozen=True)
class BatchTiming:
    """One batch of a run, times in seconds from the start of the run."""

    index: int
    worker: int  # MAIN for the main process
    size: int
    started: float  # its maker began it
    finished: float  # its maker was done (collated)
    asked: float  # the loop asked for the next batch
    received: float  # the loop had it

    @property
    def waited(self) -> float:
        """How long the loop waited for this batch."""
        return self.received - self.asked


@dataclass(frozen=True)
class LoaderRun:
    """One timed pass through the loader: how long it took and every batch's timing."""

    settings: LoaderSettings
    seconds: float  # from asking for the first batch to having the last
    batches: list[BatchTiming] = field(default_factory=list)
    startup_seconds: float = 0.0  # to the first batch of the first pass: workers starting

    @property
    def items(self) -> int:
        return sum(batch.size for batch in self.batches)

    @property
    def items_per_second(self) -> float:
        return self.items / self.seconds if self.seconds > 0 else 0.0

    @property
    def waited_seconds(self) -> float:
        """Total time the loop waited for batches."""
        return sum(batch.waited for batch in self.batches)

    def row(self) -> dict[str, Any]:
        """The summary the CLI reports (one row per setting)."""
        return {
            "num_workers": self.settings.num_workers,
            "seconds": round(self.seconds, 4),
            "items_per_second": round(self.items_per_second, 1),
            "items": self.items,
            "batch_size": self.settings.batch_size,
            "augment": self.settings.augment,
            "warmup": self.settings.warmup,
            "startup_seconds": round(self.startup_seconds, 4),
            "waited_seconds": round(self.waited_seconds, 4),
        }

    def to_dict(self) -> dict[str, Any]:
        """Everything, for JSON: the settings, the summary and the batches."""
        return self.row() | {
            "seconds": self.seconds,  # not rounded: the run read back is the same run
            "startup_seconds": self.startup_seconds,
            "settings": asdict(self.settings),
            "batches": [asdict(b) for b in self.batches],
        }

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> LoaderRun:
        """A run read back from :meth:`to_dict`'s JSON."""
        batches = [BatchTiming(**b) for b in values.get("batches", [])]
        settings = LoaderSettings(**values["settings"])
        return cls(settings, values["seconds"], batches, values.get("startup_seconds", 0.0))


def _one_pass(loader: DataLoader) -> tuple[float, list[BatchTiming]]:
    """Take every batch of one epoch; its duration and each batch's timing (from its start)."""
    timings = []
    start = time.perf_counter()
    batches = iter(loader)  # workers start here (unless they persist from a pass before)
    while True:
        asked = time.perf_counter()
        try:
            batch = next(batches)
        except StopIteration:
            break
        received = time.perf_counter()
        timings.append(
            BatchTiming(
                len(timings),
                batch.worker,
                len(batch.labels),
                batch.started - start,
                batch.finished - start,
                asked - start,
                received - start,
            )
        )
    return time.perf_counter() - start, timings


def measure(settings: LoaderSettings, dataset: Dataset | None = None) -> LoaderRun:
    """A timed pass of a DataLoader over ``dataset`` (default: bundled PNG digits), per batch.

    The loop does nothing with a batch but take it: what is measured is the loader alone.
    """
    if dataset is None:
        dataset = bundled_dataset(settings.items, settings.augment, settings.seed)
    perf.tune_allocator()  # as the app and the CLI do at start (a notebook does not)
    threads = torch.get_num_threads()
    # One torch thread here too: a batch of 64 digits is too small to split, and on a busy machine
    # waiting threads spin on cores the workers need. It is the faster baseline for 0 workers.
    torch.set_num_threads(1)
    try:
        loader = make_loader(dataset, settings)
        first = _one_pass(loader) if settings.warmup else None
        seconds, timings = _one_pass(loader)
        del loader  # persistent workers stop with it
    finally:
        torch.set_num_threads(threads)
    start_batches = first[1] if first else timings
    startup = start_batches[0].received if start_batches else 0.0
    return LoaderRun(settings, seconds, timings, startup)


def _spin(rounds: int) -> int:
    """Pure-Python work that shares nothing: the yardstick of :func:`parallel_ceiling`."""
    total = 0
    for i in range(rounds):
        total += i % 7
    return total


def parallel_ceiling(rounds: int = 1_000_000, tries: int = 3) -> float:
    """How much faster 2 processes finish 2 equal pieces of work than 1 process does, right now
    (the best of ``tries``).

    About 2 on a machine with 2 free cores; about 1 when other work already fills them: about the
    most that ``num_workers=2`` can gain at that moment, which tells a slow loader from a busy
    machine (the load of a shared machine changes from second to second).
    """
    context = multiprocessing.get_context()
    best = 0.0
    for _ in range(tries):
        start = time.perf_counter()
        _spin(rounds)
        _spin(rounds)
        serial = time.perf_counter() - start
        start = time.perf_counter()
        processes = [context.Process(target=_spin, args=(rounds,)) for _ in range(2)]
        for process in processes:
            process.start()
        for process in processes:
            process.join()
        best = max(best, serial / (time.perf_counter() - start))
    return best


def measure_best(settings: list[LoaderSettings], repeats: int = 3) -> list[LoaderRun]:
    """Each setting ``repeats`` times, interleaved; the fastest run of each (a loaded machine
    only ever slows a run down, so the fastest is the fairest)."""
    if repeats < 1:
        raise ValueError(f"repeats must be at least 1, not {repeats}")
    best: dict[int, LoaderRun] = {}
    for _ in range(repeats):
        for index, setting in enumerate(settings):
            run = measure(setting)
            if index not in best or run.seconds < best[index].seconds:
                best[index] = run
    return [best[index] for index in range(len(settings))]


def measure_isolated(
    settings: LoaderSettings, repeats: int = 1, timeout_s: float = 300.0
) -> LoaderRun:
    """:func:`measure` in a fresh ``python -m explainer loader`` process.

    For a web server: its worker processes are forked from a small process with one thread, not
    from a server with many, and the server's other work does not share the loop's interpreter.
    """
    command = [sys.executable, "-m", "explainer", "loader", "--timeline", "--json", "-"]
    command += ["--no-ceiling"]  # the page shows the run; the machine check costs seconds
    command += ["--workers", str(settings.num_workers), "--items", str(settings.items)]
    command += ["--batch-size", str(settings.batch_size), "--seed", str(settings.seed)]
    command += ["--repeats", str(repeats)] + (["--augment"] if settings.augment else [])
    command += [] if settings.warmup else ["--no-warmup"]
    package_root = str(Path(__file__).resolve().parents[1])  # this explainer, not another one
    path = os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=timeout_s,
            env=os.environ | {"PYTHONPATH": path},
        )
    except subprocess.TimeoutExpired:
        raise ExplainerError(f"the measurement took longer than {timeout_s:g} s") from None
    if done.returncode != 0:
        raise ExplainerError(done.stderr.strip().splitlines()[-1] if done.stderr else "failed")
    return LoaderRun.from_dict(json.loads(done.stdout)["runs"][0])
