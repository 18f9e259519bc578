"""Run ``python -m explainer`` as a new user would: a subprocess from the repo root."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    """``python -m explainer ARGS``; ``env`` adds to (not replaces) this process's environment."""
    return subprocess.run(
        [sys.executable, "-m", "explainer", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=os.environ | env if env else None,
    )
