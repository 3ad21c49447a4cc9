"""Tests for nagato_desk.dates: era conversion, fiscal years and lenient parsing.

Expected values are worked out by hand from the era start dates (era year = Western year
minus the era's first Western year plus one).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from nagato_desk.dates import (
    ERAS,
    age_on,
    fiscal_year_bounds,
    fiscal_year_of,
    fiscal_year_start,
    format_date,
    format_date_numeric,
    format_era_year,
    format_fiscal_year,
    parse_date,
    parse_fiscal_year,
    to_wareki,
)


def _days_of(year: int):
    d = date(year, 1, 1)
    while d.year == year:
        yield d
        d += timedelta(days=1)


def test_eras_oldest_first():
    assert [(e.name, e.letter, e.start) for e in ERAS] == [
        ("明治", "M", date(1868, 10, 23)),
        ("大正", "T", date(1912, 7, 30)),
        ("昭和", "S", date(1926, 12, 25)),
        ("平成", "H", date(1989, 1, 8)),
        ("令和", "R", date(2019, 5, 1)),
    ]


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 4, 1), ("令和", 8)),
        (date(2019, 5, 1), ("令和", 1)),
        (date(2019, 4, 30), ("平成", 31)),
        (date(2000, 1, 1), ("平成", 12)),
        (date(1989, 1, 8), ("平成", 1)),
        (date(1989, 1, 7), ("昭和", 64)),
        (date(1926, 12, 25), ("昭和", 1)),
        (date(1926, 12, 24), ("大正", 15)),
        (date(1912, 7, 30), ("大正", 1)),
        (date(1912, 7, 29), ("明治", 45)),
        (date(1868, 10, 23), ("明治", 1)),
        (datetime(2026, 4, 1, 9, 30), ("令和", 8)),
    ],
)
def test_to_wareki(d, expected):
    assert to_wareki(d) == expected


def test_to_wareki_before_meiji():
    with pytest.raises(ValueError, match="1868年10月22日.*明治"):
        to_wareki(date(1868, 10, 22))


@pytest.mark.parametrize(
    ("era", "year", "expected"),
    [("令和", 1, "令和元年"), ("令和", 8, "令和8年"), ("平成", 31, "平成31年"), ("昭和", 64, "昭和64年")],
)
def test_format_era_year(era, year, expected):
    assert format_era_year(era, year) == expected


def test_format_era_year_rejects_zero():
    with pytest.raises(ValueError, match="『0』"):
        format_era_year("令和", 0)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 4, 1), "令和8年4月1日"),
        (date(2019, 4, 30), "平成31年4月30日"),
        (date(2019, 5, 1), "令和元年5月1日"),
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(1926, 12, 25), "昭和元年12月25日"),
        (date(1975, 1, 2), "昭和50年1月2日"),
        (datetime(2026, 12, 31, 23, 59), "令和8年12月31日"),
    ],
)
def test_format_date_wareki(d, expected):
    assert format_date(d) == expected
    assert format_date(d, "wareki") == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 4, 1), "2026年4月1日"),
        (date(2019, 5, 1), "2019年5月1日"),
        (date(1989, 12, 31), "1989年12月31日"),
    ],
)
def test_format_date_seireki(d, expected):
    assert format_date(d, style="seireki") == expected


@pytest.mark.parametrize(
    ("d", "wareki", "seireki"),
    [
        (date(2026, 4, 1), "R8.4.1", "2026/04/01"),
        (date(2019, 5, 1), "R1.5.1", "2019/05/01"),
        (date(2019, 4, 30), "H31.4.30", "2019/04/30"),
        (date(1989, 1, 7), "S64.1.7", "1989/01/07"),
        (date(1975, 1, 2), "S50.1.2", "1975/01/02"),
        (date(2026, 12, 31), "R8.12.31", "2026/12/31"),
    ],
)
def test_format_date_numeric(d, wareki, seireki):
    assert format_date_numeric(d) == wareki
    assert format_date_numeric(d, style="seireki") == seireki


@pytest.mark.parametrize("func", [format_date, format_date_numeric])
def test_unknown_style_rejected(func):
    with pytest.raises(ValueError, match="『western』"):
        func(date(2026, 4, 1), "western")


def test_formatting_before_meiji_rejected():
    with pytest.raises(ValueError, match="明治より前"):
        format_date(date(1800, 1, 1))
    assert format_date(date(1800, 1, 1), "seireki") == "1800年1月1日"


# --- fiscal years -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "fy"),
    [
        (date(2026, 4, 1), 2026),
        (date(2027, 3, 31), 2026),
        (date(2026, 3, 31), 2025),
        (date(2026, 1, 1), 2025),
        (date(2026, 12, 31), 2026),
        (datetime(2026, 3, 31, 23, 59), 2025),
    ],
)
def test_fiscal_year_of(d, fy):
    assert fiscal_year_of(d) == fy


def test_fiscal_year_bounds_and_start():
    assert fiscal_year_bounds(2026) == (date(2026, 4, 1), date(2027, 3, 31))
    assert fiscal_year_bounds(2023) == (date(2023, 4, 1), date(2024, 3, 31))
    assert fiscal_year_start(2026) == date(2026, 4, 1)


def test_every_day_lies_in_its_fiscal_year():
    d = date(2023, 1, 1)
    while d <= date(2028, 12, 31):
        start, end = fiscal_year_bounds(fiscal_year_of(d))
        assert start <= d <= end
        d += timedelta(days=1)


@pytest.mark.parametrize("bad", [True, 2026.0, "2026"])
def test_fiscal_year_bounds_type(bad):
    with pytest.raises(TypeError):
        fiscal_year_bounds(bad)


@pytest.mark.parametrize(
    ("fy", "expected"),
    [
        (2026, "令和8年度"),
        (2019, "令和元年度"),
        (2018, "平成30年度"),
        (1989, "平成元年度"),
        (1988, "昭和63年度"),
        (1926, "昭和元年度"),
        (1925, "大正14年度"),
        (1912, "大正元年度"),
        (1911, "明治44年度"),
        (1868, "明治元年度"),
    ],
)
def test_format_fiscal_year_wareki(fy, expected):
    assert format_fiscal_year(fy) == expected


def test_format_fiscal_year_seireki():
    assert format_fiscal_year(2026, style="seireki") == "2026年度"
    assert format_fiscal_year(1867, style="seireki") == "1867年度"


def test_format_fiscal_year_before_meiji():
    with pytest.raises(ValueError, match="1867年度"):
        format_fiscal_year(1867)


# Every spelling a user might type, grouped by the fiscal year it means.
_FY_SPELLINGS = {
    2026: ["2026", "２０２６", "2026年度", "2026年", "R8", "r8", "Ｒ８", "R8年度", "令和8", "令和8年度"],
    2019: ["令和元年度", "令和元", "R1", "H31", "平成31年度", "㍻31年度"],
    2020: ["平成32", "H32年度"],  # beyond the era's end: accepted
    1989: ["昭和64年度", "平成元年度", "H1"],
    1988: ["S63", "昭和63年度"],
    1926: ["T15", "昭和元"],
    1868: ["M1", "明治元年度", "1868"],
    2200: ["2200"],
}
_FY_SPELLINGS[2026] += ["令和８年度", "令和 8 年度", "㋿8", "  R8  ", "\u3000令和8年度\u3000", 2026]


@pytest.mark.parametrize(("text", "fy"), [(t, fy) for fy, texts in _FY_SPELLINGS.items() for t in texts])
def test_parse_fiscal_year(text, fy):
    assert parse_fiscal_year(text) == fy


def test_parse_fiscal_year_unreadable_message():
    with pytest.raises(ValueError) as exc:
        parse_fiscal_year("abc")
    assert str(exc.value) == "年度『abc』を読み取れません。2026、R8、令和8年度 のように入力してください。"


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("R0", "『R0』"),
        ("令和0年度", "『令和0年度』"),
        ("令和100", "『令和100』"),
        ("1867", "『1867』"),
        ("2201", "『2201』"),
        ("X8", "『X8』"),
        ("R", "『R』"),
        ("令和", "『令和』"),
        ("26", "『26』"),
        ("20260", "『20260』"),
        ("2026年度度", "『2026年度度』"),
        ("R8.5", "『R8.5』"),
        ("  abc ", "『abc』"),
        (1800, "『1800』"),
    ],
)
def test_parse_fiscal_year_rejects(text, quoted):
    with pytest.raises(ValueError, match=quoted):
        parse_fiscal_year(text)


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_parse_fiscal_year_empty(text):
    with pytest.raises(ValueError, match="入力されていません"):
        parse_fiscal_year(text)


@pytest.mark.parametrize("bad", [True, 2026.0, None])
def test_parse_fiscal_year_type(bad):
    with pytest.raises(TypeError):
        parse_fiscal_year(bad)


@pytest.mark.parametrize("style", ["wareki", "seireki"])
def test_fiscal_year_round_trip(style):
    for fy in range(1900, 2101):
        assert parse_fiscal_year(format_fiscal_year(fy, style)) == fy


# --- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-04-01", date(2026, 4, 1)),
        ("2026-4-1", date(2026, 4, 1)),
        ("2026/4/1", date(2026, 4, 1)),
        ("2026.4.1", date(2026, 4, 1)),
        ("2026年4月1日", date(2026, 4, 1)),
        ("2026年 4月 1日", date(2026, 4, 1)),
        ("令和8年4月1日", date(2026, 4, 1)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("R8年4月1日", date(2026, 4, 1)),
        ("R8.4.1", date(2026, 4, 1)),
        ("R8/4/1", date(2026, 4, 1)),
        ("R8-4-1", date(2026, 4, 1)),
        ("r8.4.1", date(2026, 4, 1)),
        ("H31.4.30", date(2019, 4, 30)),
        ("S50.1.2", date(1975, 1, 2)),
        ("T1.7.30", date(1912, 7, 30)),
        ("M1.10.23", date(1868, 10, 23)),
        ("２０２６／０４／０１", date(2026, 4, 1)),
        ("令和８年４月１日", date(2026, 4, 1)),
        ("Ｒ８．４．１", date(2026, 4, 1)),
        ("2026-04-01 00:00:00", date(2026, 4, 1)),
        ("2026-04-01T09:30:00", date(2026, 4, 1)),
        ("2026-04-01 09:30:00.123456", date(2026, 4, 1)),
        ("2026-04-01 09:30", date(2026, 4, 1)),
        ("  2026/4/1 ", date(2026, 4, 1)),
        ("2024/2/29", date(2024, 2, 29)),
        # After an era's end: accepted and converted (forms printed in advance).
        ("平成31年5月1日", date(2019, 5, 1)),
        ("H32.1.1", date(2020, 1, 1)),
        ("昭和64年1月8日", date(1989, 1, 8)),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_parse_date_passes_dates_through():
    assert parse_date(date(2026, 4, 1)) == date(2026, 4, 1)
    assert parse_date(datetime(2026, 4, 1, 12, 0)) == date(2026, 4, 1)
    assert type(parse_date(datetime(2026, 4, 1, 12, 0))) is date


def test_parse_date_unreadable_message():
    with pytest.raises(ValueError) as exc:
        parse_date("abc")
    assert str(exc.value) == (
        "日付『abc』を読み取れません。2026-04-01、R8.4.1、令和8年4月1日 のように入力してください。"
    )


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2026-02-30", "『2026-02-30』は存在しない日付"),
        ("2025/2/29", "『2025/2/29』は存在しない日付"),
        ("2026/13/1", "『2026/13/1』は存在しない日付"),
        ("2026/0/10", "『2026/0/10』は存在しない日付"),
        ("令和8年2月30日", "『令和8年2月30日』は存在しない日付"),
        ("令和元年4月1日", "『令和元年4月1日』は令和の始まり（2019年5月1日）より前"),
        ("R1.4.30", "『R1.4.30』は令和の始まり"),
        ("平成元年1月7日", "『平成元年1月7日』は平成の始まり（1989年1月8日）より前"),
        ("M1.1.1", "『M1.1.1』は明治の始まり（1868年10月23日）より前"),
        ("R0.4.1", "『R0.4.1』の和暦の年は1から99"),
        ("R100.4.1", "『R100.4.1』の和暦の年は1から99"),
        ("2026/4-1", "『2026/4-1』を読み取れません"),
        ("26/4/1", "『26/4/1』を読み取れません"),
        ("2026-04-01x", "『2026-04-01x』を読み取れません"),
        ("X8.4.1", "『X8.4.1』を読み取れません"),
        ("2026年4月", "『2026年4月』を読み取れません"),
    ],
)
def test_parse_date_rejects(text, fragment):
    with pytest.raises(ValueError, match=fragment):
        parse_date(text)


@pytest.mark.parametrize("text", ["", "  ", "\u3000"])
def test_parse_date_empty(text):
    with pytest.raises(ValueError, match="日付が入力されていません"):
        parse_date(text)


def test_parse_date_type():
    with pytest.raises(TypeError):
        parse_date(20260401)


@pytest.mark.parametrize("year", [1989, 2019])
def test_date_round_trip_every_day(year):
    for d in _days_of(year):
        assert parse_date(format_date(d)) == d
        assert parse_date(format_date(d, "seireki")) == d
        assert parse_date(format_date_numeric(d)) == d
        assert parse_date(format_date_numeric(d, "seireki")) == d
        assert parse_date(d.isoformat()) == d


# --- age ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (date(2000, 4, 1), date(2026, 3, 31), 25),
        (date(2000, 4, 1), date(2026, 4, 1), 26),
        (date(2000, 4, 1), date(2000, 4, 1), 0),
        (date(1950, 12, 31), date(2026, 1, 1), 75),
        (date(1950, 12, 31), date(2025, 12, 31), 75),
        # 29 February: a year older on 1 March in non-leap years, on the day in leap years.
        (date(2000, 2, 29), date(2025, 2, 28), 24),
        (date(2000, 2, 29), date(2025, 3, 1), 25),
        (date(2000, 2, 29), date(2024, 2, 28), 23),
        (date(2000, 2, 29), date(2024, 2, 29), 24),
        (datetime(2000, 4, 1, 23, 0), datetime(2026, 4, 1, 0, 0), 26),
    ],
)
def test_age_on(birth, on, age):
    assert age_on(birth, on) == age


def test_age_on_before_birth():
    with pytest.raises(ValueError, match="生年月日より前"):
        age_on(date(2000, 4, 1), date(2000, 3, 31))
