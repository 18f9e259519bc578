"""Training in the background: a job runs :func:`explainer.train.train_cnn` away from the page.

The "Watch it learn" page keeps one :class:`TrainingJob` per browser session and polls
:meth:`TrainingJob.snapshot` a few times a second. By default the loop runs in its own process,
forked from a small server that has already imported torch (``forkserver``): Python threads share
one interpreter lock, and a web server's Python work between the loop's tensor ops slowed a
training *thread* several times over (see ``scripts/bench_live_training.py``). In a process the
loop runs at full speed, one student's run can never touch another's, and Stop is a shared
:class:`multiprocessing.Event` that the loop checks before every step. A thread in the page's
process only reads the run's events into a lock-protected buffer.

The training process reports with small frozen events (:class:`StepEvent`, :class:`EpochEvent`,
:class:`Finished`, :class:`Failed`), sent by :func:`_train_in_child` and handled by
:meth:`TrainingJob._handle`. Runs wait for one of :data:`explainer.slots.TRAINING_SLOTS` first. No
Streamlit here, and no page wording (that is :mod:`explainer.views.train`): the job is plain
Python, tested on its own.
"""

from __future__ import annotations

import multiprocessing
import queue
import sys
import threading
import time
import types
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

import numpy as np
import torch

from explainer import model, perf, train
from explainer.slots import TRAINING_SLOTS, TrainingSlots, next_ticket

State = Literal["queued", "running", "finished", "stopped", "diverged", "cancelled", "failed"]
DONE_STATES: tuple[str, ...] = ("finished", "stopped", "diverged", "cancelled", "failed")
PREVIEW_SIZE = 16  # digits of the current batch kept for the preview
PREVIEW_EVERY_S = 0.1  # a training process sends its current batch at most this often


@dataclass(frozen=True)
class EpochPoint:
    """Accuracy after one epoch (``test`` is None without a test set)."""

    epoch: int
    step: int
    train: float
    test: float | None


@dataclass(frozen=True)
class JobSnapshot:
    """Everything a page needs to draw one moment of a run (copies: safe to keep)."""

    job_id: int
    state: State
    queue_position: int  # 0 unless queued
    step: int
    total_steps: int
    epoch: int  # 0-based epoch of the last step
    seconds: float  # training time so far
    losses: tuple[float, ...]  # one per optimizer step
    epochs: tuple[EpochPoint, ...]
    batch_images: torch.Tensor | None  # uint8 [<=16, 28, 28] of the last batch
    batch_labels: torch.Tensor | None  # int64 [<=16]
    result: train.TrainResult | None  # set once the run has ended (not when cancelled/failed)
    error: str | None = None
    stopping: bool = False  # Stop was pressed and the run has not ended yet

    @property
    def fraction(self) -> float:
        """How much of the run is done, 0..1."""
        if self.state == "finished":
            return 1.0
        return min(self.step / self.total_steps, 1.0) if self.total_steps else 0.0

    @property
    def done(self) -> bool:
        """Whether the run has ended, one way or another."""
        return self.state in DONE_STATES

    @property
    def divergence(self) -> train.Divergence | None:
        """Why the run stopped on its own, if the loss became NaN or infinite."""
        return self.result.fit.divergence if self.result is not None else None


def to_images(inputs: torch.Tensor) -> torch.Tensor:
    """Normalised model inputs ``[B, 1, 28, 28]`` back to uint8 digits ``[B, 28, 28]``."""
    from explainer.data import MNIST_MEAN, MNIST_STD

    pixels = inputs[:, 0].mul(MNIST_STD).add(MNIST_MEAN).mul(255).round()
    return pixels.clamp(0, 255).to(torch.uint8)


# The training process's messages to the page's process: sent by _train_in_child, handled by
# TrainingJob._handle. Numbers, arrays and the training record; the model travels as bytes.
Preview = tuple[np.ndarray, np.ndarray]  # uint8 digits [<=16, 28, 28], int64 labels [<=16]


@dataclass(frozen=True)
class StepEvent:
    """One optimizer step: where the run is, that step's loss, and now and then the batch."""

    epoch: int  # 0-based
    step: int
    total_steps: int
    seconds: float
    loss: float
    preview: Preview | None = None  # at most every PREVIEW_EVERY_S from a training process


@dataclass(frozen=True)
class EpochEvent:
    """One epoch ended: its train accuracy and test accuracy (None without a test set)."""

    epoch: int
    step: int
    total_steps: int
    seconds: float
    train_accuracy: float
    test_accuracy: float | None


