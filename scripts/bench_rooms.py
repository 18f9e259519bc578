"""How long 40 students sending a digit at the same moment take, on SQLite and on PostgreSQL.

    python scripts/bench_rooms.py                 # SQLite in a temp folder, and a throwaway
                                                  # PostgreSQL server (Debian's, as in the tests)
    python scripts/bench_rooms.py --pg URL        # an existing PostgreSQL database instead

Prints the median and slowest of several rounds (each: 40 threads released together, one digit
each, every commit acknowledged), and the same for 40 digits sent one after another.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from explainer import rooms  # noqa: E402

IMAGE = np.zeros((28, 28), np.uint8)
IMAGE[4:24, 12:16] = 255


def at_once(store: rooms.RoomStore, students: int) -> float:
    """Seconds from the threads' release to the last acknowledged digit."""
    code = store.create_room().room.code
    start = threading.Barrier(students + 1)
    threads = [
        threading.Thread(
            target=lambda i=i: (start.wait(), store.add_digit(code, IMAGE, i % 10, 1, 1, 1))
        )
        for i in range(students)
    ]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - began
    assert len(store.digits(code)) == students, "a digit was lost"
    return seconds


def one_by_one(store: rooms.RoomStore, students: int) -> float:
    code = store.create_room().room.code
    began = time.perf_counter()
    for i in range(students):
        store.add_digit(code, IMAGE, i % 10, 1, 1, 1)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", metavar="URL", help="an existing PostgreSQL database")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--students", type=int, default=40)
    args = parser.parse_args()
    with ExitStack() as stack:
        folder = stack.enter_context(tempfile.TemporaryDirectory())
        if args.pg is None:
            from pg_support import postgres_server

            args.pg = stack.enter_context(postgres_server())
        for name, url in (("SQLite", f"sqlite:///{folder}/rooms.sqlite3"), ("PostgreSQL", args.pg)):
            store = rooms.RoomStore.open(url)
            at_once(store, args.students)  # warm-up: connections, first pages
            together = [at_once(store, args.students) for _ in range(args.rounds)]
            serial = [one_by_one(store, args.students) for _ in range(args.rounds)]
            store.close()
            print(
                f"{name:<10} {args.students} at once: median {statistics.median(together):.3f} s, "
                f"slowest {max(together):.3f} s; one by one: median "
                f"{statistics.median(serial):.3f} s ({args.rounds} rounds)"
            )


if __name__ == "__main__":
    main()
