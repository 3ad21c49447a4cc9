"""The demo's accounts: two closed years and the current one, a 特別会計, an audit and a subsidy — and the
data check, which finds nothing in the demo but catches a closed year changed behind its back."""

from __future__ import annotations

from datetime import date

import pytest
from accounts_helpers import write_accounts_demo
from sqlalchemy import select, text

from nagato_desk.database import open_database
from nagato_desk.models import CashEntry, Fund
from nagato_desk.services.accounts_checks import (
    check_closed_years,
    check_negative_balances,
)
from nagato_desk.services.audits import list_audits
from nagato_desk.services.budgets import list_revisions
from nagato_desk.services.cashbook import account_balances, count_entries
from nagato_desk.services.check import run_checks
from nagato_desk.services.settlement import settle_year
from nagato_desk.services.subsidies import list_subsidies, subsidy_summary
from nagato_desk.services.year_close import closed_years

TODAY = date(2026, 11, 29)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    return write_accounts_demo(tmp_path_factory.mktemp("acc") / "demo.db", TODAY)


@pytest.fixture
def demo(demo_file, tmp_path):
    import shutil

    target = tmp_path / "demo.db"
    shutil.copyfile(demo_file, target)
    with open_database(target) as db:
        yield db


def test_demo_has_two_closed_years_a_special_fund_an_audit_and_a_subsidy(demo):
    with demo.Session() as s:
        funds = {f.name: f for f in s.scalars(select(Fund))}
        assert set(funds) == {"一般会計", "竹炭事業特別会計"}
        for fund in funds.values():
            assert closed_years(s, fund.id) == [2024, 2025]
            # the chain: each year's 前年度繰越金 is the year before's 次年度繰越金
            years = [settle_year(s, fund.id, fy) for fy in (2024, 2025, 2026)]
            assert years[1].carry_over_in == years[0].carry_over_out
            assert years[2].carry_over_in == years[1].carry_over_out
            assert all(
                sum(b.closing for b in account_balances(s, fund.id, y.fiscal_year)) == y.carry_over_out
                for y in years
            )
        general = funds["一般会計"].id
        assert count_entries(s, general, 2026) > 50
        assert s.scalar(select(CashEntry.entry_date).order_by(CashEntry.entry_date.desc()).limit(1)) <= TODAY
        income = {r.name: r.actual for r in settle_year(s, general, 2025).income}
        assert income["市交付金・補助金"] == 1_500_000  # 交付金 1,200,000 + 補助金 300,000
        assert income["会費・自治会負担金"] == 374_000  # 374 households × 1,000
        assert [r.number for r in list_revisions(s, general, 2025)] == [0, 1]  # 当初 and 第1号補正
        (audit,) = list_audits(s, 2025)
        assert audit.audited_on == date(2026, 4, 25) and len(audit.auditors) == 2
        (grant,) = list_subsidies(s, 2025)
        summary = subsidy_summary(s, grant.id)
        # 96,800 + 42,600 + 88,000 + 60,000 = 287,400 spent of 300,000 received → 12,600 to refund
        assert (summary.received, summary.spent, summary.to_refund) == (300_000, 287_400, 12_600)
        charcoal = settle_year(s, funds["竹炭事業特別会計"].id, 2025)
        assert next(r for r in charcoal.income if r.name == "事業収入").actual > 0


def test_the_demo_passes_the_accounts_checks(demo):
    report = run_checks(demo)
    accounts = [f for f in report.findings if "会計" in f.ja or "出納簿" in f.ja or "予算" in f.ja]
    assert accounts == []


def test_a_closed_year_changed_behind_its_back_is_found(demo):
    with demo.Session() as s, s.begin():
        general = s.scalar(select(Fund.id).where(Fund.name == "一般会計"))
        entry_id = s.scalar(
            select(CashEntry.id).where(CashEntry.fiscal_year == 2025, CashEntry.kind == "out").limit(1)
        )
        s.execute(
            text("UPDATE cash_entry SET amount = amount + 1000, updated_at = '2099-01-01' WHERE id = :i"),
            {"i": entry_id},
        )
        messages = [f.ja for f in check_closed_years(s)]
        assert any("令和7年度：締めた後に決算が変わっています" in m for m in messages)
        assert any(f"{entry_id}番" in m for m in messages)
        s.execute(
            text("UPDATE money_account SET opening_balance = -9999999 WHERE fund_id = :f AND kind = 'cash'"),
            {"f": general},
        )
        assert any("マイナス" in f.ja and f.severity == "warning" for f in check_negative_balances(s))


def test_an_entry_whose_year_does_not_match_its_date_is_found(demo):
    from nagato_desk.services.accounts_checks import check_cashbook_consistency

    with demo.Session() as s, s.begin():
        entry_id = s.scalar(select(CashEntry.id).where(CashEntry.fiscal_year == 2026).limit(1))
        assert [f for f in check_cashbook_consistency(s)] == []
        s.execute(text("UPDATE cash_entry SET entry_date = '2027-04-01' WHERE id = :i"), {"i": entry_id})
        messages = [f.ja for f in check_cashbook_consistency(s)]
        assert messages == [f"出納簿の{entry_id}番の行：日付 2027/04/01 と年度 2026 が合いません。"]
