"""services/cashbook_views.entry_position: the row an entry takes in the book's order (date, then the
order of entry), for the whole fund and for one money account — so the window selects a saved entry
without reading every page of the book."""

from __future__ import annotations

from datetime import date

from accounts_support import FY, head_id, make_fund

from nagato_desk.services import cashbook as cashbook_service
from nagato_desk.services.cashbook import EntryDraft
from nagato_desk.services.cashbook_views import entry_position


def test_entry_position_matches_the_pages(db):
    fund_id, cash, bank = make_fund(db)
    gifts = head_id(db, fund_id, "寄附金")
    with db.session() as session:
        ids = {}
        for name, day, account, to in (
            ("c", date(2025, 6, 1), cash, None),
            ("a", date(2025, 4, 1), bank, None),
            ("d", date(2025, 6, 1), bank, None),  # same day as c, entered after it
            ("t", date(2025, 5, 1), bank, cash),  # a transfer: in both accounts' books
            ("next", date(2026, 4, 1), cash, None),  # next fiscal year
        ):
            draft = (
                EntryDraft(day, "transfer", 10, account, to_account_id=to)
                if to
                else EntryDraft(day, "in", 10, account, gifts)
            )
            ids[name] = cashbook_service.add_entry(session, fund_id, draft).id
    with db.Session() as session:
        page = [r.id for r in cashbook_service.entry_page(session, fund_id, FY, 0, 10)]
        assert page == [ids["a"], ids["t"], ids["c"], ids["d"]]
        assert [entry_position(session, fund_id, FY, i) for i in page] == [0, 1, 2, 3]
        cash_page = [r.id for r in cashbook_service.entry_page(session, fund_id, FY, 0, 10, cash)]
        assert cash_page == [ids["t"], ids["c"]]
        assert [entry_position(session, fund_id, FY, i, cash) for i in cash_page] == [0, 1]
        assert entry_position(session, fund_id, FY, ids["d"], cash) is None  # not in the 現金 book
        assert entry_position(session, fund_id, FY, ids["next"]) is None  # another year
        assert entry_position(session, fund_id, FY + 1, ids["next"]) == 0


def test_cash_book_model_passes_modeltester(app, demo, qtbot, qtmodeltester):
    from nagato_desk.gui.cashbook_model import CashBookModel

    fund_id, cash, bank = make_fund(demo)
    gifts = head_id(demo, fund_id, "寄附金")
    with demo.session() as session:
        for day in (1, 2, 3):
            cashbook_service.add_entry(
                session, fund_id, EntryDraft(date(2025, 4, day), "in", 100 * day, cash, gifts)
            )
        cashbook_service.add_entry(
            session, fund_id, EntryDraft(date(2025, 4, 4), "transfer", 50, cash, to_account_id=bank)
        )
    model = CashBookModel(demo, "wareki")
    model.set_query(fund_id, FY, None)
    assert model.rowCount() == 5  # brought forward + 4 entries
    assert model.row_of(model.entry_id(4)) == 4
    qtmodeltester.check(model)
