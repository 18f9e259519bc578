"""In headless Chromium: the Dataset/DataLoader page measured with 2 workers, a page's notebook
downloaded, and the home page's live Jupyter kernel; screenshots in EN and KO, desktop and phone.
"""

from __future__ import annotations

import re

import nbformat
import pytest
import torch
from browser_support import ARTIFACTS, exceptions_on, full_screenshot, wait_until_idle

pytestmark = pytest.mark.browser
HANGUL = re.compile(r"[\uac00-\ud7a3]")
SIZES = {"desktop": {"width": 1400, "height": 900}, "phone": {"width": 390, "height": 844}}
WORDS = {
    "en": {"measure": "Measure", "kernel": "Start a kernel and run the cell", "worker": "worker 1"},
    "ko": {"measure": "측정", "kernel": "커널을 시작하고 셀 실행하기", "worker": "워커 1"},
}
CHART_TEXT = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
    .map(chart => chart.innerText + ' ' + chart.textContent).join(' ')"""


def open_tab(browser, url: str, size: str):
    context = browser.new_context(viewport=SIZES[size], locale="en-US", accept_downloads=True)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(url)
    wait_until_idle(tab)
    return context, tab, errors


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_data_page_measures_two_workers_and_draws_them(app_url, browser, lang, size):
    context, tab, errors = open_tab(browser, f"{app_url}/data?lang={lang}", size)
    assert bool(HANGUL.search(tab.locator("h1").first.inner_text())) == (lang == "ko")
    assert "class PngDigits" in tab.locator('[data-testid="stCode"]').first.inner_text()
    group = tab.locator('[data-testid="stButtonGroup"]').last
    group.get_by_role("radio", name="2", exact=True).click()
    wait_until_idle(tab)
    tab.get_by_role("button", name=WORDS[lang]["measure"], exact=True).click()
    tab.locator('[data-testid="stPlotlyChart"]').nth(1).wait_for(timeout=120_000)
    wait_until_idle(tab, timeout_ms=120_000)
    assert exceptions_on(tab) == []
    assert WORDS[lang]["worker"] in tab.evaluate(CHART_TEXT)
    full_screenshot(
        tab, ARTIFACTS / f"data_pipeline_2_workers_{lang}_{size}.png", SIZES[size]["width"]
    )
    assert errors == []
    context.close()


def test_the_notebook_button_downloads_the_pages_notebook(app_url, browser):
    context, tab, _ = open_tab(browser, f"{app_url}/data?lang=ko", "desktop")
    with tab.expect_download(timeout=60_000) as download:
        tab.get_by_role("button", name="노트북").click()
    assert download.value.suggested_filename == "explainer_data_ko.ipynb"
    notebook = nbformat.read(download.value.path(), as_version=4)
    nbformat.validate(notebook)
    assert sum(cell.cell_type == "code" for cell in notebook.cells) >= 3
    assert HANGUL.search(notebook.cells[0].source)
    context.close()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_home_starts_a_kernel_and_compares_it(app_url, browser, lang, size):
    context, tab, errors = open_tab(browser, f"{app_url}/?lang={lang}", size)
    tab.get_by_role("button", name=WORDS[lang]["kernel"], exact=True).click()
    tab.locator('[data-testid="stAlertContentSuccess"]').first.wait_for(timeout=180_000)
    wait_until_idle(tab)
    assert exceptions_on(tab) == []
    tables = " ".join(t.inner_text() for t in tab.locator('[data-testid="stTable"]').all())
    assert torch.__file__ in tables  # the app's; the kernel's is the same file:
    row = tab.locator('[data-testid="stTable"] tr', has_text="torch.__file__").last
    kernel_cell = row.locator("td, th").last.inner_text().strip()
    assert kernel_cell == ("✓ 같음" if lang == "ko" else "✓ the same")
    full_screenshot(tab, ARTIFACTS / f"home_jupyter_{lang}_{size}.png", SIZES[size]["width"])
    assert errors == []
    context.close()
