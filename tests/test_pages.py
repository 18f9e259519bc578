"""Every page in the navigation renders with Streamlit's AppTest, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from explainer import i18n, navigation

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "explainer" / "app.py")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
PAGES = navigation.available_pages()


def open_page(spec: navigation.PageSpec, lang: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=180)
    app.query_params["lang"] = lang
    app.run()
    if spec.url_path:
        app.switch_page(str(navigation.page_path(spec)))
        app.run()
    return app


def test_every_planned_page_that_exists_is_in_the_navigation():
    files = {p.name for p in (ROOT / "pages").glob("*.py")}
    assert {spec.file for spec in PAGES} == files
    assert PAGES[0].file == "home.py"


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.parametrize("spec", PAGES, ids=[spec.file for spec in PAGES])
def test_page_renders_without_exception(spec, lang):
    app = open_page(spec, lang)
    assert not app.exception, [e.value for e in app.exception]
    assert app.title, "every page starts with a title"
    title = app.title[0].value
    assert bool(HANGUL.search(title)) == (lang == "ko"), title


def test_home_answers_the_exercises_and_shows_a_digit_tensor():
    app = open_page(PAGES[0], "en")
    table_text = str(app.table[0].value)
    import torch

    assert torch.__version__ in table_text
    assert "uint8" in app.markdown[-1].value or any("uint8" in m.value for m in app.markdown)
    app.number_input(key="home_digit").set_value(5).run()
    assert not app.exception
    assert any("Label: **" in m.value for m in app.markdown)


def test_language_switch_changes_the_page():
    app = AppTest.from_file(APP, default_timeout=120).run()
    assert not HANGUL.search(app.title[0].value)
    app.session_state["lang"] = "ko"
    app.run()
    assert HANGUL.search(app.title[0].value)


def test_a_shared_link_reopens_the_same_view():
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params.update({"lang": "ko", "home_digit": "7"})
    app.run()
    assert not app.exception
    assert app.number_input(key="home_digit").value == 7
    assert HANGUL.search(app.title[0].value)
    assert app.query_params["home_digit"] == ["7"] or app.query_params["home_digit"] == "7"


def test_bad_url_values_are_ignored():
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params.update({"lang": "xx", "home_digit": "99999", "slide_home": "banana"})
    app.run()
    assert not app.exception
    assert app.number_input(key="home_digit").value == 0


def test_presenter_mode_shows_one_section_at_a_time():
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params["present"] = "1"
    app.run()
    assert not app.exception
    assert app.toggle(key="present").value is True
    assert len(app.header) == 1  # one idea per screen
    first = app.header[0].value
    app.segmented_control(key="slide_home").set_value(1).run()
    assert not app.exception and app.header[0].value != first


def test_home_shows_what_the_cnn_receives_read_off_the_tensors():
    import torch

    from explainer import data

    app = open_page(PAGES[0], "en")
    app.number_input(key="home_digit").set_value(5).run()
    assert not app.exception
    table = next(t.value for t in app.table if "As the CNN receives it" in t.value.columns)
    image = data.load_mnist("test")[0][5]  # (28, 28) uint8
    fed = data.to_model_input(image[None])  # (1, 1, 28, 28) float32
    for column, tensor in (("As stored", image), ("As the CNN receives it", fed)):
        shown = table[column]
        assert shown["dtype"] == str(tensor.dtype).removeprefix("torch.")
        assert shown["shape"] == str(list(tensor.shape))
        values = tensor.to(torch.float64)
        for row, value in (("smallest value", values.min()), ("largest value", values.max())):
            assert float(shown[row]) == pytest.approx(float(value), rel=1e-3)
        assert float(shown["mean"]) == pytest.approx(float(values.mean()), rel=1e-3)
    assert (table.loc["dtype"] == ["uint8", "float32"]).all()
    assert table.loc["shape"].to_list() == ["[28, 28]", "[1, 1, 28, 28]"]
    assert any("explainer.data.to_model_input" in e.label for e in app.expander)


def test_home_highlights_only_stages_a_page_shows():
    app = open_page(PAGES[0], "en")
    dot = app.get("graphviz_chart")[0].proto.spec
    lines = {line.split("[")[0].strip(): line for line in dot.splitlines() if "[label=" in line}
    highlighted = {key for key, line in lines.items() if "penwidth" in line}
    assert {"dataset", "dataloader", "data"} <= highlighted  # "data": the digits themselves
    links = [link.label for link in app.get("page_link")]
    assert any(label.startswith("Dataset ") for label in links), links  # the data page shows it
