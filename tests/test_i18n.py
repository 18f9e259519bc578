"""Both languages have every string, and the language is picked as the issue says."""

from __future__ import annotations

import re
import string

from explainer import i18n


def test_no_key_is_missing_in_either_language():
    assert i18n.missing_keys() == {lang: [] for lang in i18n.LANGUAGES}


def test_placeholders_match_between_languages():
    tables = i18n.catalogs()
    fields = lambda text: {f for _, f, _, _ in string.Formatter().parse(text) if f}  # noqa: E731
    for key, english in tables["en"].items():
        assert fields(english) == fields(tables["ko"][key]), key


def test_korean_strings_are_korean():
    hangul = re.compile(r"[\uac00-\ud7a3]")
    korean = i18n.catalogs()["ko"]
    prose = [k for k, v in i18n.catalogs()["en"].items() if len(v.split()) >= 4]
    assert prose, "expected some sentences"
    untranslated = [k for k in prose if not hangul.search(korean[k])]
    assert untranslated == []


def test_t_formats_and_falls_back():
    assert i18n.t("common.show_code", "ko", name="f").endswith("f")
    assert i18n.t("no.such.key", "ko") == "no.such.key"


def test_language_resolution_order():
    assert i18n.resolve_language("ko", "en-US") == "ko"
    assert i18n.resolve_language(None, "ko-KR") == "ko"
    assert i18n.resolve_language("fr", "de-DE") == "en"
    assert i18n.resolve_language("EN", "ko-KR") == "en"
    assert i18n.resolve_language(None, None) == "en"
