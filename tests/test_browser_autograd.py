"""The autograd and tensor pages in headless Chromium: a step taken, a line written, screenshots.

Screenshots (desktop 1400x900 and phone 390x844, English and Korean) land in
``artifacts/screenshots/``.
"""

from __future__ import annotations

import pytest
from browser_support import ARTIFACTS, exceptions_on, full_screenshot, wait_until_idle

pytestmark = pytest.mark.browser
SIZES = {"desktop": {"width": 1400, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=SIZES["desktop"], locale="en-US")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == []


def wait_for_text(page, text: str) -> None:
    page.wait_for_function("t => document.body.innerText.includes(t)", arg=text, timeout=120_000)
    wait_until_idle(page, 120_000)


def test_autograd_page_draws_the_graph_and_takes_a_step(app_url, page) -> None:
    page.goto(f"{app_url}/autograd?digit=3")
    wait_until_idle(page, 120_000)
    assert exceptions_on(page) == []
    graph = page.locator('[data-testid="stGraphVizChart"] svg')
    graph.first.wait_for(timeout=60_000)
    assert "ConvolutionBackward0" in (graph.first.text_content() or "")
    body = page.locator("body").inner_text()
    assert "passed" in body and "Against the target 0" in body  # test digit 3 is a 0
    page.get_by_role("button", name="Take one step").click()
    wait_for_text(page, "The loss went down")
    assert exceptions_on(page) == []
    assert "Loss after" in page.locator("body").inner_text()
    full_screenshot(page, ARTIFACTS / "autograd_step_desktop_en.png", 1400, max_height=16000)


def test_tensor_page_shares_memory_live(app_url, page) -> None:
    page.goto(f"{app_url}/tensors")
    wait_until_idle(page, 120_000)
    page.get_by_role("button", name="Write a line into the NumPy array").click()
    wait_for_text(page, "Lines written into a: 1.")
    assert exceptions_on(page) == []


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", ["autograd", "tensors"])
def test_screenshots(app_url, browser, path, size, lang) -> None:
    context = browser.new_context(viewport=SIZES[size], locale="en-US")
    tab = context.new_page()
    tab.goto(f"{app_url}/{path}?lang={lang}")
    wait_until_idle(tab, 120_000)
    assert exceptions_on(tab) == []
    shot = ARTIFACTS / f"{path}_{size}_{lang}.png"
    full_screenshot(tab, shot, SIZES[size]["width"], max_height=16000)
    assert shot.stat().st_size > 10_000
    context.close()
