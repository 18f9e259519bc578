"""How fast the CNN reaches 97% test accuracy, what changes that, and what a live page costs.

    python scripts/bench_train.py             # time to 97% and the page-callback ratio, 1 and 2 threads
    python scripts/bench_train.py --ablation  # per-epoch time and time to 97% for each speed knob
    python scripts/bench_train.py --busy      # the same as the first, beside one busy process

Time to 97%: training seconds until the test accuracy (checked every 8 steps, clock paused while
checking) first reaches 97%. The callback ratio: a run with a page-like progress callback
(throttled chart rebuild, batch preview) over the same run without one. glibc malloc settings and
OpenMP's wait policy are fixed at process start, so every setting runs in a fresh child process.
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
from contextlib import contextmanager
from typing import Any

import torch
import torch.nn.functional as F

TARGET = 0.97


# ---------------------------------------------------------------------------------------------
# Measurements (run in a child process)


class TextbookCNN(torch.nn.Module):
    """The same network written the textbook way: NCHW layout, ReLU before pooling."""

    def __init__(self, net: torch.nn.Module) -> None:
        super().__init__()
        self.net = net.to(memory_format=torch.contiguous_format)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        n = self.net
        x = F.max_pool2d(F.relu(n.conv1(x)), 2)  # (N, C1, 14, 14)
        x = F.max_pool2d(F.relu(n.conv2(x)), 2)  # (N, C2, 5, 5)
        return n.fc2(F.relu(n.fc1(x.flatten(1))))


def time_to_target(config: Any, every: int = 8) -> tuple[float | None, float, float]:
    """(training seconds until test accuracy >= TARGET or None, run seconds, final accuracy)."""
    from explainer import train

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


def median_time_to_target(config: Any, repeats: int) -> dict[str, Any]:
    """Median time to 97% over ``repeats`` runs (the same seed: only the clock varies)."""
    runs = [time_to_target(config) for _ in range(repeats)]
    reached = [r[0] for r in runs if r[0] is not None]
    return {
        "time_to_97": statistics.median(reached) if reached else None,
        "run_seconds": statistics.median(r[1] for r in runs),
        "test_accuracy": runs[-1][2],
    }


class PageLikeCallback:
    """What the live page does per event: keep the losses, redraw at most every ``interval`` s."""

    def __init__(self, interval: float = 0.25) -> None:
        self.interval, self.last_draw, self.losses, self.draws = interval, 0.0, [], 0

    def __call__(self, event: Any) -> None:
        import pandas as pd
        import plotly.graph_objects as go

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
        event.model.conv1.weight.detach().clone()  # first-layer filters for a live heatmap


def callback_ratio(config: Any, repeats: int) -> dict[str, Any]:
    """Median seconds of the run without a callback and with the page-like one."""
    from explainer import train

    bare, ui, draws = [], [], 0
    for _ in range(repeats):
        bare.append(train.train_cnn(config).fit.seconds)
        callback = PageLikeCallback()
        ui.append(train.train_cnn(config, on_progress=callback).fit.seconds)
        draws = callback.draws
    b, u = statistics.median(bare), statistics.median(ui)
    return {"bare_seconds": b, "ui_seconds": u, "ratio": u / b, "draws": draws}


def epoch_seconds(make_model: Any, batch_size: int, repeats: int) -> float:
    """Median seconds of one training epoch over the 4,000 digits (no evaluation)."""
    from explainer import train

    dataset = train.digit_dataset("train")
    config = train.FitConfig(epochs=1, batch_size=batch_size)
    train.fit(make_model(), dataset, config)  # warm-up
    return statistics.median(
        train.fit(make_model(), dataset, config).seconds for _ in range(repeats)
    )


def child(args: argparse.Namespace) -> dict[str, Any]:
    """One setting's measurements, in this fresh process."""
    from explainer import model, perf, train

    if args.allocator:
        perf.tune_allocator()
    threads = args.child
    torch.set_num_threads(threads)
    base = train.TrainConfig(threads=threads)
    train.train_cnn(
        train.TrainConfig(train.cnn_fit(epochs=1), train_size=640, threads=threads)
    )  # warm-up
    row: dict[str, Any] = {"threads": threads, "allocator": args.allocator}
    if args.child_mode == "headline":
        row |= median_time_to_target(base, args.repeats) | callback_ratio(base, args.repeats)
    else:
        ours = lambda: model.build_model()  # noqa: E731
        textbook = lambda: TextbookCNN(model.build_model())  # noqa: E731
        row["epoch_ours"] = epoch_seconds(ours, 64, args.repeats)
        row["epoch_textbook"] = epoch_seconds(textbook, 64, args.repeats)
        if args.child_mode == "full":
            for batch_size in (32, 128):
                row[f"epoch_batch_{batch_size}"] = epoch_seconds(ours, batch_size, args.repeats)
            variants = {
                "adam_b64": base,
                "adam_b32": train.with_overrides(base, batch_size=32, lr=0.003),
                "adam_b128": train.with_overrides(base, batch_size=128, lr=0.01),
                "momentum": train.with_overrides(base, optimizer="momentum"),
                "sgd": train.with_overrides(base, optimizer="sgd"),
                "small_8_16": train.TrainConfig(
                    model=model.CNNConfig(8, 16, 5, 64), threads=threads
                ),
            }
            for name, config in variants.items():
                row[f"t97_{name}"] = median_time_to_target(config, args.repeats)
    return row


