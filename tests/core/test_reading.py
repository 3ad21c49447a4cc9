"""Tests for nagato_desk.reading: folding, the 50音 sort key and search matching."""

from __future__ import annotations

import random

import pytest

from nagato_desk.reading import fold, fold_phone, matches, sort_key

GOJUON = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん"


@pytest.mark.parametrize(
    "text", ["ｻﾄｳ ﾊﾅｺ", "サトウ\u3000ハナコ", "さとう はなこ", "サトウハナコ", " さとう\tはなこ\n"]
)
def test_fold_spellings_of_one_name(text):
    assert fold(text) == "さとうはなこ"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ｶﾞｯｺｳ", "がっこう"),
        ("ﾊﾟﾝ", "ぱん"),
        ("ＡＢＣ", "abc"),
        ("Ｓｍｉｔｈ", "smith"),
        ("STRASSE", "strasse"),
        ("ラーメン", "らーめん"),
        ("ｰ", "ー"),
        ("ヴ", "ゔ"),
        ("ァヵヶ", "ぁゕゖ"),
        ("ヽヾ", "ゝゞ"),
        ("ヷ", "ヷ"),
        ("０８３７", "0837"),
        ("山田 太郎", "山田太郎"),
        ("", ""),
        (" \t\n\u3000", ""),
        (None, ""),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


# --- sort key -----------------------------------------------------------------------------


def _sorted(items):
    return sorted(items, key=sort_key)


def test_voicing_only_breaks_ties():
    assert _sorted(["がか", "かき", "かか"]) == ["かか", "がか", "かき"]
    # ば is compared as は at the primary level, so ばか (はか) comes before はな.
    assert _sorted(["はな", "ばか"]) == ["ばか", "はな"]


def test_unvoiced_voiced_semivoiced():
    assert _sorted(["ぱ", "ば", "は"]) == ["は", "ば", "ぱ"]
    assert _sorted(["ぱぱ", "ばば", "はば", "はは"]) == ["はは", "はば", "ばば", "ぱぱ"]


def test_same_reading_in_three_scripts_shares_keys():
    keys = [sort_key(s) for s in ("さとう", "サトウ", "ｻﾄｳ")]
    assert {k[:3] for k in keys} == {(0, "さとう", "さとう")}
    # The raw spelling still separates them, so the order is deterministic.
    assert len(set(keys)) == 3


def test_surname_chain():
    expected = ["いとう", "いのうえ", "うえだ", "おおた", "かとう"]
    shuffled = expected[:]
    random.Random(1).shuffle(shuffled)
    assert _sorted(shuffled) == expected
    assert _sorted(reversed(expected)) == expected


def test_gojuon_order():
    chars = list(GOJUON)
    random.Random(7).shuffle(chars)
    assert "".join(_sorted(chars)) == GOJUON


def test_mixed_scripts_sort_by_reading():
    assert _sorted(["ﾀﾅｶ", "さとう", "スズキ"]) == ["さとう", "スズキ", "ﾀﾅｶ"]


def test_sato_zato_satoo():
    assert _sorted(["さとうー", "ざとう", "さとう"]) == ["さとう", "ざとう", "さとうー"]
    assert sort_key("さとうー")[1] == "さとうう"


@pytest.mark.parametrize(
    ("reading", "primary"),
    [
        ("がっこう", "かつこう"),
        ("きゃっと", "きやつと"),
        ("ゔぁ", "うあ"),
        ("ゎゕゖ", "わかけ"),
        ("パン", "はん"),
        ("かー", "かあ"),
        ("かーー", "かああ"),
        ("ラーメン", "らあめん"),
        ("ゴール", "こおる"),
        ("スーパー", "すうはあ"),
        ("きゃー", "きやあ"),
        ("ミー", "みい"),
        ("ヌー", "ぬう"),
        ("ケーキ", "けえき"),
        ("ヨーヨー", "よおよお"),
        ("んー", "んー"),
        ("ー", "ー"),
    ],
)
def test_primary_key(reading, primary):
    assert sort_key(reading)[1] == primary


