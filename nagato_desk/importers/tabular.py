"""Reading the spreadsheets councils already have: .xlsx or .csv (UTF-8 or CP932), header row found
even below a title row, Japanese header variants mapped to fields, every cell traced to its row and
column so an error can say where it is."""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from nagato_desk.errors import Problem, UnreadableFileError, ValidationError

HEADER_SEARCH_ROWS = 30
#: Files bigger or longer than this are refused before they are read in full (hostile or mistaken files).
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000


@dataclass(frozen=True)
class Column:
    """A field the importer wants, with the header texts that mean it."""

    field: str
    aliases: tuple[str, ...]
    required: bool = True


@dataclass
class SourceRow:
    number: int  # the row number the user sees in Excel (1-based)
    values: dict[str, object]


@dataclass
class Table:
    header_row: int
    columns: dict[str, str]  # field -> header text as written in the file
    rows: list[SourceRow]


def normalise_header(text: object) -> str:
    s = unicodedata.normalize("NFKC", str(text or ""))
    for ch in " \t\u3000「」『』()（）[]【】:：*＊・.、,":
        s = s.replace(ch, "")
    return s.casefold()


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _too_big(path: Path) -> UnreadableFileError:
    return UnreadableFileError(
        f"「{path.name}」は大きすぎるため取り込めません（{MAX_FILE_BYTES // (1024 * 1024)}MB まで、"
        f"{MAX_ROWS:,}行まで）。ファイルを分けてください。",
        f"'{path.name}' is too large to import (at most {MAX_FILE_BYTES // (1024 * 1024)} MB and "
        f"{MAX_ROWS:,} rows). Split the file.",
    )


class _Rows:
    """Collects rows, refusing the file as soon as it holds more than ``MAX_ROWS`` non-blank rows.

    Blank rows in the middle are kept (row numbers must match Excel's) but trailing ones are not, so a
    sheet whose formatting runs to row 1,048,576 costs nothing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows: list[list[object]] = []
        self.pending_blank = 0
        self.count = 0

    def add(self, row: list[object]) -> None:
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
            self.pending_blank += 1
            return
        self.count += 1
        if self.count > MAX_ROWS:
            raise _too_big(self.path)
        self.rows.extend([] for _ in range(self.pending_blank))
        self.pending_blank = 0
        self.rows.append(row)


def read_rows(path: Path) -> list[list[object]]:
    """All rows of the first sheet (.xlsx) or of the file (.csv, UTF-8 or CP932), within the limits."""
    path = Path(path)
    if not path.is_file():
        raise UnreadableFileError(f"ファイル「{path}」が見つかりません。", f"File '{path}' not found.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise _too_big(path)
    suffix = path.suffix.lower()
    collected = _Rows(path)
    if suffix in (".xlsx", ".xlsm"):
        _read_xlsx(path, collected)
    elif suffix in (".csv", ".txt"):
        _read_csv(path, collected)
    else:
        raise UnreadableFileError(
            f"「{path.name}」は読み込めない形式です。Excel（.xlsx）か CSV（.csv）を選んでください。",
            f"'{path.name}' is not a supported file. Choose an Excel (.xlsx) or CSV (.csv) file.",
        )
    return collected.rows


def _read_xlsx(path: Path, out: _Rows) -> None:
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UnreadableFileError(
            f"「{path.name}」を Excel ファイルとして読めません（{exc}）。",
            f"Cannot read '{path.name}' as an Excel file ({exc}).",
        ) from exc
    try:
        for row in wb.worksheets[0].iter_rows(values_only=True):
            out.add(list(row))
    finally:
        wb.close()


def _read_csv(path: Path, out: _Rows) -> None:
    raw = path.read_bytes()  # at most MAX_FILE_BYTES
    if b"\x00" in raw:
        raise UnreadableFileError(
            f"「{path.name}」は CSV として読めません（文字以外のデータが含まれています）。"
            "UTF-8 か Shift_JIS（CP932）の CSV で保存してください。",
            f"Cannot read '{path.name}' as CSV (it holds binary data). Save it as UTF-8 or Shift_JIS (CP932) CSV.",
        )
    for encoding in ("utf-8-sig", "cp932"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnreadableFileError(
            f"「{path.name}」の文字コードが分かりません。UTF-8 か Shift_JIS（CP932）で保存してください。",
            f"Cannot tell the encoding of '{path.name}'. Save it as UTF-8 or Shift_JIS (CP932).",
        )
    for row in csv.reader(io.StringIO(text)):
        out.add(list(row))


def locate(rows: list[list[object]], columns: list[Column], source: str) -> Table:
    """Find the header row (the first of the top rows that names every required column)."""
    best: tuple[int, dict[str, int]] | None = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        headers = [normalise_header(v) for v in row]
        found: dict[str, int] = {}
        for col in columns:
            wanted = {normalise_header(a) for a in col.aliases}
            for pos, h in enumerate(headers):
                if h and h in wanted and pos not in found.values():
                    found[col.field] = pos
                    break
        if all(c.field in found for c in columns if c.required):
            best = (index, found)
            break
    if best is None:
        names = "、".join(f"「{c.aliases[0]}」" for c in columns if c.required)
        raise ValidationError(
            [
                Problem(
                    f"{source}：見出しの行が見つかりません。{names} の列が必要です。",
                    f"{source}: no header row found. Columns needed: "
                    + ", ".join(c.aliases[0] for c in columns if c.required),
                )
            ]
        )
    header_index, found = best
    header = rows[header_index]
    table_rows = []
    for offset, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        values = {f: (row[pos] if pos < len(row) else None) for f, pos in found.items()}
        if all(v is None or str(v).strip() == "" for v in values.values()):
            continue  # blank lines and trailing rows are not data
        table_rows.append(SourceRow(offset, values))
    labels = {f: f"{_column_letter(pos)}列「{header[pos]}」" for f, pos in found.items()}
    return Table(header_row=header_index + 1, columns=labels, rows=table_rows)


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()
