"""The "Features by hand" page, driven with Streamlit's AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from explainer import data

ROOT = Path(__file__).resolve().parents[1]
PAGE = str(ROOT / "pages" / "features.py")


@pytest.fixture()
def app() -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def chosen(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("Test digit #"))


def test_page_renders_every_part(app: AppTest) -> None:
    assert app.title[0].value == "Features by hand"
    text = " ".join(m.value for m in app.markdown)
    assert "Two or more loops" in text  # the rule path
    assert "says **" in text  # a prediction
    labels = [m.label for m in app.metric]
    assert labels == ["Rules: accuracy", "Rules: abstained", "Linear: accuracy"]
    rules = float(app.metric[0].value.rstrip("%"))
    linear = float(app.metric[2].value.rstrip("%"))
    assert rules >= 50 and linear >= 85
    assert len(app.get("plotly_chart")) >= 5
    assert any("def zhang_suen_step" in code.value for code in app.code)  # the real code


def test_gallery_pick_changes_the_digit(app: AppTest) -> None:
    before = chosen(app)
    app.button_group(key="features_gallery_pick").set_value(3).run()
    assert not app.exception
    after = chosen(app)
    assert after != before and after.endswith("labelled **3**.")


def test_index_input_picks_that_test_digit(app: AppTest) -> None:
    labels = data.load_mnist("test")[1]
    app.button_group(key="features_source").set_value("index").run()
    app.number_input(key="features_number").set_value(42).run()
    assert not app.exception
    assert chosen(app) == f"Test digit #42, labelled **{int(labels[42])}**."
    assert app.session_state["digit_choice"].index == 42  # shared with "CNN vs hand"


def test_random_and_shuffle_buttons(app: AppTest) -> None:
    app.button(key="features_shuffle").click().run()
    assert not app.exception
    app.button_group(key="features_source").set_value("random").run()
    seen = set()
    for _ in range(3):
        app.button(key="features_random").click().run()
        assert not app.exception
        seen.add(chosen(app))
    assert len(seen) >= 2


@pytest.mark.parametrize("source", ["draw", "upload"])
def test_opening_an_own_digit_tab_chooses_nothing(app: AppTest, source: str) -> None:
    before = chosen(app)
    app.button_group(key="features_source").set_value(source).run()
    assert not app.exception
    assert chosen(app) == before  # the test digit stays until the student draws or uploads
    assert app.session_state["digit_choice"].index == 0
    assert len(app.get("plotly_chart")) >= 5  # its steps and answers are still shown


def test_feature_distribution_selector(app: AppTest) -> None:
    app.selectbox(key="features_feature").set_value("aspect").run()
    assert not app.exception


def test_page_in_korean() -> None:
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.session_state["lang"] = "ko"
    at.run()
    assert not at.exception
    assert at.title[0].value == "손으로 만든 특징"


def test_presenter_mode_can_open_the_steps_first() -> None:
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.query_params["present"] = "1"
    at.query_params["slide_features"] = "1"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert [h.value for h in at.header] == ["Each step on this digit"]
    assert any("Two or more loops" in m.value for m in at.markdown)  # steps of test digit 0


def test_a_shared_link_opens_the_same_test_digit() -> None:
    app = AppTest.from_file(PAGE, default_timeout=120)
    app.query_params["digit"] = "42"
    app.run()
    assert not app.exception
    assert app.session_state["digit_choice"].index == 42
    fresh = AppTest.from_file(PAGE, default_timeout=120)
    fresh.query_params["digit"] = "-5"
    fresh.run()
    assert not fresh.exception and fresh.session_state["digit_choice"].index == 0


def test_the_loop_version_is_shown_and_timed_beside_the_tensor_one(app: AppTest) -> None:
    assert any("def features_of" in code.value for code in app.code)
    app.button(key="features_loops_run").click().run()
    assert not app.exception
    result = next(m.value for m in app.markdown if m.value.startswith("Python loops:"))
    assert result.endswith("same features: **True**.")
    timing = app.session_state["features_loops"]
    assert timing.digits == 200
    verdict = f"**{timing.ratio:.0f}x**" if timing.ratio >= 3 else f"{timing.ratio:.1f}x"
    assert any(verdict in m.value for m in app.markdown)
