"""Korean particles (josa) that fit the word before them: ``Adam은``, ``SGD는``, ``7을``, ``4를``.

A particle's form depends on the sound the word ends with: after a final consonant (batchim) it is
``은/이/을/과/으로``, after a vowel ``는/가/를/와/로``; ``으로/로`` also takes ``로`` after ``ㄹ``
(``서울로``, ``부산으로``). The sound is read from the last character that is spoken:

- a Hangul syllable: its own batchim;
- a number: its Korean reading, ``1`` 일, ``3`` 삼, ``6`` 육, ``7`` 칠, ``8`` 팔, ``0`` 영 end in a
  consonant, ``2`` 이, ``4`` 사, ``5`` 오, ``9`` 구 do not; trailing zeros of a whole number are read
  as its unit (``10`` 십, ``100`` 백, ``1000`` 천, ``10000`` 만, ... ``10**12`` 조);
- Latin letters: an acronym (``SGD``, ``MPS``) by the Korean name of its last letter (L 엘, M 엠,
  N 엔, R 알 end in a consonant); a word (``Adam``, ``Sobel``) ends in one after m, n, ng or l;
- ``∞`` is read 무한대 (a vowel); ``%`` 퍼센트 (a vowel).

Closing brackets, quotes, markdown marks and trailing punctuation are skipped. Anything else is read
as ending in a vowel.
"""

from __future__ import annotations

import re

# particle after a consonant -> particle after a vowel
PAIRS: dict[str, str] = {
    "은": "는",
    "이": "가",
    "을": "를",
    "과": "와",
    "으로": "로",
    "이나": "나",
    "이라": "라",
    "이라고": "라고",
    "이랑": "랑",
    "이며": "며",
    "이고": "고",
    "이면": "면",
    "이에요": "예요",
    "아": "야",
}
RIEUL = 8  # index of ㄹ among the final consonants
# final consonant index (0: none) of the Korean reading of each digit and of each letter's name
DIGITS = dict(zip("0123456789", (21, RIEUL, 0, 16, 0, 0, 1, RIEUL, RIEUL, 0)))  # 영 일 이 ... 구
LETTERS = {"l": RIEUL, "m": 16, "n": 4, "r": RIEUL}
SMALL_UNITS = {1: 17, 2: 1, 3: 4}  # 십 백 천, by the number of trailing zeros
LARGE_UNITS = {1: 4, 2: 1, 3: 0, 4: 21}  # 만 억 조 경, by trailing zeros // 4
SYMBOLS = {"∞": 0, "%": 0}
SKIPPED = " \t\n)]}>'\"`*_.,;:!?…’”」』"  # not read aloud at the end of a word
NUMBER = re.compile(r"(\d[\d,]*)(\.\d+)?$")


def final_consonant(word: str) -> int | None:
    """The final consonant (1-27, ``RIEUL`` for ㄹ) of ``word`` as read aloud, 0 for a vowel.

    ``None`` when nothing in it is read (an empty string, only punctuation).
    """
    text = word.rstrip(SKIPPED)
    if not text:
        return None
    last = text[-1]
    if "가" <= last <= "힣":
        return (ord(last) - ord("가")) % 28
    if last.isdigit():
        return _number_final(text)
    if last in SYMBOLS:
        return SYMBOLS[last]
    if last.isascii() and last.isalpha():
        return _latin_final(text)
    return 0


def _number_final(text: str) -> int:
    match = NUMBER.search(text)
    whole, fraction = (match.group(1).replace(",", ""), match.group(2)) if match else ("", None)
    if fraction or not whole or whole.strip("0") == "":  # 0.5 (오), 0 (영): the last digit
        return DIGITS.get(text[-1], 0)
    zeros = len(whole) - len(whole.rstrip("0"))
    if zeros == 0:
        return DIGITS[whole[-1]]
    if zeros < 4:  # 20 이십, 300 삼백, 7000 칠천
        return SMALL_UNITS[zeros]
    return LARGE_UNITS.get(zeros // 4, 0)  # 200000 이십만: the last unit read is 만


def _latin_final(text: str) -> int:
    letters = re.search(r"[A-Za-z]+$", text).group(0)  # type: ignore[union-attr]
    if letters.isupper() or len(letters) == 1:  # an acronym: its letters are spelled out
        return LETTERS.get(letters[-1].lower(), 0)
    if letters.lower().endswith("ng"):
        return 21  # ㅇ
    return LETTERS.get(letters[-1].lower(), 0) if letters[-1].lower() in "lmn" else 0


def josa(word: str, pair: str) -> str:
    """The particle of ``pair`` (e.g. ``"은/는"``, either order) that fits after ``word``."""
    first, _, second = pair.partition("/")
    if first in PAIRS and PAIRS[first] == second:
        after_consonant, after_vowel = first, second
    elif second in PAIRS and PAIRS[second] == first:
        after_consonant, after_vowel = second, first
    else:
        raise ValueError(f"unknown particle pair {pair!r}; known: {sorted(PAIRS)}")
    final = final_consonant(word)
    if not final or (after_consonant == "으로" and final == RIEUL):
        return after_vowel
    return after_consonant


def is_pair(spec: str) -> bool:
    """Whether ``spec`` is written like a particle pair: Hangul, a slash, Hangul (``"은/는"``)."""
    return re.fullmatch(r"[가-힣]+/[가-힣]+", spec) is not None
