"""会員名簿の取り込み: reading the roster file, finding its header row, mapping columns to fields, and
turning each cell into a value (or a message saying what is wrong with it).

Nothing here touches the database; ``importers/members.py`` checks the values against the council's
records and writes them through the services.

Conventions (the importer's tests hold them):

* 氏名 keeps the characters as written, with every run of spaces (half- or full-width) between its
  parts made **one ASCII space** ("佐藤　花子" → "佐藤 花子"). Full-width Latin letters and digits and
  half-width katakana are narrowed/widened (NFKC) but other characters are not: NFKC would turn
  compatibility kanji that people use in their names (神, 﨑 …) into a different character.
* ふりがな is NFKC-normalised (ｻﾄｳ ﾊﾅｺ → サトウ ハナコ) and keeps the script it was written in
  (hiragana stays hiragana, katakana stays katakana), with spaces as for names.
* 電話 and 携帯: NFKC, any dash made "-"; a number cell gets back the leading 0 Excel dropped.
* 郵便番号: seven digits written "123-4567".
* Dates: Excel date cells, 西暦 text (1970/3/1, 1970-03-01, 1970年3月1日, 19700301) and 和暦 text
  (S45.3.1, 昭和45年3月1日, R1.5.1, 令和元年5月1日), full-width digits too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, datetime

from nagato_desk.dates import parse_date, parse_fiscal_year
from nagato_desk.errors import Problem, ValidationError
from nagato_desk.importers.tabular import HEADER_SEARCH_ROWS, cell_text, normalise_header
from nagato_desk.reading import fold_phone

#: Files above these limits are refused before they are read in full.

#: field → (Japanese label, English label, header texts that mean it). Only 氏名 is required.
FIELDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "name": ("氏名", "name", ("氏名", "名前", "氏　名", "会員名")),
    "reading": ("ふりがな", "reading", ("ふりがな", "フリガナ", "よみがな", "ヨミガナ", "読み", "カナ")),
    "gender": ("性別", "gender", ("性別",)),
    "birth_date": ("生年月日", "birth date", ("生年月日", "誕生日")),
    "birth_year": ("生まれ年", "birth year", ("生まれ年", "生年")),
    "postal_code": ("郵便番号", "postal code", ("郵便番号", "〒")),
    "address": ("住所", "address", ("住所", "所在地")),
    "phone": ("電話番号", "phone", ("電話番号", "電話", "TEL", "Tel", "℡", "自宅電話")),
    "mobile": ("携帯電話", "mobile", ("携帯", "携帯電話")),
    "email": ("メール", "e-mail", ("メール", "E-mail", "Eメール")),
    "association": ("自治会", "association", ("自治会", "自治会名", "地区")),
    "block": ("班", "block", ("班", "組")),
    "household": ("世帯", "household", ("世帯", "世帯番号", "世帯No", "世帯主")),
    "role": ("役職", "role", ("役職",)),
    "committee": ("部会", "committee", ("部会",)),
    "joined_on": ("入会日", "joined on", ("入会日", "加入日")),
    "status": ("状態", "status", ("状態", "在籍")),
    "notes": ("備考", "notes", ("備考", "メモ")),
}


def header_key(text: object) -> str:
    """A header as compared with the aliases: ``tabular.normalise_header`` and no whitespace at all."""
    return "".join(normalise_header(text).split())


_ALIASES: dict[str, str] = {header_key(a): f for f, (_, _, aliases) in FIELDS.items() for a in aliases}


@dataclass
class ColumnMapping:
    """Which column holds which field: a 0-based column index or the header text as written in the file
    (``None``: not in the file). ``header_row`` is the header's row number as Excel shows it (1-based);
    left ``None`` in a hand-made mapping, it is found again (the row that holds the named headers)."""

    name: int | str | None = None
    reading: int | str | None = None
    gender: int | str | None = None
    birth_date: int | str | None = None
    birth_year: int | str | None = None
    postal_code: int | str | None = None
    address: int | str | None = None
    phone: int | str | None = None
    mobile: int | str | None = None
    email: int | str | None = None
    association: int | str | None = None
    block: int | str | None = None
    household: int | str | None = None
    role: int | str | None = None
    committee: int | str | None = None
    joined_on: int | str | None = None
    status: int | str | None = None
    notes: int | str | None = None
    header_row: int | None = None

    def mapped(self) -> dict[str, int | str]:
        """The fields that have a column, in the order of ``FIELDS``."""
        return {
            f.name: v
            for f in fields(self)
            if f.name != "header_row" and (v := getattr(self, f.name)) is not None
        }


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_label(index: int, header: list[object]) -> str:
    """How a column is named in messages: 「C列「生年月日」」 (「C列「（見出しなし）」」 without a header)."""
    text = cell_text(header[index]) if index < len(header) else ""
    return f"{column_letter(index)}列「{text or '（見出しなし）'}」"


# --- finding the header and the columns -----------------------------------------------------------


def _match_row(row: list[object]) -> dict[str, int]:
    found: dict[str, int] = {}
    for pos, value in enumerate(row):
        field = _ALIASES.get(header_key(value))
        if field is not None and field not in found:
            found[field] = pos
    return found


def detect_mapping(rows: list[list[object]]) -> tuple[int, ColumnMapping, list[str]]:
    """Find the header row among the first rows and map its headers to fields.

    Returns ``(header_row_index, mapping, unmapped_headers)``: the header's 0-based index in ``rows``
    (``mapping.header_row`` is the same row numbered as in Excel), and the headers no field claimed, as
    written. The header is the first row that names a 氏名 column; failing that, the row naming the most
    fields (the user then says which column holds the names). Raises ``ValidationError`` when no row
    looks like a header.
    """
    best: tuple[int, dict[str, int]] | None = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = _match_row(row)
        if "name" in found:
            best = (index, found)
            break
        if len(found) >= 2 and (best is None or len(found) > len(best[1])):
            best = (index, found)
    if best is None:
        names = "、".join(f"「{a}」" for a in FIELDS["name"][2][:2])
        raise ValidationError(
            [
                Problem(
                    f"見出しの行が見つかりません。{names} などの見出しが付いた列が必要です。",
                    "No header row found: the file needs a column headed 氏名 (or 名前).",
                )
            ]
        )
    index, found = best
    mapping = ColumnMapping(header_row=index + 1, **found)
    return index, mapping, unmapped_headers(rows[index], found.values())


def unmapped_headers(header: list[object], used: Iterable[int]) -> list[str]:
    """Header texts of the columns no field uses, as written."""
    taken = set(used)
    return [cell_text(v) for pos, v in enumerate(header) if cell_text(v) and pos not in taken]


def header_index_for(rows: list[list[object]], mapping: ColumnMapping) -> int:
    """The 0-based header row for a mapping the user made: as given, or the first row holding every
    header text the mapping names (or, when it names columns by index only, the detected header)."""
    if mapping.header_row is not None:
        if not 1 <= mapping.header_row <= len(rows):
            raise ValidationError(
                [
                    Problem(
                        f"見出しの行 {mapping.header_row} はファイルにありません。",
                        f"Header row {mapping.header_row} is not in the file.",
                    )
                ]
            )
        return mapping.header_row - 1
    texts = {header_key(v) for v in mapping.mapped().values() if isinstance(v, str)}
    if not texts:
        return detect_mapping(rows)[0]
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if texts <= {header_key(v) for v in row}:
            return index
    shown = "、".join(f"「{v}」" for v in mapping.mapped().values() if isinstance(v, str))
    raise ValidationError(
        [Problem(f"見出し{shown}が並んだ行が見つかりません。", f"No row holds the headers {shown}.")]
    )


def resolve_mapping(header: list[object], mapping: ColumnMapping) -> tuple[dict[str, int], list[Problem]]:
    """field → 0-based column index, with a problem for each header text not found or column used twice."""
    positions: dict[str, int] = {}
    problems: list[Problem] = []
    keys = [header_key(v) for v in header]
    for field, where in mapping.mapped().items():
        ja, en, _ = FIELDS[field]
        if isinstance(where, bool) or not isinstance(where, (int, str)):
            raise TypeError(f"column of {field} must be an index or a header text, got {where!r}")
        if isinstance(where, int):
            if where < 0:
                problems.append(
                    Problem(f"{ja}の列の番号 {where} が正しくありません。", f"Bad column {where} for {en}.")
                )
                continue
            pos = where
        else:
            try:
                pos = keys.index(header_key(where))
            except ValueError:
                problems.append(
                    Problem(
                        f"{ja}の列として指定された見出し「{where}」がありません。",
                        f"The header '{where}' given for {en} is not in the header row.",
                    )
                )
                continue
        clash = next((f for f, p in positions.items() if p == pos), None)
        if clash is not None:
            problems.append(
                Problem(
                    f"{column_label(pos, header)}が{FIELDS[clash][0]}と{ja}の両方に指定されています。",
                    f"Column {column_letter(pos)} is given for both {FIELDS[clash][1]} and {en}.",
                )
            )
            continue
        positions[field] = pos
    if "name" not in positions and not any(p.ja.startswith("氏名の列として") for p in problems):
        problems.append(
            Problem(
                "氏名の列がありません。どの列が氏名かを指定してください。",
                "There is no name column. Say which column holds the names.",
            )
        )
    return positions, problems


# --- cells -----------------------------------------------------------------------------------------


class CellError(ValueError):
    """A cell that cannot be read, with what is wrong in both languages."""

    def __init__(self, ja: str, en: str) -> None:
        super().__init__(ja)
        self.ja = ja
        self.en = en


# Full-width ASCII (Ｆ, １) and half-width katakana (ｻ, ﾞ): the only ranges NFKC may touch in a name.
_WIDTH_VARIANTS = re.compile("[\uff01-\uff5e\uff61-\uff9f]+")
_DASHES = re.compile("[‐‑‒–—―−ーｰ－]")


def narrow(text: str) -> str:
    """Full-width ASCII → ASCII and half-width kana → full-width, leaving every other character alone."""
    return _WIDTH_VARIANTS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def plain_text(value: object) -> str:
    """A cell as text, as written (numbers without a trailing .0), stripped."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    return str(value).strip()


