"""How many CNN trainings run at once: a few slots, the rest wait first-come, first-served.

One limiter per process (:data:`TRAINING_SLOTS`) keeps a classroom server responsive: a training
job (:mod:`explainer.jobs`) and training done in the page's own process (:func:`training_slot`)
wait in the same line, and the page shows their place in it.
"""

from __future__ import annotations

import itertools
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_tickets = itertools.count(1)


def next_ticket() -> int:
    """A number no other run in this process has: its place in the line and its id."""
    return next(_tickets)


class TrainingSlots:
    """At most ``capacity`` runs train at once; the others wait first-come, first-served."""

    def __init__(self, capacity: int = 2) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, not {capacity}")
        self.capacity = capacity
        self._running: set[int] = set()
        self._waiting: deque[int] = deque()
        self._changed = threading.Condition()

    def acquire(self, ticket: int, cancelled: threading.Event) -> bool:
        """Wait for a slot in turn; False if ``cancelled`` was set while waiting."""
        with self._changed:
            self._waiting.append(ticket)
            try:
                while not (len(self._running) < self.capacity and self._waiting[0] == ticket):
                    if cancelled.is_set():
                        return False
                    self._changed.wait(timeout=0.1)
                self._running.add(ticket)
                return True
            finally:
                self._waiting.remove(ticket)
                self._changed.notify_all()

    def release(self, ticket: int) -> None:
        """Give the slot back (a no-op for a ticket that holds none)."""
        with self._changed:
            self._running.discard(ticket)
            self._changed.notify_all()

    def position(self, ticket: int) -> int:
        """1 for the next in line, 2 after it, ...; 0 when not waiting."""
        with self._changed:
            return self._waiting.index(ticket) + 1 if ticket in self._waiting else 0

    @property
    def busy(self) -> int:
        """Runs training right now."""
        with self._changed:
            return len(self._running)


# The process-wide limit: two runs on a two-core server. Its state is the runs in flight.
TRAINING_SLOTS = TrainingSlots(2)


@contextmanager
def training_slot(on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold one of :data:`TRAINING_SLOTS` for training done in this process (e.g. the sweep).

    ``on_wait`` is called once if every slot is taken, before waiting in line.
    """
    ticket = next_ticket()
    if on_wait is not None and TRAINING_SLOTS.busy >= TRAINING_SLOTS.capacity:
        on_wait()
    TRAINING_SLOTS.acquire(ticket, threading.Event())
    try:
        yield
    finally:
        TRAINING_SLOTS.release(ticket)
