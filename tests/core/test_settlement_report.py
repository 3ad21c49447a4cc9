"""収支決算書 as PDF and xlsx: the numbers on the object, the PDF text, and the xlsx as LibreOffice computes it."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest
from accounts_helpers import Book, amount, libreoffice_csv

from nagato_desk.reports.settlement import (
    build_settlement_report,
    write_settlement_pdf,
    write_settlement_xlsx,
)
from nagato_desk.services.account_heads import HeadDraft, add_head
from nagato_desk.services.budgets import BudgetDraft, BudgetLineDraft, save_budget
from nagato_desk.services.council import CouncilDraft, create_council

D = date


@pytest.fixture
def report(db):
    with db.Session() as s:
        s.begin()
        create_council(s, CouncilDraft(name="テスト協議会"), [])
        book = Book(s, 2025, cash=20_000, bank=180_000)  # 前年度繰越金 200,000
        fid = book.fund.id
        add_head(s, fid, HeadDraft("out", "夏祭り事業費", book.head("事業費").id))
        add_head(s, fid, HeadDraft("out", "防災事業費", book.head("事業費").id))
        h = book.head
        save_budget(
            s,
            fid,
            2025,
            BudgetDraft(
                lines=[
                    BudgetLineDraft(h("前年度繰越金").id, 200_000),
                    BudgetLineDraft(h("市交付金・補助金").id, 500_000),
                    BudgetLineDraft(h("会費・自治会負担金").id, 112_200),
                    BudgetLineDraft(h("夏祭り事業費").id, 300_000),
                    BudgetLineDraft(h("防災事業費").id, 100_000),
                    BudgetLineDraft(h("消耗品費").id, 50_000),
                    BudgetLineDraft(h("予備費").id, 362_200),
                ]
            ),
        )
        book.income(D(2025, 5, 1), "市交付金・補助金", 500_000)
        book.income(D(2025, 6, 1), "会費・自治会負担金", 111_900)
        book.expense(D(2025, 8, 10), "夏祭り事業費", 312_345, book.bank)
        book.expense(D(2025, 11, 3), "防災事業費", 88_000, book.bank)
        book.expense(D(2026, 3, 31), "消耗品費", 12_480)
        yield build_settlement_report(s, 2025, issued=D(2026, 4, 20))
        s.rollback()


# Worked by hand:
#   収入 決算: 200,000 + 500,000 + 111,900 = 811,900; 予算 200,000 + 500,000 + 112,200 = 812,200
#   支出 決算: 事業費 312,345 + 88,000 = 400,345; 事務費 12,480 → 412,825; 予算 300,000+100,000+50,000+362,200 = 812,200
#   次年度繰越金 811,900 − 412,825 = 399,075;  事業費 差異 400,000 − 400,345 = △345
INCOME = 811_900
EXPENSE = 412_825
CARRY = 399_075


def test_settlement_numbers(report):
    (s,) = report.settlements
    assert (s.income_actual, s.income_budget) == (INCOME, 812_200)
    assert (s.expense_actual, s.expense_budget) == (EXPENSE, 812_200)
    assert s.carry_over_out == CARRY
    business = next(r for r in s.expense if r.name == "事業費")
    assert (business.budget, business.actual, business.difference) == (400_000, 400_345, -345)


def test_pdf_prints_the_totals_with_a_triangle(report, tmp_path):
    pdf = tmp_path / "s.pdf"
    assert write_settlement_pdf(report, pdf).pages == 1
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "令和7年度" in text and "一般会計" in text
    assert "△345" in text and "-345" not in text
    assert f"収入合計 {INCOME:,}円 − 支出合計 {EXPENSE:,}円 ＝ 次年度繰越金 {CARRY:,}円" in text


def test_libreoffice_computes_the_same_totals_as_the_pdf(report, tmp_path):
    xlsx = tmp_path / "s.xlsx"
    write_settlement_xlsx(report, xlsx)
    # Spoil the cached values so only the formulas can produce the right numbers.
    import openpyxl

    wb = openpyxl.load_workbook(xlsx)
    formulas = [c.value for row in wb.active.iter_rows() for c in row if str(c.value).startswith("=")]
    assert any(f.startswith("=SUM(") for f in formulas)
    rows = libreoffice_csv(xlsx, tmp_path)
    by_label = {r[0].strip("\u3000"): r for r in rows if r and r[0]}
    assert amount(by_label["収入合計"][2]) == INCOME
    assert amount(by_label["収入合計"][1]) == 812_200
    assert amount(by_label["支出合計"][2]) == EXPENSE
    assert amount(by_label["事業費"][2]) == 400_345  # the 款 sums its 項
    assert amount(by_label["事業費"][3]) == -345
    assert amount(by_label["次年度繰越金（収入合計−支出合計）"][2]) == CARRY
    pdf = tmp_path / "s.pdf"
    write_settlement_pdf(report, pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    for label in ("収入合計", "支出合計"):
        line = next(ln for ln in text.splitlines() if ln.strip().startswith(label))
        assert line.split()[1:3] == by_label[label][1:3]
