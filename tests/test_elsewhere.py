"""The digits from elsewhere: the shipped file, the per-set scores and the measured gaps."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from explainer import answers, data, elsewhere, model


@pytest.fixture(scope="module")
def scored() -> list[elsewhere.Scored]:
    return elsewhere.score_all()


def test_the_shipped_set_is_balanced_mnist_style_digits() -> None:
    found = elsewhere.load_elsewhere()
    assert found.images.dtype == torch.uint8 and found.images.shape[1:] == (28, 28)
    assert len(found) == 600
    for kind in elsewhere.KINDS:
        part = found.of_kind(kind)
        assert torch.bincount(part.labels, minlength=10).tolist() == [20] * 10
        assert len(part.sources) == len(part)
    # MNIST-style: ink centred by mass near the middle, the longest side of the ink about 20 px.
    mass = found.images.double()
    rows = (mass.sum(2) * torch.arange(28)).sum(1) / mass.sum((1, 2))
    cols = (mass.sum(1) * torch.arange(28)).sum(1) / mass.sum((1, 2))
    assert (rows - 13.5).abs().max() < 2.5 and (cols - 13.5).abs().max() < 2.5
    printed = set(found.of_kind("printed").sources)
    assert len(printed) >= 8  # several fonts


def test_scores_cover_the_test_split_and_every_kind(scored) -> None:
    assert [s.name for s in scored] == list(elsewhere.SET_NAMES)
    test = scored[0]
    images, labels = data.load_mnist("test")
    assert torch.equal(test.images, images) and torch.equal(test.labels, labels)
    # The same answers as asking the CNN directly.
    assert np.array_equal(test.answers.cnn, model.predict(model.load_pretrained(), images).numpy())
    for entry in scored:
        accuracy = entry.accuracy()
        for learner in answers.LEARNERS:
            wrong = len(entry.wrong(learner))
            assert accuracy[learner] == pytest.approx(1 - wrong / len(entry.labels))


def test_the_shipped_cnn_generalises_where_the_targets_say(scored) -> None:
    accuracy = {s.name: s.accuracy() for s in scored}
    assert accuracy["test"]["cnn"] >= 0.97
    assert accuracy["photo"]["cnn"] >= 0.93
    assert accuracy["drawn"]["cnn"] >= 0.95
    for name in elsewhere.SET_NAMES:  # the learned features are ahead everywhere
        assert accuracy[name]["cnn"] > accuracy[name]["linear"] > accuracy[name]["rules"]


def test_gaps_are_the_measured_difference_with_its_word(scored) -> None:
    for gap, entry in zip(elsewhere.gaps(scored), scored):
        accuracy = entry.accuracy()
        assert gap.points == pytest.approx(100 * (accuracy["cnn"] - accuracy["linear"]))
    assert elsewhere.Gap("x", 3.0).word == "ahead"
    assert elsewhere.Gap("x", -1.0).word == "behind"
    assert elsewhere.Gap("x", 0.4).word == "level"


def test_captions_name_the_label_and_the_answer(scored) -> None:
    photo = scored[2]
    wrong = photo.wrong("rules")
    captions = photo.captions("rules", wrong)
    for i, caption in zip(wrong, captions):
        label, said = caption.split("→")
        assert int(label) == int(photo.labels[i])
        assert said == "?" if photo.answers.rules[i] < 0 else int(said) == photo.answers.rules[i]