def one_spaced(text: str) -> str:
    # str.split() splits on every Unicode space, the ideographic space U+3000 included.
    return " ".join(text.split())


def parse_name(value: object) -> str:
    return one_spaced(narrow(plain_text(value)))


def parse_reading(value: object) -> str:
    return one_spaced(unicodedata.normalize("NFKC", plain_text(value)))


def parse_address(value: object) -> str:
    return one_spaced(narrow(plain_text(value)))


_GENDERS = {
    "男": "M",
    "男性": "M",
    "m": "M",
    "male": "M",
    "女": "F",
    "女性": "F",
    "f": "F",
    "female": "F",
    "その他": "X",
    "x": "X",
    "other": "X",
}


def parse_gender(value: object) -> str:
    text = plain_text(value)
    if not text:
        return ""
    code = _GENDERS.get(unicodedata.normalize("NFKC", text).casefold().replace(" ", ""))
    if code is None:
        raise CellError(
            f"性別「{text}」が分かりません。男・女（男性・女性、M・F）で入力してください。",
            f"Unknown gender '{text}'. Use 男/女 (男性/女性, M/F, male/female).",
        )
    return code


_STATUSES = {
    "在籍": "active",
    "退会": "withdrawn",
    "転出": "moved",
    "死亡": "deceased",
    "active": "active",
    "withdrawn": "withdrawn",
    "moved": "moved",
    "deceased": "deceased",
}


