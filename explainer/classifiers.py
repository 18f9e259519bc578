"""Two classifiers on the hand-made features: rules a teacher can read, and a linear model.

The rules are a small decision tree over a few features (loops, where the loop sits, endpoints,
crossings); they may abstain. The linear classifier is logistic regression (``nn.Linear`` on
standardised features) trained by :func:`explainer.train.fit`, the very loop that trains the CNN:
only the inputs differ.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from safetensors.torch import load_file, save_file
from torch import nn

from explainer import data, features
from explainer.errors import ExplainerError
from explainer.model import seeded

ABSTAIN = -1  # what the rules answer when no rule fits

# ---------------------------------------------------------------------------------------------
# Rules a teacher can read


@dataclass(frozen=True)
class Rule:
    """A yes/no question about the features; each answer leads to another rule or a digit.

    ``key`` names the question's text in the string tables (``rules.<key>``); a digit of ``None``
    means the rules abstain.
    """

    key: str
    test: Callable[[pd.DataFrame], pd.Series]
    yes: Rule | int | None
    no: Rule | int | None


def no_loop_rules() -> Rule:
    """The questions for digits without a loop: 1, 3, 5, 4, 2, 7 (and an open 0)."""
    crossed_twice = Rule(
        "crossed_twice", lambda f: (f.h_cross_50 == 2) & (f.v_cross_50 == 2), 0, None
    )
    top_bar = Rule(
        "top_bar",
        lambda f: (f.zone_01 > 0.3) & (f.zone_02 > 0.3) & ((f.zone_20 < 0.1) | (f.zone_22 < 0.1)),
        7,
        crossed_twice,
    )
    bottom_bar = Rule(
        "bottom_bar",
        lambda f: (f.zone_20 > 0.25) & (f.zone_22 > 0.25) & (f.endpoints_bottom >= 1),
        2,
        top_bar,
    )
    open_top = Rule(
        "open_top",
        lambda f: (
            (f[["h_cross_20", "h_cross_35", "h_cross_50"]].max(axis=1) >= 2) & (f.zone_01 < 0.2)
        ),
        4,
        bottom_bar,
    )
    foot_right = Rule("foot_right", lambda f: (f.zone_22 > 0.3) & (f.zone_00 < 0.3), 2, 5)
    three_ends = Rule(
        "three_ends", lambda f: (f.endpoints >= 3) & (f.junctions >= 1), 4, foot_right
    )
    ends_left = Rule("ends_left", lambda f: f.endpoints_right == 0, 3, three_ends)
    three_bars = Rule(
        "three_bars",
        lambda f: f[["v_cross_35", "v_cross_50", "v_cross_65"]].max(axis=1) >= 3,
        ends_left,
        open_top,
    )
    one_line = Rule(
        "one_line",
        lambda f: (f.strokes == 1) & (f.h_cross_50 == 1) & (f.v_cross_50 == 1) & (f.zone_01 < 0.3),
        1,
        three_bars,
    )
    return Rule("tall_thin", lambda f: f.aspect >= 2.0, 1, one_line)


def one_loop_rules() -> Rule:
    """The questions for digits with one loop: 0, 6, 9 (and a 2 with a loop at its foot)."""
    low_ends = Rule(
        "end_at_bottom",
        lambda f: f.endpoints_bottom >= 1,
        2,
        Rule("end_at_top", lambda f: (f.endpoints_top >= 1) & (f.endpoints_bottom == 0), 6, None),
    )
    high = Rule("loop_high", lambda f: f.hole1_y < 0.45, 9, None)
    low = Rule("loop_low", lambda f: f.hole1_y > 0.6, low_ends, high)
    return Rule("big_closed_loop", lambda f: (f.hole1_area >= 40) & (f.endpoints <= 1), 0, low)


@lru_cache(maxsize=1)
def rules() -> Rule:
    """The whole tree: first count the loops, then ask about their place and the strokes' ends."""
    loops = Rule("one_loop", lambda f: f.holes_big == 1, one_loop_rules(), no_loop_rules())
    return Rule("two_loops", lambda f: f.holes_big >= 2, 8, loops)


