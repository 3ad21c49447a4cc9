"""The other tabs of 会計 through the real widgets: heads and money accounts (科目・口座), the audit with
the 監事 from the roster, a subsidy with its entries, the import (checked first, nothing written
until confirmed) and the documents offered by 書き出し…."""

from __future__ import annotations

from datetime import date

from accounts_support import FY, head_id, make_fund, make_page
from PySide6.QtWidgets import QInputDialog
from qt_helpers import click_ok, fake_exec, type_text

from nagato_desk.gui.accounts_audit_tab import AuditDialog
from nagato_desk.gui.accounts_setup_dialogs import HeadDialog, MoneyAccountDialog
from nagato_desk.gui.accounts_subsidies_tab import LinkEntriesDialog, SubsidyDialog
from nagato_desk.services import account_heads as heads_service
from nagato_desk.services import audits as audits_service
from nagato_desk.services import cashbook as cashbook_service
from nagato_desk.services import funds as funds_service
from nagato_desk.services import officers as officers_service
from nagato_desk.services import subsidies as subsidies_service
from nagato_desk.services.cashbook import EntryDraft
from nagato_desk.services.members import MemberDraft, add_member
from nagato_desk.services.officers import TermDraft


def test_heads_and_accounts(app, demo, qtbot, no_dialogs, monkeypatch):
    fund_id, cash, _bank = make_fund(demo)
    page = make_page(qtbot, demo, fund_id)
    page.show_tab("setup")
    tab = page.setup
    assert [r.name for r in tab.accounts.rows] == ["現金", "普通預金"]

    def new_account(dialog):
        type_text(dialog.name, "郵便貯金")
        dialog.opening.setText("12,345")
        click_ok(dialog)

    fake_exec(monkeypatch, MoneyAccountDialog, new_account)
    tab.new_account_button.click()
    with demo.Session() as session:
        added = [a for a in funds_service.list_money_accounts(session, fund_id) if a.name == "郵便貯金"]
        assert [(a.kind, a.opening_balance) for a in added] == [("bank", 12_345)]

    # a sub-head under 事業費, found by its reading in the cash book afterwards
    tree_item = next(
        tab.heads.topLevelItem(1).child(i)
        for i in range(tab.heads.topLevelItem(1).childCount())
        if tab.heads.topLevelItem(1).child(i).text(0) == "事業費"
    )
    tab.heads.setCurrentItem(tree_item)

    def new_head(dialog):
        type_text(dialog.name, "敬老会費")
        type_text(dialog.reading, "けいろうかいひ")
        click_ok(dialog)

    fake_exec(monkeypatch, HeadDialog, new_head)
    tab.add_sub_button.click()
    with demo.Session() as session:
        rows = {h.name: h for h in heads_service.list_heads(session, fund_id)}
    assert rows["敬老会費"].parent_id == rows["事業費"].id and rows["敬老会費"].side == "out"
    assert rows["敬老会費"].path == "事業費／敬老会費"
    assert tab.selected_head().name == "敬老会費"

    # retire it from the next year: this year still offers it, the next one does not
    monkeypatch.setattr(
        QInputDialog, "getItem", staticmethod(lambda _p, _t, _l, items, *a, **k: (items[2], True))
    )  # items: 使用を再開, FY−1, FY, FY+1 …  → FY
    tab.retire_button.click()
    with demo.Session() as session:
        assert heads_service.get_head(session, rows["敬老会費"].id).retired_from == FY

    # a head used by an entry cannot be deleted: the service's message is shown, nothing changes
    gifts = head_id(demo, fund_id, "寄附金")
    with demo.session() as session:
        cashbook_service.add_entry(session, fund_id, EntryDraft(date(2025, 4, 2), "in", 500, cash, gifts))
    tab.refresh(gifts)
    tab.delete_head_button.click()
    assert no_dialogs[-2][0] == "question" and no_dialogs[-1][0] == "warning"
    assert "廃止" in no_dialogs[-1][1]
    with demo.Session() as session:
        assert heads_service.get_head(session, gifts).name == "寄附金"


