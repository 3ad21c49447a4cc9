"""Shared set-up for the accounts tests: a fund with 現金 and 普通預金, and short ways to enter things."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date

from nagato_desk.services.account_heads import find_head
from nagato_desk.services.cashbook import EntryDraft, add_entry
from nagato_desk.services.funds import ensure_default_fund, list_money_accounts


class Book:
    """The 一般会計 of a test database, kept from ``first`` (a fiscal year)."""

    def __init__(self, session, first: int = 2024, cash: int = 0, bank: int = 0):
        from nagato_desk.services.funds import MoneyAccountDraft, update_money_account

        self.session = session
        self.fund = ensure_default_fund(session, first)
        self.cash, self.bank = list_money_accounts(session, self.fund.id)
        update_money_account(session, self.cash.id, MoneyAccountDraft("現金", "cash", cash))
        update_money_account(session, self.bank.id, MoneyAccountDraft("普通預金", "bank", bank))

    def head(self, name: str, side: str | None = None):
        head = find_head(self.session, self.fund.id, name, side)
        assert head is not None, name
        return head

    def income(self, when: date, head: str, amount: int, account=None, **kw):
        return add_entry(
            self.session,
            self.fund.id,
            EntryDraft(when, "in", amount, (account or self.bank).id, self.head(head, "in").id, **kw),
        )

    def expense(self, when: date, head: str, amount: int, account=None, **kw):
        return add_entry(
            self.session,
            self.fund.id,
            EntryDraft(when, "out", amount, (account or self.cash).id, self.head(head, "out").id, **kw),
        )

    def transfer(self, when: date, amount: int, source, target, **kw):
        return add_entry(
            self.session,
            self.fund.id,
            EntryDraft(when, "transfer", amount, source.id, to_account_id=target.id, **kw),
        )


def write_accounts_demo(path, today: date = date(2026, 11, 29)):
    """The demo council with members (for the 監事) and its accounts, without the other records' steps."""
    from nagato_desk.database import open_database
    from nagato_desk.services.demo import _council, _members
    from nagato_desk.services.demo_accounts import close_demo_years, demo_accounts

    with open_database(path, create=True) as db, db.session() as session:
        _council(session, today)
        _members(session, today)
        demo_accounts(session, today)
        close_demo_years(session, today)
    return path


#: LibreOffice's CSV export filter: comma, double quotes, UTF-8 (76), formatted values as shown, every sheet.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1041,false,true,true,false,false,-1"


def libreoffice_csv(xlsx, tmp_path) -> list[list[str]]:
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (soffice) is needed for this test"
    out = tmp_path / "csv"
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", CSV_FILTER,
         "--outdir", str(out), str(xlsx)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    (path,) = sorted(out.glob("*.csv"))
    with path.open(encoding="utf-8") as f:
        return list(csv.reader(f))


def amount(cell: str) -> int:
    return -int(cell.replace("△", "").replace(",", "")) if "△" in cell else int(cell.replace(",", ""))
