"""``python -m explainer notebook``: every page as a Jupyter notebook, written into a folder."""

from __future__ import annotations

import argparse
from pathlib import Path

from explainer import i18n, notebooks
from explainer.errors import ExplainerError


def run(args: argparse.Namespace) -> int:
    """Write one ``.ipynb`` per page (or the pages named) in the language asked for."""
    pages = tuple(args.pages or notebooks.PAGES)
    written = []
    try:
        for lang in args.lang:
            written += notebooks.write_all(args.out, lang, pages)
    except OSError as error:
        raise ExplainerError(f"cannot write into {args.out}: {error.strerror or error}") from None
    for path in written:
        print(path)
    print(f"{len(written)} notebooks: open them with `jupyter lab {args.out}` (or VS Code)")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "notebook", help="write every page as a Jupyter notebook that reproduces its figures"
    )
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="target folder")
    parser.add_argument(
        "--pages",
        nargs="+",
        choices=notebooks.PAGES,
        metavar="PAGE",
        help=f"only these pages ({', '.join(notebooks.PAGES)}; default: all)",
    )
    parser.add_argument(
        "--lang",
        nargs="+",
        choices=i18n.LANGUAGES,
        default=[i18n.DEFAULT_LANGUAGE],
        help="markdown language(s): en, ko (default: en)",
    )
    parser.set_defaults(handler=run)