def test_small_kana_before_large_on_tie():
    assert _sorted(["きやく", "きゃく"]) == ["きゃく", "きやく"]
    assert _sorted(["かつて", "かって"]) == ["かって", "かつて"]


def test_long_vowel_sorts_as_vowel():
    assert _sorted(["かー", "かあ"]) == ["かあ", "かー"]
    # らーめん is らあめん at the primary level, before らいす.
    assert _sorted(["らいす", "らーめん"]) == ["らーめん", "らいす"]
    assert _sorted(["かい", "かー"]) == ["かー", "かい"]


def test_empty_readings_sort_last():
    assert sort_key(None) == sort_key("")
    assert sort_key("\u3000")[0] == 1
    result = _sorted([None, "わたなべ", "", "あべ", "　"])
    assert result[:2] == ["あべ", "わたなべ"]
    assert set(result[2:]) == {None, "", "　"}


def test_kanji_in_reading_after_kana_before_empty():
    assert _sorted(["", "山田", "わたなべ"]) == ["わたなべ", "山田", ""]


# --- matching -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "fields", "expected"),
    [
        ("", ("x",), True),
        ("", (), True),
        (None, ("x",), True),
        ("\u3000", (None,), True),
        ("さとう", ("サトウ ハナコ",), True),
        ("ｻﾄｳ", ("佐藤", "さとう はなこ"), True),
        ("ハナコ", ("ｻﾄｳ ﾊﾅｺ",), True),
        ("さとう はな", ("サトウハナコ",), True),
        ("すずき", ("サトウ", None, ""), False),
        ("すずき", (), False),
        ("ABC", ("xabcx",), True),
        ("abc", ("ＡＢＣ",), True),
        ("佐藤", ("佐藤 花子",), True),
        # ー is a real character in kana, not punctuation.
        ("らーめん", ("らめん",), False),
        ("らめん", ("らーめん",), False),
    ],
)
def test_matches_text(query, fields, expected):
    assert matches(query, *fields) is expected


@pytest.mark.parametrize(
    ("query", "field", "expected"),
    [
        ("0837-32", "0837321234", True),
        ("0837-32", "(0837)32-1234", True),
        ("０８３７－３２", "0837-32-1234", True),
        ("0837 32", "0837-32-1234", True),
        ("0837ー32", "0837-32-1234", True),
        ("0837‐32", "0837 32 1234", True),
        ("(0837)32", "0837-32-1234", True),
        ("083", "0837", True),
        ("123", "1-2-3", True),
        ("0837-32", "0837-99-1234", False),
        # Two digits are too few to ignore the punctuation.
        ("12", "1-2-3", False),
        ("08", "0-8", False),
        # Anything but digits, spaces and hyphens turns the digit comparison off.
        ("a123", "a-1-2-3", False),
        ("佐藤 0837", "佐藤", False),
        ("佐藤 0837", "佐藤0837", True),
    ],
)
def test_matches_phone(query, field, expected):
    assert matches(query, field) is expected


def test_matches_any_field():
    assert matches("0837-32", "さとう", None, "(0837)32-1234")
    assert matches("さとう", None, "0837-32-1234", "サトウ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(0837)32-1234", "0837321234"),
        ("０８３７－３２－１２３４", "0837321234"),
        ("TEL 0837-32-1234 内線5", "08373212345"),
        ("abc", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_fold_phone(text, expected):
    assert fold_phone(text) == expected


def test_sort_key_text_orders_like_sort_key():
    from nagato_desk.reading import sort_key_text

    readings = [
        "かき",
        "がか",
        "かか",
        "",
        None,
        "ｶｶ",
        "かー",
        "かあ",
        "さとう はなこ",
        "サトウ タロウ",
        "いとう",
        "あ",
    ]
    by_tuple = sorted(readings, key=sort_key)
    by_text = sorted(readings, key=sort_key_text)
    assert by_text == by_tuple
