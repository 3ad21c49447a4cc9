"""The CSV base (UTF-8 with BOM, atomic, no formula injection) and the same guarantee for xlsx."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from nagato_desk.reports.csv_base import safe_cell, write_csv
from nagato_desk.reports.xlsx_base import SheetWriter, new_workbook, save_workbook

INJECTIONS = ["=1+2", "+81", "-5", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://evil","x")']


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+81", "'+81"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\nx"),  # a lone CR is a line break, kept as LF
        ("\nx", "'\nx"),
        ("\x00=1", "'=1"),  # removing a control character must not uncover a formula
        ("a\x07b\x1bc\x7fd", "abcd"),
        ("一行目\r\n二行目\tタブ", "一行目\n二行目\tタブ"),
        ("山田 太郎", "山田 太郎"),
        ("1+2=3", "1+2=3"),  # only the first character matters
        ("＝1+2", "＝1+2"),  # a full-width ＝ is text to Excel
        ("", ""),
        (None, ""),
        (-5, "-5"),  # a number is not an attack
        (Decimal("-1.50"), "-1.50"),
        (date(2026, 4, 1), "2026-04-01"),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_write_csv_bom_crlf_and_round_trip(tmp_path):
    out = write_csv(
        [["氏名", "備考"], ["山田 太郎", "複数\n行"], *(["x", v] for v in INJECTIONS)], tmp_path / "a.csv"
    )
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.split(b"\r\n")[0] == "氏名,備考".encode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[1] == ["山田 太郎", "複数\n行"]
    assert [r[1] for r in rows[2:]] == [
        "'=1+2", "'+81", "'-5", "'@SUM(A1)", "'\tx", "'\nx", "'=HYPERLINK(\"http://evil\",\"x\")",
    ]  # fmt: skip
    assert all(r[1].startswith("'") for r in rows[2:])


def test_write_csv_is_atomic(tmp_path):
    out = tmp_path / "keep.csv"
    out.write_bytes(b"old")

    def rows():
        yield ["a"]
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        write_csv(rows(), out)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.csv"]


def test_xlsx_never_writes_a_formula(tmp_path):
    wb = new_workbook()
    sw = SheetWriter(wb, "名簿", council_name="協議会", doc_title="名簿", date_text="", confidential=True)
    sw.header(["備考", "数"], kinds=["text", "int"])
    for value in INJECTIONS:
        sw.row([value, value])  # also text when it lands in a number column
    out = save_workbook(wb, tmp_path / "inj.xlsx")
    ws = load_workbook(out).active
    cells = [c for row in ws.iter_rows(min_row=6) for c in row]
    # an XML reader turns a bare CR into LF; everything else comes back exactly
    expected = [v.replace("\r", "\n") for v in INJECTIONS]
    assert [c.value for c in cells[::2]] == expected and [c.value for c in cells[1::2]] == expected
    assert all(c.data_type == "s" for c in cells)
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    assert ws.oddHeader.center.text == "取扱注意"
