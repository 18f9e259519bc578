"""Start the app as the README says and drive it in Debian's headless Chromium (no browser download)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


def chromium_path() -> str:
    """Debian's chromium; the browser suite fails clearly if it is not installed."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    raise RuntimeError("Chromium not found: `apt-get install chromium` (or set CHROMIUM=/path)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_app(timeout_s: float = 60.0, return_process: bool = False) -> Iterator:
    """``streamlit run explainer/app.py`` from the repo root on a free port; yields the base URL
    (and the server process, with ``return_process``)."""
    port = free_port()
    log = (ROOT / "artifacts").joinpath("streamlit.log")
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "explainer/app.py",
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
            ],
            cwd=ROOT,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + timeout_s
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"streamlit exited early:\n{log.read_text()}")
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"no /_stcore/health within {timeout_s}s:\n{log.read_text()}"
                    )
                time.sleep(0.2)
            yield (url, process) if return_process else url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def wait_until_idle(page, timeout_ms: float = 60_000) -> None:
    """Wait for Streamlit's own signals: the app is mounted and no script run is in progress."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid="stApp"]');
            const state = app && app.getAttribute('data-test-script-state');
            const running = document.querySelector('[data-testid="stStatusWidget"]');
            const main = document.querySelector('[data-testid="stMain"]');
            const loading = document.querySelector('[data-testid="stSkeleton"]');
            return state === 'notRunning' && !running && !loading && main
                && main.innerText.trim().length > 0;
        }""",
        timeout=timeout_ms,
    )
    page.wait_for_timeout(300)  # let charts finish their first paint


def exceptions_on(page) -> list[str]:
    """Texts of every Streamlit exception box on the page (should be none)."""
    return [el.inner_text() for el in page.query_selector_all('[data-testid="stException"]')]


def full_screenshot(page, path: Path, width: int, max_height: int = 8000) -> None:
    """Screenshot the whole page: Streamlit scrolls inside its own container, so grow the viewport."""
    height = page.evaluate(
        """() => {
            const main = document.querySelector('[data-testid="stMain"]');
            return main ? main.scrollHeight : document.body.scrollHeight;
        }"""
    )
    page.set_viewport_size({"width": width, "height": min(max(int(height), 600), max_height)})
    # Elements that come into view mount lazily, behind skeletons: wait until none is left.
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=30_000
    )
    page.wait_for_timeout(400)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))