# The functions that hold the rules, for showing them.
RULE_FUNCTIONS = (rules, one_loop_rules, no_loop_rules)


def predict_rules(table: pd.DataFrame, tree: Rule | None = None) -> np.ndarray:
    """The rules' digit for each row of a feature table, ``ABSTAIN`` (-1) where they abstain."""
    out = np.full(len(table), ABSTAIN, dtype=np.int64)

    def walk(node: Rule | int | None, rows: np.ndarray) -> None:
        if not rows.any():
            return
        if not isinstance(node, Rule):
            out[rows] = ABSTAIN if node is None else node
            return
        answer = node.test(table).to_numpy(dtype=bool)
        walk(node.yes, rows & answer)
        walk(node.no, rows & ~answer)

    walk(tree or rules(), np.ones(len(table), dtype=bool))
    return out


def rule_path(row: pd.DataFrame, tree: Rule | None = None) -> tuple[list[tuple[str, bool]], int]:
    """The questions asked for one image (a one-row table) with their answers, and its digit."""
    path: list[tuple[str, bool]] = []
    node: Rule | int | None = tree or rules()
    while isinstance(node, Rule):
        answer = bool(node.test(row).iloc[0])
        path.append((node.key, answer))
        node = node.yes if answer else node.no
    return path, ABSTAIN if node is None else node


def rule_keys(node: Rule | int | None = None, top: bool = True) -> list[str]:
    """Every question's key in the tree (for checking that the string tables have them all)."""
    if top and node is None:
        node = rules()
    if not isinstance(node, Rule):
        return []
    return [node.key, *rule_keys(node.yes, top=False), *rule_keys(node.no, top=False)]


# ---------------------------------------------------------------------------------------------
# Logistic regression on the features


LINEAR_PATH = Path(__file__).resolve().parent / "assets" / "linear.safetensors"


@dataclass(frozen=True)
class LinearConfig:
    """How the linear classifier is trained: the same :class:`explainer.train.FitConfig` knobs."""

    epochs: int = 30
    batch_size: int = 64
    lr: float = 0.01
    optimizer: str = "adam"
    seed: int = 0


def expand(table: pd.DataFrame) -> torch.Tensor:
    """Feature table -> float32 ``[N, F]`` inputs: every column, plus one-hot counts.

    A linear model can only add up evidence; "exactly one loop" or "exactly two endpoints" is
    not a straight line in the raw count, so the small counts also come as yes/no columns.
    """
    raw = torch.tensor(table.to_numpy(dtype=np.float32))  # (N, C)
    onehots = []
    for name, top in (("holes_big", 2), ("endpoints", 4), ("junctions", 3), ("strokes", 4)):
        count = torch.tensor(table[name].to_numpy(dtype=np.int64)).clamp(max=top)  # (N,)
        onehots.append(nn.functional.one_hot(count, top + 1).float())
    return torch.cat([raw, *onehots], 1)


class LinearOnFeatures(nn.Module):
    """Logistic regression: standardise each feature, then one ``nn.Linear`` to 10 class scores."""

    def __init__(self, mean: torch.Tensor, std: torch.Tensor) -> None:
        super().__init__()
        self.register_buffer("mean", mean.clone())
        self.register_buffer("std", std.clone())
        self.linear = nn.Linear(len(mean), 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Features ``[N, F]`` -> class scores (logits) ``[N, 10]``."""
        return self.linear((x - self.mean) / self.std)


def fit_linear(
    inputs: torch.Tensor,
    labels: torch.Tensor,
    config: LinearConfig = LinearConfig(),
    test: tuple[torch.Tensor, torch.Tensor] | None = None,
    max_steps: int | None = None,
) -> tuple[LinearOnFeatures, float | None]:
    """Train logistic regression on expanded features ``[N, F]`` with the CNN's loop.

    Returns the model (eval mode) and its accuracy on ``test`` (expanded features, labels).
    ``max_steps`` caps the optimizer steps, as in :func:`explainer.train.fit`.
    """
    from explainer import train  # the training loop, shared with the CNN

    std = inputs.std(0) if len(inputs) > 1 else torch.ones(inputs.shape[1])
    model = LinearOnFeatures(inputs.mean(0), torch.where(std > 1e-6, std, 1.0))
    with seeded(config.seed):
        model.linear.reset_parameters()
    fit_config = train.FitConfig(
        epochs=config.epochs,
        batch_size=config.batch_size,
        lr=config.lr,
        optimizer=config.optimizer,
        seed=config.seed,
    )
    test_set = data.TensorPairDataset(*test) if test is not None else None
    train_set = data.TensorPairDataset(inputs, labels)
    result = train.fit(model, train_set, fit_config, test_set, max_steps=max_steps)
    return model.eval(), result.test_accuracy


def train_linear(
    images: torch.Tensor,
    labels: torch.Tensor,
    config: LinearConfig = LinearConfig(),
    test: tuple[torch.Tensor, torch.Tensor] | None = None,
) -> tuple[LinearOnFeatures, float | None]:
    """Extract features of uint8 digits, then :func:`fit_linear`; (model, test accuracy)."""
    inputs = expand(features.extract(images))  # (N, F)
    test_inputs = None if test is None else (expand(features.extract(test[0])), test[1])
    return fit_linear(inputs, labels, config, test_inputs)


def save_linear(model: LinearOnFeatures, path: Path, metadata: dict[str, str]) -> None:
    """Weights and standardisation as safetensors; ``metadata`` says how they were made."""
    state = {name: value.detach().contiguous() for name, value in model.state_dict().items()}
    save_file(state, str(path), metadata=metadata)


def load_linear(path: Path = LINEAR_PATH) -> LinearOnFeatures:
    """The shipped linear classifier (no pickle: safetensors), in eval mode."""
    try:
        state = load_file(str(path))
    except (FileNotFoundError, OSError):
        raise ExplainerError(
            f"{path}: linear classifier weights not found; run "
            "`python -m explainer sweep --linear-weights` to make them"
        ) from None
    model = LinearOnFeatures(state["mean"], state["std"])
    model.load_state_dict(state)
    return model.eval()


@torch.no_grad()
def linear_proba(model: LinearOnFeatures, table: pd.DataFrame) -> torch.Tensor:
    """Class probabilities ``[N, 10]`` of the linear classifier for a feature table."""
    return torch.softmax(model(expand(table)), dim=1)


def predict_linear(model: LinearOnFeatures, table: pd.DataFrame) -> np.ndarray:
    """The linear classifier's digit for each row of a feature table."""
    return linear_proba(model, table).argmax(1).numpy()


def linear_metadata(path: Path = LINEAR_PATH) -> dict[str, str]:
    """How the shipped weights were made (config, feature columns, test accuracy)."""
    from safetensors import safe_open

    with safe_open(str(path), framework="pt") as handle:
        return dict(handle.metadata() or {})


def make_linear(path: Path = LINEAR_PATH, config: LinearConfig = LinearConfig()) -> float:
    """Train on the bundled training digits and ship the weights; returns the test accuracy."""
    train_images, train_labels = data.load_mnist("train")
    test = data.load_mnist("test")
    model, accuracy = train_linear(train_images, train_labels, config, test)
    save_linear(
        model,
        path,
        {
            "config": json.dumps(config.__dict__),
            "columns": json.dumps(list(features.extract(test[0][:1]).columns)),
            "test_accuracy": f"{accuracy:.4f}",
        },
    )
    return float(accuracy or 0.0)


def disagreements(truth: np.ndarray, hand: np.ndarray, cnn: np.ndarray) -> dict[str, np.ndarray]:
    """Indices of the digits where hand and CNN fail differently: the galleries of "CNN vs hand".

    Keys: ``hand_wrong`` (hand wrong, CNN right), ``cnn_wrong`` (CNN wrong, hand right),
    ``both_wrong``.
    """
    hand_right, cnn_right = hand == truth, cnn == truth
    return {
        "hand_wrong": np.flatnonzero(~hand_right & cnn_right),
        "cnn_wrong": np.flatnonzero(hand_right & ~cnn_right),
        "both_wrong": np.flatnonzero(~hand_right & ~cnn_right),
    }
