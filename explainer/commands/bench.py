"""``python -m explainer bench``: time tensor ops on the CPU and any GPU, and check the "50x" claim."""

from __future__ import annotations

import argparse
import json
import math
import sys
from functools import partial
from pathlib import Path

import pandas as pd

from explainer import i18n
from explainer.bench.ceilings import measure_ceilings
from explainer.bench.estimate import estimate_rows
from explainer.bench.grid import BenchConfig, Cell, plan
from explainer.bench.ops import DEFAULT_OPS, DTYPES, OPS
from explainer.bench.reference import run_record, sidecar_path
from explainer.bench.run import run_sweep
from explainer.bench.verdict import Verdict, claim_verdict, crossovers
from explainer.errors import ExplainerError
from explainer.jsonio import write_json
from explainer.views import speed_verdict

DEVICE_CHOICES = ("cpu", "cuda", "mps", "all")


def _progress(done: int, total: int, cell: Cell) -> None:
    where = cell.device + (f" x{cell.threads}" if cell.threads else "")
    print(
        f"\r[{done}/{total}] {cell.op} {cell.dtype} n={cell.size} on {where}    ",
        end="",
        file=sys.stderr,
    )
    if done == total:
        print(file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Run the sweep, print a table and the verdict, save JSON/CSV if asked."""
    config = BenchConfig(
        ops=tuple(args.ops),
        sizes=tuple(args.sizes) if args.sizes else None,
        devices=(args.device,),
        dtypes=tuple(args.dtype),
        threads=tuple(args.threads) if args.threads else None,
        numpy_baseline=not args.no_numpy,
        include_copy=args.copy,
        min_run_time=args.min_run_time,
        adaptive=args.adaptive,
    )
    plan(config)  # bad devices, ops or sizes fail here, before waiting for the lock
    quiet = args.json == "-"
    frame = run_sweep(
        config,
        progress=None if quiet else _progress,
        on_wait=lambda: print(
            "another benchmark is running on this machine; waiting for it", file=sys.stderr
        ),
    )
    record = run_record(config)
    verdict = claim_verdict(frame)  # measurements only: estimated rows never count as measured
    if args.estimate:
        ceilings = measure_ceilings(config.threads[0] if config.threads else None)
        record |= {"cpu_ceilings": vars(ceilings) | {"ridge_flop_per_byte": ceilings.ridge}}
        frame = with_estimates(frame)
    if args.json:
        write_json(
            record
            | {
                "rows": frame.astype(object).where(frame.notna(), None).to_dict("records"),
                "crossovers": crossovers(frame).to_dict("records"),
                "verdict": vars(verdict),
            },
            args.json,
        )
    if args.csv:
        path = Path(args.csv)
        try:
            frame.to_csv(path, index=False)
            sidecar_path(path).write_text(
                json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )
        except OSError as error:
            raise ExplainerError(f"cannot write {path}: {error.strerror or error}") from None
    if not quiet:
        shown = frame.drop(columns=["device_name", "message"]).copy()
        if args.estimate:
            print(
                f"CPU ceilings: matmul {ceilings.peak_gflops:.1f} GFLOP/s, "
                f"triad {ceilings.bandwidth_gbs:.1f} GB/s; rows with status 'estimate' are "
                "datasheet estimates (roofline), not measurements"
            )
        print(shown.to_string(index=False, float_format=lambda v: f"{v:.4g}"))
        for row in frame[~frame["status"].isin(["ok", "estimate"])].itertuples():
            print(f"{row.op} {row.device} {row.dtype} n={row.size}: {row.status}: {row.message}")
        print(_verdict_line(verdict))
        if args.estimate:
            print("estimate: " + speed_verdict.estimate_words(frame, partial(i18n.t, lang="en")))
        if args.csv:
            print(f"saved {args.csv} (+ {sidecar_path(Path(args.csv)).name})")
    return 0


def with_estimates(frame: pd.DataFrame) -> pd.DataFrame:
    """The measured rows (``source="measured"``) followed by the datasheet estimates."""
    measured = frame.assign(
        source="measured", seconds=frame["median_s"], peak_gflops=math.nan, bandwidth_gbs=math.nan
    )
    estimated = estimate_rows(frame)
    return pd.concat([measured, estimated], ignore_index=True) if len(estimated) else measured


def _verdict_line(verdict: Verdict) -> str:
    if verdict.key == "no_gpu":
        return "verdict: no GPU measured, so the chapter's 40-50x claim cannot be checked here"
    return (
        f"verdict ({verdict.key}): best GPU/CPU ratio {verdict.ratio:.1f}x "
        f"({verdict.op}, n={verdict.size}, {verdict.device}); the chapter says 40-50x"
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "bench", help="time tensor ops on CPU/GPU with torch.utils.benchmark; check the 50x claim"
    )
    parser.add_argument(
        "--device",
        default="cpu",
        help="cpu, cuda (every CUDA GPU), cuda:N, mps, or all devices present (default: cpu)",
    )
    parser.add_argument(
        "--ops",
        nargs="+",
        default=list(DEFAULT_OPS),
        choices=list(OPS),
        metavar="OP",
        help=f"ops to time (default: all): {', '.join(OPS)}",
    )
    parser.add_argument(
        "--sizes",
        nargs="+",
        type=int,
        metavar="N",
        help="sizes n (default: each op's own, plus larger ones when a GPU is in the sweep)",
    )
    parser.add_argument(
        "--dtype",
        nargs="+",
        default=["float32"],
        choices=list(DTYPES),
        help="dtypes (tf32: float32 with TensorFloat-32 on CUDA; default: float32)",
    )
    parser.add_argument(
        "--threads", nargs="+", type=int, metavar="N", help="CPU thread counts (default: torch's)"
    )
    parser.add_argument(
        "--copy", action="store_true", help="include the host-to-device copy in GPU times"
    )
    parser.add_argument("--no-numpy", action="store_true", help="skip the NumPy baseline")
    parser.add_argument(
        "--min-run-time", type=float, default=0.1, help="seconds of measurement per cell"
    )
    parser.add_argument(
        "--adaptive",
        action="store_true",
        help="use adaptive_autorange (repeat until the IQR is small) instead of blocked_autorange",
    )
    parser.add_argument(
        "--estimate",
        action="store_true",
        help="add estimated rows for named GPUs from their datasheets (roofline: the larger of "
        "FLOPs/peak, bytes/bandwidth and launch overhead), and this CPU's measured ceilings",
    )
    parser.add_argument(
        "--json", metavar="OUT", help="write rows, machine and verdict ('-': stdout)"
    )
    parser.add_argument(
        "--csv", metavar="OUT", help="write rows as CSV (+ a .json with machine, date)"
    )
    parser.set_defaults(handler=run)
