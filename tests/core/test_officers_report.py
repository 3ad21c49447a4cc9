"""役員名簿 for the city: built from the terms on a date, written as PDF and xlsx, no home address or
phone unless asked."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest
from openpyxl import load_workbook

from nagato_desk.models import Member
from nagato_desk.reading import sort_key_text
from nagato_desk.reports.exports import ExportRequest
from nagato_desk.reports.officers import (
    OfficerListReport,
    OfficerListRow,
    build_officers_report,
    export_officers,
    write_officers_pdf,
    write_officers_xlsx,
)
from nagato_desk.services.associations import AssociationDraft, list_associations
from nagato_desk.services.committees import add_committee
from nagato_desk.services.council import CouncilDraft, create_council
from nagato_desk.services.officers import TermDraft, add_term, role_by_name

D = date
COUNCIL = "通まちづくり協議会"


def poppler(tool: str, *args: str) -> str:
    exe = shutil.which(tool)
    if exe is None:
        pytest.fail(f"{tool} (poppler-utils) is needed to check the PDFs: apt-get install poppler-utils")
    return subprocess.run([exe, *args], check=True, capture_output=True, text=True).stdout


def assert_fonts_embedded(pdf) -> None:
    lines = poppler("pdffonts", str(pdf)).splitlines()
    emb = lines[0].index("emb")
    fonts = lines[2:]
    assert fonts and all(line[emb : emb + 3] == "yes" for line in fonts), lines
    assert all("TrueType" in line for line in fonts), lines


def person(session, name, reading, **kw) -> Member:
    m = Member(name=name, reading=reading, reading_key=sort_key_text(reading), **kw)
    session.add(m)
    session.flush()
    return m


def fill(session) -> None:
    create_council(
        session, CouncilDraft(name=COUNCIL), [AssociationDraft("東区自治会"), AssociationDraft("西区自治会")]
    )
    east, west = list_associations(session)
    welfare = add_committee(session, "福祉部会")
    people = {
        "yamamoto": person(
            session, "山本 一郎", "やまもと いちろう", address="長門市通1-1", phone="0837-28-0001"
        ),
        "ikeda": person(session, "池田 花子", "いけだ はなこ", address="長門市通2-2", phone="0837-28-0002"),
        "abe": person(session, "阿部 正", "あべ ただし", address="長門市通3-3"),
        "murata": person(session, "村田 次郎", "むらた じろう"),
        "old": person(session, "前田 勝", "まえだ まさる"),
    }

    def term(who, role, start, end=None, **kw):
        add_term(session, TermDraft(people[who].id, role_by_name(session, role).id, start, end, **kw))

    term("yamamoto", "会長", D(2024, 4, 1), D(2026, 5, 31), chosen_by_association_id=east.id)
    term("ikeda", "副会長", D(2024, 4, 1), chosen_by_text="婦人会")
    term("abe", "副会長", D(2025, 4, 1), chosen_by_association_id=west.id)
    term("murata", "部会長", D(2026, 4, 1), committee_id=welfare.id)
    term("old", "会長", D(2020, 4, 1), D(2024, 3, 31))


@pytest.fixture
def session(db):
    with db.Session() as s:
        s.begin()
        fill(s)
        yield s
        s.rollback()


def test_build_on_a_date(session):
    report = build_officers_report(session, D(2026, 4, 1), issued=D(2026, 5, 20))
    assert (report.council_name, report.as_of, report.issued, report.include_contact) == (
        COUNCIL,
        D(2026, 4, 1),
        D(2026, 5, 20),
        False,
    )
    assert [(r.role, r.name, r.chosen_by) for r in report.rows] == [
        ("会長", "山本 一郎", "東区自治会"),
        ("副会長", "阿部 正", "西区自治会"),  # あべ before いけだ
        ("副会長", "池田 花子", "婦人会"),
        ("部会長（福祉部会）", "村田 次郎", ""),
    ]
    assert all(r.address == "" and r.phone == "" for r in report.rows)
    with_contact = build_officers_report(session, D(2026, 4, 1), include_contact=True)
    assert with_contact.rows[0].address == "長門市通1-1" and with_contact.rows[0].phone == "0837-28-0001"
    earlier = build_officers_report(session, D(2024, 3, 31))
    assert [r.name for r in earlier.rows] == ["前田 勝"]


def test_pdf_for_the_city_has_no_addresses(session, tmp_path):
    report = build_officers_report(session, D(2026, 4, 1), issued=D(2026, 5, 20))
    out = tmp_path / "officers.pdf"
    result = write_officers_pdf(report, out)
    assert result.pages == 1 and result.warnings == []
    text = poppler("pdftotext", "-layout", str(out), "-")
    for expected in ("役員名簿", COUNCIL, "令和8年5月20日", "令和8年4月1日現在", "- 1 -"):
        assert expected in text
    assert re.search(r"役職\s+氏名\s+ふりがな\s+選出母体\s+任期", text)
    assert re.search(
        r"会長\s+山本 一郎\s+やまもと いちろう\s+東区自治会\s+令和6年4月1日〜令和8年5月31日", text
    )
    assert re.search(r"副会長\s+池田 花子\s+いけだ はなこ\s+婦人会\s+令和6年4月1日〜\s*$", text, re.M)
    assert "部会長（福祉部会）" in text and "村田 次郎" in text
    assert text.index("阿部 正") < text.index("池田 花子") < text.index("村田 次郎")
    assert "前田 勝" not in text
    for private in ("長門市通1-1", "0837-28-0001", "住所", "電話番号"):
        assert private not in text
    assert_fonts_embedded(out)


def test_pdf_with_contact_details_in_seireki(session, tmp_path):
    report = build_officers_report(session, D(2026, 4, 1), issued=D(2026, 5, 20), include_contact=True)
    out = tmp_path / "officers.pdf"
    write_officers_pdf(report, out, date_style="seireki")
    text = poppler("pdftotext", "-layout", str(out), "-")
    assert "2026年4月1日現在" in text and "取扱いに注意" in text
    assert re.search(r"山本 一郎.*2024年4月1日〜2026年5月31日\s+長門市通1-1\s+0837-28-0001", text)
    assert "令和" not in text
    assert re.search(r"Page size:\s+841\.89 x 595\.2", poppler("pdfinfo", str(out)))  # A4 landscape


def test_pdf_without_officers(tmp_path):
    report = OfficerListReport(COUNCIL, D(2026, 4, 1), D(2026, 4, 1), [])
    out = tmp_path / "empty.pdf"
    write_officers_pdf(report, out)
    assert "この日に在任中の役員は登録されていません。" in poppler("pdftotext", "-layout", str(out), "-")


def test_xlsx(session, tmp_path):
    report = build_officers_report(session, D(2026, 4, 1), issued=D(2026, 5, 20))
    ws = load_workbook(write_officers_xlsx(report, tmp_path / "officers.xlsx")).active
    assert ws.title == "役員名簿"
    assert [ws["A1"].value, ws["A2"].value, ws["A3"].value] == [COUNCIL, "役員名簿", "令和8年4月1日現在"]
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=5)]
    assert values[0] == ["役職", "氏名", "ふりがな", "選出母体", "任期"]
    assert values[1] == [
        "会長",
        "山本 一郎",
        "やまもと いちろう",
        "東区自治会",
        "令和6年4月1日〜令和8年5月31日",
    ]
    assert values[3] == ["副会長", "池田 花子", "いけだ はなこ", "婦人会", "令和6年4月1日〜"]
    assert values[4] == ["部会長（福祉部会）", "村田 次郎", "むらた じろう", None, "令和8年4月1日〜"]
    assert len(values) == 5


def test_xlsx_with_contact(tmp_path):
    row = OfficerListRow("会計", '=HYPERLINK("x")', "", "", D(2025, 4, 1), None, "長門市", "0837")
    report = OfficerListReport(COUNCIL, D(2026, 4, 1), D(2026, 4, 1), [row], include_contact=True)
    ws = load_workbook(write_officers_xlsx(report, tmp_path / "o.xlsx", date_style="seireki")).active
    header = next(r for r in ws.iter_rows() if r[0].value == "役職")
    assert [c.value for c in header] == ["役職", "氏名", "ふりがな", "選出母体", "任期", "住所", "電話番号"]
    data = ws[header[0].row + 1]
    assert data[1].data_type == "s"  # a name is never a formula
    assert [c.value for c in data][4:] == ["2025年4月1日〜", "長門市", "0837"]
    assert ws.page_setup.orientation == "landscape"


def test_export_as_of_fiscal_year_or_today(session, tmp_path):
    out = tmp_path / "o.pdf"
    assert export_officers(session, ExportRequest(out, "pdf", fiscal_year=2024, today=D(2026, 5, 20))) == []
    text = poppler("pdftotext", "-layout", str(out), "-")
    assert "令和6年4月1日現在" in text and "前田 勝" not in text and "山本 一郎" in text
    out_x = tmp_path / "o.xlsx"
    export_officers(session, ExportRequest(out_x, "xlsx", today=D(2024, 3, 31), date_style="seireki"))
    ws = load_workbook(out_x).active
    assert ws["A3"].value == "2024年3月31日現在"
    assert [r[1].value for r in ws.iter_rows(min_row=6)] == ["前田 勝"]