@dataclass(frozen=True)
class Finished:
    """The run ended (finished, stopped or diverged): the model as safetensors bytes, the training
    record, and the first-layer snapshots as arrays."""

    weights: bytes
    fit: train.FitResult
    snapshots: tuple[tuple[int, np.ndarray], ...]  # (step, conv1 weights)
    train_size: int

    @classmethod
    def of(cls, result: train.TrainResult) -> Finished:
        """The event that carries ``result`` across the process boundary."""
        snapshots = tuple((s.step, s.weights.numpy()) for s in result.snapshots)
        return cls(model.to_safetensors(result.model), result.fit, snapshots, result.train_size)

    def result(self, config: train.TrainConfig) -> train.TrainResult:
        """The :class:`~explainer.train.TrainResult` again, in the receiving process."""
        filters = [train.FilterSnapshot(step, torch.from_numpy(w)) for step, w in self.snapshots]
        cnn = model.from_safetensors(self.weights)
        return train.TrainResult(config, cnn, self.fit, filters, self.train_size)


@dataclass(frozen=True)
class Failed:
    """The run raised: the error's type and message, for the page to show."""

    error: str


Event = StepEvent | EpochEvent | Finished | Failed


def progress_event(
    progress: train.Progress, preview: Preview | None = None
) -> StepEvent | EpochEvent:
    """A training loop's :class:`~explainer.train.Progress` as the event a job records."""
    if progress.kind == "epoch":
        return EpochEvent(
            progress.epoch,
            progress.step,
            progress.total_steps,
            progress.seconds,
            progress.train_accuracy or 0.0,
            progress.test_accuracy,
        )
    return StepEvent(
        progress.epoch,
        progress.step,
        progress.total_steps,
        progress.seconds,
        progress.loss,
        preview,
    )


class TrainingJob:
    """One CNN training run in the background: start, poll with :meth:`snapshot`, stop.

    ``isolated=True`` (the default) trains in a separate process; ``False`` in a thread of this
    process (simpler, but it competes with this process's Python code for the interpreter lock).
    """

    def __init__(
        self,
        config: train.TrainConfig,
        slots: TrainingSlots | None = None,
        isolated: bool = True,
    ) -> None:
        self.config = config
        self.isolated = isolated and _context() is not None
        self._process_stop: object | None = None  # a multiprocessing.Event once the run starts
        self.job_id = next_ticket()
        self._slots = slots if slots is not None else TRAINING_SLOTS
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._state: State = "queued"
        self._losses: list[float] = []
        self._epochs: list[EpochPoint] = []
        self._step = self._epoch = 0
        self._total = 0
        self._seconds = 0.0
        self._batch: tuple[torch.Tensor, torch.Tensor] | None = None  # a thread's last batch
        self._preview: tuple[torch.Tensor, torch.Tensor] | None = None  # a process's (uint8)
        self._result: train.TrainResult | None = None
        self._error: str | None = None
        self._thread = threading.Thread(target=self._run, name=f"train-{self.job_id}", daemon=True)

    def start(self) -> TrainingJob:
        """Start the run (it may wait for a free slot first); returns the job."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Ask the run to stop before its next step; it keeps what it has learned."""
        self._stop.set()
        if self._process_stop is not None:
            self._process_stop.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the run has ended (or ``timeout`` seconds); True if it has."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def done(self) -> bool:
        """Whether the run has ended."""
        with self._lock:
            return self._state in DONE_STATES

    def _on_progress(self, progress: train.Progress) -> None:
        # In a thread: runs inside the training loop, which goes on once this returns.
        self._record(progress_event(progress), progress.batch)

    def _record(
        self,
        event: StepEvent | EpochEvent,
        batch: tuple[torch.Tensor, torch.Tensor] | None = None,
    ) -> None:
        """Keep one step's or epoch's numbers (and a thread's current batch), under the lock."""
        with self._lock:
            self._step, self._epoch, self._total = event.step, event.epoch, event.total_steps
            self._seconds = event.seconds
            if isinstance(event, EpochEvent):
                self._epochs.append(
                    EpochPoint(event.epoch, event.step, event.train_accuracy, event.test_accuracy)
                )
                return
            self._losses.append(event.loss)
            if batch is not None:
                self._batch = batch  # fresh tensors per batch: a reference is enough
            if event.preview is not None:
                images, labels = event.preview
                self._preview = torch.from_numpy(images), torch.from_numpy(labels)

    def _handle(self, event: Event) -> train.TrainResult | None:
        """Act on one event of the training process; the run's result once it has ended."""
        match event:
            case StepEvent() | EpochEvent():
                self._record(event)
                return None
            case Finished():
                return event.result(self.config)
            case Failed():
                raise RuntimeError(event.error)
        raise TypeError(f"not a training event: {event!r}")

    def _run(self) -> None:
        ticket = self.job_id
        if not self._slots.acquire(ticket, self._stop):
            with self._lock:
                self._state = "cancelled"
            return
        try:
            with self._lock:
                self._state = "running"
            if self.isolated:
                result = self._train_in_process()
            else:
                result = train.train_cnn(self.config, self._on_progress, self._stop.is_set)
            with self._lock:
                self._result = result
                self._state = result.status
                self._seconds = result.fit.seconds
        except Exception as error:  # noqa: BLE001 - a run's failure is shown, never raised
            with self._lock:
                self._error = f"{type(error).__name__}: {error}"
                self._state = "failed"
        finally:
            self._slots.release(ticket)

    def _train_in_process(self) -> train.TrainResult:
        ctx = _context()
        events = ctx.Queue()
        self._process_stop = stop = ctx.Event()
        if self._stop.is_set():
            stop.set()
        process = ctx.Process(
            target=_train_in_child,
            args=(self.config, events, stop),
            daemon=True,
            name=f"train-{self.job_id}",
        )
        with _plain_main():
            process.start()
        try:
            while True:
                try:
                    event = events.get(timeout=0.2)
                except queue.Empty:
                    if process.is_alive():
                        continue
                    try:  # it ended: its last event may still be in the pipe
                        event = events.get(timeout=1.0)
                    except queue.Empty:
                        raise RuntimeError(
                            f"the training process ended (exit code {process.exitcode})"
                        ) from None
                if (result := self._handle(event)) is not None:
                    return result
        finally:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
            events.close()

    def snapshot(self) -> JobSnapshot:
        """A consistent copy of the run's state right now, for drawing."""
        with self._lock:
            state, batch, preview = self._state, self._batch, self._preview
            losses, epochs = tuple(self._losses), tuple(self._epochs)
            step, epoch, total, seconds = self._step, self._epoch, self._total, self._seconds
            result, error = self._result, self._error
        position = self._slots.position(self.job_id) if state == "queued" else 0
        images = labels = None
        if preview is not None:
            images, labels = preview
        elif batch is not None:
            images = to_images(batch[0][:PREVIEW_SIZE])
            labels = batch[1][:PREVIEW_SIZE].clone()
        if not total:
            total = expected_steps(self.config)
        return JobSnapshot(
            self.job_id,
            state,
            position,
            step,
            total,
            epoch,
            seconds,
            losses,
            epochs,
            images,
            labels,
            result,
            error,
            self._stop.is_set() and state not in DONE_STATES,
        )


