"""``python -m explainer grad``: autograd on one digit: its graph, a gradient check, one SGD step."""

from __future__ import annotations

import argparse
from pathlib import Path

import torch

from explainer import (
    autograd_graph,
    classifiers,
    data,
    gradient_check,
    gradients,
    model,
    one_step,
    parameters,
    preprocess,
)
from explainer.errors import ExplainerError
from explainer.jsonio import write_json


def choose_digit(digit: int | None, image: Path | None) -> tuple[torch.Tensor, int | None, str]:
    """The digit to study: test digit ``digit`` (with its label) or an image file (no label)."""
    if image is not None:
        return preprocess.read_image_file(image), None, str(image)
    images, labels = data.load_mnist("test")
    number = 0 if digit is None else digit
    if not 0 <= number < len(labels):
        raise ExplainerError(
            f"--digit must be a test digit number from 0 to {len(labels) - 1}, not {number}"
        )
    return images[number], int(labels[number]), f"test digit {number}"


def study(
    image: torch.Tensor,
    label: int | None,
    target: int | None,
    lr: float,
    settings: gradient_check.CheckSettings,
) -> dict:
    """Everything the command reports about one digit, as plain data."""
    cnn = model.load_pretrained()
    one_step.check_lr(lr)
    if target is None:
        target = label if label is not None else gradients.predicted_digit(cnn, image)
    forward = gradients.forward(cnn, image, gradients.check_target(target))
    graph = autograd_graph.walk(forward.loss, autograd_graph.leaf_names(cnn, forward.inputs))
    samples = gradient_check.finite_differences(cnn, image, target, settings)
    passed = gradient_check.gradcheck_filter(cnn, image, target)
    step = one_step.one_step(cnn, image, target, lr, others=data.load_mnist("test"))
    counts = {
        "cnn": parameters.count_by_layer(cnn),
        "linear": parameters.count_by_layer(classifiers.load_linear()),
    }
    return {
        "label": label,
        "target": target,
        "prediction": forward.prediction,
        "probabilities": [round(float(p), 6) for p in forward.probabilities],
        "graph": graph.ops(),
        "graph_nodes": [vars(node) for node in graph.nodes],
        "graph_edges": graph.edges,
        "gradcheck_max_error": gradient_check.max_error(samples),
        "gradcheck_samples": [vars(s) | {"difference": s.difference} for s in samples],
        "torch_gradcheck": vars(passed),
        "lr": lr,
        "loss_before": step.loss_before,
        "loss_after": step.loss_after,
        "outcome": step.outcome,
        "moved": [vars(m) | {"delta": m.delta} for m in step.moved],
        "test_before": vars(step.others_before),
        "test_after": vars(step.others_after),
        "test_exploded": step.others_exploded,
        "parameters": {name: {c.layer: c.count for c in layers} for name, layers in counts.items()},
        "parameters_total": {name: parameters.total(layers) for name, layers in counts.items()},
    }


def run(args: argparse.Namespace) -> int:
    """Study one digit, print a summary (and JSON with ``--json``)."""
    image, label, source = choose_digit(args.digit, args.image)
    settings = gradient_check.CheckSettings(samples=args.samples, seed=args.seed)
    if settings.samples < 1:
        raise ExplainerError(f"--samples must be at least 1, not {settings.samples}")
    found = study(image, label, args.target, args.lr, settings)
    if found["outcome"] == "exploded":
        raise ExplainerError(
            f"learning rate {args.lr:g} is too large: one step took the loss from "
            f"{found['loss_before']:.4g} to {found['loss_after']} (the weights overflowed); "
            "try 1 or less"
        )
    if args.json:
        write_json({"source": source, **found}, args.json)
    if args.json != "-":
        print_summary(source, found)
    return 0


def print_summary(source: str, found: dict) -> None:
    """A few lines a person can read."""
    label = "no label" if found["label"] is None else f"label {found['label']}"
    confidence = max(found["probabilities"])
    print(
        f"{source} ({label}): the CNN says {found['prediction']} ({confidence:.1%}); "
        f"loss against {found['target']}: {found['loss_before']:.4g}"
    )
    print(f"graph: {len(found['graph'])} nodes: {' <- '.join(found['graph'][:6])} <- ...")
    print(
        f"gradient check on {len(found['gradcheck_samples'])} weights: largest |autograd - "
        f"finite difference| = {found['gradcheck_max_error']:.2e}; torch.autograd.gradcheck "
        f"{'passed' if found['torch_gradcheck']['passed'] else 'FAILED'}"
    )
    before, after = found["test_before"], found["test_after"]
    print(
        f"one SGD step (lr {found['lr']:g}): loss {found['loss_before']:.4g} -> "
        f"{found['loss_after']:.4g} ({found['outcome']}); on the test digits: loss "
        f"{before['loss']:.4g} -> {after['loss']:.4g}, accuracy {before['accuracy']:.1%} -> "
        f"{after['accuracy']:.1%}"
    )
    if found["test_exploded"]:
        print(
            "warning: this learning rate wrecked the model on the other digits: one digit's "
            "step moved weights that every digit shares"
        )
    totals = found["parameters_total"]
    layers = ", ".join(f"{k} {v:,}" for k, v in found["parameters"]["cnn"].items())
    print(f"parameters: CNN {totals['cnn']:,} ({layers}); linear classifier {totals['linear']:,}")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "grad", help="autograd on one digit: the graph, a gradient check, one SGD step"
    )
    parser.add_argument("--digit", type=int, default=None, help="test digit number (default 0)")
    parser.add_argument(
        "--image", type=Path, default=None, metavar="FILE", help="an image of one digit instead"
    )
    parser.add_argument(
        "--target", type=int, default=None, help="the digit the loss aims at (default: the label)"
    )
    parser.add_argument("--lr", type=float, default=0.1, help="SGD learning rate (default 0.1)")
    parser.add_argument("--samples", type=int, default=20, help="weights to check (default 20)")
    parser.add_argument("--seed", type=int, default=0, help="which weights to check")
    parser.add_argument("--json", metavar="OUT", help="write the results ('-': stdout)")
    parser.set_defaults(handler=run)
