"""``python -m explainer env``: the chapter's exercises answered (Python, torch, CUDA), and Jupyter's.

With ``--kernel`` a real Jupyter kernel is started and asked the same questions: is it the same
Python, and the same torch, as this interpreter?
"""

from __future__ import annotations

import argparse

from explainer import environment, kernel
from explainer.jsonio import write_json


def run(args: argparse.Namespace) -> int:
    """Answer for this interpreter (and a kernel); print and/or write JSON."""
    here = environment.current()
    payload = here.to_dict()
    there = None
    if args.kernel:
        there = kernel.ask_environment(args.kernel_name, args.timeout)
        payload |= {
            "kernel": there.to_dict(),
            "same_python": environment.same_python(here, there),
            "same_torch": environment.same_torch(here, there),
        }
    if args.json:
        write_json(payload, args.json)
    if args.json != "-":
        columns = [("this Python", here)] + (
            [(f"kernel {args.kernel_name}", there)] if there else []
        )
        for name in environment.FIELDS:
            answers = "  |  ".join(f"{label}: {getattr(r, name)}" for label, r in columns)
            print(f"{name:>15}  {answers}")
        suffix = environment.build_suffix(here.torch_version)
        if suffix:
            print(
                f"torch build suffix: +{suffix} (a label; torch.version.cuda is the build's CUDA)"
            )
        if there is not None:
            print(f"same Python: {payload['same_python']}, same torch: {payload['same_torch']}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "env", help="the exercises: which Python and torch, CUDA; with --kernel, Jupyter's too"
    )
    parser.add_argument(
        "--kernel",
        action="store_true",
        help="also start a Jupyter kernel and ask it (adds 'kernel', 'same_python', 'same_torch')",
    )
    parser.add_argument(
        "--kernel-name",
        default=kernel.DEFAULT_KERNEL,
        help="the kernel to start (default: python3)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=kernel.DEFAULT_TIMEOUT_S,
        help="seconds for the kernel to start and answer (default: 60)",
    )
    parser.add_argument("--json", metavar="OUT", help="write the answers as JSON ('-': stdout)")
    parser.set_defaults(handler=run)
