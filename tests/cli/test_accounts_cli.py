"""The accounts through the command: every document as PDF and xlsx, and the two import kinds."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "core"))
from accounts_helpers import write_accounts_demo  # noqa: E402

TODAY = date(2026, 11, 29)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    return write_accounts_demo(tmp_path_factory.mktemp("acc-cli") / "demo.db", TODAY)


@pytest.fixture
def demo(demo_file, tmp_path):
    target = tmp_path / "demo.db"
    shutil.copyfile(demo_file, target)
    return target


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout


@pytest.mark.parametrize(
    ("report", "title"),
    [
        ("budget", "収支予算書"),
        ("settlement", "収支決算書"),
        ("cashbook", "出納簿"),
        ("audit", "監査報告書"),
        ("subsidy", "補助金実績報告書"),
        ("balance", "財産・預金残高"),
    ],
)
def test_every_accounts_document_as_pdf_and_xlsx(cli, demo, tmp_path, report, title):
    pdf, xlsx = tmp_path / f"{report}.pdf", tmp_path / f"{report}.xlsx"
    code, _out, err = cli("export", report, "--db", demo, "--out", pdf, "--year", "R7")
    assert code == 0, err
    text = pdf_text(pdf)
    assert title in text and "令和7年度" in text
    code, _out, err = cli("export", report, "--db", demo, "--out", xlsx, "--format", "xlsx", "--year", "2025")
    assert code == 0, err
    wb = openpyxl.load_workbook(xlsx)
    ws = wb.worksheets[0]
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    values = [
        str(c.value) for s in wb.worksheets for row in s.iter_rows() for c in row if c.value is not None
    ]
    assert any(title in v for v in values)


def test_default_years(cli, demo, tmp_path):
    # settlement: the last closed year (FY2025); budget: the current one (FY2026)
    cli("export", "settlement", "--db", demo, "--out", tmp_path / "s.pdf")
    cli("export", "budget", "--db", demo, "--out", tmp_path / "b.pdf")
    assert "令和7年度" in pdf_text(tmp_path / "s.pdf")
    assert "令和8年度" in pdf_text(tmp_path / "b.pdf")


def test_settlement_xlsx_totals_are_formulas(cli, demo, tmp_path):
    out = tmp_path / "s.xlsx"
    assert cli("export", "settlement", "--db", demo, "--out", out, "--format", "xlsx")[0] == 0
    ws = openpyxl.load_workbook(out).worksheets[0]
    totals = [row for row in ws.iter_rows() if row[0].value in ("収入合計", "支出合計")]
    assert len(totals) == 2 and all(str(r[2].value).startswith("=SUM(") for r in totals)


def test_import_cashbook_dry_run_then_for_real(cli, demo, tmp_path):
    from nagato_desk.database import open_database
    from nagato_desk.services.cashbook import count_entries

    f = tmp_path / "book.csv"
    f.write_text(
        '日付,科目,摘要,収入,支出\n2026/12/1,寄附金,歳末のご寄附,"5,000",\n2026/12/2,会議費,役員会,,3000\n',
        encoding="utf-8",
    )
    code, out, err = cli("import", "cashbook", f, "--db", demo, "--dry-run")
    assert code == 0, err
    assert "点検のみ" in out + err and "2行" in out
    with open_database(demo) as db, db.Session() as s:
        before = count_entries(s, 1, 2026)
    code, out, err = cli("import", "cashbook", f, "--db", demo)
    assert code == 0, err
    with open_database(demo) as db, db.Session() as s:
        assert count_entries(s, 1, 2026) == before + 2


def test_import_cashbook_into_a_closed_year_is_refused(cli, demo, tmp_path):
    f = tmp_path / "old.csv"
    f.write_text("日付,科目,摘要,収入,支出\n2025/12/1,寄附金,ご寄附,100,\n", encoding="utf-8")
    code, _out, err = cli("import", "cashbook", f, "--db", demo)
    assert code == 1
    assert "令和7年度の一般会計は締められている" in err


def test_import_budget_rejects_an_unknown_head_naming_it(cli, demo, tmp_path):
    f = tmp_path / "budget.csv"
    f.write_text("科目,予算額,説明\n寄附金,10000,\n花火大会費,5000,\n", encoding="utf-8")
    code, _out, err = cli("import", "budget", f, "--db", demo, "--year", "2027")
    assert code == 1
    assert "3行目" in err and "花火大会費" in err
