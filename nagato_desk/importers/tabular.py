"""Reading the spreadsheets councils already have: .xlsx or .csv (UTF-8 or CP932), header row found
even below a title row, Japanese header variants mapped to fields, every cell traced to its row and
column so an error can say where it is."""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from nagato_desk.errors import NagatoError, Problem, UnreadableFileError, ValidationError

HEADER_SEARCH_ROWS = 30
#: Files bigger or longer than this are refused before they are read in full (hostile or mistaken files).
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
#: An xlsx is a zip: refused before it is unpacked when it declares more than this (a zip bomb expands a
#: 1 MB file to gigabytes), or holds more parts than any workbook needs.
MAX_XLSX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_XLSX_MEMBERS = 2_000
#: How much of each XML part is looked at for a DTD (which may only come before the first element).
_PROLOG_BYTES = 64 * 1024
#: A cell longer than this is not a name or an address: the file is refused, naming the cell.
MAX_CELL_CHARS = 10_000


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
        for index, value in enumerate(row):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                number = len(self.rows) + self.pending_blank + 1
                raise ValidationError(
                    [
                        Problem(
                            f"セルが長すぎます（{len(value):,}文字。{MAX_CELL_CHARS:,}文字まで）。",
                            f"The cell is too long ({len(value):,} characters; at most {MAX_CELL_CHARS:,}).",
                            row=number,
                            column=_column_letter(index),
                        )
                    ]
                )
        self.count += 1
        if self.count > MAX_ROWS:
            raise _too_big(self.path)
        self.rows.extend([] for _ in range(self.pending_blank))
        self.pending_blank = 0
        self.rows.append(row)


#: The rows of the file read last, keyed by path, size and a hash of the bytes: the command reads a file
#: once to refuse a broken one before making the backup, and the import then reads it again.
_last_read: tuple[tuple[str, int, bytes], list[list[object]]] | None = None


def _digest(path: Path) -> bytes:
    import hashlib

    digest = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as fh:  # at most MAX_FILE_BYTES
        while chunk := fh.read(1024 * 1024):
            digest.update(chunk)
    return digest.digest()


def read_rows(path: Path) -> list[list[object]]:
    """All rows of the first sheet (.xlsx) or of the file (.csv, UTF-8 or CP932), within the limits."""
    global _last_read
    path = Path(path)
    if not path.is_file():
        raise UnreadableFileError(f"ファイル「{path}」が見つかりません。", f"File '{path}' not found.")
    stat = path.stat()
    if stat.st_size > MAX_FILE_BYTES:
        raise _too_big(path)
    key = (str(path.resolve()), stat.st_size, _digest(path))
    cached = _last_read
    if cached is not None and cached[0] == key:
        return [list(row) for row in cached[1]]
    rows = _read(path)
    _last_read = (key, rows)
    return [list(row) for row in rows]


def _read(path: Path) -> list[list[object]]:
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


def _not_excel(path: Path, ja: str, en: str) -> UnreadableFileError:
    return UnreadableFileError(
        f"「{path.name}」を Excel ファイルとして読めません（{ja}）。",
        f"Cannot read '{path.name}' as an Excel file ({en}).",
    )


def inspect_xlsx(path: Path) -> None:
    """Refuse an xlsx that is not a sound zip, would unpack to too much, or declares a DTD (XML bombs).

    Runs before openpyxl sees the file. Declared sizes are what zipfile enforces when unpacking (it
    stops at the declared size), so checking them bounds what reading can cost.
    """
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_XLSX_MEMBERS:
                raise _not_excel(
                    path, f"部品が多すぎます（{len(infos):,}個）", f"too many parts ({len(infos):,})"
                )
            declared = sum(i.file_size for i in infos)
            if declared > MAX_XLSX_UNPACKED_BYTES:
                mb = declared // (1024 * 1024)
                raise _not_excel(
                    path,
                    f"展開すると {mb:,}MB になります。{MAX_XLSX_UNPACKED_BYTES // (1024 * 1024)}MB までです",
                    f"it would unpack to {mb:,} MB; at most {MAX_XLSX_UNPACKED_BYTES // (1024 * 1024)} MB",
                )
            for info in infos:
                if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
                    continue
                with zf.open(info) as fh:
                    prolog = fh.read(_PROLOG_BYTES)
                if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
                    raise _not_excel(
                        path,
                        f"「{info.filename}」に DTD（実体の定義）が含まれています",
                        f"'{info.filename}' declares a DTD (entities)",
                    )
    except UnreadableFileError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        OSError,
        EOFError,
        ValueError,
    ) as exc:
        raise _not_excel(path, f"zip として壊れています：{exc}", f"not a sound zip: {exc}") from exc
    except Exception as exc:  # zlib.error and whatever else a damaged archive raises
        raise _not_excel(path, f"zip として壊れています：{exc}", f"not a sound zip: {exc}") from exc


def _reason(exc: BaseException) -> str:
    """The first line of an exception's text (openpyxl's run to a paragraph), at most 200 characters."""
    text = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return text[:200]


def _read_xlsx(path: Path, out: _Rows) -> None:
    inspect_xlsx(path)
    from openpyxl import load_workbook

    # A damaged or hostile workbook can make openpyxl (and the XML parser under it, defusedxml) raise
    # almost anything; each is the same answer to the user: not a readable Excel file.
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise _not_excel(path, _reason(exc), _reason(exc)) from exc
    try:
        if not wb.worksheets:
            raise _not_excel(path, "シートがありません", "it has no sheet")
        for row in wb.worksheets[0].iter_rows(values_only=True):
            out.add(list(row))
    except NagatoError:
        raise
    except Exception as exc:
        raise _not_excel(path, _reason(exc), _reason(exc)) from exc
    finally:
        try:
            wb.close()
        except Exception:  # closing a half-read damaged archive may fail too; nothing to keep
            pass


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
    try:
        for row in csv.reader(io.StringIO(text)):
            out.add(list(row))
    except csv.Error as exc:  # e.g. a field longer than the csv module's limit (131,072 characters)
        raise UnreadableFileError(
            f"「{path.name}」を CSV として読めません（{len(out.rows) + out.pending_blank + 1}行目あたり：{exc}）。",
            f"Cannot read '{path.name}' as CSV (around row {len(out.rows) + out.pending_blank + 1}: {exc}).",
        ) from exc


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
