"""Japanese era (和暦) dates and fiscal years (年度, April to March).

Council paperwork mixes 和暦 and 西暦 freely, so this module formats both and reads
whatever a secretariat is likely to type: ``2026/4/1``, ``令和8年4月1日``, ``R8.4.1``,
full-width digits, and so on.

Conventions chosen here:

* Eras start on the dates in :data:`ERAS`; dates before 明治 (1868-10-23) have no 和暦.
* Year one of an era is written 元年 in long forms and ``1`` in compact forms (``R1.5.1``).
* When *reading* an era date, a day before the era began is rejected (令和元年4月1日 never
  existed), but a day after the era ended is accepted (平成31年5月1日 → 2019-05-01),
  because forms printed before an era change keep the old era for a while.
* When *reading* an era fiscal year, era years beyond the era's end are accepted for the
  same reason (平成32年度 → FY2020).
* A fiscal year is written with the era in force on 31 December of its starting calendar
  year (see :func:`format_fiscal_year`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

__all__ = [
    "ERAS",
    "Era",
    "age_on",
    "fiscal_year_bounds",
    "fiscal_year_of",
    "fiscal_year_start",
    "format_date",
    "format_date_numeric",
    "format_era_year",
    "format_fiscal_year",
    "parse_date",
    "parse_fiscal_year",
    "to_wareki",
]


@dataclass(frozen=True)
class Era:
    """One Japanese era: its kanji name, its one-letter abbreviation and its first day."""

    name: str
    letter: str
    start: date


ERAS: tuple[Era, ...] = (
    Era("明治", "M", date(1868, 10, 23)),
    Era("大正", "T", date(1912, 7, 30)),
    Era("昭和", "S", date(1926, 12, 25)),
    Era("平成", "H", date(1989, 1, 8)),
    Era("令和", "R", date(2019, 5, 1)),
)

_ERA_BY_TOKEN: dict[str, Era] = {e.name: e for e in ERAS} | {e.letter: e for e in ERAS}

# The accepted range of fiscal years: nothing in a council's records predates 明治, and
# a four-digit year far in the future is almost certainly a typo.
FISCAL_YEAR_MIN = 1868
FISCAL_YEAR_MAX = 2200

# Era years above this are treated as typos rather than dates (the longest era, 昭和, ran to 64).
_ERA_YEAR_MAX = 99

_STYLES = ("wareki", "seireki")


def _as_date(d: date) -> date:
    # datetime is a subclass of date but refuses to compare with plain dates, so strip it.
    if isinstance(d, datetime):
        return d.date()
    if not isinstance(d, date):
        raise TypeError(f"date expected, got {type(d).__name__}")
    return d


def _check_style(style: str) -> None:
    if style not in _STYLES:
        raise ValueError(f"表記『{style}』は指定できません。wareki か seireki を指定してください。")


def _era_of(d: date) -> Era:
    for era in reversed(ERAS):
        if d >= era.start:
            return era
    raise ValueError(f"{d.year}年{d.month}月{d.day}日は明治より前のため、和暦で表せません。")


def to_wareki(d: date) -> tuple[str, int]:
    """Return ``(era name, era year)`` for ``d``, e.g. ``("令和", 8)`` for 2026-04-01.

    Raises ``ValueError`` for dates before 明治 began (1868-10-23).
    """
    d = _as_date(d)
    era = _era_of(d)
    return era.name, d.year - era.start.year + 1


def format_era_year(era: str, year: int) -> str:
    """Write an era year in full: ``("令和", 1)`` → ``"令和元年"``, ``("令和", 8)`` → ``"令和8年"``."""
    if year < 1:
        raise ValueError(f"和暦の年『{year}』は1以上で指定してください。")
    return f"{era}{'元' if year == 1 else year}年"


def format_date(d: date, style: str = "wareki") -> str:
    """Write a date in full: ``"令和8年4月1日"`` (``wareki``) or ``"2026年4月1日"`` (``seireki``)."""
    d = _as_date(d)
    _check_style(style)
    if style == "seireki":
        return f"{d.year}年{d.month}月{d.day}日"
    era, year = to_wareki(d)
    return f"{format_era_year(era, year)}{d.month}月{d.day}日"


def format_date_numeric(d: date, style: str = "wareki") -> str:
    """Write a date compactly for narrow cells: ``"R8.4.1"`` or ``"2026/04/01"``.

    The compact 和暦 form writes year one as ``1`` (``R1.5.1``), as printed forms do.
    """
    d = _as_date(d)
    _check_style(style)
    if style == "seireki":
        return f"{d.year:04d}/{d.month:02d}/{d.day:02d}"
    era = _era_of(d)
    return f"{era.letter}{d.year - era.start.year + 1}.{d.month}.{d.day}"


# --- fiscal years -------------------------------------------------------------------------


def fiscal_year_of(d: date) -> int:
    """The fiscal year (年度) containing ``d``: April to March, named by the April's year."""
    d = _as_date(d)
    return d.year if d.month >= 4 else d.year - 1


