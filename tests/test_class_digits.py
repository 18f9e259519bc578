"""A class's digits as a test set: accuracy, confusion, disagreements and the files to take home."""

from __future__ import annotations

import csv
import io

import numpy as np
import pytest
import torch

from explainer import answers, class_digits, classifiers, data


@pytest.fixture(scope="module")
def digits() -> class_digits.ClassDigits:
    """Thirty test digits with the answers the app would have stored for them."""
    images, labels = data.load_mnist("test")
    index = torch.randperm(len(labels), generator=torch.Generator().manual_seed(1))[:30]
    found = answers.answer_all(images[index])
    return class_digits.ClassDigits.from_rows(
        ids=list(range(100, 130)),
        images=[image.numpy().tobytes() for image in images[index]],
        labels=labels[index].tolist(),
        rules=found.rules.tolist(),
        linear=found.linear.tolist(),
        cnn=found.cnn.tolist(),
    )


def test_accuracy_counts_an_abstention_as_wrong(digits) -> None:
    truth = digits.labels
    assert digits.accuracy() == {k: float(np.mean(digits.of(k) == truth)) for k in answers.LEARNERS}
    rules = digits.rules.copy()
    rules[:] = classifiers.ABSTAIN
    none_right = class_digits.ClassDigits(
        digits.ids, digits.images, digits.labels, rules, digits.linear, digits.cnn
    )
    assert none_right.accuracy()["rules"] == 0.0
    empty = digits.subset(np.array([], dtype=np.int64))
    assert len(empty) == 0 and empty.accuracy() == {"rules": 0.0, "linear": 0.0, "cnn": 0.0}


def test_confusion_and_disagreements_agree_with_a_loop(digits) -> None:
    matrix = digits.confusion("cnn")
    assert matrix.shape == (10, 10) and matrix.sum() == len(digits)
    for i in range(len(digits)):  # an independent count, one digit at a time
        assert matrix[digits.labels[i], digits.cnn[i]] >= 1
    assert np.trace(matrix) == int((digits.cnn == digits.labels).sum())
    assert digits.confusion("rules").shape == (10, 11)
    groups = digits.disagreements()
    for i in groups["hand_wrong"]:
        assert digits.linear[i] != digits.labels[i] == digits.cnn[i]
    assert sum(digits.label_counts()) == len(digits)


def test_records_and_summary(digits) -> None:
    records = class_digits.records(digits)
    assert len(records) == 30 and records[0]["number"] == 1
    assert set(records[0]) == {"number", "label", "rules", "linear", "cnn"}
    for record, rules in zip(records, digits.rules):
        assert record["rules"] == (None if rules == classifiers.ABSTAIN else rules)
    summary = class_digits.summary(digits, {"rules": 0.5, "linear": 0.9, "cnn": 0.97})
    assert summary["digits"] == 30 and summary["accuracy"] == digits.accuracy()
    assert summary["test_accuracy"]["cnn"] == 0.97


def test_npz_and_csv_give_back_the_digits(digits) -> None:
    with np.load(io.BytesIO(class_digits.to_npz(digits)), allow_pickle=False) as archive:
        assert np.array_equal(archive["images"], digits.images.numpy())
        assert archive["images"].dtype == np.uint8
        for key in ("labels", "rules", "linear", "cnn"):
            assert np.array_equal(archive[key], getattr(digits, key))
    rows = list(csv.DictReader(io.StringIO(class_digits.to_csv(digits))))
    assert len(rows) == 30
    pixels = np.array([[int(row[f"p{i}"]) for i in range(784)] for row in rows], np.uint8)
    assert np.array_equal(pixels.reshape(30, 28, 28), digits.images.numpy())
    assert [int(r["label"]) for r in rows] == digits.labels.tolist()


def test_the_reference_is_the_test_split_accuracy() -> None:
    images, labels = data.load_mnist("test")
    assert class_digits.reference_accuracy() == answers.answer_all(images).accuracy(labels)
