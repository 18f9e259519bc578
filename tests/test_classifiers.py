"""The two hand classifiers: readable rules and logistic regression on the features."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import torch
from safetensors.torch import load_file

from explainer import classifiers, data, features, i18n
from explainer.errors import ExplainerError


@pytest.fixture(scope="module")
def test_split() -> tuple[pd.DataFrame, np.ndarray]:
    images, labels = data.load_mnist("test")
    return features.extract(images), labels.numpy()


def test_rules_reach_half_of_the_test_digits(test_split) -> None:
    table, labels = test_split
    predicted = classifiers.predict_rules(table)
    assert predicted.shape == (1000,)
    assert set(np.unique(predicted)) <= set(range(-1, 10))
    accuracy = (predicted == labels).mean()  # an abstention counts as wrong
    assert accuracy >= 0.5, accuracy
    assert (predicted == classifiers.ABSTAIN).any()  # the rules do abstain sometimes


def test_rule_path_agrees_with_the_batched_rules(test_split) -> None:
    table, _ = test_split
    predicted = classifiers.predict_rules(table)
    keys = set(classifiers.rule_keys())
    for index in range(0, 1000, 37):
        path, digit = classifiers.rule_path(table.iloc[[index]])
        assert digit == predicted[index]
        assert path and path[0][0] == "two_loops"
        assert {key for key, _ in path} <= keys


def test_rule_texts_exist_in_both_languages() -> None:
    tables = i18n.catalogs()
    for key in classifiers.rule_keys():
        for lang in i18n.LANGUAGES:
            assert f"rules.{key}" in tables[lang], (lang, key)


def test_two_loops_means_eight() -> None:
    table = pd.DataFrame([{"holes_big": 2}])
    path, digit = classifiers.rule_path(table)
    assert digit == 8 and path == [("two_loops", True)]


def test_shipped_linear_classifier_reaches_85_percent(test_split) -> None:
    table, labels = test_split
    model = classifiers.load_linear()
    predicted = classifiers.predict_linear(model, table)
    accuracy = (predicted == labels).mean()
    assert accuracy >= 0.85, accuracy
    proba = classifiers.linear_proba(model, table.iloc[:5])
    assert proba.shape == (5, 10)
    torch.testing.assert_close(proba.sum(1), torch.ones(5))
    meta = classifiers.linear_metadata()
    assert float(meta["test_accuracy"]) == pytest.approx(accuracy, abs=1e-3)
    assert meta["columns"].count(",") + 1 == table.shape[1]


def test_linear_weights_are_reproducible_from_the_seed(tmp_path) -> None:
    accuracy = classifiers.make_linear(tmp_path / "linear.safetensors")
    assert accuracy >= 0.85
    ours = load_file(str(tmp_path / "linear.safetensors"))
    shipped = load_file(str(classifiers.LINEAR_PATH))
    assert ours.keys() == shipped.keys()
    for name in ours:
        torch.testing.assert_close(ours[name], shipped[name])


def test_linear_training_uses_the_shared_loop(monkeypatch) -> None:
    from explainer import train

    calls = []
    real_fit = train.fit

    def spy(*args, **kwargs):
        calls.append(args[2])
        return real_fit(*args, **kwargs)

    monkeypatch.setattr(train, "fit", spy)
    images, labels = data.load_mnist("train")
    config = classifiers.LinearConfig(epochs=2)
    model, accuracy = classifiers.train_linear(images[:500], labels[:500], config)
    assert len(calls) == 1 and calls[0].epochs == 2 and accuracy is None
    assert isinstance(model.linear, torch.nn.Linear)


def test_expand_adds_one_hot_counts(test_split) -> None:
    table, _ = test_split
    inputs = classifiers.expand(table.iloc[:3])
    assert inputs.shape[0] == 3 and inputs.shape[1] > table.shape[1]
    assert inputs.dtype == torch.float32


def test_missing_weights_give_a_clear_error(tmp_path) -> None:
    with pytest.raises(ExplainerError, match="not found"):
        classifiers.load_linear(tmp_path / "nothing.safetensors")


def test_disagreements_split_the_mistakes_three_ways() -> None:
    truth = np.array([0, 1, 2, 3, 4])
    hand = np.array([0, 9, 2, 9, 9])
    cnn = np.array([0, 1, 9, 9, 4])
    groups = classifiers.disagreements(truth, hand, cnn)
    assert groups["hand_wrong"].tolist() == [1, 4]
    assert groups["cnn_wrong"].tolist() == [2]
    assert groups["both_wrong"].tolist() == [3]
