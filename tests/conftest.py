"""Fixtures shared by the browser tests: one app server and one Chromium for the whole run."""

from __future__ import annotations

import pytest
from browser_support import CHROMIUM_FLAGS, chromium_path, running_app
from playwright.sync_api import sync_playwright


@pytest.fixture(scope="session")
def app_url():
    """The app, started exactly as the README says, on a free port."""
    with running_app() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (no browser download)."""
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield instance
        instance.close()
