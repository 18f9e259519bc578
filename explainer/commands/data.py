"""``python -m explainer data info|download``: where the digits come from and how they split."""

from __future__ import annotations

import argparse
from pathlib import Path

from explainer import data
from explainer.jsonio import write_json


def info(args: argparse.Namespace) -> int:
    """Print the source, split sizes and class counts."""
    source = args.source
    where = (
        str(data.BUNDLED_PATH) if source == "bundled" else str(args.dir or data.default_data_dir())
    )
    report: dict = {"source": source, "path": where, "splits": {}}
    for split in data.SPLITS:
        images, labels = data.load_mnist(split, source=source, data_dir=args.dir)
        report["splits"][split] = {
            "size": len(labels),
            "class_counts": data.class_counts(labels),
            "shape": list(images.shape),
            "dtype": str(images.dtype).replace("torch.", ""),
        }
    if args.json:
        write_json(report, args.json)
    if args.json != "-":
        print(f"source: {source} ({where})")
        for split, facts in report["splits"].items():
            counts = " ".join(f"{d}:{n}" for d, n in enumerate(facts["class_counts"]))
            print(
                f"{split:>5}: {facts['size']:>6} digits {facts['shape']} {facts['dtype']}  "
                f"per class {counts}"
            )
    return 0


def download(args: argparse.Namespace) -> int:
    """Fetch full MNIST with SHA-256 checks."""
    target = args.dir or data.default_data_dir()
    print(f"downloading MNIST into {target} from {args.mirror}")
    data.download_mnist(target, base_url=args.mirror, progress=print)
    print("done: use it with `--source full`")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "data", help="the digits: source, split sizes, full MNIST download"
    )
    actions = parser.add_subparsers(dest="action", metavar="<action>", required=True)

    info_parser = actions.add_parser("info", help="print the source, split sizes and class counts")
    info_parser.add_argument("--source", choices=data.SOURCES, default="bundled")
    info_parser.add_argument(
        "--dir",
        type=Path,
        default=None,
        help=f"folder of the full MNIST IDX files (default: ${data.DATA_DIR_ENV} "
        "or the user cache folder)",
    )
    info_parser.add_argument(
        "--json", metavar="OUT", help="also write the report as JSON ('-': stdout)"
    )
    info_parser.set_defaults(handler=info)

    down = actions.add_parser(
        "download", help="download full MNIST (60,000 + 10,000) with SHA-256 checks"
    )
    down.add_argument("--dir", type=Path, default=None, help="target folder (default: as for info)")
    down.add_argument(
        "--mirror", default=data.DEFAULT_MIRROR, help="base URL of the four .gz files"
    )
    down.set_defaults(handler=download)
