"""What each change to the CNN's recipe buys, on the test split and on digits from elsewhere.

    python scripts/ablate_recipe.py [VARIANT ...] [--seeds 0 1 2]

Each variant trains from 3 seeds on the 4,000 bundled training digits (3 epochs, batch 64, one
thread) and prints the mean accuracy [and the worst seed] on the 1,000 test digits and on each
kind of digit from elsewhere (``explainer/assets/elsewhere.npz``), and the training seconds.
The models here are written out in full so that every knob can be switched on its own; the app's
recipe is ``explainer.train.TrainConfig`` (the ``no_decay`` row).
"""

import argparse
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

from explainer import data, elsewhere, perf
from explainer import model as M

perf.tune_allocator()
torch.set_num_threads(1)
e = elsewhere.load_elsewhere()
sets = {k: (data.to_model_input(e.of_kind(k).images), e.of_kind(k).labels) for k in elsewhere.KINDS}
ti, tl = data.load_mnist("test")
sets = {"test": (data.to_model_input(ti), tl), **sets}
tri, trl = data.load_mnist("train")
X = data.to_model_input(tri)
Y = trl


class Net(nn.Module):
    def __init__(s, c1=16, c2=32, hidden=64, pad2=False, dropout=0.0):
        super().__init__()
        s.conv1 = nn.Conv2d(1, c1, 5, padding=2)
        s.conv2 = nn.Conv2d(c1, c2, 5, padding=2 if pad2 else 0)
        side = 7 if pad2 else 5
        s.drop = nn.Dropout(dropout)
        s.fc1 = nn.Linear(c2 * side * side, hidden) if hidden else None
        s.fc2 = nn.Linear(hidden or c2 * side * side, 10)

    def forward(s, x):
        x = F.relu(F.max_pool2d(s.conv1(x), 2))
        x = F.relu(F.max_pool2d(s.conv2(x), 2))
        x = s.drop(x.flatten(1))
        if s.fc1 is not None:
            x = s.drop(F.relu(s.fc1(x)))
        return s.fc2(x)


def augment(x, g, rot=12, scale=0.12, shift=0.1):
    n = len(x)
    a = (torch.rand(n, generator=g) * 2 - 1) * math.radians(rot)
    sc = 1 + (torch.rand(n, generator=g) * 2 - 1) * scale
    sh = (torch.rand(n, generator=g) * 2 - 1) * 0.15
    tx, ty = [(torch.rand(n, generator=g) * 2 - 1) * shift for _ in range(2)]
    cos, sin = torch.cos(a) / sc, torch.sin(a) / sc
    theta = torch.stack([torch.stack([cos, -sin + sh, tx], 1), torch.stack([sin, cos, ty], 1)], 1)
    grid = F.affine_grid(theta, x.shape, align_corners=False)
    bg = (0 - data.MNIST_MEAN) / data.MNIST_STD
    return F.grid_sample(x - bg, grid, align_corners=False, padding_mode="zeros") + bg


def thick(x, g, p=0.3):
    # random stroke thickening/thinning via max/min-pool on un-normalised
    r = torch.rand(len(x), generator=g)
    d = F.max_pool2d(x, 3, 1, 1)
    er = -F.max_pool2d(-x, 3, 1, 1)
    out = torch.where((r < p)[:, None, None, None], d, x)
    return torch.where((r > 1 - p / 2)[:, None, None, None], torch.maximum(er, (x + er) / 2), out)


def gamma(x, g):
    mean, std = data.MNIST_MEAN, data.MNIST_STD
    v = (x * std + mean).clamp(0, 1)
    gm = torch.exp((torch.rand(len(x), 1, 1, 1, generator=g) * 2 - 1) * math.log(2.5))
    return (v.pow(gm) - mean) / std


class BNNet(Net):
    def __init__(s, c1=16, c2=32, hidden=64, pad2=False, dropout=0.0):
        super().__init__(c1, c2, hidden, pad2, dropout)
        s.bn1 = nn.BatchNorm2d(c1)
        s.bn2 = nn.BatchNorm2d(c2)

    def forward(s, x):
        x = F.relu(s.bn1(F.max_pool2d(s.conv1(x), 2)))
        x = F.relu(s.bn2(F.max_pool2d(s.conv2(x), 2)))
        x = x.flatten(1)
        return s.fc2(F.relu(s.fc1(x)))


