"""Time the readable loop extractor against the tensor one on all 5,000 bundled digits.

    python scripts/bench_features_loops.py [--repeats 1] [--digits 5000]

Prints the time of each (the median of ``--repeats`` runs, after a warm-up of the tensor version)
and their ratio, and checks that both give the same table. Run it when the machine is quiet (see
the load average it prints): the loops are single-threaded Python, the tensor version runs on one
thread by design, so the ratio compares one core with one core.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import torch

from explainer import data, features, features_loops, perf


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--digits", type=int, default=5000)
    args = parser.parse_args()
    perf.tune_allocator()
    train_images, _ = data.load_mnist("train")
    test_images, _ = data.load_mnist("test")
    images = torch.cat([train_images, test_images])[: args.digits]  # (N, 28, 28) uint8
    features.extract(images[:100])  # warm-up: lookup tables, allocator

    loops, tensor, equal = [], [], True
    for _ in range(args.repeats):
        timing = features_loops.time_both(images, features.extract)
        loops.append(timing.loops_s)
        tensor.append(timing.tensor_s)
        equal = equal and timing.equal
    loop_s, tensor_s = statistics.median(loops), statistics.median(tensor)
    print(f"load average: {os.getloadavg()[0]:.2f}, digits: {len(images)}")
    print(f"python loops (features_loops.extract): {loop_s * 1000:9.1f} ms")
    print(f"tensors      (features.extract):       {tensor_s * 1000:9.1f} ms")
    print(f"ratio loops / tensors: {loop_s / tensor_s:.1f}x; same table: {equal}")
    start = time.perf_counter()
    features_loops.features_of(images[0].tolist())
    print(f"one digit with loops: {(time.perf_counter() - start) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
