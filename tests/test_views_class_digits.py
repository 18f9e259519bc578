"""The "Class digits" pages' words, in English and Korean."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest
import torch

from explainer import classifiers, i18n, rooms
from explainer.class_digits import ClassDigits
from explainer.submissions import Sent
from explainer.views import class_digits as words


def t_in(lang: str) -> i18n.Translate:
    return lambda key, **values: i18n.t(key, lang, **values)


EN, KO = t_in("en"), t_in("ko")


def test_the_prompt_reads_naturally() -> None:
    assert words.prompt(7, EN) == "Draw a 7" and words.prompt(8, EN) == "Draw an 8"
    assert (
        words.prompt(7, KO) == "숫자 7을 그려 보세요"
        and words.prompt(2, KO) == "숫자 2를 그려 보세요"
    )


def test_a_student_sees_each_answer_marked() -> None:
    sent = Sent(
        1,
        torch.zeros(28, 28, dtype=torch.uint8),
        7,
        {"rules": classifiers.ABSTAIN, "linear": 1, "cnn": 7},
        3,
    )
    rules, linear, cnn = words.answer_lines(sent, EN)
    assert rules == f"Rules: **no rule fits** {words.WRONG}"
    assert linear.endswith(f"**1** {words.WRONG}") and cnn.endswith(f"**7** {words.RIGHT}")
    assert words.answer_lines(sent, KO)[0].startswith("규칙: **맞는 규칙 없음**")


@pytest.mark.parametrize("t", [EN, KO])
def test_messages_name_the_room_readably(t) -> None:
    for reason in ("unknown", "expired", "closed", "full", "forbidden", "teacher_link"):
        assert "{" not in words.error(reason, "ABCDEFGH", t)
    assert "ABCD-EFGH" in words.error("unknown", "ABCDEFGH", t)


def test_the_teacher_s_lists_and_scores() -> None:
    digits = ClassDigits(
        np.array([5, 9]),
        torch.zeros(2, 28, 28, dtype=torch.uint8),
        np.array([3, 4]),
        np.array([3, -1]),
        np.array([3, 4]),
        np.array([8, 4]),
    )
    assert words.newest_first(digits) == [1, 0]
    assert words.digit_option(digits, 0, EN) == "#1: asked for 3, CNN read 8"
    sets, names, title = words.score_bars(digits, {"rules": 0.7, "linear": 0.9, "cnn": 0.97}, KO)
    assert list(sets) == ["우리 반 숫자", "테스트 숫자"] and title == "정답률"
    assert sets["우리 반 숫자"] == {"rules": 0.5, "linear": 1.0, "cnn": 0.5}
    room = rooms.Room(
        "ABCDEFGH",
        datetime(2026, 1, 1, tzinfo=UTC),
        datetime(2026, 1, 2, 9, 30, tzinfo=UTC),
        None,
        2000,
        0,
        0,
    )
    assert words.expiry(room, EN) == "Open until 2026-01-02 09:30 (UTC)."
