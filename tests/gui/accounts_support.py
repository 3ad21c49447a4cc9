"""A fund of its own for the 会計 GUI tests, so every expected figure is worked out from zero here."""

from __future__ import annotations

from nagato_desk.services import account_heads as heads_service
from nagato_desk.services import funds as funds_service
from nagato_desk.services.funds import FundDraft, MoneyAccountDraft
from nagato_desk.settings import Settings

FY = 2025  # 令和7年度: 2025-04-01 – 2026-03-31
CASH_OPENING = 30_000
BANK_OPENING = 100_000


def make_fund(db) -> tuple[int, int, int]:
    """「試験会計」 from FY2025: 現金 (opening 30,000) and 普通預金 (opening 100,000); the usual heads."""
    with db.session() as session:
        fund = funds_service.add_fund(session, FundDraft("試験会計", "general", FY))
        cash = funds_service.list_money_accounts(session, fund.id)[0]
        funds_service.update_money_account(session, cash.id, MoneyAccountDraft("現金", "cash", CASH_OPENING))
        bank = funds_service.add_money_account(
            session, fund.id, MoneyAccountDraft("普通預金", "bank", BANK_OPENING)
        )
        return fund.id, cash.id, bank.id


def head_id(db, fund_id: int, name: str) -> int:
    with db.Session() as session:
        return next(h.id for h in heads_service.list_heads(session, fund_id) if h.name == name)


def make_page(qtbot, db, fund_id: int, fy: int = FY):
    from nagato_desk.gui.pages.accounts import AccountsPage

    page = AccountsPage(db, Settings(), "ja")
    qtbot.addWidget(page)
    page.resize(1180, 760)
    page.set_books(fund_id, fy)
    return page