def parse_status(value: object) -> str:
    text = plain_text(value)
    if not text:
        return "active"
    status = _STATUSES.get(unicodedata.normalize("NFKC", text).casefold().replace(" ", ""))
    if status is None:
        raise CellError(
            f"状態「{text}」が分かりません。在籍・退会・転出・死亡 のいずれかにしてください。",
            f"Unknown status '{text}'. Use 在籍, 退会, 転出 or 死亡.",
        )
    return status


_YYYYMMDD = re.compile(r"(\d{4})(\d{2})(\d{2})")
_TRAILING_TIME = re.compile(r"\s+\d{1,2}:\d{2}(:\d{2})?$")


def parse_date_cell(value: object) -> date | None:
    """A date from an Excel date cell or from 西暦/和暦 text; ``None`` for an empty cell."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = unicodedata.normalize("NFKC", plain_text(value))
    if not text:
        return None
    text = _TRAILING_TIME.sub("", text)
    if m := _YYYYMMDD.fullmatch(text):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise CellError(
                f"日付『{plain_text(value)}』は存在しない日付です。", f"'{text}' is not a real date."
            ) from None
    try:
        return parse_date(text)
    except ValueError as exc:
        shown = plain_text(value)
        ja = str(exc).replace(f"『{text}』", f"『{shown}』")
        if "存在しない" in ja:
            en = f"'{shown}' is not a real date."
        elif "始まり" in ja:
            en = f"'{shown}' is before the era began."
        else:
            en = f"Cannot read the date '{shown}' (write it like 1970/3/1, S45.3.1 or 昭和45年3月1日)."
        raise CellError(ja, en) from None


def parse_year_cell(value: object, today: date) -> int | None:
    """A year of birth: 1970, 1970年, 昭和45年, S45 (an era year counts from the era's first year)."""
    text = plain_text(value)
    if not text:
        return None
    try:
        # A fiscal year is named by its calendar year, so the same reading gives a calendar year.
        year = parse_fiscal_year(text)
    except ValueError:
        raise CellError(
            f"生まれ年「{text}」を読み取れません。1970、昭和45年、S45 のように入力してください。",
            f"Cannot read the year of birth '{text}' (write it like 1970, 昭和45年 or S45).",
        ) from None
    if year > today.year:
        raise CellError(
            f"生まれ年「{text}」が未来の年です。", f"The year of birth '{text}' is in the future."
        )
    return year


def parse_phone(value: object) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # A number cell: Excel dropped the leading 0 every Japanese phone number has.
        digits = plain_text(value)
        return digits if digits.startswith("0") else "0" + digits
    text = _DASHES.sub("-", unicodedata.normalize("NFKC", plain_text(value)))
    text = one_spaced(text)
    if text and not fold_phone(text):
        raise CellError(
            f"電話番号「{plain_text(value)}」に数字がありません。",
            f"The phone number '{text}' has no digits.",
        )
    return text


def parse_postal_code(value: object) -> str:
    text = plain_text(value)
    if not text:
        return ""
    norm = _DASHES.sub("-", unicodedata.normalize("NFKC", text)).replace("〒", "").replace(" ", "")
    digits = fold_phone(norm)
    if isinstance(value, (int, float)) and len(digits) == 6:
        digits = "0" + digits  # a number cell lost the leading 0 (郵便番号 0xx-xxxx in 北海道)
    elif len(digits) != 7 or norm.replace("-", "") != digits:
        raise CellError(
            f"郵便番号「{text}」は7桁の数字にしてください（例：759-4101）。",
            f"The postal code '{text}' must be seven digits (e.g. 759-4101).",
        )
    return f"{digits[:3]}-{digits[3:]}"


def parse_email(value: object) -> str:
    text = unicodedata.normalize("NFKC", plain_text(value))
    if not text:
        return ""
    local, at, domain = text.partition("@")
    if not at or not local or "." not in domain or any(ch.isspace() for ch in text):
        raise CellError(
            f"メールアドレス「{text}」の形が正しくありません。", f"'{text}' is not an e-mail address."
        )
    return text


_LIST_SEPARATORS = re.compile(r"[、,，/／\n]+")


def split_list(value: object) -> list[str]:
    """Several roles or committees in one cell: 「会計、部会長」 (・ is not a separator: 環境・福祉部会)."""
    return [p for part in _LIST_SEPARATORS.split(plain_text(value)) if (p := one_spaced(narrow(part)))]


def match_key(text: str) -> str:
    """How names of 自治会, addresses and 世帯 keys are compared: NFKC, dashes unified, no spaces."""
    return "".join(_DASHES.sub("-", unicodedata.normalize("NFKC", text)).split()).casefold()


#: Cells that mean "the same as the row above" in rosters typed by hand.
SAME_AS_ABOVE = frozenset({"同上", "〃", "″", '"'})
