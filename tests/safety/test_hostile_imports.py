"""Hostile and broken import files (issue 8): zip bombs, XML bombs, huge cells, and 1,000+ generated
broken csv/xlsx files fed to ``nagato-desk import members``: never a crash, always a clear message,
the database unchanged."""

from __future__ import annotations

import io
import shutil
import sqlite3
import time
import zipfile
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from nagato_desk.errors import UnreadableFileError, ValidationError
from nagato_desk.importers.tabular import MAX_XLSX_MEMBERS, read_rows

ROSTER = [
    ["氏名", "フリガナ", "性別", "生年月日", "住所", "電話", "自治会", "班"],
    ["佐藤 一郎", "さとう いちろう", "男", "S45.3.1", "長門市東深川1234", "0837-22-1111", "東浜", "1班"],
    ["佐藤 花子", "さとう はなこ", "女", "昭和47年5月10日", "長門市東深川1234", None, "東浜", "1班"],
]  # fmt: skip


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


VALID_XLSX = xlsx_bytes(ROSTER)


def replace_member(xlsx: bytes, name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, data if info.filename == name else zin.read(info.filename))
    return out.getvalue()


SHEET = "xl/worksheets/sheet1.xml"

BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row>
</sheetData></worksheet>"""


@pytest.fixture
def no_openpyxl(monkeypatch):
    """Fail the test if openpyxl is asked to open the file: it must be refused before."""

    def refuse(*args, **kwargs):
        raise AssertionError("openpyxl was given a file that should have been refused before")

    monkeypatch.setattr(openpyxl, "load_workbook", refuse)


def test_a_zip_bomb_is_refused_in_seconds_before_openpyxl(tmp_path: Path, no_openpyxl):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name in ("[Content_Types].xml", "xl/workbook.xml"):
            zf.writestr(name, b"<x/>")
        with zf.open("xl/media/image1.png", "w", force_zip64=True) as fh:
            zero = bytes(16 * 1024 * 1024)
            for _ in range(64):  # 64 × 16 MiB = 1 GiB of zeros
                fh.write(zero)
    # 1 GiB of zeros deflates to about 1 MiB (deflate's best ratio is about 1:1000)
    assert bomb.stat().st_size < 8 * 1024 * 1024
    started = time.perf_counter()
    with pytest.raises(UnreadableFileError) as err:
        read_rows(bomb)
    elapsed = time.perf_counter() - started
    assert elapsed < 2, elapsed
    # 1 GiB = 1,024 MiB declared, against the 300 MiB limit
    assert "展開すると 1,024MB" in err.value.ja and "300MB まで" in err.value.ja


def test_too_many_parts_are_refused(tmp_path: Path, no_openpyxl):
    many = tmp_path / "many.xlsx"
    with zipfile.ZipFile(many, "w") as zf:
        for i in range(MAX_XLSX_MEMBERS + 1):
            zf.writestr(f"xl/p{i}.xml", b"")
    with pytest.raises(UnreadableFileError, match="部品が多すぎます（2,001個）"):
        read_rows(many)


def test_openpyxl_parses_through_defusedxml():
    from defusedxml import DefusedXmlException

    assert openpyxl.xml.DEFUSEDXML is True  # openpyxl found defusedxml (a dependency in pyproject.toml)
    bomb = io.BytesIO(replace_member(VALID_XLSX, SHEET, BILLION_LAUGHS))
    started = time.perf_counter()
    with pytest.raises(ValueError) as err:  # openpyxl wraps the parser's refusal
        wb = openpyxl.load_workbook(bomb, read_only=True, data_only=True)
        list(wb.worksheets[0].iter_rows(values_only=True))
    assert time.perf_counter() - started < 2
    causes = []
    exc: BaseException | None = err.value
    while exc is not None:
        causes.append(exc)
        exc = exc.__cause__ or exc.__context__
    assert any(isinstance(c, DefusedXmlException) for c in causes), causes


def test_a_billion_laughs_xlsx_is_refused(tmp_path: Path, no_openpyxl):
    path = tmp_path / "laughs.xlsx"
    path.write_bytes(replace_member(VALID_XLSX, SHEET, BILLION_LAUGHS))
    with pytest.raises(UnreadableFileError, match="DTD"):
        read_rows(path)


def test_a_dtd_hidden_from_the_quick_look_is_stopped_by_defusedxml(tmp_path: Path):
    # In UTF-16 the bytes "<!DOCTYPE" do not appear: the quick look misses it, defusedxml does not.
    path = tmp_path / "utf16.xlsx"
    hidden = BILLION_LAUGHS.replace(b'encoding="UTF-8"', b'encoding="UTF-16"').decode("utf-8")
    path.write_bytes(replace_member(VALID_XLSX, SHEET, hidden.encode("utf-16")))
    with pytest.raises(UnreadableFileError, match="Excel ファイルとして読めません"):
        read_rows(path)


def test_the_valid_roster_still_reads(tmp_path: Path):
    path = tmp_path / "ok.xlsx"
    path.write_bytes(VALID_XLSX)
    assert read_rows(path)[1][0] == "佐藤 一郎"


def test_a_huge_cell_names_its_row_and_column(tmp_path: Path):
    path = tmp_path / "huge.csv"
    path.write_text("氏名,住所\r\n佐藤 一郎,長門市\r\n鈴木 二郎," + "あ" * 20_000 + "\r\n", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        read_rows(path)
    assert err.value.ja == "3行目、「B」列：セルが長すぎます（20,000文字。10,000文字まで）。"


def test_a_cell_beyond_the_csv_modules_limit_is_a_clear_message(tmp_path: Path):
    path = tmp_path / "huger.csv"
    path.write_text("氏名\r\n" + "x" * 200_000 + "\r\n", encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="CSV として読めません"):
        read_rows(path)


# --- 1,000+ generated broken files through the command ------------------------------------------


def _flip(data: bytes, flips: list[tuple[int, int]]) -> bytes:
    buf = bytearray(data)
    for pos, value in flips:
        buf[pos % len(buf)] = value
    return bytes(buf)


POISON_CELLS = [
    "\x00",  # NUL in a CSV: binary data
    "x" * 200_000,  # beyond the csv module's field limit
    "あ" * 12_000,  # beyond MAX_CELL_CHARS
]
BAD_DATES = ["昭和99年13月45日", "2026-02-30", "R8.13.1", "明日", "=TODAY()", "-1"]
NASTY = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["=1+1", "+cmd|' /C calc'!A0", "@SUM(A1)", "-2", "\t=x", "男", "女", "不明X", ""]),
    st.integers(-(10**12), 10**12).map(str),
    st.floats(allow_nan=True).map(str),
)


@st.composite
def broken_csv(draw) -> tuple[str, bytes]:
    header = list(ROSTER[0])
    if draw(st.booleans()):
        header = draw(st.permutations(header))
    rows = [header]
    for _ in range(draw(st.integers(0, 6))):
        rows.append([draw(NASTY) for _ in header])
    # One certain fault, so that every file is one the import must refuse.
    fault = draw(st.sampled_from(["poison", "date", "encoding", "no-header", "bytes"]))
    encoding = "utf-8"
    if fault == "poison":
        rows.append(
            [draw(st.sampled_from(POISON_CELLS)) if i == 4 else "佐藤 一郎" for i in range(len(header))]
        )
    elif fault == "date":
        rows.append(
            [
                "佐藤 一郎" if h == "氏名" else draw(st.sampled_from(BAD_DATES)) if h == "生年月日" else ""
                for h in header
            ]
        )
    elif fault == "encoding":
        encoding = draw(st.sampled_from(["utf-16", "utf-32"]))  # both hold NUL bytes
    elif fault == "no-header":
        rows[0] = [draw(st.text(max_size=5)) for _ in header]
    text = "\r\n".join(",".join('"' + str(c).replace('"', '""') + '"' for c in row) for row in rows)
    data = text.encode(encoding, errors="replace")
    if fault == "bytes":  # neither UTF-8 nor CP932: 0x80 is not a lead byte in either
        data = b"\x80\x80" + data
    return ".csv", data


@st.composite
def broken_xlsx(draw) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(["truncated", "flipped", "junk-sheet", "junk-zip", "laughs", "random"]))
    if kind == "truncated":
        return ".xlsx", VALID_XLSX[: draw(st.integers(0, len(VALID_XLSX) - 1))]
    if kind == "flipped":
        flips = draw(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8))
        return ".xlsx", _flip(VALID_XLSX, flips)
    if kind == "junk-sheet":
        return ".xlsx", replace_member(VALID_XLSX, SHEET, draw(st.binary(max_size=300)))
    if kind == "junk-zip":
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as zf:
            for name, data in draw(
                st.lists(
                    st.tuples(
                        # zipfile itself cuts a name at NUL (then "" breaks it): any other character
                        st.text(st.characters(exclude_characters="\x00"), min_size=1, max_size=12),
                        st.binary(max_size=50),
                    ),
                    max_size=4,
                    unique_by=lambda member: member[0],
                )
            ):
                zf.writestr(name, data)
        return ".xlsx", out.getvalue()
    if kind == "laughs":
        return ".xlsx", replace_member(VALID_XLSX, SHEET, BILLION_LAUGHS)
    return draw(st.sampled_from([".xlsx", ".csv"])), draw(st.binary(max_size=2000))


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_generated_broken_files_never_crash_and_change_nothing(cli, tmp_path: Path, user_dirs):
    import json

    backups = tmp_path / "backups"
    user_dirs["config"].mkdir(parents=True, exist_ok=True)
    (user_dirs["config"] / "settings.json").write_text(
        json.dumps({"backup_dir": str(backups)}), encoding="utf-8"
    )
    db = tmp_path / "council.db"
    assert cli("init", "--council", "テスト協議会", "--db", db)[0] == 0
    pristine = dump(db)
    pristine_bytes = db.read_bytes()
    outcomes: Counter[str] = Counter()
    started = time.perf_counter()

    @settings(
        max_examples=1000,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=st.one_of(broken_csv(), broken_xlsx()))
    def check(case: tuple[str, bytes]) -> None:
        suffix, data = case
        path = _write(tmp_path / f"input{suffix}", data)
        shutil.rmtree(backups, ignore_errors=True)
        code, out, err = cli("import", "members", path, "--db", db)
        assert "予期しないエラー" not in err, err
        assert code in (1, 2), (code, out, err)  # every file has a fault: never a success
        assert err.strip(), "a refusal says why"
        # Byte for byte (cheaper than a dump, and stricter): a refused import writes nothing.
        assert db.read_bytes() == pristine_bytes
        assert not Path(f"{db}-wal").exists()
        outcomes[f"exit {code}"] += 1

    check()
    elapsed = time.perf_counter() - started
    print(f"\nbroken import files: {sum(outcomes.values())} in {elapsed:.0f} s: {dict(outcomes)}")
    assert sum(outcomes.values()) >= 1000
    assert dump(db) == pristine


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_an_unreadable_file_is_refused_before_any_lock_or_backup(cli, tmp_path: Path):
    db = tmp_path / "council.db"
    assert cli("init", "--council", "テスト協議会", "--db", db)[0] == 0
    bad = _write(tmp_path / "名簿.xlsx", b"PK\x03\x04 not really a zip")
    code, _, err = cli("import", "members", bad, "--db", db)
    assert code == 2 and "Excel ファイルとして読めません" in err
    assert not (tmp_path / "backups").exists()  # no "before-import" backup of a file that was never read


def test_reading_again_sees_a_changed_file_of_the_same_size(tmp_path: Path):
    path = tmp_path / "a.csv"
    path.write_text("氏名\r\n佐藤\r\n", encoding="utf-8")
    assert read_rows(path) == [["氏名"], ["佐藤"]]
    path.write_text("氏名\r\n加藤\r\n", encoding="utf-8")  # same size, within the same clock tick
    assert read_rows(path) == [["氏名"], ["加藤"]]
    rows = read_rows(path)
    rows[1][0] = "changed"  # a caller changing its rows does not change what the next caller gets
    assert read_rows(path)[1] == ["加藤"]
