"""The "Learned features: CNN vs hand" page's words, checked without Streamlit."""

from __future__ import annotations

import pytest

from explainer import classifiers, elsewhere, i18n, sweep
from explainer.views import captions
from explainer.views import cnn_vs_hand as view


def in_language(lang: str) -> i18n.Translate:
    return lambda key, **values: i18n.t(key, lang, **values)


EN = in_language("en")


@pytest.fixture(scope="module")
def scored() -> list[elsewhere.Scored]:
    return elsewhere.score_all()


def test_names_of_the_three_classifiers_in_both_languages() -> None:
    assert list(view.names(EN)) == ["rules", "linear", "cnn"]
    assert view.names(EN)["cnn"] == "CNN (learned features)"
    assert set(view.names(in_language("ko")).values()).isdisjoint(view.names(EN).values())


def test_digit_lines_say_the_label_or_own_and_what_the_rules_said() -> None:
    label, rules = view.digit_lines(7, 7, EN)
    assert label == "Label: **7**" and "7" in rules
    own, abstains = view.digit_lines(None, classifiers.ABSTAIN, EN)
    assert own == EN("cnn_vs_hand.digit.own")
    assert abstains == EN("cnn_vs_hand.digit.rules", answer=EN("cnn_vs_hand.digit.abstain"))


def test_gap_sentences_are_the_measured_gaps(scored) -> None:
    sentences = view.gap_sentences(scored, EN)
    assert len(sentences) == len(scored)
    for sentence, gap in zip(sentences, elsewhere.gaps(scored)):
        assert EN(f"cnn_vs_hand.elsewhere.set.{gap.name}", n=0).split(" (")[0] in sentence
        if gap.word != "level":
            assert f"**{abs(gap.points):.1f} points {gap.word}**" in sentence


def test_wrong_line_counts_the_wrong_digits(scored) -> None:
    drawn = scored[-1]
    line = view.wrong_line(drawn, "cnn", EN)
    assert line.startswith(f"**CNN (learned features)**: {len(drawn.wrong('cnn'))} of")
    assert str(len(drawn.labels)) in line


def test_sweep_texts_name_the_learner_and_come_from_the_points() -> None:
    point = sweep.SweepPoint("cnn", 200, 1, 600, 0.9, 2.0)
    text = view.sweep_progress(point, EN)
    assert "CNN (learned features)" in text and "200" in text
    points = sweep.load_shipped()
    findings, method, source = view.sweep_captions(points, None, EN)
    summary = sweep.summarize(points)
    assert findings == "\n\n".join(captions.sweep_findings(summary, EN, view.names(EN)))
    assert method == captions.sweep_method(summary, EN)
    assert source == captions.sweep_source(points, None, EN)
