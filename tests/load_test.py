"""Many students at once: N headless browsers use the app together while we watch the server.

Each browser opens every page, starts a small training run and a small benchmark; meanwhile a
probe asks ``/_stcore/health`` every 0.25 s and the server's memory (RSS) is sampled. Run it by
hand for a classroom-sized check:

    python tests/load_test.py --browsers 10 --json artifacts/load.json

``tests/test_load.py`` runs it in CI with a few browsers. It only talks to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_support import (  # noqa: E402
    CHROMIUM_FLAGS,
    chromium_path,
    exceptions_on,
    free_port,
    running_app,
    wait_until_idle,
)
from playwright.sync_api import sync_playwright  # noqa: E402

from explainer import navigation  # noqa: E402

# Small settings so a whole classroom fits on a 2-core server; they go in through the URL.
TRAIN_QUERY = "train_size=300&train_epochs=1"
BENCH_QUERY = "speed_ops=matmul&speed_sizes=64&speed_numpy=false"


@dataclass
class Report:
    browsers: int
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    health_ms: list[float] = field(default_factory=list)
    health_failures: int = 0
    control_ms: list[float] = field(default_factory=list)
    slow: list[str] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        return {
            "browsers": self.browsers,
            "seconds": round(self.seconds, 1),
            "errors": self.errors,
            "health_checks": len(self.health_ms),
            "health_failures": self.health_failures,
            "slow_health_checks": self.slow,
            "health_ms_median": round(statistics.median(self.health_ms), 1)
            if self.health_ms
            else None,
            "health_ms_max": round(max(self.health_ms), 1) if self.health_ms else None,
            "control_ms_median": round(statistics.median(self.control_ms), 1)
            if self.control_ms
            else None,
            "control_ms_max": round(max(self.control_ms), 1) if self.control_ms else None,
            "control_over_1s": sum(ms > 1000 for ms in self.control_ms),
            "memory_mb_start": round(self.rss_mb[0], 1) if self.rss_mb else None,
            "memory_mb_max": round(max(self.rss_mb), 1) if self.rss_mb else None,
            "leaks": self.leaks,
        }


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (the training processes too), from /proc."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                queue += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                pass
    return found


def memory_mb(pid: int) -> float:
    """Proportional set size (shared pages split between sharers) of the server's process tree."""
    total = 0
    for member in process_tree(pid):
        try:
            for line in Path(f"/proc/{member}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def probe(url: str) -> tuple[bool, float]:
    """One GET; (answered with 200, milliseconds)."""
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            ok = response.status == 200
    except OSError:
        ok = False
    return ok, (time.perf_counter() - start) * 1000


def watch(url: str, pid: int, control: str, report: Report, done: threading.Event) -> None:
    """Probe health, a control server and memory until ``done``.

    The control is a bare ``http.server`` in its own process on the same machine: when it is slow
    too, the machine itself is saturated (the browsers share its cores), not the app's server.
    """
    began = time.monotonic()
    while not done.is_set():
        ok, elapsed = probe(f"{url}/_stcore/health")
        report.control_ms.append(probe(control)[1])
        report.health_ms.append(elapsed)
        if not ok or elapsed > 1000:
            report.health_failures += 1
            report.slow.append(f"{time.monotonic() - began:.1f}s: {elapsed:.0f} ms")
        report.rss_mb.append(memory_mb(pid))
        done.wait(0.25)


def click_if_present(page, key: str) -> bool:
    """Click the button whose widget key is ``key`` (Streamlit adds the class ``st-key-<key>``)."""
    button = page.locator(f".st-key-{key} button")
    if button.count() == 0:
        return False
    button.first.click()
    return True


def wait_for_training(page) -> None:
    """Wait until this student's run is over: its Stop button enables, then disables again."""
    stop = ".st-key-train_stop button"
    try:
        page.wait_for_function(f"() => !document.querySelector('{stop}')?.disabled", timeout=20_000)
    except Exception:  # the run may already be over: fine, the next wait returns at once
        pass
    page.wait_for_function(
        f"() => document.querySelector('{stop}')?.disabled === true", timeout=600_000
    )


def student(url: str, index: int, report: Report, lock: threading.Lock) -> None:
    """One student's visit: every page, a training run, a benchmark; records any exception."""
    marker = f"student-{index}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            for spec in navigation.available_pages():
                page.goto(f"{url}/{spec.url_path}?lang={'ko' if index % 2 else 'en'}")
                wait_until_idle(page, timeout_ms=180_000)
                problems = exceptions_on(page)
                if problems:
                    with lock:
                        report.errors.append(f"{marker} {spec.file}: {problems[0][:2000]}")
            for path, query, button in (
                ("train", TRAIN_QUERY, "train_train"),
                ("speed", BENCH_QUERY, "speed_run"),
            ):
                page.goto(f"{url}/{path}?{query}&train_seed={index}")
                wait_until_idle(page, timeout_ms=180_000)
                if click_if_present(page, button):
                    if path == "train":
                        wait_for_training(page)
                    page.wait_for_timeout(1000)
                    wait_until_idle(page, timeout_ms=300_000)
                problems = exceptions_on(page)
                if problems:
                    with lock:
                        report.errors.append(f"{marker} {path}: {problems[0][:2000]}")
                # Our own settings must still be ours: another student's run never shows here.
                seed = page.locator(".st-key-train_seed input")
                if seed.count() and seed.first.input_value() != str(index):
                    with lock:
                        report.leaks.append(
                            f"{marker} sees seed {seed.first.input_value()} on {path}"
                        )
        except Exception as error:  # a browser-side failure is a finding, not a crash of the test
            with lock:
                report.errors.append(f"{marker}: {type(error).__name__}: {str(error)[:300]}")
        finally:
            browser.close()


def run(browsers: int) -> Report:
    """Start the app, let ``browsers`` students use it at once, return what was seen."""
    report = Report(browsers)
    control_port = free_port()
    control = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(control_port), "--bind", "127.0.0.1"],
        cwd=tempfile.mkdtemp(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    with running_app(return_process=True) as (url, process):
        done = threading.Event()
        lock = threading.Lock()
        control_url = f"http://127.0.0.1:{control_port}/"
        watcher = threading.Thread(
            target=watch, args=(url, process.pid, control_url, report, done), daemon=True
        )
        watcher.start()
        start = time.perf_counter()
        threads = [
            threading.Thread(target=student, args=(url, i, report, lock)) for i in range(browsers)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        report.seconds = time.perf_counter() - start
        done.set()
        watcher.join()
    control.terminate()
    control.wait(timeout=10)
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browsers", type=int, default=10)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    summary = run(args.browsers).summary()
    text = json.dumps(summary, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n")
    ok = not summary["errors"] and not summary["leaks"] and summary["health_failures"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
