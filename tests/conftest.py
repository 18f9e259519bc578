"""Fixtures shared by the browser tests: one app server and one Chromium for the whole run."""

from __future__ import annotations

import pytest
from browser_support import CHROMIUM_FLAGS, chromium_path, running_app
from pg_support import fresh_database, postgres_server
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


@pytest.fixture(scope="session")
def postgres_url():
    """A real PostgreSQL server (Debian's), started for this test run on 127.0.0.1."""
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """An empty rooms database: a SQLite file, or a new database on the real PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'rooms.sqlite3'}"
    return fresh_database(request.getfixturevalue("postgres_url"))
