"""``python -m explainer sweep``: test accuracy against training-set size, linear vs CNN.

``python -m explainer sweep --json explainer/assets/sweep.json`` remakes the shipped sweep.
"""

from __future__ import annotations

import argparse

from explainer import classifiers, sweep
from explainer.errors import ExplainerError
from explainer.jsonio import write_json


def run(args: argparse.Namespace) -> int:
    """Run the sweep (or, with ``--linear-weights``, remake the shipped linear classifier)."""
    if args.linear_weights:
        accuracy = classifiers.make_linear()
        print(f"wrote {classifiers.LINEAR_PATH} (test accuracy {accuracy:.1%})")
        return 0
    try:
        config = sweep.SweepConfig(
            sizes=tuple(args.sizes), seeds=tuple(args.seeds), steps=args.steps
        )
    except ValueError as error:
        raise ExplainerError(str(error)) from None

    def report(point: sweep.SweepPoint, done: int, total: int) -> None:
        if args.json != "-":
            print(
                f"[{done}/{total}] {point.learner:>6} on {point.size:>4} digits, seed "
                f"{point.seed}, {point.steps} steps: test accuracy {point.test_accuracy:.1%} "
                f"({point.seconds:.1f} s)",
                flush=True,
            )

    points = sweep.run_sweep(config, on_point=report)
    if args.json != "-":
        for learner, bands in sweep.bands(points).items():
            for band in bands:
                print(
                    f"{learner:>6} on {band.size:>4} digits: mean {band.mean:.1%}, "
                    f"{band.low:.1%}-{band.high:.1%} over {band.runs} seeds"
                )
        print(f"total {sum(p.seconds for p in points):.0f} s")
    if args.json:
        write_json(sweep.to_json(points, config), args.json)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    defaults = sweep.SweepConfig()
    parser = subparsers.add_parser(
        "sweep", help="test accuracy vs number of training digits: hand features + linear vs CNN"
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=list(defaults.sizes),
        help="training-set sizes (10 to 4000)",
    )
    parser.add_argument(
        "--seeds",
        type=int,
        nargs="+",
        default=list(defaults.seeds),
        help="seeds run at every size (each draws its own subset and starting weights)",
    )
    parser.add_argument(
        "--steps", type=int, default=defaults.steps, help="optimizer steps of every run"
    )
    parser.add_argument(
        "--json", metavar="OUT", help="write the sweep as JSON (e.g. explainer/assets/sweep.json)"
    )
    parser.add_argument(
        "--linear-weights",
        action="store_true",
        help=f"instead: retrain the shipped linear classifier ({classifiers.LINEAR_PATH.name})",
    )
    parser.set_defaults(handler=run)