def elastic(x, g, alpha=2.0, sigma=4.0, p=0.5):
    n = len(x)
    d = torch.rand(n, 2, 28, 28, generator=g) * 2 - 1
    k = torch.arange(-8, 9, dtype=torch.float32)
    k = torch.exp(-(k**2) / (2 * sigma**2))
    k = k / k.sum()
    d = F.conv2d(d.reshape(-1, 1, 28, 28), k.view(1, 1, 1, -1), padding=(0, 8))
    d = F.conv2d(d, k.view(1, 1, -1, 1), padding=(8, 0)).reshape(n, 2, 28, 28)
    d = d / d.flatten(1).std(1).clamp_min(1e-6)[:, None, None, None] * (alpha / 14)
    base = F.affine_grid(torch.eye(2, 3).expand(n, 2, 3), x.shape, align_corners=False)
    grid = (
        base + d.permute(0, 2, 3, 1) * (torch.rand(n, generator=g) < p).float()[:, None, None, None]
    )
    bg = (0 - data.MNIST_MEAN) / data.MNIST_STD
    return F.grid_sample(x - bg, grid, align_corners=False) + bg


def run(
    seed,
    ela=0.0,
    gam=False,
    bn=False,
    c1=16,
    c2=32,
    hidden=64,
    pad2=False,
    lr=5e-3,
    decay=True,
    aug=False,
    thk=False,
    wd=0.0,
    dropout=0.0,
    epochs=3,
    bs=64,
):
    with M.seeded(seed):
        net = (BNNet if bn else Net)(c1, c2, hidden, pad2, dropout)
    net = net.to(memory_format=torch.channels_last)
    opt = (
        torch.optim.Adam(net.parameters(), lr=lr, weight_decay=wd)
        if wd == 0
        else torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=wd)
    )
    steps = epochs * math.ceil(len(Y) / bs)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: max(0, 1 - s / steps) if decay else 1.0
    )
    g = torch.Generator().manual_seed(seed)
    ga = torch.Generator().manual_seed(seed + 1000)
    t0 = time.perf_counter()
    for _ in range(epochs):
        perm = torch.randperm(len(Y), generator=g)
        net.train()
        for i in range(0, len(Y), bs):
            idx = perm[i : i + bs]
            x = X[idx]
            y = Y[idx]
            if aug:
                x = augment(x, ga)
            if thk:
                x = thick(x, ga)
            if ela:
                x = elastic(x, ga, alpha=ela)
            if gam:
                x = gamma(x, ga)
            loss = F.cross_entropy(net(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
    secs = time.perf_counter() - t0
    net.eval()
    out = {}
    with torch.no_grad():
        for k, (x, y) in sets.items():
            out[k] = (net(x).argmax(1) == y).float().mean().item()
    out["s"] = secs
    return out


# Each row changes one thing against the row it names (the old shipped recipe is "decay").
variants = {
    "decay": dict(),  # the old recipe: 16/32 channels, hidden 64, Adam 5e-3 decaying to 0
    "no_decay": dict(decay=False),  # the new recipe: a constant learning rate
    "no_hidden": dict(hidden=0),  # decay, without the hidden fully-connected layer
    "pad_conv2": dict(pad2=True),  # decay, second conv padded (7x7 maps)
    "lenet": dict(c1=8, c2=16, hidden=0, pad2=True, lr=3e-3, decay=False),  # the LeNet
    "lenet_decay": dict(c1=8, c2=16, hidden=0, pad2=True, lr=3e-3, decay=True),
    "no_decay_wide": dict(decay=False, c1=32, c2=64),
    "no_decay_lr2e-3": dict(decay=False, lr=2e-3),
    "no_decay_5_epochs": dict(decay=False, epochs=5),
    "no_decay_dropout": dict(decay=False, dropout=0.3),
    "no_decay_batchnorm": dict(decay=False, bn=True),
    "no_decay_affine": dict(decay=False, aug=True),  # rotate, scale, shear, shift
    "no_decay_elastic": dict(decay=False, ela=1.0),
    "no_decay_thickness": dict(decay=False, thk=True),  # random stroke dilation / erosion
    "no_decay_gamma": dict(decay=False, gam=True),  # random ink contrast curve
    "weight_decay": dict(wd=0.05),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variants", nargs="*", metavar="VARIANT", help=", ".join(variants))
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    args = parser.parse_args()
    keys = ["test", "printed", "photo", "drawn", "s"]
    print("variant            " + "  ".join(f"{k:>14s}" for k in keys))
    unknown = [name for name in args.variants if name not in variants]
    if unknown:
        parser.error(f"unknown variant {unknown[0]!r}; choose from {', '.join(variants)}")
    for name in args.variants or list(variants):
        rs = [run(s, **variants[name]) for s in args.seeds]
        cells = [
            f"{sum(r[k] for r in rs) / len(rs):.3f} [{min(r[k] for r in rs):.3f}]" for k in keys
        ]
        print(f"{name:18s} " + "  ".join(f"{c:>14s}" for c in cells), flush=True)


if __name__ == "__main__":
    main()
