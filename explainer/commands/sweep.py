"""``python -m explainer sweep``: test accuracy against training-set size, linear vs CNN."""

from __future__ import annotations

import argparse

from explainer import classifiers, sweep
from explainer.jsonio import write_json


def run(args: argparse.Namespace) -> int:
    """Run the sweep (or, with ``--linear-weights``, remake the shipped linear classifier)."""
    if args.linear_weights:
        accuracy = classifiers.make_linear()
        print(f"wrote {classifiers.LINEAR_PATH} (test accuracy {accuracy:.1%})")
        return 0
    try:
        config = sweep.SweepConfig(sizes=tuple(args.sizes), seed=args.seed)
    except ValueError as error:
        from explainer.errors import ExplainerError

        raise ExplainerError(str(error)) from None

    def report(point: sweep.SweepPoint, done: int, total: int) -> None:
        if args.json != "-":
            print(
                f"[{done}/{total}] {point.learner:>6} on {point.size:>4} digits, "
                f"{point.epochs:>2} epochs: test accuracy {point.test_accuracy:.1%} "
                f"({point.seconds:.1f} s)",
                flush=True,
            )

    points = sweep.run_sweep(config, on_point=report)
    if args.json:
        write_json(sweep.to_json(points, config), args.json)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sweep", help="test accuracy vs number of training digits: hand features + linear vs CNN"
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=list(sweep.SweepConfig().sizes),
        help="training-set sizes (10 to 4000)",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--json", metavar="OUT", help="write the sweep as JSON (e.g. explainer/assets/sweep.json)"
    )
    parser.add_argument(
        "--linear-weights",
        action="store_true",
        help=f"instead: retrain the shipped linear classifier ({classifiers.LINEAR_PATH.name})",
    )
    parser.set_defaults(handler=run)
