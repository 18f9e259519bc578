"""``python -m explainer train``: train the CNN on the bundled digits, print progress, save it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from explainer import export, machine, train
from explainer.errors import ExplainerError
from explainer.jsonio import write_json


def describe_divergence(divergence: train.Divergence) -> str:
    """One plain sentence on a diverged run and what to try instead."""
    return (
        f"training diverged at step {divergence.step}: the loss became {divergence.loss} with "
        f"learning rate {divergence.lr:g} ({divergence.optimizer}). The steps were so large that "
        f"the weights overshot and blew up. Try a smaller --lr, e.g. "
        f"{train.DEFAULT_LR[divergence.optimizer]:g}."
    )


def config_from(args: argparse.Namespace) -> train.TrainConfig:
    """The run's settings from the command line; bad values become a one-line error."""
    try:
        loop = train.cnn_fit(
            epochs=args.epochs,
            batch_size=args.batch_size,
            lr=args.lr,
            optimizer=args.optimizer,
            seed=args.seed,
            device=machine.pick_device(args.device),
        )
        config = train.TrainConfig(
            loop,
            train_size=args.train_size,
            first_layer=args.first_layer,
            freeze_first_layer=args.freeze_first_layer,
            threads=args.threads,
        )
    except ValueError as error:  # machine.DeviceMissing too
        raise ExplainerError(str(error)) from None
    available = len(train.digit_dataset("train"))
    if args.train_size > available:
        raise ExplainerError(
            f"training-set size must be at most {available}, not {args.train_size}"
        )
    return config


def run(args: argparse.Namespace) -> int:
    """Train, report each epoch, write the weights and the JSON record."""
    config = config_from(args)
    log = sys.stderr if args.json == "-" else sys.stdout

    def report(event: train.Progress) -> None:
        if event.kind == "epoch":
            test = f", test {event.test_accuracy:.1%}" if event.test_accuracy is not None else ""
            print(
                f"epoch {event.epoch + 1}/{config.fit.epochs}: loss {event.loss:.4f}, "
                f"train {event.train_accuracy:.1%}{test} ({event.seconds:.1f} s)",
                file=log,
            )

    print(f"training on {machine.device_name(config.fit.device)} ({config.fit.device})", file=log)
    result = train.train_cnn(config, on_progress=report)
    if args.json:
        write_json(export.history_record(result, snapshots=False), args.json)
    if result.fit.divergence is not None:
        raise ExplainerError(describe_divergence(result.fit.divergence))
    if args.out is not None:
        payload = (
            export.pt2_bytes(result.model)
            if args.out.suffix == ".pt2"
            else export.safetensors_bytes(result)
        )
        try:
            args.out.write_bytes(payload)
        except OSError as error:
            raise ExplainerError(f"cannot write {args.out}: {error.strerror or error}") from None
    saved = f"; saved to {args.out}" if args.out else ""
    print(
        f"test accuracy {result.test_accuracy:.1%} after {result.fit.steps} steps "
        f"in {result.fit.seconds:.1f} s{saved}",
        file=log,
    )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "train", help="train the CNN on the bundled digits (the app's own training loop)"
    )
    defaults, loop = train.TrainConfig(), train.CNN_FIT
    parser.add_argument("--epochs", type=int, default=loop.epochs)
    parser.add_argument("--seed", type=int, default=loop.seed)
    parser.add_argument(
        "--lr", type=float, default=None, help="learning rate (default: per optimizer)"
    )
    parser.add_argument("--batch-size", type=int, default=loop.batch_size)
    parser.add_argument("--optimizer", choices=train.OPTIMIZERS, default=loop.optimizer)
    parser.add_argument(
        "--device",
        choices=machine.TRAIN_DEVICES,
        default="auto",
        help="where to train: auto (cuda if present, else mps, else cpu), cpu, cuda or mps",
    )
    parser.add_argument(
        "--train-size", type=int, default=defaults.train_size, help="training digits (1-4000)"
    )
    parser.add_argument(
        "--first-layer",
        choices=("random", "hand"),
        default=defaults.first_layer,
        help="start the first conv layer random or with hand-set kernels (Sobel, Laplacian, blur)",
    )
    parser.add_argument(
        "--freeze-first-layer", action="store_true", help="do not train the first conv layer"
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=defaults.threads,
        help=f"torch threads while training (default {defaults.threads}: steady on a shared machine)",
    )
    parser.add_argument(
        "--out", type=Path, default=None, help="save the model: .safetensors (weights) or .pt2"
    )
    parser.add_argument(
        "--json", metavar="OUT", help="write the loss history and accuracies as JSON ('-': stdout)"
    )
    parser.set_defaults(handler=run)
