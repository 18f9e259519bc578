"""The "Watch it learn" page's words and settings, checked without Streamlit on real runs."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from explainer import i18n, jobs, train
from explainer.views import train as view

ROOT = Path(__file__).resolve().parents[1]
TINY = train.TrainConfig(train.cnn_fit(epochs=1, batch_size=32, seed=3), train_size=200)
HUGE_LR = train.TrainConfig(train.cnn_fit(epochs=1, optimizer="sgd", lr=1000.0), train_size=300)


def in_language(lang: str) -> view.Translate:
    return lambda key, **values: i18n.t(key, lang, **values)


def snapshot_of(result: train.TrainResult, state: jobs.State | None = None) -> jobs.JobSnapshot:
    """What a job shows once ``result``'s run has ended (or, with ``state``, while it runs)."""
    fit = result.fit
    epochs = tuple(
        jobs.EpochPoint(e.epoch, e.step, e.train_accuracy, e.test_accuracy) for e in fit.epochs
    )
    ended = state is None
    return jobs.JobSnapshot(
        1,
        state or result.status,
        0,
        fit.steps,
        fit.steps + 3,
        0,
        fit.seconds,
        tuple(fit.losses),
        epochs,
        None,
        None,
        result if ended else None,
    )


@pytest.fixture(scope="module")
def finished() -> train.TrainResult:
    return train.train_cnn(TINY)


def test_settings_map_to_a_train_config():
    frozen = view.train_config(2, 32, 0.1, "sgd", 500, 7, "frozen")
    assert (frozen.first_layer, frozen.freeze_first_layer) == ("hand", True)
    assert view.train_config(2, 32, 0.1, "sgd", 500, 7, "hand").freeze_first_layer is False
    assert view.train_config(2, 32, 0.1, "sgd", 500, 7, "random").first_layer == "random"
    with pytest.raises(ValueError):
        view.train_config(2, 32, 0.1, "sgd", 500, 7, "sideways")
    with pytest.raises(ValueError):
        view.train_config(2, 0, 0.1, "sgd", 500, 7, "random")


def test_status_messages_in_both_languages(finished):
    snap = snapshot_of(finished)
    for lang in i18n.LANGUAGES:
        level, text = view.status_message(snap, 1, in_language(lang))
        assert level == "success" and f"{finished.test_accuracy:.1%}" in text
    queued = jobs.JobSnapshot(9, "queued", 3, 0, 10, 0, 0.0, (), (), None, None, None)
    level, text = view.status_message(queued, 1, in_language("en"))
    assert level == "info" and "number 3" in text
    level, text = view.status_message(snapshot_of(finished, "running"), 1, in_language("en"))
    assert level == "progress" and f"{finished.fit.steps}" in text
    failed = jobs.JobSnapshot(2, "failed", 0, 0, 10, 0, 0.0, (), (), None, None, None, "Boom: x")
    level, text = view.status_message(failed, 1, in_language("en"))
    assert level == "warning" and "Boom: x" in text


def test_a_diverged_run_says_why_in_both_languages():
    result = train.train_cnn(HUGE_LR)
    divergence = result.fit.divergence
    assert result.status == "diverged" and divergence is not None
    for lang in i18n.LANGUAGES:
        level, text = view.status_message(snapshot_of(result), 1, in_language(lang))
        assert level == "error"
        assert view.loss_word(divergence.loss) in text and "1000" in text


def test_metrics_are_the_last_numbers_formatted(finished):
    queued = jobs.JobSnapshot(9, "queued", 3, 0, 10, 0, 0.0, (), (), None, None, None)
    assert view.metrics(queued) == dict.fromkeys(("loss", "train", "test", "speed"), "—")
    shown = view.metrics(snapshot_of(finished))
    assert shown["test"] == f"{finished.test_accuracy:.1%}"
    assert shown["loss"] == f"{finished.losses[-1]:.3g}"
    assert view.loss_word(float("nan")) == "NaN" and view.loss_word(float("inf")) == "∞"
    assert view.loss_word(float("-inf")) == "-∞"


def test_views_do_not_import_streamlit_and_jobs_hold_no_page_words():
    for path in (ROOT / "explainer" / "views").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                assert not any(n.split(".")[0] == "streamlit" for n in names), path.name
    assert '"train.' not in (ROOT / "explainer" / "jobs.py").read_text(encoding="utf-8")
