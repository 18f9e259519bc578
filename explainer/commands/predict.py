"""``python -m explainer predict FILE...``: the CNN and both hand classifiers on your own digits."""

from __future__ import annotations

import argparse
from pathlib import Path

import torch
from torch import nn

from explainer import answers, classifiers, elsewhere, export, preprocess
from explainer.errors import ExplainerError
from explainer.jsonio import write_json


def load_digits(paths: list[Path]) -> tuple[torch.Tensor, list[str]]:
    """Image files go through the upload preprocessing; ``.npy`` stacks are taken as they are."""
    stacks, names = [], []
    for path in paths:
        if path.suffix.lower() == ".npy":
            stack = preprocess.load_npy(path)  # (N, 28, 28)
            names += [f"{path}[{i}]" for i in range(len(stack))]
        else:
            stack = preprocess.read_image_file(path)[None]  # (1, 28, 28)
            names.append(str(path))
        stacks.append(stack)
    return torch.cat(stacks), names


def predict(
    images: torch.Tensor, names: list[str], cnn_model: nn.Module | None = None
) -> list[dict]:
    """One record per digit: the CNN's digit and probabilities, the rules, the linear model.

    ``cnn_model`` is the shipped CNN unless another is given (``--model``).
    """
    found = answers.answer_all(images, cnn_model)
    return [
        {
            "file": name,
            "cnn": int(found.cnn[i]),
            "cnn_probabilities": [round(float(p), 6) for p in found.cnn_proba[i]],
            "rules": None if found.rules[i] == classifiers.ABSTAIN else int(found.rules[i]),
            "linear": int(found.linear[i]),
            "features": found.features.iloc[i].to_dict(),
        }
        for i, name in enumerate(names)
    ]


def scoreboard(cnn_model: nn.Module | None, which: str) -> dict:
    """Accuracy of every classifier on the test split, or on it and the digits from elsewhere."""
    scored = elsewhere.score_all(cnn_model)
    sets = scored[:1] if which == "test" else scored
    return {
        "model": "shipped" if cnn_model is None else "given",
        "sets": [
            {
                "name": s.name,
                "digits": len(s.labels),
                "accuracy": s.accuracy(),
                "cnn_wrong": s.wrong("cnn").tolist(),
            }
            for s in sets
        ],
    }


def run(args: argparse.Namespace) -> int:
    """Classify each file and print a line per digit (and JSON with ``--json``)."""
    if not args.files and args.set is None:
        raise ExplainerError("name image files or .npy stacks, or a set: --set elsewhere")
    cnn_model = export.load_model_file(args.model) if args.model is not None else None
    if args.set is not None:
        board = scoreboard(cnn_model, args.set)
        if args.json:
            write_json(board, args.json)
        if args.json != "-":
            for entry in board["sets"]:
                scores = ", ".join(f"{k} {v:.1%}" for k, v in entry["accuracy"].items())
                print(f"{entry['name']} ({entry['digits']} digits): {scores}")
        return 0
    images, names = load_digits(args.files)
    records = predict(images, names, cnn_model)
    if args.json:
        write_json(records, args.json)
    if args.json != "-":
        for record in records:
            rules = "abstains" if record["rules"] is None else record["rules"]
            confidence = max(record["cnn_probabilities"])
            print(
                f"{record['file']}: cnn {record['cnn']} ({confidence:.0%}), "
                f"rules {rules}, linear {record['linear']}"
            )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "predict", help="classify image files or .npy stacks with the CNN and the hand classifiers"
    )
    parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="PNG/JPEG/... of one digit (any size, any polarity) or .npy uint8 [N, 28, 28]",
    )
    parser.add_argument(
        "--set",
        choices=("test", "elsewhere"),
        help="instead of files: accuracy on the test split, or on it and the digits from elsewhere",
    )
    parser.add_argument(
        "--model",
        type=Path,
        metavar="PATH",
        help="use this CNN (.safetensors or .pt2 from `train --out`) instead of the shipped one",
    )
    parser.add_argument("--json", metavar="OUT", help="write one record per digit ('-': stdout)")
    parser.set_defaults(handler=run)
