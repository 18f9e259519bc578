"""The "Learned features: CNN vs hand" page's words: the classifiers' names, what the rules said
about one digit, the disagreement tabs, the digits from elsewhere, the sweep's progress."""

from __future__ import annotations

import numpy as np

from explainer import classifiers
from explainer.answers import LEARNERS
from explainer.elsewhere import Scored, gaps
from explainer.i18n import Translate
from explainer.sweep import SweepPoint, summarize
from explainer.views import captions


def names(t: Translate) -> dict[str, str]:
    """Each classifier's name: ``rules``, ``linear``, ``cnn``."""
    return {key: t(f"cnn_vs_hand.name.{key}") for key in LEARNERS}


def digit_lines(label: int | None, rules: int, t: Translate) -> tuple[str, str]:
    """Under one digit: its label (or that it is the student's own) and what the rules said."""
    what = t("cnn_vs_hand.digit.label", label=label) if label is not None else None
    answer = t("cnn_vs_hand.digit.abstain") if rules == classifiers.ABSTAIN else rules
    return what or t("cnn_vs_hand.digit.own"), t("cnn_vs_hand.digit.rules", answer=answer)


def disagreement_tabs(groups: dict[str, np.ndarray], t: Translate) -> list[str]:
    """One tab title per group of :func:`explainer.classifiers.disagreements`, with its count."""
    return [t(f"cnn_vs_hand.disagree.{key}", n=len(index)) for key, index in groups.items()]


def set_names(scored: list[Scored], t: Translate) -> dict[str, str]:
    """Each set of digits (the test split, then each kind from elsewhere) named, with its size."""
    return {s.name: t(f"cnn_vs_hand.elsewhere.set.{s.name}", n=len(s.labels)) for s in scored}


def gap_sentences(scored: list[Scored], t: Translate) -> list[str]:
    """Per set, how far the CNN is ahead of (or behind) the hand features: the measured gap."""
    sets = set_names(scored, t)
    return [
        t(f"cnn_vs_hand.elsewhere.{gap.word}", kind=sets[gap.name], points=abs(gap.points))
        for gap in gaps(scored)
    ]


def wrong_line(scored: Scored, learner: str, t: Translate) -> str:
    """How many digits of one set ``learner`` got wrong, out of how many."""
    wrong, total = len(scored.wrong(learner)), len(scored.labels)
    return t("cnn_vs_hand.elsewhere.wrong", name=names(t)[learner], n=wrong, total=total)


def sweep_progress(point: SweepPoint, t: Translate) -> str:
    """The progress bar's text after one model of a recomputed sweep."""
    values = dict(learner=names(t)[point.learner], size=point.size, seed=point.seed)
    return t("cnn_vs_hand.sweep.progress", accuracy=point.test_accuracy, **values)


def sweep_captions(points: list[SweepPoint], seconds: float | None, t: Translate) -> list[str]:
    """Under the sweep's chart: what the points show, how they were made, where they come from
    (``seconds``: how long a sweep recomputed here took; None for the shipped one)."""
    summary = summarize(points)
    findings = "\n\n".join(captions.sweep_findings(summary, t, names(t)))
    return [findings, captions.sweep_method(summary, t), captions.sweep_source(points, seconds, t)]
