"""``python -m explainer <command>``: the core of the app for scripts and classroom preparation.

Each command lives in ``explainer/commands/<name>.py`` with a ``register(subparsers)`` function that
adds its parser and sets ``handler``. Bad input ends with a one-line message and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

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
