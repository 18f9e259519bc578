"""In headless Chromium: press Train on "Watch it learn", see the loss chart grow, the run finish."""

from __future__ import annotations

import pytest
from browser_support import (
    ARTIFACTS,
    VIEWPORTS,
    exceptions_on,
    full_screenshot,
    wait_until_idle,
)

pytestmark = pytest.mark.browser
# Small enough to finish in seconds, long enough (4 x 63 steps) to be seen growing.
SETTINGS = "train_size=4000&train_epochs=4&train_batch=64"
LOSS_POINTS = """() => {
    const charts = document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot');
    return charts.length && charts[0].data ? charts[0].data[0].x.length : 0;
}"""


def test_train_grows_the_loss_chart_and_finishes_without_an_exception(app_url, browser):
    context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="en-US")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{app_url}/train?{SETTINGS}")
    wait_until_idle(page)
    assert page.evaluate(LOSS_POINTS) == 0
    page.get_by_role("button", name="Train", exact=True).click()
    page.wait_for_function(f"({LOSS_POINTS})() > 0", timeout=60_000)
    first = page.evaluate(LOSS_POINTS)
    page.wait_for_function(f"({LOSS_POINTS})() > {first}", timeout=30_000)
    second = page.evaluate(LOSS_POINTS)
    assert second > first  # the chart grew between two looks, while training
    page.get_by_text("Finished:").first.wait_for(timeout=90_000)
    wait_until_idle(page)
    assert page.evaluate(LOSS_POINTS) == 252  # every step of the run, in the end
    assert exceptions_on(page) == []
    assert page.get_by_role("button", name="Stop", exact=True).is_disabled()
    assert "train_size=4000" in page.url  # the settings stay in the link
    full_screenshot(page, ARTIFACTS / "train_it_learn_trained_desktop.png", 1366)
    assert errors == []
    context.close()
