"""The real thing: the app started as the README says, every page in headless Chromium.

Screenshots of every page (desktop and phone) land in ``artifacts/screenshots/``.
"""

from __future__ import annotations

import re

import pytest
from browser_support import (
    ARTIFACTS,
    VIEWPORTS,
    exceptions_on,
    full_screenshot,
    wait_until_idle,
)

from explainer import navigation

pytestmark = pytest.mark.browser
HANGUL = re.compile(r"[\uac00-\ud7a3]")
PAGES = navigation.available_pages()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="en-US")
    tab = context.new_page()
    yield tab
    context.close()


def test_health_endpoint_answers(app_url, page):
    response = page.request.get(f"{app_url}/_stcore/health")
    assert response.ok and response.text() == "ok"


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("spec", PAGES, ids=[spec.file for spec in PAGES])
def test_page_renders_in_chromium(app_url, browser, spec, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="en-US")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(f"{app_url}/{spec.url_path}")
    wait_until_idle(tab)
    assert exceptions_on(tab) == []
    heading = tab.locator("h1").first.inner_text()
    assert heading.strip()
    shot = ARTIFACTS / f"{spec.file.removesuffix('.py')}_{viewport}.png"
    full_screenshot(tab, shot, VIEWPORTS[viewport]["width"])
    assert shot.stat().st_size > 10_000
    assert errors == []
    context.close()


def test_korean_from_the_url_and_from_the_browser_locale(app_url, browser):
    for url, locale in ((f"{app_url}/?lang=ko", "en-US"), (f"{app_url}/", "ko-KR")):
        context = browser.new_context(viewport=VIEWPORTS["desktop"], locale=locale)
        tab = context.new_page()
        tab.goto(url)
        wait_until_idle(tab)
        assert HANGUL.search(tab.locator("h1").first.inner_text()), (url, locale)
        context.close()


def test_language_switch_updates_page_and_url(app_url, page):
    page.goto(f"{app_url}/")
    wait_until_idle(page)
    assert not HANGUL.search(page.locator("h1").first.inner_text())
    page.locator("[data-testid=stSidebar]").get_by_text("한국어", exact=True).click()
    page.wait_for_function("() => /[\\uac00-\\ud7a3]/.test(document.querySelector('h1').innerText)")
    wait_until_idle(page)
    assert "lang=ko" in page.url
    assert exceptions_on(page) == []