def test_record_the_audit_with_the_auditors_of_the_roster(app, demo, qtbot, no_dialogs, monkeypatch):
    fund_id, _cash, _bank = make_fund(demo)
    with demo.session() as session:
        kansa = officers_service.role_by_name(session, "監事").id
        one = add_member(session, MemberDraft(name="監査 一郎", reading="かんさ いちろう")).id
        two = add_member(session, MemberDraft(name="監査 花子", reading="かんさ はなこ")).id
        for member in (one, two):
            officers_service.add_term(session, TermDraft(member, kansa, date(2024, 4, 1)))
    page = make_page(qtbot, demo, fund_id)
    page.show_tab("audit")

    def fill(dialog):
        dialog.on.set_date(date(2026, 5, 10))
        names = [dialog.auditors.item(i).text() for i in range(dialog.auditors.count())]
        assert "監査 一郎" in names and "監査 花子" in names
        dialog.set_checked([one, two])
        type_text(dialog.place, "地区公民館")
        dialog.remarks.setPlainText("帳簿・証憑とも適正に処理されていた。")
        click_ok(dialog)

    with demo.Session() as session:
        before = {a.id for a in audits_service.list_audits(session, FY)}  # the demo's own audit
    fake_exec(monkeypatch, AuditDialog, fill)
    page.audit.new_button.click()
    assert no_dialogs == []
    with demo.Session() as session:
        audits = [a for a in audits_service.list_audits(session, FY) if a.id not in before]
        assert len(audits) == 1
        draft = audits_service.draft_of_audit(audits[0])
    assert (draft.audited_on, sorted(draft.auditor_ids), draft.result, draft.place) == (
        date(2026, 5, 10),
        sorted([one, two]),
        "proper",
        "地区公民館",
    )
    row = next(i for i, r in enumerate(page.audit.model.rows) if r.id == audits[0].id)
    assert sorted(page.audit.model.rows[row].auditors) == ["監査 一郎", "監査 花子"]
    assert page.audit.model.index(row, 2).data() == "適正"


def test_subsidy_with_its_entries(app, demo, qtbot, no_dialogs, monkeypatch):
    fund_id, cash, bank = make_fund(demo)
    grant, events, meetings = (head_id(demo, fund_id, n) for n in ("市交付金・補助金", "事業費", "会議費"))
    with demo.session() as session:
        received = cashbook_service.add_entry(
            session, fund_id, EntryDraft(date(2025, 5, 1), "in", 100_000, bank, grant, description="交付金")
        ).id
        spent = cashbook_service.add_entry(
            session, fund_id, EntryDraft(date(2025, 8, 15), "out", 70_000, cash, events, description="夏祭り")
        ).id
        cashbook_service.add_entry(
            session, fund_id, EntryDraft(date(2025, 6, 1), "out", 3_000, cash, meetings, description="会議")
        )
    page = make_page(qtbot, demo, fund_id)
    page.show_tab("subsidies")
    tab = page.subsidies

    def fill(dialog):
        type_text(dialog.name, "地域づくり交付金")
        type_text(dialog.body, "長門市")
        dialog.amount.setText("100,000")
        for i in range(dialog.heads.count()):
            if dialog.heads.item(i).text() == "事業費":
                dialog.heads.item(i).setCheckState(dialog.heads.item(i).checkState().Checked)
        click_ok(dialog)

    fake_exec(monkeypatch, SubsidyDialog, fill)
    tab.new_button.click()

    def link(dialog):
        texts = [dialog.entries.item(i).text() for i in range(dialog.entries.count())]
        assert len(texts) == 2 and not any("会議" in t for t in texts)  # 会議費 is not eligible
        for i in range(dialog.entries.count()):
            dialog.entries.item(i).setCheckState(dialog.entries.item(i).checkState().Checked)
        click_ok(dialog)

    fake_exec(monkeypatch, LinkEntriesDialog, link)
    tab.link_button.click()
    with demo.Session() as session:
        subsidy = subsidies_service.list_subsidies(session, FY)
        mine = [s for s in subsidy if s.fund_id == fund_id]
        summary = subsidies_service.subsidy_summary(session, mine[0].id)
    assert sorted(e.id for e in summary.entries) == sorted([received, spent])
    # decided 100,000, spent 70,000 → unspent 30,000; received 100,000 − spent 70,000 → to refund 30,000
    assert (summary.spent, summary.unspent, summary.to_refund) == (70_000, 30_000, 30_000)
    cells = [tab.model.index(0, c).data() for c in range(7)]
    assert cells == ["地域づくり交付金", "長門市", "100,000", "100,000", "70,000", "30,000", "30,000"]
    assert tab.entries.rowCount() == 2


