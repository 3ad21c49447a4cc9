"""Tests for nagato_desk.money: whole-yen formatting and parsing, and percentages.

Rates are checked against long division done by hand, e.g. 42400 / 761 = 55.716… → 55.72.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from nagato_desk.money import (
    YEN_XLSX_FORMAT,
    YEN_XLSX_FORMAT_UNIT,
    format_rate,
    format_yen,
    parse_yen,
    rate,
)


def test_xlsx_formats():
    assert YEN_XLSX_FORMAT == '#,##0;"△"#,##0'
    assert YEN_XLSX_FORMAT_UNIT == '#,##0"円";"△"#,##0"円"'


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (1234567, "1,234,567"),
        (-500, "△500"),
        (0, "0"),
        (999, "999"),
        (1000, "1,000"),
        (-1234567, "△1,234,567"),
        (100000000, "100,000,000"),
    ],
)
def test_format_yen(amount, expected):
    assert format_yen(amount) == expected


@pytest.mark.parametrize(
    ("amount", "kwargs", "expected"),
    [
        (1234567, {"unit": "円"}, "1,234,567円"),
        (-500, {"unit": "円"}, "△500円"),
        (0, {"unit": "円"}, "0円"),
        (-500, {"negative_mark": "-"}, "-500"),
        (-500, {"negative_mark": "▲", "unit": "円"}, "▲500円"),
        (500, {"negative_mark": "▲"}, "500"),
    ],
)
def test_format_yen_options(amount, kwargs, expected):
    assert format_yen(amount, **kwargs) == expected


@pytest.mark.parametrize("bad", [1.0, 1234.5, True, False, Decimal("1"), "1", None])
def test_format_yen_rejects_non_int(bad):
    with pytest.raises(TypeError):
        format_yen(bad)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234", 1234),
        ("１，２３４", 1234),
        ("¥1,234", 1234),
        ("￥1,234", 1234),
        ("1234円", 1234),
        ("1,234,567円", 1234567),
        ("¥ 1,234 円", 1234),
        ("△500", -500),
        ("▲500", -500),
        ("-500", -500),
        ("\u2212500", -500),
        ("－500", -500),
        ("+500", 500),
        ("△1,000円", -1000),
        ("￥△1,000", -1000),
        ("△￥1,000", -1000),
        (" 12 ", 12),
        ("\u300012\u3000", 12),
        ("1234.0", 1234),
        ("1234.00", 1234),
        ("1,23,4", 1234),
        ("0", 0),
        ("０", 0),
        ("△0", 0),
        ("007", 7),
        (1234, 1234),
        (-5, -5),
        (0, 0),
    ],
)
def test_parse_yen(text, expected):
    assert parse_yen(text) == expected


@pytest.mark.parametrize("text", ["12.5", "12.50", "1,234.01", "△0.5"])
def test_parse_yen_rejects_sen(text):
    with pytest.raises(ValueError) as exc:
        parse_yen(text)
    assert str(exc.value) == f"金額『{text}』は円単位の整数で入力してください。"


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("abc", "『abc』を読み取れません"),
        (",123", "『,123』"),
        ("123,", "『123,』"),
        ("1 234", "『1 234』"),
        ("1234.", "『1234.』"),
        ("¥", "『¥』"),
        ("円", "『円』"),
        ("1e3", "『1e3』"),
        ("12-3", "『12-3』"),
        ("--5", "『--5』には符号が2つ"),
        ("△-5", "『△-5』には符号が2つ"),
        ("  abc  ", "『abc』"),
    ],
)
def test_parse_yen_rejects(text, quoted):
    with pytest.raises(ValueError, match=quoted):
        parse_yen(text)


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_parse_yen_empty(text):
    with pytest.raises(ValueError, match="金額が入力されていません"):
        parse_yen(text)


@pytest.mark.parametrize("bad", [12.0, True, None, Decimal("12")])
def test_parse_yen_type(bad):
    with pytest.raises(TypeError):
        parse_yen(bad)


@pytest.mark.parametrize("amount", [0, 1, -1, 999, 1000, -1000, 1234567, -98765432, 10**12])
def test_yen_round_trip(amount):
    assert parse_yen(format_yen(amount)) == amount
    assert parse_yen(format_yen(amount, unit="円")) == amount
    assert parse_yen(format_yen(amount, negative_mark="▲")) == amount
    assert parse_yen(format_yen(amount, negative_mark="-")) == amount


# --- rates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("num", "den", "places", "expected"),
    [
        # Figures from the city's plan.
        (424, 761, 2, "55.72"),
        (482, 1295, 2, "37.22"),
        (656, 1267, 2, "51.78"),
        (2140, 5374, 2, "39.82"),
        # Exact ties, where half-even rounding would go the other way.
        (1, 32, 2, "3.13"),  # 3.125
        (1, 800, 2, "0.13"),  # 0.125
        (1, 16, 1, "6.3"),  # 6.25
        (1, 8, 0, "13"),  # 12.5
        (-1, 32, 2, "-3.13"),  # ties go away from zero
        (1, -8, 0, "-13"),
        (-1, -8, 0, "13"),
        # Not ties.
        (3, 8, 0, "38"),  # 37.5 rounds up either way
        (1, 3, 2, "33.33"),
        (2, 3, 2, "66.67"),
        (1, 3, 0, "33"),
        (761, 424, 2, "179.48"),  # 179.481…
        (0, 5, 2, "0.00"),
        (5, 5, 2, "100.00"),
        (1, 8000, 2, "0.01"),  # 0.0125
    ],
)
def test_rate(num, den, places, expected):
    result = rate(num, den, places)
    assert result == Decimal(expected)
    assert str(result) == expected


def test_rate_default_places():
    assert rate(424, 761) == Decimal("55.72")


@pytest.mark.parametrize(("num", "den"), [(5, 0), (0, 0), (None, 5), (5, None), (None, None)])
def test_rate_none(num, den):
    assert rate(num, den) is None


@pytest.mark.parametrize(("num", "den"), [(1.5, 2), (1, 2.0), (True, 2), ("1", 2)])
def test_rate_type(num, den):
    with pytest.raises(TypeError):
        rate(num, den)


def test_rate_negative_places():
    with pytest.raises(ValueError, match="『-1』"):
        rate(1, 2, -1)


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Decimal("55.72"), 2, "55.72%"),
        (Decimal("55.7"), 2, "55.70%"),
        (Decimal("3.125"), 2, "3.13%"),
        (Decimal("-3.125"), 2, "-3.13%"),
        (Decimal("-0.001"), 2, "0.00%"),
        (Decimal("0"), 2, "0.00%"),
        (100, 2, "100.00%"),
        (Decimal("12.5"), 0, "13%"),
        (Decimal("6.25"), 1, "6.3%"),
        (Decimal("1E+2"), 1, "100.0%"),
        (None, 2, "—"),
    ],
)
def test_format_rate(value, places, expected):
    assert format_rate(value, places) == expected


def test_format_rate_of_rate():
    assert format_rate(rate(424, 761)) == "55.72%"
    assert format_rate(rate(1, 0)) == "—"
    assert format_rate(rate(1, 8, 0), 0) == "13%"


@pytest.mark.parametrize("bad", [55.72, True, "55.72"])
def test_format_rate_type(bad):
    with pytest.raises(TypeError):
        format_rate(bad)
