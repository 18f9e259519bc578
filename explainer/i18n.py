"""Every word the app shows, in English and Korean.

The strings live in ``explainer/locales/<area>.py`` (one module per page or area, each with ``EN``
and ``KO`` dicts), so pages can be worked on side by side. Keys are dotted: ``"home.title"``.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from explainer import locales

LANGUAGES: tuple[str, ...] = ("en", "ko")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "ko": "한국어"}


@lru_cache(maxsize=1)
def catalogs() -> dict[str, dict[str, str]]:
    """All strings, merged from every module in ``explainer.locales``; a key defined twice fails."""
    merged: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for info in sorted(pkgutil.iter_modules(locales.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{locales.__name__}.{info.name}")
        for lang in LANGUAGES:
            table: dict[str, str] = getattr(module, lang.upper(), {})
            clash = merged[lang].keys() & table.keys()
            if clash:
                raise KeyError(f"locales.{info.name} redefines {sorted(clash)}")
            merged[lang].update(table)
    return merged


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The text for ``key`` in ``lang`` (English if missing there, the key itself if missing everywhere)."""
    tables = catalogs()
    text = tables.get(lang, {}).get(key) or tables[DEFAULT_LANGUAGE].get(key) or key
    return text.format(**values) if values else text


def missing_keys() -> dict[str, list[str]]:
    """Per language, the keys that another language has and this one lacks (should be empty)."""
    tables = catalogs()
    every = set().union(*(table.keys() for table in tables.values()))
    return {lang: sorted(every - tables[lang].keys()) for lang in LANGUAGES}


def resolve_language(query: str | None, locale: str | None) -> str:
    """Pick the language: the URL's ``?lang=`` first, then the browser's locale, then English."""
    for candidate in (query, (locale or "").split("-")[0]):
        if candidate and candidate.lower() in LANGUAGES:
            return candidate.lower()
    return DEFAULT_LANGUAGE