# ---------------------------------------------------------------------------------------------
# The parent: one child per setting, a printed table


@contextmanager
def busy_process(enabled: bool):
    """Optionally keep one core busy with a plain Python loop (another user of the machine)."""
    if not enabled:
        yield
        return
    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        yield
    finally:
        busy.kill()
        busy.wait()


def run_child(threads: int, mode: str, repeats: int, allocator: bool, env: dict | None = None):
    """Run one setting in a fresh interpreter and return its row."""
    command = [sys.executable, __file__, "--child", str(threads), "--child-mode", mode]
    command += ["--repeats", str(repeats)] + ([] if allocator else ["--no-allocator"])
    done = subprocess.run(
        command, capture_output=True, text=True, check=True, env={**os.environ, **(env or {})}
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def fmt(seconds: float | None) -> str:
    """Seconds with two decimals, or 'not reached'."""
    return "not reached" if seconds is None else f"{seconds:.2f} s"


def headline(args: argparse.Namespace) -> None:
    """Time to 97% and the callback ratio for each thread count."""
    for threads in args.threads:
        row = run_child(threads, "headline", args.repeats, allocator=True)
        print(
            f"threads {threads}: time to 97% {fmt(row['time_to_97'])}, 3-epoch run "
            f"{row['run_seconds']:.2f} s, test {row['test_accuracy']:.3f} | page-like callback "
            f"{row['ui_seconds']:.2f} s vs bare {row['bare_seconds']:.2f} s = "
            f"{row['ratio']:.2f}x ({row['draws']} redraws)",
            flush=True,
        )


def ablation(args: argparse.Namespace) -> None:
    """Per-epoch time and time to 97% for each knob."""
    for threads in args.threads:
        row = run_child(threads, "full", args.repeats, allocator=True)
        untuned = run_child(threads, "epochs", args.repeats, allocator=False)
        passive = run_child(threads, "epochs", args.repeats, True, {"OMP_WAIT_POLICY": "PASSIVE"})
        print(f"--- threads {threads}: one epoch of 4,000 digits (median of {args.repeats})")
        print(f"  ours (channels_last, pool before ReLU): {row['epoch_ours']:.3f} s")
        print(f"  textbook (NCHW, ReLU before pool):      {row['epoch_textbook']:.3f} s")
        print(f"  ours, glibc malloc untuned:             {untuned['epoch_ours']:.3f} s")
        print(f"  textbook, glibc malloc untuned:         {untuned['epoch_textbook']:.3f} s")
        print(f"  ours, OMP_WAIT_POLICY=PASSIVE:          {passive['epoch_ours']:.3f} s")
        for batch_size in (32, 128):
            label = f"ours, batch {batch_size}:"
            print(f"  {label:<40}{row[f'epoch_batch_{batch_size}']:.3f} s")
        print(f"--- threads {threads}: time to 97% (3 epochs max, median of {args.repeats})")
        for key, value in row.items():
            if key.startswith("t97_"):
                print(
                    f"  {key[4:]:<12} {fmt(value['time_to_97']):>12}  "
                    f"(run {value['run_seconds']:.2f} s, final test {value['test_accuracy']:.3f})",
                    flush=True,
                )


def main() -> None:
    """Parse the options and print the chosen report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--ablation", action="store_true", help="what changes the speed")
    parser.add_argument("--busy", action="store_true", help="beside one busy process")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--child-mode", default="headline", help=argparse.SUPPRESS)
    parser.add_argument(
        "--no-allocator", dest="allocator", action="store_false", help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(child(args)))
        return
    print(
        f"load average {os.getloadavg()[0]:.2f} (quiet: < 0.3), {os.cpu_count()} cores, "
        f"torch {torch.__version__}{', one busy process beside' if args.busy else ''}",
        flush=True,
    )
    with busy_process(args.busy):
        (ablation if args.ablation else headline)(args)


if __name__ == "__main__":
    main()
