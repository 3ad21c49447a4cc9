"""A small council for the 総会資料 and city-package tests: ten members, the FY2025 accounts of
test_settlement_report (worked by hand there and below), a FY2026 budget, one activity, an audit and
a 定期総会 on 2026-05-17 whose agenda has every kind of 議案."""

from __future__ import annotations

import subprocess
from datetime import date

from accounts_helpers import Book
from meeting_helpers import council_of_ten, general_meeting
from sqlalchemy import select

from nagato_desk.models import Role
from nagato_desk.services import elections, officers, votes
from nagato_desk.services.account_heads import HeadDraft, add_head
from nagato_desk.services.activities import ActivityDraft, add_activity
from nagato_desk.services.audits import AuditDraft, add_audit
from nagato_desk.services.budgets import BudgetDraft, BudgetLineDraft, save_budget
from nagato_desk.services.elections import ElectionDraft, ElectionLine
from nagato_desk.services.officers import TermDraft
from nagato_desk.services.votes import AgendaDraft

D = date
# FY2025, worked by hand:
#   収入 決算 200,000 (繰越) + 500,000 + 111,900 = 811,900
#   支出 決算 312,345 + 88,000 + 12,480 = 412,825
#   次年度繰越金 811,900 − 412,825 = 399,075
INCOME_2025 = 811_900
EXPENSE_2025 = 412_825
CARRY_2025 = 399_075
# FY2026 budget: 収入 399,075 (繰越) + 500,000 + 112,200 = 1,011,275 = 支出 600,000 + 411,275
INCOME_BUDGET_2026 = 1_011_275
AGENDA = [
    ("report", "", "会長あいさつ"),
    ("deliberation", "plan", "令和7年度事業報告"),
    ("deliberation", "budget", "令和7年度収支決算報告及び監査報告"),
    ("deliberation", "plan", "令和8年度事業計画（案）"),
    ("deliberation", "budget", "令和8年度収支予算（案）"),
    ("deliberation", "election", "役員の選任について"),
    ("deliberation", "rules", "規約の一部改正について"),
]
RULES_TEXT = "第12条（総会の定足数）に書面表決を含むことを明記する。"


def small_council(s) -> dict:
    """Builds everything; returns {"ids": member ids by family name, "meeting": the 総会, ...}."""
    ids = council_of_ten(s)
    officers.ensure_default_roles(s)
    roles = {r.name: r.id for r in s.scalars(select(Role))}
    book = Book(s, 2025, cash=20_000, bank=180_000)  # 前年度繰越金 200,000
    fid = book.fund.id
    add_head(s, fid, HeadDraft("out", "夏祭り事業費", book.head("事業費").id))
    add_head(s, fid, HeadDraft("out", "防災事業費", book.head("事業費").id))
    h = book.head
    save_budget(s, fid, 2025, BudgetDraft(lines=[
        BudgetLineDraft(h("前年度繰越金").id, 200_000),
        BudgetLineDraft(h("市交付金・補助金").id, 500_000),
        BudgetLineDraft(h("会費・自治会負担金").id, 112_200),
        BudgetLineDraft(h("夏祭り事業費").id, 300_000),
        BudgetLineDraft(h("防災事業費").id, 100_000),
        BudgetLineDraft(h("消耗品費").id, 50_000),
        BudgetLineDraft(h("予備費").id, 362_200),
    ]))  # fmt: skip
    book.income(D(2025, 5, 1), "市交付金・補助金", 500_000)
    book.income(D(2025, 6, 1), "会費・自治会負担金", 111_900)
    book.expense(D(2025, 8, 10), "夏祭り事業費", 312_345, book.bank)
    book.expense(D(2025, 11, 3), "防災事業費", 88_000, book.bank)
    book.expense(D(2026, 3, 31), "消耗品費", 12_480)
    save_budget(s, fid, 2026, BudgetDraft(lines=[
        BudgetLineDraft(h("前年度繰越金").id, 399_075),
        BudgetLineDraft(h("市交付金・補助金").id, 500_000),
        BudgetLineDraft(h("会費・自治会負担金").id, 112_200),
        BudgetLineDraft(h("夏祭り事業費").id, 600_000),
        BudgetLineDraft(h("予備費").id, 411_275),
    ]))  # fmt: skip
    add_activity(s, ActivityDraft(D(2025, 8, 10), "夏祭り", "まちづくり", participants_residents=120,
                                  participants_volunteers=15, participants_partners=5))  # fmt: skip
    # officers before the 総会: 山田 会長 (female 中村 監事)
    officers.add_term(s, TermDraft(ids["山田"], roles["会長"], D(2024, 5, 19)))
    officers.add_term(s, TermDraft(ids["中村"], roles["監事"], D(2024, 5, 19)))
    add_audit(s, AuditDraft(2025, D(2026, 4, 25), [ids["中村"]], place="地区公民館"))
    m = general_meeting(s, ids)
    items = {}
    for section, subject, title in AGENDA:
        proposal = RULES_TEXT if subject == "rules" else ""
        item = votes.add_agenda_item(
            s, m.id, AgendaDraft(title, section=section, subject=subject, proposal=proposal)
        )
        items[title] = item
    election = items["役員の選任について"]
    votes.record_vote(s, election.id, "unanimous")
    elections.record_election(s, election.id, ElectionDraft(
        lines=[ElectionLine(ids["青木"], roles["会長"]), ElectionLine(ids["加藤"], roles["会計"])],
        ends_on=D(2028, 5, 16),
    ))  # fmt: skip
    s.flush()
    return {"ids": ids, "meeting": m, "items": items, "fund_id": fid}


def pdf_pages(path) -> list[str]:
    """The text of every page of a PDF (pdftotext, page by page)."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True)
    pages = out.stdout.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages
