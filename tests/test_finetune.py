"""Learning from the class: a copy learns, the shipped CNN never changes, the halves never meet."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from explainer import class_digits, data, finetune, model
from explainer.errors import ExplainerError


def class_of(images: torch.Tensor, labels: torch.Tensor) -> class_digits.ClassDigits:
    zeros = [0] * len(labels)
    return class_digits.ClassDigits.from_rows(
        list(range(len(labels))),
        [i.numpy().tobytes() for i in images],
        labels.tolist(),
        zeros,
        zeros,
        zeros,
    )


def test_the_halves_are_disjoint_and_share_every_label() -> None:
    labels = np.repeat(np.arange(10), 5)
    train, held = finetune.split_half(labels, seed=3)
    assert not set(train) & set(held) and len(train) + len(held) == 50
    assert set(labels[train]) == set(labels[held]) == set(range(10))
    assert np.array_equal(finetune.split_half(labels, seed=3)[0], train)  # seeded


def test_a_copy_learns_a_style_and_the_shipped_cnn_does_not_change() -> None:
    images, labels = data.load_mnist("test")
    # A "class" whose handwriting the CNN has never seen: every digit mirrored left to right.
    index = torch.randperm(len(labels), generator=torch.Generator().manual_seed(0))[:120]
    style = class_of(images[index].flip(-1), labels[index])
    shipped = model.load_pretrained()
    before = {k: v.clone() for k, v in shipped.state_dict().items()}
    result = finetune.finetune(style, finetune.FinetuneConfig(steps=60), base=shipped)
    assert all(torch.equal(before[k], v) for k, v in shipped.state_dict().items())
    assert result.steps == 60
    held = style.subset(result.held_index)
    # The numbers agree with an independent scoring of both models.
    assert result.before == pytest.approx(
        model.accuracy(shipped, held.images, torch.from_numpy(held.labels))
    )
    assert result.after == pytest.approx(
        model.accuracy(result.model, held.images, torch.from_numpy(held.labels))
    )
    assert result.after > result.before  # it learned the mirrored style
    assert result.test_before == pytest.approx(model.accuracy(shipped, images, labels))
    assert result.scores()["after"] == {"held": result.after, "test": result.test_after}


def test_too_few_digits_get_a_clear_message() -> None:
    images, labels = data.load_mnist("test")
    with pytest.raises(ExplainerError, match="at least 20 digits"):
        finetune.finetune(class_of(images[:5], labels[:5]))
