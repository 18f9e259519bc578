"""``python -m explainer features``: the hand-made features of a stack of digits, as JSON."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from explainer import data, features, features_loops, preprocess
from explainer.jsonio import write_json

IMPLEMENTATIONS = {"tensor": features.extract, "python": features_loops.extract}


def run(args: argparse.Namespace) -> int:
    """Extract the features of ``--images`` (default: the bundled test split) and report them."""
    if args.images is not None:
        images = preprocess.load_npy(args.images)
        source = str(args.images)
    else:
        images, _ = data.load_mnist("test")
        source = "bundled test split"
    start = time.perf_counter()
    table = IMPLEMENTATIONS[args.impl](images)
    seconds = time.perf_counter() - start
    records = [{"index": i, **row} for i, row in enumerate(table.to_dict(orient="records"))]
    if args.json:
        write_json(records, args.json)
    if args.json != "-":
        print(
            f"{len(table)} digits from {source}: {len(table.columns)} features in {seconds:.3f} s "
            f"({args.impl})"
        )
        means = ", ".join(f"{c} {table[c].mean():.2f}" for c in features.COUNT_COLUMNS)
        print(f"means: {means}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "features", help="hand-made features (holes, endpoints, junctions, ...) of digits"
    )
    parser.add_argument(
        "--images",
        type=Path,
        default=None,
        metavar="X.npy",
        help="uint8 [N, 28, 28] white ink on black (default: the bundled test split)",
    )
    parser.add_argument(
        "--impl",
        choices=tuple(IMPLEMENTATIONS),
        default="tensor",
        help="tensor: batched tensor code (default); python: the readable loops, pixel by pixel",
    )
    parser.add_argument("--json", metavar="OUT", help="write one record per image ('-': stdout)")
    parser.set_defaults(handler=run)
