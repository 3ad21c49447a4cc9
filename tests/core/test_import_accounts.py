"""Importing a budget and a cash book: header variants, yen spellings, 前年度繰越金, all rows or none."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from accounts_helpers import Book
from sqlalchemy import text

from nagato_desk.errors import ValidationError
from nagato_desk.importers.budget import import_budget
from nagato_desk.importers.cashbook import import_cashbook
from nagato_desk.services.budgets import budget_amounts
from nagato_desk.services.cashbook import entry_page, opening_balance
from nagato_desk.services.settlement import settle_year
from nagato_desk.services.year_close import close_year

D = date


@pytest.fixture
def session(db):
    with db.Session() as s:
        s.begin()
        yield s
        s.rollback()


def write_csv(path, lines, encoding="utf-8"):
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def table_rows(session):
    return {
        t: session.execute(text(f"SELECT * FROM {t} ORDER BY id")).all()
        for t in ("cash_entry", "money_account", "budget_line")
    }


def test_cashbook_csv_in_cp932_with_carry_over_and_yen_spellings(session, tmp_path):
    book = Book(session, 2026)
    f = write_csv(
        tmp_path / "出納帳.csv",
        [
            "令和8年度 出納帳,,,,,,",
            "月日,勘定科目,摘要,入金,出金,口座,伝票番号",
            ',前年度繰越金,,"123,456",,普通預金,',
            '4/10,会費・自治会負担金,東区 負担金,"￥30,000",,普通預金,1',
            '4月12日,振替,小口現金,,"20,000",普通預金→現金,2',
            "2026/5/1,会議費,総会 お茶代,,３，５００円,現金,",
            "R9.3.31,雑収入,預金利息,7,,普通預金,",
        ],
        encoding="cp932",
    )
    result = import_cashbook(session, f)  # the year comes from the first full date: FY2026
    assert (result.fiscal_year, result.entries, result.income, result.expense) == (2026, 4, 30_007, 3_500)
    assert result.carry_over == 123_456
    fid = book.fund.id
    assert opening_balance(session, fid, 2026) == 123_456  # not counted as income
    rows = entry_page(session, fid, 2026, 0, 10)
    assert [(r.entry_date, r.kind, r.voucher_no) for r in rows] == [
        (D(2026, 4, 10), "in", 1),
        (D(2026, 4, 12), "transfer", 2),
        (D(2026, 5, 1), "out", 3),
        (D(2027, 3, 31), "in", 4),
    ]
    # 123,456 + 30,000 − 3,500 + 7 = 149,963
    s = settle_year(session, fid, 2026)
    assert s.income_actual == 153_463 and s.carry_over_out == 149_963  # income 123,456 + 30,007
    assert "1 行" not in result.summary() and "4行" in result.summary()


def test_cashbook_xlsx_rejects_every_bad_row_and_writes_nothing(session, tmp_path):
    Book(session, 2026)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["日付", "科目", "摘要", "収入", "支出", "口座", "証憑番号"])
    ws.append([D(2026, 4, 1), "寄附金", "ご寄附", 1000, None, "現金", None])  # fine
    ws.append([D(2026, 4, 2), "花火代", "？", None, 500, "現金", None])  # unknown head
    ws.append([D(2027, 4, 1), "寄附金", "", 100, None, "現金", None])  # next year
    ws.append([D(2026, 4, 3), "寄附金", "", 12.5, None, "現金", None])  # sen
    ws.append([D(2026, 4, 4), "寄附金", "", 100, 100, "現金", None])  # both
    ws.append([D(2026, 4, 5), "寄附金", "", None, None, "現金", None])  # neither
    path = tmp_path / "book.xlsx"
    wb.save(path)
    before = table_rows(session)
    with pytest.raises(ValidationError) as err:
        import_cashbook(session, path, 2026)
    messages = [p.message() for p in err.value.problems]
    assert [p.row for p in err.value.problems] == [3, 4, 5, 6, 7]
    assert "花火代" in messages[0] and "B列「科目」" in messages[0]
    assert "令和8年度" in messages[1] and "外です" in messages[1]
    assert "円単位の整数" in messages[2]
    assert "両方" in messages[3]
    assert "どちらか" in messages[4]
    assert table_rows(session) == before


def test_cashbook_refuses_a_closed_year_and_a_wrong_carry_over(session, tmp_path):
    book = Book(session, 2025, bank=1_000)
    book.income(D(2025, 6, 1), "寄附金", 500)
    close_year(session, book.fund.id, 2025)
    before = table_rows(session)
    closed = write_csv(tmp_path / "a.csv", ["日付,科目,摘要,収入,支出", "2026/3/1,寄附金,x,100,"])
    with pytest.raises(ValidationError, match="締められている"):
        import_cashbook(session, closed)
    wrong = write_csv(
        tmp_path / "b.csv", ["日付,科目,摘要,収入,支出", ",前年度繰越金,,1499,", "2026/4/1,寄附金,x,100,"]
    )
    with pytest.raises(ValidationError, match="1,499円が、前年度の出納簿からの繰越 1,500円と合いません"):
        import_cashbook(session, wrong)
    assert table_rows(session) == before
    right = write_csv(
        tmp_path / "c.csv", ["日付,科目,摘要,収入,支出", ",前年度繰越金,,1500,", "2026/4/1,寄附金,x,100,"]
    )
    assert import_cashbook(session, right).entries == 1


def test_budget_import_with_subtotals(session, tmp_path):
    book = Book(session, 2026)
    f = write_csv(
        tmp_path / "予算.csv",
        [
            "科目,本年度予算額,説明",
            "前年度繰越金,50000,",
            '会費・自治会負担金,"¥374,000",1世帯 1,000円',
            '収入合計,"424,000",',
            "事業費,300000,",
            "事務費,24000,",
            "消耗品費,10000,",
            "印刷費,14000,広報誌",
            "予備費,100000,",
            "支出合計,424000,",
        ],
    )
    result = import_budget(session, f, 2026)
    assert (result.lines, result.income, result.expense) == (6, 424_000, 424_000)
    amounts = budget_amounts(session, book.fund.id, 2026)
    assert amounts[book.head("印刷費").id] == 14_000 and book.head("事務費").id not in amounts
    bad = write_csv(
        tmp_path / "bad.csv", ["科目,予算額", "事務費,25000", "消耗品費,10000", "印刷費,14000", "花火,1"]
    )
    with pytest.raises(ValidationError) as err:
        import_budget(session, bad, 2026)
    assert [p.row for p in err.value.problems] == [
        5
    ]  # the unknown head first; subtotals are checked once heads are known
    bad2 = write_csv(tmp_path / "bad2.csv", ["科目,予算額", "事務費,25000", "消耗品費,10000", "印刷費,14000"])
    with pytest.raises(ValidationError, match="25,000円が、内訳の合計24,000円と合いません"):
        import_budget(session, bad2, 2026)
