"""How fast the CNN reaches 97% test accuracy, and what a live page's callback costs.

    python scripts/bench_train.py [--repeats 3] [--threads 1 2] [--skip-allocator]

Prints, per setting: the training time until the test accuracy (checked every few steps, with the
clock paused while checking) first reaches the target, the time of the whole run, and the ratio of
a run with a UI-like progress callback (throttled chart rebuild + batch preview) to one without.
glibc malloc settings are fixed at process start, so "allocator off" runs in a child process.
Check ``uptime`` first: the numbers only mean something on a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import pandas as pd
import plotly.graph_objects as go
import torch

from explainer import perf, train

TARGET = 0.97


def time_to_target(config: train.TrainConfig, every: int = 8) -> tuple[float | None, float, float]:
    """(training seconds until test accuracy >= TARGET or None, run seconds, final accuracy)."""
    test_set = train.digit_dataset("test")
    paused = 0.0
    reached: list[float] = []

    def check(event: train.Progress) -> None:
        nonlocal paused
        if reached or event.kind != "step" or event.step % every:
            return
        training_seconds = event.seconds - paused  # fit's clock minus earlier checks
        began = time.perf_counter()
        accuracy = train.evaluate(event.model, test_set)
        paused += time.perf_counter() - began
        if accuracy >= TARGET:
            reached.append(training_seconds)

    result = train.train_cnn(config, on_progress=check)
    return (reached[0] if reached else None), result.fit.seconds - paused, result.test_accuracy


class PageLikeCallback:
    """What the live page does per event: keep the losses, redraw at most every ``interval`` s."""

    def __init__(self, interval: float = 0.25) -> None:
        self.interval, self.last_draw, self.losses, self.draws = interval, 0.0, [], 0

    def __call__(self, event: train.Progress) -> None:
        if event.kind == "step":
            self.losses.append(event.loss)
        now = time.perf_counter()
        if now - self.last_draw < self.interval and event.kind == "step":
            return
        self.last_draw = now
        self.draws += 1
        frame = pd.DataFrame({"loss": self.losses})
        frame["smoothed"] = frame["loss"].rolling(20, min_periods=1).mean()
        figure = go.Figure([go.Scatter(y=frame[c], name=c) for c in frame.columns])
        figure.to_json()  # what st.plotly_chart sends to the browser
        if event.batch is not None:  # the batch preview: 16 digits back to uint8
            preview = event.batch[0][:16].mul(0.3081).add(0.1307).mul(255).clamp(0, 255)
            preview.to(torch.uint8).squeeze(1).tolist()
        if event.kind == "step":
            event.model.conv1.weight.detach().clone()  # first-layer filters for a live heatmap


def callback_ratio(config: train.TrainConfig, repeats: int) -> tuple[float, float, int]:
    """(median seconds without a callback, with the page-like one, redraws per run)."""
    bare, ui, draws = [], [], 0
    for _ in range(repeats):
        bare.append(train.train_cnn(config).fit.seconds)
        callback = PageLikeCallback()
        ui.append(train.train_cnn(config, on_progress=callback).fit.seconds)
        draws = callback.draws
    return statistics.median(bare), statistics.median(ui), draws


def child(threads: int, repeats: int) -> dict:
    """Measurements in this process with ``threads`` intra-op threads."""
    torch.set_num_threads(threads)
    config = train.TrainConfig(threads=threads)
    train.train_cnn(train.TrainConfig(epochs=1, train_size=640, threads=threads))  # warm up
    runs = [time_to_target(config) for _ in range(repeats)]
    reached = [r[0] for r in runs if r[0] is not None]
    bare, ui, draws = callback_ratio(config, repeats)
    return {
        "threads": threads,
        "allocator_tuned": perf._applied,
        "time_to_97": statistics.median(reached) if reached else None,
        "reached": f"{len(reached)}/{len(runs)}",
        "run_seconds": statistics.median(r[1] for r in runs),
        "test_accuracy": runs[-1][2],
        "bare_seconds": bare,
        "ui_seconds": ui,
        "ratio": ui / bare,
        "draws": draws,
    }


def main() -> None:
    """Run the settings, each in a fresh process, and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--skip-allocator", action="store_true", help="skip the untuned runs")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--untuned", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        if not args.untuned:
            perf.tune_allocator()
        print(json.dumps(child(args.child, args.repeats)))
        return
    print(f"load average: {os.getloadavg()[0]:.2f} (quiet is < 0.3); torch {torch.__version__}")
    rows = []
    for untuned in [False] + ([] if args.skip_allocator else [True]):
        for threads in args.threads:
            command = [sys.executable, __file__, "--child", str(threads)]
            command += ["--repeats", str(args.repeats)] + (["--untuned"] if untuned else [])
            out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
            rows.append(json.loads(out.strip().splitlines()[-1]))
            row = rows[-1]
            reached = row["time_to_97"]
            print(
                f"threads {row['threads']}, malloc tuned {str(row['allocator_tuned']):5}: "
                f"time to 97% {reached if reached is None else f'{reached:.2f} s'} "
                f"({row['reached']} runs), whole 3-epoch run {row['run_seconds']:.2f} s, "
                f"test {row['test_accuracy']:.3f}; page-like callback {row['ui_seconds']:.2f} s "
                f"vs {row['bare_seconds']:.2f} s bare = {row['ratio']:.2f}x "
                f"({row['draws']} redraws)",
                flush=True,
            )


if __name__ == "__main__":
    main()
