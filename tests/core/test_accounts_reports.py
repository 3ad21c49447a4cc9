"""The other accounts documents: 収支予算書, 出納簿 (月計・累計, formulas), 財産・預金残高, 監査報告書, 補助金実績報告."""

from __future__ import annotations

import subprocess
from datetime import date

import openpyxl
import pytest
from accounts_helpers import Book, amount, libreoffice_csv

from nagato_desk.reports.audit_report import build_audit_report, write_audit_pdf
from nagato_desk.reports.balance import build_balance_report, write_balance_pdf
from nagato_desk.reports.budget import build_budget_report, write_budget_pdf
from nagato_desk.reports.cashbook import build_cashbook_report, write_cashbook_pdf, write_cashbook_xlsx
from nagato_desk.reports.subsidy_report import build_subsidy_report, write_subsidy_xlsx
from nagato_desk.services import subsidies as ss
from nagato_desk.services.budgets import BudgetDraft, BudgetLineDraft, save_budget
from nagato_desk.services.council import CouncilDraft, create_council

D = date


@pytest.fixture
def book(db):
    with db.Session() as s:
        s.begin()
        create_council(s, CouncilDraft(name="テスト協議会", representative="山田 太郎"), [])
        b = Book(s, 2025, cash=10_000, bank=90_000)
        yield b
        s.rollback()


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout


def test_budget_statement_this_year_last_year_and_difference(book, tmp_path):
    s, fid, h = book.session, book.fund.id, book.head
    save_budget(
        s,
        fid,
        2025,
        BudgetDraft(
            lines=[
                BudgetLineDraft(h("会費・自治会負担金").id, 300_000),
                BudgetLineDraft(h("会議費").id, 300_000),
            ]
        ),
    )
    save_budget(
        s, fid, 2026,
        BudgetDraft(decided_on=D(2026, 5, 24), lines=[
            BudgetLineDraft(h("会費・自治会負担金").id, 280_000, "1世帯 1,000円"),
            BudgetLineDraft(h("会議費").id, 250_000), BudgetLineDraft(h("予備費").id, 30_000),
        ]),
    )  # fmt: skip
    report = build_budget_report(s, 2026)
    (fb,) = report.funds
    dues = next(r for r in fb.income if r.name == "会費・自治会負担金")
    assert (dues.this_year, dues.last_year, dues.difference, dues.explanation) == (
        280_000,
        300_000,
        -20_000,
        "1世帯 1,000円",
    )
    assert fb.total("out", "this_year") == 280_000  # 250,000 + 30,000
    assert fb.warning is None and fb.revision == "当初予算"
    pdf = tmp_path / "b.pdf"
    write_budget_pdf(report, pdf)
    text = pdf_text(pdf)
    assert "△20,000" in text and "令和8年5月24日" in text


def test_cashbook_month_totals_and_libreoffice_balances(book, tmp_path):
    s = book.session
    book.income(D(2025, 4, 5), "寄附金", 5_000)
    book.expense(D(2025, 4, 9), "会議費", 1_200)
    book.transfer(D(2025, 5, 1), 3_000, book.bank, book.cash)
    book.expense(D(2025, 5, 20), "消耗品費", 800)
    report = build_cashbook_report(s, 2025)
    (b,) = report.books
    # opening 100,000; April +5,000 −1,200 → 103,800; May −800 → 103,000 (the transfer moves nothing)
    assert b.opening == 100_000 and b.closing == 103_000
    april, may = b.months[0], b.months[1]
    assert (april.income, april.expense, april.balance) == (5_000, 1_200, 103_800)
    assert (may.cumulative_income, may.cumulative_expense) == (5_000, 2_000)
    xlsx = tmp_path / "c.xlsx"
    write_cashbook_xlsx(report, xlsx)
    ws = openpyxl.load_workbook(xlsx).active
    assert any(str(c.value).startswith("=H") for row in ws.iter_rows() for c in row)
    rows = libreoffice_csv(xlsx, tmp_path)
    labels = {r[3]: r for r in rows if len(r) > 7 and r[3]}
    assert amount(labels["4月計"][5]) == 5_000 and amount(labels["4月計"][6]) == 1_200
    assert amount(labels["年度末残高"][7]) == 103_000
    pdf = tmp_path / "c.pdf"
    write_cashbook_pdf(report, pdf)
    text = pdf_text(pdf)
    assert "4月計" in text and "累計" in text and "103,000" in text


def test_balance_agrees_with_the_settlement(book, tmp_path):
    book.income(D(2025, 6, 1), "寄附金", 7_000, book.cash)
    report = build_balance_report(book.session, 2025)
    (fb,) = report.funds
    assert fb.total == fb.carry_over == 107_000 and fb.agrees
    pdf = tmp_path / "bal.pdf"
    write_balance_pdf(report, pdf)
    assert "一致しています" in pdf_text(pdf)


def test_audit_report_names_the_auditors_and_totals(book, tmp_path):
    from nagato_desk.models import Member
    from nagato_desk.reading import sort_key_text
    from nagato_desk.services.audits import AuditDraft, add_audit
    from nagato_desk.services.officers import TermDraft, add_term, ensure_default_roles, list_roles

    s = book.session
    ensure_default_roles(s)
    auditor = Member(name="監事 一郎", reading="かんじいちろう", reading_key=sort_key_text("かんじいちろう"))
    s.add(auditor)
    s.flush()
    role = next(r for r in list_roles(s) if r.is_auditor)
    add_term(s, TermDraft(member_id=auditor.id, role_id=role.id, starts_on=D(2025, 5, 1)))
    book.expense(D(2025, 7, 1), "会議費", 4_000)
    add_audit(s, AuditDraft(2025, D(2026, 4, 20), [auditor.id], "proper", "公民館", "特になし"))
    report = build_audit_report(s, 2025)
    assert report.auditors == ["監事 一郎"] and report.totals == [("一般会計", 100_000, 4_000, 96_000)]
    pdf = tmp_path / "a.pdf"
    write_audit_pdf(report, pdf)
    text = pdf_text(pdf)
    assert "監事 一郎" in text and "適正に処理されている" in text and "96,000" in text


def test_subsidy_report_sums_with_formulas(book, tmp_path):
    s = book.session
    grant = ss.add_subsidy(s, ss.SubsidyDraft(book.fund.id, 2025, "防災補助金", "長門市", 50_000))
    book.income(D(2025, 6, 1), "市交付金・補助金", 50_000, subsidy_id=grant.id)
    book.expense(D(2025, 7, 1), "事業費", 30_000, subsidy_id=grant.id)
    book.expense(D(2025, 8, 1), "事業費", 12_500, subsidy_id=grant.id)
    report = build_subsidy_report(s, 2025)
    (item,) = report.subsidies
    assert (item.spent, item.to_refund) == (42_500, 7_500)  # 30,000 + 12,500; 50,000 − 42,500
    xlsx = tmp_path / "sub.xlsx"
    write_subsidy_xlsx(report, xlsx)
    ws = openpyxl.load_workbook(xlsx).active
    total = next(r for r in ws.iter_rows() if r[3].value == "合計")
    assert total[6].value.startswith("=SUM(G")
