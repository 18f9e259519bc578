"""``python -m explainer predict FILE...``: the CNN and both hand classifiers on your own digits."""

from __future__ import annotations

import argparse
from pathlib import Path

import torch
from torch import nn

from explainer import classifiers, export, features, model, preprocess
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
    table = features.extract(images)
    cnn = model.predict_proba(cnn_model or model.load_pretrained(), images)  # (N, 10)
    rules = classifiers.predict_rules(table)
    linear = classifiers.predict_linear(classifiers.load_linear(), table)
    return [
        {
            "file": name,
            "cnn": int(cnn[i].argmax()),
            "cnn_probabilities": [round(float(p), 6) for p in cnn[i]],
            "rules": None if rules[i] == classifiers.ABSTAIN else int(rules[i]),
            "linear": int(linear[i]),
            "features": table.iloc[i].to_dict(),
        }
        for i, name in enumerate(names)
    ]


def run(args: argparse.Namespace) -> int:
    """Classify each file and print a line per digit (and JSON with ``--json``)."""
    cnn_model = export.load_model_file(args.model) if args.model is not None else None
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
        nargs="+",
        type=Path,
        metavar="FILE",
        help="PNG/JPEG/... of one digit (any size, any polarity) or .npy uint8 [N, 28, 28]",
    )
    parser.add_argument(
        "--model",
        type=Path,
        metavar="PATH",
        help="use this CNN (.safetensors or .pt2 from `train --out`) instead of the shipped one",
    )
    parser.add_argument("--json", metavar="OUT", help="write one record per digit ('-': stdout)")
    parser.set_defaults(handler=run)
