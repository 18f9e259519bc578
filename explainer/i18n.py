"""Every word the app shows, in English and Korean.

The strings live in ``explainer/locales/<area>.py`` (one module per page or area, each with ``EN``
and ``KO`` dicts), so pages can be worked on side by side. Keys are dotted: ``"home.title"``. A
module there without ``EN``/``KO`` (such as ``locales/glossary.py``, the chosen Korean terms) holds
data, not strings, and adds nothing to the catalogs.

Templates use ``str.format`` fields, plus one addition for Korean particles (josa), whose form
depends on the sound the value ends with: a format spec that is a particle pair prints the value
followed by the particle that fits it (``explainer.josa`` reads the last sound):

- ``"{optimizer:은/는} 보폭이 큽니다"`` gives ``Adam은``, ``SGD는``, ``SGD + 모멘텀은``;
- ``"{loss:이/가} 됨"`` gives ``NaN이``, ``∞가`` (무한대);
- a number format goes first, the pair after a second colon: ``"{size:g:으로/로}"`` gives ``7로``,
  ``16으로``; the particle fits the number as shown, not as stored.

Pairs are written consonant form first (``은/는``, ``이/가``, ``을/를``, ``과/와``, ``으로/로``, ...),
either order works, and an unknown pair is an error. Never hedge with ``이(가)`` or ``은(는)``.
"""

from __future__ import annotations

import importlib
import pkgutil
import string
from functools import lru_cache
from typing import Protocol

from explainer import josa, locales


class Translate(Protocol):
    """``t(key, **values) -> str``: a page's text lookup (``explainer.ui.t``), for pure helpers."""

    def __call__(self, key: str, **values: object) -> str: ...


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


class Formatter(string.Formatter):
    """``str.format`` that also understands a particle pair as the format spec (see above)."""

    def format_field(self, value: object, format_spec: str) -> str:
        spec, _, pair = format_spec.rpartition(":")
        if not josa.is_pair(pair):
            return super().format_field(value, format_spec)
        shown = super().format_field(value, spec)
        return shown + josa.josa(shown, pair)


FORMATTER = Formatter()


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The text for ``key`` in ``lang`` (English if missing there, the key itself if missing everywhere)."""
    tables = catalogs()
    text = tables.get(lang, {}).get(key) or tables[DEFAULT_LANGUAGE].get(key) or key
    return FORMATTER.format(text, **values) if values else text


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
