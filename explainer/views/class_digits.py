"""The "Class digits" page's words: the prompt, a student's answers, the teacher's scores and
the fine-tuning's before and after."""

from __future__ import annotations

import numpy as np

from explainer import answers, classifiers, rooms
from explainer.class_digits import ClassDigits
from explainer.finetune import FinetuneResult
from explainer.i18n import Translate
from explainer.submissions import Sent

RIGHT = ":green[:material/check_circle:]"
WRONG = ":red[:material/cancel:]"


def names(t: Translate) -> dict[str, str]:
    """Each classifier's name, as the comparison pages call it."""
    return {key: t(f"cnn_vs_hand.name.{key}") for key in answers.LEARNERS}


def prompt(digit: int, t: Translate) -> str:
    """ "Draw a 7" ("Draw an 8" in English)."""
    return t(f"class_digits.student.prompt{'_an' if digit == 8 else ''}", digit=digit)


def error(reason: str, code: str, t: Translate) -> str:
    """Why a room cannot do what was asked (a :class:`explainer.rooms.RoomError`'s reason)."""
    return t(f"class_digits.error.{reason}", code=rooms.pretty_code(code))


def answer_lines(sent: Sent, t: Translate) -> list[str]:
    """What each classifier answered for the digit just sent, marked right or wrong."""
    lines = []
    for key, name in names(t).items():
        answer = sent.answers[key]
        shown = t("class_digits.student.abstain") if answer == classifiers.ABSTAIN else answer
        mark = RIGHT if answer == sent.label else WRONG
        lines.append(t("class_digits.student.answer", name=name, answer=shown, mark=mark))
    return lines


def expiry(room: rooms.Room, t: Translate) -> str:
    return t("class_digits.join.expires", time=f"{room.expires_at:%Y-%m-%d %H:%M}")


def score_bars(
    digits: ClassDigits, test: dict[str, float], t: Translate
) -> tuple[dict[str, dict[str, float]], dict[str, str], str]:
    """What :func:`explainer.figures.class_digits.grouped_bars` shows: each classifier's accuracy
    on the class's digits and on the test digits, the classifiers' names, the axis title."""
    sets = {t("class_digits.set.class"): digits.accuracy(), t("class_digits.set.test"): test}
    return sets, names(t), t("cnn_vs_hand.all.right")


def digit_option(digits: ClassDigits, i: int, t: Translate) -> str:
    """Digit ``i`` (0-based, in the order sent) in the teacher's delete list."""
    values = {"number": i + 1, "label": digits.labels[i], "cnn": digits.cnn[i]}
    return t("class_digits.delete.option", **values)


def newest_first(digits: ClassDigits) -> list[int]:
    return np.arange(len(digits))[::-1].tolist()


def finetune_bars(
    result: FinetuneResult, t: Translate
) -> tuple[dict[str, dict[str, float]], dict[str, str], str]:
    """The before and after accuracies, the two sets they were measured on, the axis title."""
    bars = {t(f"class_digits.learn.{when}"): v for when, v in result.scores().items()}
    held = t("class_digits.learn.held", n=len(result.held_index))
    return bars, {"held": held, "test": t("class_digits.learn.test")}, t("cnn_vs_hand.all.right")


def finetune_text(result: FinetuneResult, t: Translate) -> str:
    sizes = {"train": len(result.train_index), "held": len(result.held_index)}
    return t("class_digits.learn.result", **(vars(result) | sizes))
