"""The "Learned features: CNN vs hand" page, driven with Streamlit's AppTest through the router."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from explainer import data, elsewhere, i18n, sweep
from explainer.views import captions

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "explainer" / "app.py")
PAGE = str(ROOT / "pages" / "cnn_vs_hand.py")
FEATURES = str(ROOT / "pages" / "features.py")


def open_page(path: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180).run()
    at.switch_page(path)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_page_shows_three_classifiers_and_disagreements() -> None:
    at = open_page(PAGE)
    assert at.title[0].value == "Learned features: CNN vs hand"
    accuracy = {m.label: float(m.value.rstrip("%")) for m in at.metric}
    assert accuracy["Rules"] >= 50
    assert accuracy["Linear on hand features"] >= 85
    assert accuracy["CNN (learned features)"] >= 97
    labels = [tab.label for tab in at.tabs]
    assert [label.split(" (")[0] for label in labels[:3]] == [
        "Hand wrong, CNN right",
        "CNN wrong, hand right",
        "Both wrong",
    ]
    assert any("Precomputed" in c.value for c in at.caption)  # the shipped sweep is shown


def test_digits_from_elsewhere_show_measured_gaps_and_wrong_digits() -> None:
    at = open_page(PAGE)
    labels = [tab.label for tab in at.tabs]
    assert [label.split(" (")[0] for label in labels[3:6]] == ["printed", "photo-like", "drawn"]
    scored = elsewhere.score_all()
    for entry in scored:  # every sentence about a set is the measured gap, in its own direction
        gap = elsewhere.gaps([entry])[0]
        if gap.word != "level":
            sentence = f"**{abs(gap.points):.1f} points {gap.word}**"
            assert any(sentence in m.value for m in at.markdown), sentence
    for entry in scored[1:]:
        wrong = len(entry.wrong("cnn"))
        line = f"**CNN (learned features)**: {wrong} of {len(entry.labels)} wrong"
        assert any(m.value.startswith(line) for m in at.markdown), line


def test_fallback_number_input_picks_a_test_digit() -> None:
    at = open_page(PAGE)
    labels = data.load_mnist("test")[1]
    at.number_input(key="cnn_vs_hand_index").set_value(7).run()
    assert not at.exception
    assert f"Label: **{int(labels[7])}**" in [m.value for m in at.markdown]


def test_digit_chosen_on_the_features_page_is_shared() -> None:
    at = open_page(FEATURES)
    at.button_group(key="features_source").set_value("index").run()
    at.number_input(key="features_number").set_value(123).run()
    assert not at.exception
    at.switch_page(PAGE)
    at.run()
    assert not at.exception
    label = int(data.load_mnist("test")[1][123])
    assert f"Label: **{label}**" in [m.value for m in at.markdown]
    assert not any(n.key == "cnn_vs_hand_index" for n in at.number_input)  # no second picker
    assert any("Features by hand" in c.value for c in at.caption)


def test_sweep_says_what_the_shipped_points_show() -> None:
    at = open_page(PAGE)
    summary = sweep.summarize(sweep.load_shipped())
    names = {key: i18n.t(f"cnn_vs_hand.name.{key}") for key in ("linear", "cnn")}
    expected = captions.sweep_findings(summary, i18n.t, names)
    shown = "\n".join(m.value for m in at.markdown)
    assert all(sentence in shown for sentence in expected)
    assert "keep improving" not in shown and "level off" not in shown
    methods = " ".join(c.value for c in at.caption)
    assert captions.sweep_method(summary, i18n.t) in methods
    assert at.button(key="cnn_vs_hand_rerun").proto.help.startswith(
        "Seeds 0, 1 at 50, 200, 1000, 4000"
    )


def test_sweep_recomputes_a_smaller_sweep_on_demand(monkeypatch: pytest.MonkeyPatch) -> None:
    real = sweep.run_sweep
    small = sweep.SweepConfig(sizes=(50, 100), seeds=(0, 1), steps=3)
    monkeypatch.setattr(sweep, "run_sweep", lambda config, **kw: real(small, **kw))
    at = open_page(PAGE)
    at.button(key="cnn_vs_hand_rerun").click().run()
    assert not at.exception, [e.value for e in at.exception]
    captions_shown = " ".join(c.value for c in at.caption)
    assert "Recomputed on this machine just now" in captions_shown
    assert "seeds 0, 1 at 50, 100 digits" in captions_shown
    points = at.session_state["cnn_vs_hand_sweep"]
    assert sorted({(p.learner, p.size) for p in points}) == [
        ("cnn", 50),
        ("cnn", 100),
        ("linear", 50),
        ("linear", 100),
    ]
    assert len(points) == 8  # two seeds each


def test_sweep_in_korean() -> None:
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["lang"] = "ko"
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception
    summary = sweep.summarize(sweep.load_shipped())
    names = {key: i18n.t(f"cnn_vs_hand.name.{key}", "ko") for key in ("linear", "cnn")}
    expected = captions.sweep_findings(summary, partial(i18n.t, lang="ko"), names)
    shown = "\n".join(m.value for m in at.markdown)
    assert all(sentence in shown for sentence in expected)


def test_a_shared_link_opens_the_same_test_digit() -> None:
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["digit"] = "7"
    at.run()
    at.switch_page(PAGE)
    at.query_params["digit"] = "7"  # as if the link pointed at this page
    at.run()
    assert not at.exception
    assert at.number_input(key="cnn_vs_hand_index").value == 7
    label = int(data.load_mnist("test")[1][7])
    assert f"Label: **{label}**" in [m.value for m in at.markdown]
