"""The Korean terms the app uses: one term per concept, and the variants we do not use.

This module holds data, not UI strings: it has no ``EN``/``KO`` dicts, so ``explainer.i18n`` adds
nothing from it. ``tests/test_glossary.py`` fails when a Korean string uses a rejected variant, and
checks that each term with a gloss gets it where a page introduces the term.

``rejected`` are regular expressions matched against every Korean string after the glosses
(``합성곱(컨볼루션)``) are taken out, so a gloss may name a rejected variant.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One concept: the Korean term we chose, the variants we rejected, and where it is glossed."""

    concept: str  # the concept, in English
    ko: str  # the chosen Korean term
    rejected: tuple[str, ...] = ()  # regular expressions for variants not to use
    gloss: str = ""  # another common name, in parentheses after the term where it is introduced
    glossed_in: tuple[str, ...] = ()  # string keys that introduce the term with its gloss
    note: str = ""


TERMS: tuple[Term, ...] = (
    Term(
        "the book",
        "『Deep Learning with PyTorch』",
        (r"교과서",),
        note="Eli Stevens, Luca Antiga, Thomas Viehmann 지음, Manning, 2020; not its Korean edition.",
    ),
    Term(
        "training (to train)",
        "학습 (학습하다)",
        (r"훈련",),
        note="training digits: 학습용 숫자; train accuracy: 학습 정확도.",
    ),
    Term(
        "label",
        "레이블",
        (r"정답(?!률)", r"라벨"),
        note="정답률 (share of right answers) is accuracy, not the label.",
    ),
    Term(
        "optimizer step",
        "스텝",
        (r"최적화 ?단계", r"업데이트 ?단계", r"갱신 ?단계", r"학습 (한 )?단계"),
        note="단계 stays for the stages of a pipeline and the steps of the feature extractor.",
    ),
    Term(
        "feature values (the numbers the extractor computes)",
        "특징값",
        (r"특징 값", r"피처 ?값", r"특성 ?값"),
    ),
    Term(
        "random numbers",
        "난수",
        (
            r"무작위 ?숫자",
            r"무작위 ?수(?![가-힣])",
            r"랜덤 ?(숫자|수)",
            r"임의의 ?(숫자|수)(?![가-힣])",
        ),
        note="숫자 is the handwritten digit; a digit picked at random is 무작위로 고른 숫자.",
    ),
    Term(
        "convolution",
        "합성곱",
        (r"컨볼루션", r"컨벌루션", r"콘볼루션", r"회선"),
        gloss="컨볼루션",
        glossed_in=("cnn_vs_hand.intro", "inside.intro", "speed.op.conv2d_mnist"),
    ),
    Term(
        "feature engineering",
        "특징 공학",
        (r"피처 ?엔지니어링", r"특성 ?공학", r"특징 ?엔지니어링", r"특징공학"),
        gloss="피처 엔지니어링",
        glossed_in=("home.intro", "features.intro"),
    ),
    Term("feature", "특징", (r"특성", r"피처")),
    Term(
        "order of magnitude",
        "10배",
        (r"자릿수",),
        note="한 자릿수 reads as 'single-digit', the opposite; 'at least an order of magnitude' is "
        "적어도 10배.",
    ),
    Term("the settings one turns (knobs)", "설정값", (r"손잡이",)),
    Term("edge", "에지", (r"엣지",)),
    Term("gradient", "그레이디언트", (r"그래디언트", r"그라디언트")),
    Term("epoch", "에포크", (r"에폭", r"에퍽")),
    Term("layer", "층", (r"레이어",)),
    Term("neural network", "신경망", (r"뉴럴 ?네트워크",)),
    Term("loss", "손실", (r"로스",)),
    Term("learning rate", "학습률", (r"러닝 ?레이트",)),
    Term("weights", "가중치", (r"웨이트",)),
    Term("overfitting", "과적합", (r"과대적합", r"오버피팅")),
    Term("device", "장치", (r"디바이스",)),
    Term("machine (the computer running the app)", "컴퓨터", (r"머신(?!러닝)",)),
)
