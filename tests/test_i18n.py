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


class AnyValue:
    """Formats as ``7`` under any format spec, so every template can be filled."""

    def __format__(self, spec: str) -> str:
        return "7"


def test_every_template_formats_and_particles_are_known():
    for table in i18n.catalogs().values():
        for text in table.values():
            fields = {f for _, f, _, _ in string.Formatter().parse(text) if f}
            i18n.FORMATTER.format(text, **dict.fromkeys(fields, AnyValue()))  # raises if unknown


def test_particle_specs_only_in_korean_and_no_hedges():
    specs = lambda text: [s for _, _, s, _ in string.Formatter().parse(text) if s]  # noqa: E731
    tables = i18n.catalogs()
    assert not [k for k, v in tables["en"].items() if any("/" in s for s in specs(v))]
    hedge = re.compile(r"[이은을과와는가를]\([이은을과와는가를]\)|\(으\)로")
    assert [k for k, v in tables["ko"].items() if hedge.search(v)] == []


def test_divergence_message_reads_naturally_in_korean():
    body = i18n.t("train.diverged.body", "ko", step=3, loss="∞", lr=1000.0, optimizer="SGD")
    assert "손실이 **∞가** 되어" in body and "SGD는" in body
    body = i18n.t("train.diverged.body", "ko", step=3, loss="NaN", lr=5.0, optimizer="Adam")
    assert "손실이 **NaN이** 되어" in body and "Adam은" in body
    momentum = i18n.t("train.optimizer.momentum", "ko")
    assert f"{momentum}은" in i18n.t(
        "train.diverged.body", "ko", step=1, loss="∞", lr=1.0, optimizer=momentum
    )


def test_order_of_magnitude_is_ten_times_in_korean():
    for key in ("speed.intro", "speed.verdict.order", "speed.verdict.faster"):
        assert "10배" in i18n.t(key, "ko") and "order of magnitude" in i18n.t(key, "en")
