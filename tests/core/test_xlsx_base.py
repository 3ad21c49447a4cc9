"""The xlsx base: sheet titles, typed cells, fonts, print setup, atomic saves."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from nagato_desk.money import YEN_XLSX_FORMAT
from nagato_desk.reports import xlsx_base
from nagato_desk.reports.xlsx_base import (
    FONT_NAME,
    SheetWriter,
    display_width,
    new_workbook,
    safe_sheet_title,
    save_workbook,
)

COUNCIL = "宇津賀地区まちづくり協議会"


@pytest.mark.parametrize(
    ("name", "existing", "expected"),
    [
        ("協議会の概要", set(), "協議会の概要"),
        ("収支/決算[R8]:案?*\\", set(), "収支・決算・R8・・案・・・"),
        ("名簿", {"名簿"}, "名簿(2)"),
        ("名簿", {"名簿", "名簿(2)"}, "名簿(3)"),
        ("Sheet", {"sheet"}, "Sheet(2)"),  # Excel compares titles case-insensitively
        ("", set(), "シート"),
        ("'引用'", set(), "引用"),
        ("History", set(), "History(2)"),
    ],
)
def test_safe_sheet_title(name, existing, expected):
    assert safe_sheet_title(name, existing) == expected


def test_safe_sheet_title_is_at_most_31_characters_even_with_a_suffix():
    name = "令和八年度宇津賀地区まちづくり協議会一般会計歳入歳出決算書附属明細"
    first = safe_sheet_title(name, set())
    assert len(first) == 31 and name.startswith(first)
    second = safe_sheet_title(name, {first})
    assert len(second) == 31 and second.endswith("(2)")
    existing = {first}
    safe_sheet_title(name, existing)
    assert existing == {first}  # not modified


def test_display_width_counts_wide_characters_twice():
    assert display_width("abc") == 3
    assert display_width("自治会") == 6
    assert display_width("ｶﾅ") == 2  # half-width katakana


def write_sample(tmp_path, **kw):
    wb = new_workbook()
    sw = SheetWriter(
        wb, "収支/決算", council_name=COUNCIL, doc_title="収支決算書", date_text="令和8年4月1日", **kw
    )
    sw.header(["科目", "金額", "件数", "執行率", "支出日"], kinds=["text", "yen", "int", "rate", "date"])
    sw.row(["会費収入", 1_234_567, 374, Decimal("55.72"), date(2026, 4, 1)])
    sw.row(["=SUM(A1)", -500, None, None, None])
    sw.total_row(["合計", 1_234_067, 374, Decimal("100.00"), None])
    out = save_workbook(wb, tmp_path / "sample.xlsx")
    return sw, load_workbook(out)


def test_sheet_layout_types_and_formats(tmp_path):
    sw, wb = write_sample(tmp_path)
    assert wb.sheetnames == ["収支・決算"]  # the default empty sheet is gone
    ws = wb["収支・決算"]
    assert [ws.cell(row=r, column=1).value for r in (1, 2, 3)] == [COUNCIL, "収支決算書", "令和8年4月1日"]
    assert sw.header_row == 5
    assert [c.value for c in ws[5]] == ["科目", "金額", "件数", "執行率", "支出日"]
    a, yen, n, rt, d = ws[6]
    assert yen.value == 1_234_567 and yen.number_format == YEN_XLSX_FORMAT
    assert n.value == 374 and n.number_format == "#,##0"
    assert rt.value == pytest.approx(0.5572) and rt.number_format == "0.00%"
    assert d.value.date() == date(2026, 4, 1) and d.number_format == "yyyy/mm/dd"
    assert ws["A7"].value == "=SUM(A1)" and ws["A7"].data_type == "s"  # text, not a formula
    assert ws["B7"].value == -500 and ws["C7"].value is None
    total = ws[8]
    assert [c.value for c in total[:3]] == ["合計", 1_234_067, 374]
    assert all(c.font.b for c in total)
    assert total[1].border.top.style == "double"


def test_fonts_borders_and_header_style(tmp_path):
    _, wb = write_sample(tmp_path)
    ws = wb.active
    written = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert written and all(c.font.name == FONT_NAME and c.font.sz == 11 for c in written)
    header = ws[5]
    assert all(c.font.b and c.fill.fgColor.rgb.endswith("D9E2F3") for c in header)
    assert all(c.border.left.style == "thin" for c in ws[6])


def test_print_setup_and_freeze(tmp_path):
    _, wb = write_sample(tmp_path, landscape=True)
    ws = wb.active
    assert int(ws.page_setup.paperSize) == 9
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.print_title_rows == "$5:$5"
    assert ws.freeze_panes == "A6"
    assert ws.oddFooter.center.text == "- &P -"


def test_column_widths_follow_content(tmp_path):
    wb = new_workbook()
    sw = SheetWriter(
        wb, "幅", council_name=COUNCIL, doc_title="とても長い文書の題名は列幅に影響しない", date_text=""
    )
    sw.header(["名前", "n"], kinds=["text", "int"])
    sw.row(["宇津賀地区まちづくり協議会", 1])
    ws = sw.ws
    assert ws.column_dimensions["A"].width == display_width("宇津賀地区まちづくり協議会") + 2
    assert ws.column_dimensions["B"].width == 8  # the minimum


def test_key_values_and_sections(tmp_path):
    wb = new_workbook()
    sw = SheetWriter(wb, "概要", council_name=COUNCIL, doc_title="概要", date_text="令和8年4月1日")
    sw.key_values([("名称", COUNCIL), ("電話番号", "")], value_span=3)
    sw.section("見出し")
    ws = load_workbook(save_workbook(wb, tmp_path / "kv.xlsx")).active
    assert (ws["A5"].value, ws["B5"].value) == ("名称", COUNCIL)
    assert ws["B6"].value == "—"
    assert "B5:D5" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A7"].value == "見出し" and ws["A7"].font.b


def test_illegal_control_characters_are_replaced_with_a_warning():
    wb = new_workbook()
    sw = SheetWriter(wb, "制御", council_name=COUNCIL, doc_title="t", date_text="")
    sw.header(["備考"])
    sw.row(["a\x07b"])
    assert sw.ws["A6"].value == "a〓b"
    assert sw.warnings and "U+0007" in sw.warnings[0]


def test_wrong_kinds_are_rejected():
    wb = new_workbook()
    sw = SheetWriter(wb, "型", council_name=COUNCIL, doc_title="t", date_text="")
    with pytest.raises(ValueError):
        sw.header(["a"], kinds=["money"])
    sw.header(["a", "b"], kinds=["yen", "date"])
    with pytest.raises(TypeError):
        sw.row([1.5j, None])
    with pytest.raises(TypeError):
        sw.row([1, 20260401])  # a date column wants a date


def test_two_sheets_with_the_same_title(tmp_path):
    wb = new_workbook()
    SheetWriter(wb, "名簿", council_name=COUNCIL, doc_title="名簿", date_text="")
    SheetWriter(wb, "名簿", council_name=COUNCIL, doc_title="名簿", date_text="")
    assert wb.sheetnames == ["名簿", "名簿(2)"]


def test_save_is_atomic(tmp_path, monkeypatch):
    wb = new_workbook()
    SheetWriter(wb, "名簿", council_name=COUNCIL, doc_title="名簿", date_text="")
    out = tmp_path / "roster.xlsx"
    out.write_bytes(b"old")

    def failing_save(path):
        with open(path, "wb") as f:
            f.write(b"partial")
        raise OSError("disk full")

    monkeypatch.setattr(wb, "save", failing_save)
    with pytest.raises(OSError, match="disk full"):
        save_workbook(wb, out)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["roster.xlsx"]


def test_new_workbook_keeps_its_sheet_until_a_writer_comes():
    wb = new_workbook()
    assert len(wb.worksheets) == 1
    SheetWriter(wb, "一", council_name=COUNCIL, doc_title="一", date_text="")
    assert wb.sheetnames == ["一"]
    assert getattr(wb, xlsx_base._PLACEHOLDER_ATTR) is None
