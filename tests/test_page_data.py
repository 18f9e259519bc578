"""The "Dataset and DataLoader" page in Streamlit's AppTest: item, collate, a measured loader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
PAGE = str(ROOT / "pages" / "data.py")
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def open_page(lang: str = "en") -> AppTest:
    app = AppTest.from_file(PAGE, default_timeout=180)
    app.query_params["lang"] = lang
    return app.run()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_shows_the_dataset_an_item_and_the_collate_shapes(lang):
    app = open_page(lang)
    assert not app.exception, [e.value for e in app.exception]
    assert bool(HANGUL.search(app.title[0].value)) == (lang == "ko")
    code = " ".join(block.value for block in app.code)
    assert "class PngDigits" in code and "def collate_digits" in code
    table = app.table[0].value
    assert list(table.iloc[:, 0]) == ["[28, 28]", "[8, 28, 28]", "[8]", "[8, 1, 28, 28]"]
    assert list(table.iloc[:, 1]) == ["uint8", "uint8", "int64", "float32"]
    assert not app.get("plotly_chart")  # nothing measured yet


def test_another_item_and_augmentation():
    app = open_page()
    app.number_input(key="data_item").set_value(1234).run()
    assert any(m.value.startswith("`dataset[1234]`") for m in app.markdown)
    app.toggle(key="data_augment").set_value(True).run()
    assert not app.exception


def test_measuring_two_workers_draws_the_timeline():
    app = open_page()
    app.segmented_control(key="data_workers").set_value(2).run()
    app.button(key="data_measure").click().run(timeout=300)
    assert not app.exception, [e.value for e in app.exception]
    assert not app.error, [e.value for e in app.error]
    metrics = {m.label: m.value for m in app.metric}
    assert float(metrics["items per second"].replace(",", "")) > 0
    charts = app.get("plotly_chart")
    assert len(charts) == 2  # throughput and timeline
    assert "worker 1" in charts[1].proto.spec and "worker 0" in charts[1].proto.spec
