"""Regenerate the shipped CNN: ``explainer/assets/cnn.safetensors`` and ``cnn_history.json``.

    python scripts/make_pretrained.py [--seed 0] [--epochs 3]

The same seed gives the same weights (same torch version, CPU). The history JSON holds the loss per
step, accuracy per epoch and first-layer filter snapshots for the "Inside the CNN" replay slider.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from explainer import export, model, perf, train

ASSETS = Path(model.PRETRAINED_PATH).parent


def main() -> None:
    """Train from a seed and write the weights and their training record."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--snapshot-every", type=int, default=5)
    parser.add_argument("--out", type=Path, default=model.PRETRAINED_PATH)
    args = parser.parse_args()
    perf.tune_allocator()
    loop = train.cnn_fit(epochs=args.epochs, seed=args.seed)
    config = train.TrainConfig(loop, snapshot_every=args.snapshot_every)
    result = train.train_cnn(config)
    if result.status != "finished":
        raise SystemExit(f"training did not finish: {result.status}")
    args.out.write_bytes(export.safetensors_bytes(result))
    history = export.history_record(result)
    history_path = args.out.with_name(args.out.stem + "_history.json")
    history_path.write_text(json.dumps(history, separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"test accuracy {result.test_accuracy:.3f} after {result.fit.steps} steps "
        f"({result.fit.seconds:.1f} s): wrote {args.out} and {history_path}"
    )


if __name__ == "__main__":
    main()
