"""One Korean term per concept: no string uses a rejected variant, and glosses come where promised."""

from __future__ import annotations

import re

import pytest

from explainer import i18n
from explainer.locales import glossary

KOREAN = i18n.catalogs()["ko"]


def without_glosses(text: str) -> str:
    """``text`` with the gloss after each glossed term (possibly in bold) taken out."""
    for term in glossary.TERMS:
        if term.gloss:
            glossed = rf"({re.escape(term.ko)}(\*\*)?)\({re.escape(term.gloss)}\)"
            text = re.sub(glossed, r"\1", text)
    return text


def test_the_glossary_is_data_not_strings():
    assert not hasattr(glossary, "EN") and not hasattr(glossary, "KO")
    assert len({term.concept for term in glossary.TERMS}) == len(glossary.TERMS)


@pytest.mark.parametrize("term", glossary.TERMS, ids=lambda term: term.concept)
def test_no_korean_string_uses_a_rejected_variant(term):
    used = [
        (key, match.group(0))
        for key, text in KOREAN.items()
        for pattern in term.rejected
        for match in re.finditer(pattern, without_glosses(text))
    ]
    assert used == [], f"use {term.ko!r} instead: {used}"


def test_the_rejected_variants_are_caught():
    glossed = "**특징 공학**(피처 엔지니어링)과 피처 엔지니어링"
    assert without_glosses(glossed) == "**특징 공학**과 피처 엔지니어링"
    random_numbers = next(t for t in glossary.TERMS if t.ko == "난수")
    assert any(re.search(p, "무작위 숫자에서 출발") for p in random_numbers.rejected)
    assert not any(re.search(p, "무작위로 고른 숫자") for p in random_numbers.rejected)


@pytest.mark.parametrize(
    ("term", "key"),
    [(term, key) for term in glossary.TERMS for key in term.glossed_in],
    ids=lambda value: getattr(value, "concept", value),
)
def test_a_term_is_glossed_where_a_page_introduces_it(term, key):
    text = KOREAN[key]
    first = text.index(term.ko)
    after = text[first + len(term.ko) :].removeprefix("**")
    assert after.startswith(f"({term.gloss})"), text
    assert text.count(f"({term.gloss})") == 1, "gloss once"