def _check_fiscal_year(fy: int) -> None:
    if isinstance(fy, bool) or not isinstance(fy, int):
        raise TypeError(f"fiscal year must be an int, got {type(fy).__name__}")
    # date() cannot represent 31 March of year 10000.
    if not 1 <= fy <= 9998:
        raise ValueError(f"年度『{fy}』は扱えない年です。")


def fiscal_year_start(fy: int) -> date:
    """The first day (1 April) of fiscal year ``fy``."""
    _check_fiscal_year(fy)
    return date(fy, 4, 1)


def fiscal_year_bounds(fy: int) -> tuple[date, date]:
    """The first and last day of fiscal year ``fy``, both inclusive: (``fy``-04-01, ``fy+1``-03-31)."""
    _check_fiscal_year(fy)
    return date(fy, 4, 1), date(fy + 1, 3, 31)


def format_fiscal_year(fy: int, style: str = "wareki") -> str:
    """Write a fiscal year: ``"令和8年度"`` (``wareki``) or ``"2026年度"`` (``seireki``).

    Convention: fiscal year Y is written with the era in force on 31 December of calendar
    year Y. A fiscal year that straddles an era change therefore takes the new era when
    the change falls before the year's end: FY2019 → 令和元年度 (not 平成31年度), FY1989 →
    平成元年度 (平成 began 8 January 1989, inside FY1988's last quarter but before the end of
    calendar 1989), FY1988 → 昭和63年度, FY2018 → 平成30年度. :func:`parse_fiscal_year`
    still accepts the other spelling (平成31年度 → 2019).
    """
    _check_fiscal_year(fy)
    _check_style(style)
    if style == "seireki":
        return f"{fy}年度"
    try:
        era, year = to_wareki(date(fy, 12, 31))
    except ValueError:
        raise ValueError(f"{fy}年度は明治より前のため、和暦で表せません。") from None
    return f"{era}{'元' if year == 1 else year}年度"


# --- parsing ------------------------------------------------------------------------------

_ERA_TOKEN = r"(?P<era>明治|大正|昭和|平成|令和|[MTSHR])"
_ERA_YEAR = r"(?P<ey>\d+|元)"

_FY_SEIREKI = re.compile(r"(?P<y>\d{4})\s*(?:年度?)?")
_FY_WAREKI = re.compile(_ERA_TOKEN + r"\s*" + _ERA_YEAR + r"\s*(?:年度?)?", re.IGNORECASE)

_TIME_PART = r"(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_D_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _TIME_PART)
_D_SEP = re.compile(r"(?P<y>\d{4})\s*(?P<sep>[/.])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<d>\d{1,2})")
_D_KANJI = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_D_ERA_KANJI = re.compile(
    _ERA_TOKEN + r"\s*" + _ERA_YEAR + r"\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日", re.IGNORECASE
)
_D_ERA_SEP = re.compile(
    _ERA_TOKEN + r"\s*" + _ERA_YEAR + r"\s*(?P<sep>[-/.])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<d>\d{1,2})",
    re.IGNORECASE,
)


def _normalize(text: str) -> str:
    # NFKC turns full-width digits, letters and punctuation into ASCII, and the one-character
    # era ligatures (㍻, ㋿) into their two-kanji names.
    return unicodedata.normalize("NFKC", text).strip()


def _era_token(token: str) -> Era:
    return _ERA_BY_TOKEN[token.upper() if len(token) == 1 else token]


def _era_year(token: str) -> int:
    return 1 if token == "元" else int(token)


