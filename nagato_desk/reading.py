"""Readings (ふりがな): folding for search and a 50音 (gojūon) sort key.

Member lists are sorted and searched by reading, which users type in whatever form their
input method or the source spreadsheet happened to produce: hiragana, full-width katakana,
half-width katakana, with or without spaces. Everything here first *folds* those forms
together so that ｻﾄｳ ﾊﾅｺ, サトウ　ハナコ and さとう はなこ are the same reading.
"""

from __future__ import annotations

import unicodedata

__all__ = ["fold", "fold_phone", "looks_like_phone", "matches", "sort_key", "sort_key_text"]

# Katakana that have a hiragana twin exactly 0x60 code points below: ァ..ヶ, plus the
# iteration marks ヽヾ. ー (U+30FC) has no twin and is kept, as are ヷヸヹヺ.
_KATA_TO_HIRA = {cp: cp - 0x60 for cp in range(0x30A1, 0x30F7)} | {0x30FD: 0x309D, 0x30FE: 0x309E}

_LONG_VOWEL = "ー"

# Small kana sort as their large forms at the primary level.
_SMALL_TO_LARGE = str.maketrans("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ")

# Combining (semi-)voiced sound marks left behind by NFD.
_VOICING_MARKS = {"\u3099", "\u309a"}

# The vowel each (unvoiced, large) kana ends in, so that ー can sort as that vowel.
_VOWEL_OF: dict[str, str] = {}
for _vowel, _row in (
    ("あ", "あかさたなはまやらわ"),
    ("い", "いきしちにひみりゐ"),
    ("う", "うくすつぬふむゆる"),
    ("え", "えけせてねへめれゑ"),
    ("お", "おこそとのほもよろを"),
):
    for _kana in _row:
        _VOWEL_OF[_kana] = _vowel
del _vowel, _row, _kana

# Characters accepted between digits in a phone-number query. ー is included because
# Japanese input methods produce it for a hyphen typed in kana mode.
_PHONE_QUERY_PUNCT = set(" -‐‑‒–—―−ー()")
_PHONE_QUERY_MIN_DIGITS = 3


def fold(text: str | None) -> str:
    """Fold text for searching: NFKC, katakana → hiragana, casefold, no whitespace.

    NFKC turns half-width katakana into full-width (ｻﾄｳ → サトウ, ｶﾞ → ガ) and full-width
    Latin and digits into ASCII. The long-vowel mark ー is kept. ``None`` folds to ``""``.
    """
    if text is None:
        return ""
    if not isinstance(text, str):
        text = str(text)
    text = unicodedata.normalize("NFKC", text).translate(_KATA_TO_HIRA).casefold()
    # str.split() with no argument splits on every Unicode space, U+3000 included.
    return "".join(text.split())


def _primary(folded: str) -> str:
    # NFD splits voiced kana into base + combining mark (が → か + U+3099, ゔ → う + U+3099),
    # so dropping the marks removes dakuten and handakuten in one step.
    plain = "".join(c for c in unicodedata.normalize("NFD", folded) if c not in _VOICING_MARKS)
    plain = plain.translate(_SMALL_TO_LARGE)
    out: list[str] = []
    for c in plain:
        if c == _LONG_VOWEL and out and out[-1] in _VOWEL_OF:
            c = _VOWEL_OF[out[-1]]
        out.append(c)
    return "".join(out)


def sort_key(reading: str | None) -> tuple:
    """Sort key that orders readings in 50音 order, as in a Japanese dictionary.

    The key compares, in turn:

    1. whether the reading is empty (empty and ``None`` readings sort last);
    2. the primary form: the folded reading with dakuten and handakuten removed
       (が→か, ぱ→は, ゔ→う), small kana made large (ぁ→あ, っ→つ, ゃ→や, ゎ→わ, ゕ→か),
       and each ー replaced by the vowel of the kana before it (かー → かあ). A ー that does
       not follow a kana with a vowel (e.g. after ん) is kept and sorts after all kana;
    3. the folded reading itself, which breaks ties by code point: small before large
       (ゃ < や), unvoiced before voiced before semi-voiced (は < ば < ぱ), a vowel before
       ー (かあ < かー);
    4. the reading as given, so that different spellings of one reading still sort
       deterministically.

    Hiragana, katakana and half-width katakana spellings share the same primary and
    secondary key. Readings containing kanji or Latin letters are not an error: Latin
    sorts before kana and kanji after, by code point.
    """
    raw = "" if reading is None else str(reading)
    folded = fold(raw)
    if not folded:
        return (1, "", "", raw)
    return (0, _primary(folded), folded, raw)


def sort_key_text(reading: str | None) -> str:
    """``sort_key`` as one string, for an indexed column that SQL can ORDER BY.

    SQLite compares text byte by byte (code point order in UTF-8), and U+0001 sorts below every
    character a reading can hold, so comparing these strings compares the tuples of ``sort_key``.
    """
    empty, primary, folded, raw = sort_key(reading)
    return f"{empty}{primary}\x01{folded}\x01{raw}"


def fold_phone(text: str | None) -> str:
    """Keep only the ASCII digits of ``text`` after NFKC: ``"(0837)32-1234"`` → ``"0837321234"``."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", str(text))
    return "".join(c for c in text if "0" <= c <= "9")


def looks_like_phone(query: str) -> bool:
    norm = unicodedata.normalize("NFKC", query)
    digits = sum("0" <= c <= "9" for c in norm)
    others_ok = all("0" <= c <= "9" or c in _PHONE_QUERY_PUNCT or c.isspace() for c in norm)
    return others_ok and digits >= _PHONE_QUERY_MIN_DIGITS


def matches(query: str | None, *fields: str | None) -> bool:
    """True when the folded ``query`` is a substring of any folded, non-empty field.

    An empty query matches everything. When the query looks like part of a phone number
    (at least three digits and otherwise only spaces, hyphens of any kind, ー or brackets),
    the digits alone are also compared, so ``"0837-32"`` finds ``"(0837)32-1234"``.
    """
    q = fold(query)
    if not q:
        return True
    phone_q = fold_phone(query) if looks_like_phone(query) else ""
    for field in fields:
        if field is None or field == "":
            continue
        if q in fold(field):
            return True
        if phone_q and phone_q in fold_phone(field):
            return True
    return False
