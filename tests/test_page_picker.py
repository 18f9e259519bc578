"""The digit picker's drawing, driven with AppTest through the router, in both languages.

AppTest cannot draw on the canvas component, so a stand-in for ``st_canvas`` returns what the
test "drew" on the canvas with the current key (a new key is a blank canvas, as in the browser).
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from explainer import i18n, picker

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "explainer" / "app.py")
FEATURES = str(ROOT / "pages" / "features.py")
CNN = str(ROOT / "pages" / "cnn_vs_hand.py")


def strokes(*columns: int) -> np.ndarray:
    """A 280x280 RGBA canvas with a white vertical stroke at each column."""
    rgba = np.zeros((280, 280, 4), dtype=np.uint8)
    for column in columns:
        rgba[40:240, column - 11 : column + 11] = 255
    return rgba


class FakeCanvas:
    """Stands in for ``st_canvas``: the drawing on the canvas of each key."""

    def __init__(self) -> None:
        self.drawn: dict[str, np.ndarray] = {}
        self.key = ""

    def __call__(self, **options: object) -> SimpleNamespace:
        self.key = str(options["key"])
        rgba = self.drawn.get(self.key)
        objects = [] if rgba is None else [{"type": "path"}]
        return SimpleNamespace(json_data={"objects": objects}, image_data=rgba)

    def draw(self, rgba: np.ndarray) -> None:
        self.drawn[self.key] = rgba


@pytest.fixture()
def fake_canvas(monkeypatch: pytest.MonkeyPatch) -> FakeCanvas:
    fake = FakeCanvas()
    # The real module registers its component on import, which needs a running app: replace it.
    monkeypatch.setitem(sys.modules, "streamlit_drawable_canvas", SimpleNamespace(st_canvas=fake))
    return fake


def open_draw_tab(lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(FEATURES).run()
    at.button_group(key="features_source").set_value("draw").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [*at.markdown, *at.caption, *at.info, *at.error, *at.success]
    return "\n".join(element.value for element in parts)


def url_digit(at: AppTest) -> str | None:
    """The URL's ``?digit=`` (AppTest may hold a parameter as a list)."""
    value = at.query_params.get("digit")
    return value[0] if isinstance(value, list) else value


def use_drawing(at: AppTest, canvas: FakeCanvas, rgba: np.ndarray) -> None:
    canvas.draw(rgba)
    at.run()  # a pen lift reruns the page
    at.button(key="features_use").click().run()
    assert not at.exception, [e.value for e in at.exception]


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_a_drawing_is_answered_only_when_used(fake_canvas: FakeCanvas, lang: str) -> None:
    at = open_draw_tab(lang)
    assert i18n.t("features.pick.draw_waiting", lang) in texts(at)
    fake_canvas.draw(strokes(100))  # the first stroke of a digit
    at.run()
    assert not at.exception
    assert i18n.t("features.pick.draw_pending", lang) in texts(at)
    assert at.session_state["digit_choice"].index == 0  # the half digit gets no answer
    assert url_digit(at) == "0"
    fake_canvas.draw(strokes(100, 180))
    at.button(key="features_use").click().run()
    assert not at.exception
    choice = at.session_state["digit_choice"]
    assert choice.source == "draw" and choice.own and choice.thumbnail
    assert picker.same_digit(choice, picker.from_canvas(strokes(100, 180)))
    assert i18n.t("features.pick.chosen_draw", lang) in texts(at)
    assert i18n.t("features.pick.draw_pending", lang) not in texts(at)
    assert url_digit(at) is None  # the URL claims no test digit


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_an_empty_drawing_gets_a_kind_message_and_keeps_the_digit(
    fake_canvas: FakeCanvas, lang: str
) -> None:
    at = open_draw_tab(lang)
    use_drawing(at, fake_canvas, strokes(140))
    kept = at.session_state["digit_choice"]
    at.button(key="features_new").click().run()  # a new, blank canvas
    assert not at.exception
    assert i18n.t("features.pick.draw_kept", lang) in texts(at)
    at.button(key="features_use").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == [i18n.t("features.pick.draw_empty", lang)]
    assert at.session_state["digit_choice"] is kept


def test_a_drawing_that_is_no_digit_gets_a_message_and_keeps_the_digit(
    fake_canvas: FakeCanvas,
) -> None:
    at = open_draw_tab("en")
    dot = np.zeros((280, 280, 4), dtype=np.uint8)
    dot[100:102, 100:102] = 255
    use_drawing(at, fake_canvas, dot)
    assert [e.value for e in at.error] == [i18n.t("features.pick.draw_bad", "en")]
    assert any(text.value.startswith("drawing: ") for text in at.text)  # what went wrong
    assert at.session_state["digit_choice"].index == 0


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_a_drawing_stays_the_digit_on_every_page(fake_canvas: FakeCanvas, lang: str) -> None:
    at = open_draw_tab(lang)
    use_drawing(at, fake_canvas, strokes(140))
    drawing = at.session_state["digit_choice"]
    at.switch_page(CNN).run()
    assert not at.exception, [e.value for e in at.exception]
    assert i18n.t("cnn_vs_hand.digit.own", lang) in texts(at)
    assert not any(n.key == "cnn_vs_hand_index" for n in at.number_input)
    fake_canvas.drawn.clear()  # a browser shows a blank canvas when the page comes back
    at.switch_page(FEATURES).run()  # the picker's widgets were dropped on the CNN page
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["digit_choice"] is drawing
    assert at.button_group(key="features_source").value == "draw"  # the tab comes back
    assert i18n.t("features.pick.chosen_draw", lang) in texts(at)
    assert i18n.t("features.pick.draw_kept", lang) in texts(at)  # the canvas is blank: say so
    assert url_digit(at) is None


def test_a_gallery_digit_replaces_the_drawing_and_the_draw_tab_brings_it_back(
    fake_canvas: FakeCanvas,
) -> None:
    at = open_draw_tab("en")
    use_drawing(at, fake_canvas, strokes(140))
    drawing = at.session_state["digit_choice"]
    at.button_group(key="features_source").set_value("gallery").run()
    at.button_group(key="features_gallery_pick").set_value(3).run()
    assert not at.exception
    assert at.session_state["digit_choice"].label == 3
    assert url_digit(at) == str(at.session_state["digit_choice"].index)
    at.button_group(key="features_source").set_value("draw").run()
    assert at.session_state["digit_choice"] is drawing
    assert url_digit(at) is None