def parse_fiscal_year(text: str | int) -> int:
    """Read a fiscal year typed by a user and return it as a Western year (FY2026 → 2026).

    Accepts ``2026``, ``２０２６``, ``2026年度``, ``R8``, ``r8``, ``R8年度``, ``令和8``,
    ``令和8年度``, ``令和元年度`` and the like, with surrounding spaces. Era years past the
    era's end are accepted (``平成32`` → 2020) because forms printed in advance use them.
    An int passes through after the range check. The result must lie in 1868–2200 and an
    era year in 1–99; anything else raises ``ValueError`` with a message quoting the input.
    """
    if isinstance(text, bool):
        raise TypeError("fiscal year must be text or an int, got bool")
    if isinstance(text, int):
        shown, fy = str(text), text
    elif isinstance(text, str):
        shown = text.strip()
        if not shown:
            raise ValueError("年度が入力されていません。2026、R8、令和8年度 のように入力してください。")
        norm = _normalize(text)
        if m := _FY_SEIREKI.fullmatch(norm):
            fy = int(m["y"])
        elif m := _FY_WAREKI.fullmatch(norm):
            era = _era_token(m["era"])
            year = _era_year(m["ey"])
            if not 1 <= year <= _ERA_YEAR_MAX:
                raise ValueError(f"年度『{shown}』の和暦の年は1から{_ERA_YEAR_MAX}の範囲で入力してください。")
            fy = era.start.year + year - 1
        else:
            raise ValueError(
                f"年度『{shown}』を読み取れません。2026、R8、令和8年度 のように入力してください。"
            )
    else:
        raise TypeError(f"fiscal year must be text or an int, got {type(text).__name__}")
    if not FISCAL_YEAR_MIN <= fy <= FISCAL_YEAR_MAX:
        raise ValueError(
            f"年度『{shown}』は{FISCAL_YEAR_MIN}年度から{FISCAL_YEAR_MAX}年度の範囲で入力してください。"
        )
    return fy


def parse_date(text: str) -> date:
    """Read a date typed by a user.

    Accepts ``2026-04-01``, ``2026/4/1``, ``2026.4.1``, ``2026年4月1日``, ``令和8年4月1日``,
    ``令和元年5月1日``, ``R8.4.1``, ``R8/4/1``, ``H31.4.30``, ``S50.1.2``, full-width digits
    and an ISO date-time such as ``2026-04-01 00:00:00`` (the time is dropped).

    An era date before the era began (令和元年4月1日) is rejected; one after the era ended
    (平成31年5月1日) is accepted and converted. Impossible dates (2026-02-30) are rejected.
    Errors are ``ValueError`` with a Japanese message quoting the input.
    """
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    if not isinstance(text, str):
        raise TypeError(f"date text expected, got {type(text).__name__}")
    shown = text.strip()
    if not shown:
        raise ValueError(
            "日付が入力されていません。2026-04-01、R8.4.1、令和8年4月1日 のように入力してください。"
        )
    norm = _normalize(text)

    era: Era | None = None
    if m := (_D_ISO.fullmatch(norm) or _D_SEP.fullmatch(norm) or _D_KANJI.fullmatch(norm)):
        y = int(m["y"])
    elif m := (_D_ERA_KANJI.fullmatch(norm) or _D_ERA_SEP.fullmatch(norm)):
        era = _era_token(m["era"])
        era_year = _era_year(m["ey"])
        if not 1 <= era_year <= _ERA_YEAR_MAX:
            raise ValueError(f"日付『{shown}』の和暦の年は1から{_ERA_YEAR_MAX}の範囲で入力してください。")
        y = era.start.year + era_year - 1
    else:
        raise ValueError(
            f"日付『{shown}』を読み取れません。2026-04-01、R8.4.1、令和8年4月1日 のように入力してください。"
        )

    try:
        result = date(y, int(m["m"]), int(m["d"]))
    except ValueError:
        raise ValueError(f"日付『{shown}』は存在しない日付です。") from None
    if era is not None and result < era.start:
        s = era.start
        raise ValueError(
            f"日付『{shown}』は{era.name}の始まり（{s.year}年{s.month}月{s.day}日）より前の日付です。"
        )
    return result


def age_on(birth: date, on: date) -> int:
    """Age in whole years on day ``on`` for someone born on ``birth``.

    Plain birthday arithmetic: the age goes up on the birthday itself. Someone born on
    29 February turns a year older on 1 March in non-leap years.
    """
    birth, on = _as_date(birth), _as_date(on)
    if on < birth:
        raise ValueError("基準日が生年月日より前です。")
    # Tuple comparison handles 29 February for free: (2, 28) < (2, 29) but (3, 1) is not.
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
