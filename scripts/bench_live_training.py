"""What does the live page cost the training? The loop alone vs the loop as a polled background job.

    python scripts/bench_live_training.py [--repeats 3] [--poll 0.5] [--epochs 3]

"bare": ``train.train_cnn(config)`` in this thread, nothing watching.
"live": the same run as an :class:`explainer.jobs.TrainingJob`, with a consumer that does what the
"Watch it learn" page does on each poll: take a snapshot, build the loss, accuracy and batch
figures, and serialise them to JSON (what ``st.plotly_chart`` sends to the browser).
Runs alternate (bare, live, bare, live, ...) so drift in machine load hits both; medians are
printed with the ratio (goal: at most 1.25).

``--browser`` also measures the real thing: the app started as the README says, the page opened in
headless Chromium, Train pressed, and the run's own training time (``FitResult.seconds``, shown in
"Finished: N steps in X s") compared with the same loop's ``FitResult.seconds`` here, bare.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch  # noqa: E402

from explainer import jobs, perf, slots, train  # noqa: E402
from explainer.figures import train as figures  # noqa: E402


def bare(config: train.TrainConfig) -> float:
    start = time.perf_counter()
    train.train_cnn(config)
    return time.perf_counter() - start


def draw(snap: jobs.JobSnapshot, epochs: int) -> int:
    """One poll of the page: the three figures, built and serialised; returns the JSON size."""
    loss = figures.loss_figure(snap.losses, snap.total_steps)
    e = snap.epochs
    accuracy = figures.accuracy_figure(
        [p.epoch for p in e], [p.train for p in e], [p.test for p in e], epochs
    )
    size = len(loss.to_json()) + len(accuracy.to_json())
    if snap.batch_images is not None:
        size += len(figures.batch_figure(snap.batch_images, snap.batch_labels).to_json())
    return size


def live(config: train.TrainConfig, poll: float) -> tuple[float, int, float]:
    """Wall time of a polled job; the number of polls and the seconds spent drawing."""
    start = time.perf_counter()
    job = jobs.TrainingJob(config, slots.TrainingSlots(1)).start()
    polls, drawing = 0, 0.0
    while True:
        snap = job.snapshot()
        t0 = time.perf_counter()
        draw(snap, config.fit.epochs)
        drawing += time.perf_counter() - t0
        polls += 1
        if snap.done:
            break
        job.wait(poll)  # returns early when the run ends, like a page that reruns on completion
    return time.perf_counter() - start, polls, drawing


def browser_runs(config: train.TrainConfig, repeats: int) -> tuple[list[float], list[float]]:
    """Training seconds of runs pressed in the real page (headless Chromium), each one right after
    the same loop run bare here, so that changes in machine load hit both alike."""
    import re

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from browser_support import (
        CHROMIUM_FLAGS,
        VIEWPORTS,
        chromium_path,
        running_app,
        wait_until_idle,
    )
    from playwright.sync_api import sync_playwright

    query = f"train_epochs={config.fit.epochs}&train_size={config.train_size}&train_batch=64"
    bare_seconds, page_seconds = [], []
    with running_app() as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport=VIEWPORTS["desktop"], locale="en-US")
        page.goto(f"{url}/train?{query}")
        wait_until_idle(page)
        for repeat in range(repeats + 1):  # the first pair warms both up
            bare = train.train_cnn(config).fit.seconds
            done = page.get_by_text("Finished:").first
            page.get_by_role("button", name="Train", exact=True).click()
            if done.is_visible():
                done.wait_for(state="detached", timeout=30_000)  # the last run's message goes
            done.wait_for(timeout=120_000)
            seconds = float(re.search(r"steps in ([0-9.]+) s", done.inner_text()).group(1))
            if repeat:
                bare_seconds.append(bare)
                page_seconds.append(seconds)
                print(f"pair {repeat}: bare {bare:.2f} s, pressed in the page {seconds:.2f} s")
            wait_until_idle(page)
        browser.close()
    return bare_seconds, page_seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--poll", type=float, default=0.75, help="seconds between polls (page: 0.75)"
    )
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--browser", action="store_true", help="also time runs in the real page")
    args = parser.parse_args()
    perf.tune_allocator()  # as the app does at start
    config = train.TrainConfig(train.cnn_fit(epochs=args.epochs))
    print(
        f"torch {torch.__version__}, {torch.get_num_threads()} threads, "
        f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}"
    )
    train.train_cnn(train.with_overrides(config, epochs=1, train_size=500))  # warm up
    draw(jobs.wait_for(jobs.TrainingJob(train.with_overrides(config, epochs=1, train_size=200),
                                        slots.TrainingSlots(1)).start()), 1)  # fmt: skip
    bare_times, live_times = [], []
    for repeat in range(args.repeats):
        bare_times.append(bare(config))
        seconds, polls, drawing = live(config, args.poll)
        live_times.append(seconds)
        print(
            f"run {repeat + 1}: bare {bare_times[-1]:.2f} s, live {seconds:.2f} s "
            f"({polls} polls, {drawing:.2f} s drawing)"
        )
    b, li = statistics.median(bare_times), statistics.median(live_times)
    print(f"bare loop (train.train_cnn):      median {b:.2f} s")
    print(f"live job + page polls every {args.poll:g} s: median {li:.2f} s")
    print(f"ratio live / bare: {li / b:.3f}  (goal <= 1.25)")
    if args.browser:
        fit_bare, in_page = browser_runs(config, args.repeats)
        fb, fp = statistics.median(fit_bare), statistics.median(in_page)
        print(f"ratio page / bare training seconds (medians {fp:.2f} / {fb:.2f} s): {fp / fb:.3f}")


if __name__ == "__main__":
    main()
