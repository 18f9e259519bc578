"""Korean particles follow the sound the word ends with, in the helper and in i18n templates."""

from __future__ import annotations

import pytest

from explainer import i18n
from explainer.josa import josa


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("Adam", "은/는", "Adam은"),  # 아담: ㅁ
        ("모멘텀", "은/는", "모멘텀은"),
        ("SGD + 모멘텀", "은/는", "SGD + 모멘텀은"),
        ("SGD", "은/는", "SGD는"),  # 에스지디
        ("MPS", "을/를", "MPS를"),
        ("Intel MKL", "이/가", "Intel MKL이"),  # 엘
        ("Sobel", "과/와", "Sobel과"),  # 소벨
        ("ReLU", "과/와", "ReLU와"),  # 렐루
        ("NaN", "이/가", "NaN이"),  # 난
        ("∞", "은/는", "∞는"),  # 무한대
        ("-∞", "이/가", "-∞가"),
        ("3", "은/는", "3은"),  # 삼
        ("2", "은/는", "2는"),  # 이
        ("7", "을/를", "7을"),  # 칠
        ("4", "을/를", "4를"),  # 사
        ("0", "이/가", "0이"),  # 영
        ("0.5", "이/가", "0.5가"),  # 영 점 오
        ("10", "이/가", "10이"),  # 십
        ("100", "이/가", "100이"),  # 백
        ("1,000", "을/를", "1,000을"),  # 천
        ("20000", "은/는", "20000은"),  # 이만
        ("200000", "은/는", "200000은"),  # 이십만
        ("10000000000000", "이/가", "10000000000000가"),  # 십조
        ("서울", "으로/로", "서울로"),  # ㄹ takes 로
        ("부산", "으로/로", "부산으로"),
        ("대구", "으로/로", "대구로"),
        ("7", "으로/로", "7로"),  # 칠
        ("16", "으로/로", "16으로"),  # 십육
        ("Adam", "는/은", "Adam은"),  # either order
        ("**∞**", "이/가", "**∞**가"),  # markdown marks are not read
        ("Intel Xeon (CPU)", "이/가", "Intel Xeon (CPU)가"),  # 씨피유
    ],
)
def test_particle_follows_the_last_sound(word, pair, expected):
    assert word + josa(word, pair) == expected


def test_unknown_pair_is_an_error():
    with pytest.raises(ValueError, match="unknown particle pair"):
        josa("Adam", "은/르")


def test_templates_pick_the_particle():
    fmt = i18n.FORMATTER.format
    assert fmt("{optimizer:은/는} 보폭이 큽니다", optimizer="Adam") == "Adam은 보폭이 큽니다"
    assert fmt("{optimizer:은/는}", optimizer="SGD") == "SGD는"
    assert fmt("{size:g:으로/로} 바꿈", size=16.0) == "16으로 바꿈"
    assert fmt("{ratio:.0f:이/가}", ratio=2.6) == "3이"  # the number as shown: 3, not 2.6
    assert fmt("{lr:g} {x:.1%}", lr=0.5, x=0.25) == "0.5 25.0%"  # plain specs still work
    with pytest.raises(ValueError):
        fmt("{optimizer:은/르}", optimizer="Adam")