def test_import_is_checked_first_and_written_only_when_confirmed(app, demo, qtbot, tmp_path, no_dialogs):
    fund_id, _cash, _bank = make_fund(demo)
    page = make_page(qtbot, demo, fund_id)
    from nagato_desk.gui.accounts_import import AccountsImportDialog

    dialog = AccountsImportDialog(page.books, page)
    qtbot.addWidget(dialog)
    bad = tmp_path / "出納帳.csv"
    header = "会計,日付,科目,摘要,収入,支出,口座,証憑番号\n"
    bad.write_text(
        header
        + "試験会計,2025/4/10,寄附金,夏祭り寄附,5000,,現金,1\n"
        + "試験会計,2025/4/11,ないの科目,謎,100,,現金,2\n",
        encoding="utf-8",
    )
    dialog.path.setText(str(bad))
    with qtbot.waitSignal(dialog.check().error, timeout=10_000):
        pass
    assert not dialog.import_button.isEnabled()
    assert dialog.problems.rowCount() >= 1
    assert dialog.problems.item(0, 0).text() == "3"  # the file's row with the unknown head
    assert "ないの科目" in dialog.problems.item(0, 2).text()
    with demo.Session() as session:
        assert cashbook_service.count_entries(session, fund_id, FY) == 0

    good = tmp_path / "出納帳2.csv"
    good.write_text(header + '試験会計,2025/4/10,寄附金,夏祭り寄附,"5,000",,現金,1\n', encoding="utf-8")
    dialog.path.setText(str(good))
    with qtbot.waitSignal(dialog.check().finished, timeout=10_000):
        pass
    assert dialog.import_button.isEnabled()
    with demo.Session() as session:  # checked, still nothing written
        assert cashbook_service.count_entries(session, fund_id, FY) == 0
    with qtbot.waitSignal(dialog.start_import().finished, timeout=10_000):
        pass
    assert dialog.imported
    with demo.Session() as session:
        rows = cashbook_service.entry_page(session, fund_id, FY, 0, 5)
    assert [(r.entry_date, r.head_name, r.income, r.voucher_no) for r in rows] == [
        (date(2025, 4, 10), "寄附金", 5_000, 1)
    ]


def test_export_offers_the_accounts_documents(app, demo, qtbot, monkeypatch):
    from nagato_desk.gui.document_export import SaveDocumentDialog

    fund_id, _cash, _bank = make_fund(demo)
    page = make_page(qtbot, demo, fund_id)
    monkeypatch.setattr(SaveDocumentDialog, "exec", lambda self: 0)
    dialog = page.export_documents()
    keys = [dialog.document.itemData(i) for i in range(dialog.document.count())]
    assert keys == ["cashbook", "budget", "settlement", "balance", "audit", "subsidy"]
    assert dialog.document.itemText(0) == "出納簿"
    assert dialog.chosen_year() == FY  # the year shown on the page


def test_first_use_makes_the_general_fund(app, db, qtbot):
    from nagato_desk.dates import fiscal_year_of
    from nagato_desk.gui.pages.accounts import AccountsPage
    from nagato_desk.settings import Settings

    page = AccountsPage(db, Settings(), "ja")
    qtbot.addWidget(page)
    assert [page.fund.itemText(i) for i in range(page.fund.count())] == ["一般会計"]
    assert page.books.fiscal_year == fiscal_year_of(date.today())
    assert [page.cashbook.account_filter.itemText(i) for i in range(3)] == [
        "すべての口座",
        "現金",
        "普通預金",
    ]
    assert page.cashbook.model.rowCount() == 1  # only 前年度繰越 (0) in a new book
    for key, _tab in page.tab_pages:  # every tab shows the empty books without an error
        page.show_tab(key)
