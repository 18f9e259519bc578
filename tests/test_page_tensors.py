"""The "Tensors like NumPy" page, driven with Streamlit's AppTest through the router."""

from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "explainer" / "app.py")
PAGE = str(ROOT / "pages" / "tensors.py")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
SHARED = "t = torch.from_numpy(a)"


def open_page(lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_numpy_and_torch_side_by_side_are_equal() -> None:
    at = open_page()
    assert at.title[0].value == "Tensors like NumPy"
    verdicts = [m.value for m in at.markdown if "equal" in m.value and "**" in m.value]
    assert verdicts[:3] == ["equal: **True**"] * 3
    assert "equal up to float32 rounding: **True**" in verdicts[3]
    code = [c.value for c in at.code]
    assert any("def index_numpy" in c for c in code) and any("def matmul_torch" in c for c in code)


def test_writing_into_the_array_changes_the_tensor_but_not_the_copies() -> None:
    at = open_page()
    at.button(key="tensors_write").click().run()
    assert not at.exception
    kept = at.session_state["tensors_memory"]
    assert kept["lines"] == 1 and (kept["a"][4] == 255).all()
    assert (kept["made"][SHARED][4] == 255).all()
    assert not (kept["made"]["t.clone()"][4] == 255).all()
    table = at.dataframe[0].value
    shares = dict(zip(table.iloc[:, 0], table.iloc[:, -1]))
    assert shares[SHARED] and not shares["t.clone()"] and not shares["t.to(torch.float64)"]
    at.button(key="tensors_reset").click().run()
    assert at.session_state["tensors_memory"]["lines"] == 0


def test_the_timing_sentence_is_derived_from_the_measurement() -> None:
    at = open_page()
    sums = at.session_state["tensors_fast"][1]
    text = " ".join(m.value for m in at.markdown)
    ratio = sums.loops_s / sums.torch_s
    expected = f"**{ratio:,.0f}x**" if ratio >= 10 else f"{ratio:.1f}x"
    assert expected in text
    at.button(key="tensors_again").click().run()
    assert not at.exception


def test_in_korean() -> None:
    at = open_page("ko")
    assert at.title[0].value == "NumPy를 닮은 텐서"
    assert all(HANGUL.search(h.value) for h in at.header)
