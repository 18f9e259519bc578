"""``python -m explainer loader``: how fast a DataLoader serves PNG digits with 0, 1, 2... workers."""

from __future__ import annotations

import argparse

from explainer import loader_timing
from explainer.errors import ExplainerError
from explainer.jsonio import write_json


def run(args: argparse.Namespace) -> int:
    """Measure each ``--workers`` setting (best of ``--repeats``); print rows and ratios."""
    try:
        settings = [
            loader_timing.LoaderSettings(
                num_workers=workers,
                batch_size=args.batch_size,
                items=args.items,
                augment=args.augment,
                warmup=not args.no_warmup,
                seed=args.seed,
            )
            for workers in args.workers
        ]
        runs = loader_timing.measure_best(settings, args.repeats)
    except ValueError as error:
        raise ExplainerError(str(error)) from None
    # After the runs: the machine as it was just now.
    ceiling = None if args.no_ceiling else loader_timing.parallel_ceiling()
    baseline = runs[0].items_per_second
    rows = [
        run.row() | {"speedup": round(run.items_per_second / baseline, 3) if baseline else None}
        for run in runs
    ]
    if args.json:
        payload: dict = {"rows": rows, "repeats": args.repeats, "parallel_ceiling": ceiling}
        if args.timeline:
            payload["runs"] = [run.to_dict() for run in runs]
        write_json(payload, args.json)
    if args.json != "-":
        what = "decoded from PNG" + (" and augmented" if args.augment else "")
        timed = (
            "the pass after a warm-up pass" if not args.no_warmup else "one pass, start-up included"
        )
        print(
            f"{args.items} digits {what}, batches of {args.batch_size}, {timed}, best of {args.repeats}"
        )
        for row in rows:
            print(
                f"num_workers={row['num_workers']}: {row['seconds']:.3f} s, "
                f"{row['items_per_second']:,.0f} items/s, {row['speedup']:.2f}x the first setting "
                f"(start-up: first batch after {row['startup_seconds']:.3f} s)"
            )
        if ceiling is not None:
            print(
                f"this machine, just after: 2 processes did 2 pieces of pure-Python work "
                f"{ceiling:.2f}x as fast as 1 (about 2 when two cores are free, about 1 when other "
                f"work fills them; the load changes from second to second)"
            )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "loader", help="DataLoader speed with 0, 1, 2... worker processes (PNG-decoded digits)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        nargs="+",
        default=[0, 2],
        metavar="N",
        help="num_workers settings to measure; the first is the baseline (default: 0 2)",
    )
    parser.add_argument("--items", type=int, default=4000, help="digits per pass (default: 4000)")
    parser.add_argument("--batch-size", type=int, default=64, help="batch size (default: 64)")
    parser.add_argument(
        "--augment", action="store_true", help="also rotate and shift each digit at random"
    )
    parser.add_argument(
        "--repeats", type=int, default=5, help="passes per setting; the fastest counts (default: 5)"
    )
    parser.add_argument(
        "--no-warmup",
        action="store_true",
        help="time the first pass, worker start-up included (default: a warm-up pass first, "
        "workers kept with persistent_workers, then the timed pass)",
    )
    parser.add_argument(
        "--no-ceiling",
        action="store_true",
        help="skip the check of how much 2 processes can gain on this machine right now",
    )
    parser.add_argument("--seed", type=int, default=0, help="shuffling and augmentation seed")
    parser.add_argument(
        "--timeline", action="store_true", help="with --json: every batch's worker and times"
    )
    parser.add_argument("--json", metavar="OUT", help="write one row per setting ('-': stdout)")
    parser.set_defaults(handler=run)
