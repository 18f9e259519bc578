"""Time the hand-made feature extractor against the CNN's inference on the same 5,000 digits.

    python scripts/bench_features.py [--repeats 7] [--threads N]

Prints the median time of each (after a warm-up) and their ratio. Goal: extraction <= 1 s, and
<= 10x the CNN. Run it when the machine is quiet (see the load average it prints).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

import torch

from explainer import data, features, model, perf


def median_seconds(fn: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``fn`` over ``repeats`` runs, after one warm-up run."""
    fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument(
        "--threads", type=int, default=None, help="torch threads (default: torch's)"
    )
    args = parser.parse_args()
    perf.tune_allocator()
    if args.threads:
        torch.set_num_threads(args.threads)
    train_images, _ = data.load_mnist("train")
    test_images, _ = data.load_mnist("test")
    images = torch.cat([train_images, test_images])  # (5000, 28, 28) uint8
    cnn = model.load_pretrained()

    extract = median_seconds(lambda: features.extract(images), args.repeats)
    infer = median_seconds(lambda: model.predict_proba(cnn, images), args.repeats)
    print(f"load average: {os.getloadavg()[0]:.2f}, torch threads: {torch.get_num_threads()}")
    print(f"digits: {len(images)}")
    print(
        f"hand-made features (features.extract, 1 thread by design): {extract * 1000:8.1f} ms  (goal <= 1000 ms)"
    )
    print(f"CNN inference (model.predict_proba, torch threads):  {infer * 1000:8.1f} ms")
    print(f"ratio features / CNN: {extract / infer:.2f}x  (goal <= 10x)")


if __name__ == "__main__":
    main()
