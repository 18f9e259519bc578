"""``python -m explainer <command>``: the core of the app for scripts and classroom preparation.

Each command lives in ``explainer/commands/<name>.py`` with a ``register(subparsers)`` function that
adds its parser and sets ``handler``. Bad input ends with a one-line message and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import pkgutil
import sys
from pathlib import Path
from typing import Any

from explainer import commands, perf
from explainer.errors import ExplainerError

EXIT_USER_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    """The parser with every command found in ``explainer.commands``."""
    parser = argparse.ArgumentParser(
        prog="python -m explainer",
        description="Chapter 1 of Deep Learning with PyTorch, live: hand-made features vs a "
        "learned CNN on real digits.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="<command>", required=True)
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        importlib.import_module(f"{commands.__name__}.{info.name}").register(subparsers)
    return parser


def _jsonable(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "tolist"):  # tensors, numpy arrays and scalars
        return _jsonable(value.tolist())
    return value


def write_json(payload: Any, destination: str) -> None:
    """Write ``payload`` as JSON to a file, or to standard output when ``destination`` is ``-``."""
    text = json.dumps(_jsonable(payload), indent=2, ensure_ascii=False)
    if destination == "-":
        print(text)
        return
    try:
        Path(destination).write_text(text + "\n", encoding="utf-8")
    except OSError as error:
        raise ExplainerError(f"cannot write {destination}: {error.strerror or error}") from None


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the exit status."""
    perf.tune_allocator()
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except ExplainerError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