_CONTEXT_LOCK, _MAIN_LOCK = threading.Lock(), threading.Lock()


def _context() -> multiprocessing.context.BaseContext | None:
    """The ``forkserver`` context whose server has imported torch and this module (None: no fork)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return None
    ctx = multiprocessing.get_context("forkserver")
    with _CONTEXT_LOCK:
        # Children start with torch imported, and torch._dynamo, which torch.optim imports on first
        # use (1-2 s otherwise, in every run).
        ctx.set_forkserver_preload(["explainer.jobs", "torch._dynamo"])
    return ctx


@contextmanager
def _plain_main() -> Iterator[None]:
    """Start a process as if ``__main__`` were empty.

    multiprocessing re-runs the parent's ``__main__`` file in every child; under Streamlit that is
    the page script being run, which must not run again in a training process. The child needs
    nothing from ``__main__``: its function lives in this module.
    """
    with _MAIN_LOCK:
        saved = sys.modules.get("__main__")
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            if saved is not None:
                sys.modules["__main__"] = saved


def warm_up() -> None:
    """Start the fork server now (it imports torch once), so the first Train starts at once."""
    if _context() is not None:
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _train_in_child(config: train.TrainConfig, events, stop) -> None:
    """In the training process: run the loop, send events (never the model) while it trains."""
    perf.tune_allocator()
    last_preview = [float("-inf")]

    def send(progress: train.Progress) -> None:
        preview = None
        if progress.kind == "step" and progress.batch is not None:
            now = time.perf_counter()
            if now - last_preview[0] >= PREVIEW_EVERY_S:
                last_preview[0] = now
                inputs, labels = progress.batch
                preview = to_images(inputs[:PREVIEW_SIZE]).numpy(), labels[:PREVIEW_SIZE].numpy()
        events.put(progress_event(progress, preview))

    try:
        events.put(Finished.of(train.train_cnn(config, send, stop.is_set)))
    except Exception as error:  # noqa: BLE001 - reported to the page, which shows it
        events.put(Failed(f"{type(error).__name__}: {error}"))
    events.close()
    events.join_thread()  # every event is in the pipe before the process ends


def expected_steps(config: train.TrainConfig) -> int:
    """Optimizer steps a run of ``config`` takes if nothing stops it."""
    size = min(config.train_size, len(train.digit_dataset("train")))
    return config.fit.epochs * -(-size // config.fit.batch_size)


def wait_for(job: TrainingJob, timeout: float = 120.0, poll: float = 0.05) -> JobSnapshot:
    """Poll until the job is done or ``timeout`` passes; the last snapshot."""
    deadline = time.monotonic() + timeout
    while not job.done and time.monotonic() < deadline:
        time.sleep(poll)
    return job.snapshot()
