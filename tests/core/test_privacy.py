"""Personal data: which fields are personal, what each report may carry, consent per purpose, the
roster for the city, and exports with personal data in the change history."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from member_helpers import add, two_associations
from sqlalchemy import select

from nagato_desk.errors import NagatoError
from nagato_desk.models import ChangeLog
from nagato_desk.reports.exports import REPORTS, ExportRequest
from nagato_desk.reports.roster import build_roster, export_roster
from nagato_desk.services import members as ms
from nagato_desk.services.export_log import personal_contents, record_export
from nagato_desk.services.member_trash import delete_member
from nagato_desk.services.privacy import (
    CITY_PURPOSE,
    is_personal,
    members_with_consent,
    personal_fields,
)

OTHER = "広報誌・ホームページへの掲載"


def test_personal_fields_are_the_contact_details_birth_and_notes_not_the_name():
    fields = {table: [c for c, _label in cols] for table, cols in personal_fields().items()}
    assert fields["member"] == [
        "birth_date", "birth_year", "postal_code", "address", "phone", "mobile", "email", "notes",
    ]  # fmt: skip
    assert fields["household"] == ["postal_code", "address", "phone", "notes"]
    assert "from_text" in fields["member_event"] and "to_text" in fields["member_event"]  # old addresses
    assert fields["activity_photo"] == ["file_name"]  # photos show people
    assert not is_personal("member", "name") and not is_personal("member", "reading")
    assert is_personal("member", "phone") and not is_personal("no_such_table", "phone")
    # the labels are the Japanese ones the change history uses
    assert dict(personal_fields()["member"])["address"] == "住所"


def test_every_report_declares_its_personal_data_and_the_rosters_say_what():
    for key, kind in REPORTS.items():
        assert isinstance(kind.personal, tuple), key
    assert REPORTS["household-slips"].personal == ("住所", "電話番号", "生年月日")
    assert set(REPORTS["roster"].personal) == {"年齢", "生年月日", "住所", "電話番号", "メール", "備考"}
    assert REPORTS["officers"].personal == ()  # contact details are never in it


def _request(tmp_path: Path, **kw) -> ExportRequest:
    return ExportRequest(out=tmp_path / kw.pop("name", "r.csv"), format=kw.pop("format", "csv"), **kw)


def test_personal_contents_follow_the_chosen_roster_columns(tmp_path: Path):
    assert personal_contents("roster", _request(tmp_path)) == ()  # default: no personal columns
    chosen = _request(tmp_path, columns=("name", "phone", "reading", "address"))
    assert personal_contents("roster", chosen) == ("電話番号", "住所")
    assert personal_contents("household-slips", _request(tmp_path)) == ("住所", "電話番号", "生年月日")
    assert personal_contents("budget", _request(tmp_path)) == ()


def _exports(session) -> list[str]:
    return list(
        session.scalars(select(ChangeLog.note).where(ChangeLog.action == "export").order_by(ChangeLog.id))
    )


def test_record_export_writes_only_exports_with_personal_data_or_a_purpose(db, tmp_path: Path):
    with db.session() as s:
        assert record_export(s, "roster", _request(tmp_path)) is False
        assert record_export(s, "budget", _request(tmp_path, name="b.pdf", format="pdf")) is False
        assert record_export(s, "roster", _request(tmp_path, name="x.xlsx", columns=("name", "email")))
        assert record_export(s, "roster", _request(tmp_path, name="city.pdf", purpose=CITY_PURPOSE))
        # a purpose means nothing to a document it does not filter
        assert not record_export(s, "budget", _request(tmp_path, name="b.pdf", format="pdf", purpose="x"))
    with db.Session() as s:
        assert _exports(s) == [
            "会員名簿を書き出し（メールを含む、x.xlsx）",
            "会員名簿を書き出し（氏名のみ、city.pdf、目的：市への名簿の提出）",
        ]


@pytest.fixture
def consents(db):
    """Five people and their consents to the city purpose (A–E), ids by letter."""
    with db.session() as s:
        assoc = two_associations(s)["東区自治会"]
        ids = {}
        for letter, reading in zip("ABCDEF", ("あ", "い", "う", "え", "お", "か"), strict=True):
            ids[letter] = add(s, f"会員 {letter}", reading, association_id=assoc).id
        ms.add_consent(s, ids["A"], CITY_PURPOSE, date(2026, 4, 1))
        b = ms.add_consent(s, ids["B"], CITY_PURPOSE, date(2026, 4, 1))
        ms.withdraw_consent(s, b.id, date(2026, 6, 1))
        ms.add_consent(s, ids["C"], CITY_PURPOSE, date(2026, 7, 1))
        ms.add_consent(s, ids["D"], OTHER, date(2026, 4, 1))  # another purpose only
        ms.add_consent(s, ids["E"], CITY_PURPOSE, date(2026, 4, 1))
        delete_member(s, ids["E"])  # in the trash
        # F never consented to anything
    return ids


def test_members_with_consent_on_a_day(db, consents):
    a, b, c = consents["A"], consents["B"], consents["C"]
    with db.Session() as s:
        # 1 May: A and B (C consents only in July; D another purpose; E in the trash)
        assert members_with_consent(s, CITY_PURPOSE, date(2026, 5, 1)) == [a, b]
        # 1 June: B withdrew that very day, so no longer
        assert members_with_consent(s, CITY_PURPOSE, date(2026, 6, 1)) == [a]
        assert members_with_consent(s, CITY_PURPOSE, date(2026, 7, 1)) == [a, c]
        assert members_with_consent(s, OTHER, date(2026, 7, 1)) == [consents["D"]]
        assert members_with_consent(s, f"  {CITY_PURPOSE} ", date(2026, 3, 31)) == []  # cleaned; before all


def test_an_unknown_purpose_is_refused_instead_of_giving_an_empty_roster(db, consents):
    with db.Session() as s, pytest.raises(NagatoError) as err:
        members_with_consent(s, "市に出す", date(2026, 5, 1))
    assert "市への名簿の提出" in err.value.message("ja")  # the known purposes are listed


def test_the_roster_for_the_city_lists_only_those_who_consented_and_counts_the_others(db, consents, tmp_path):
    with db.Session() as s:
        roster = build_roster(s, as_of=date(2026, 5, 1), issued=date(2026, 5, 1), purpose=CITY_PURPOSE)
        names = [row[0] for g in roster.groups for row in g.rows]
        # active, not trashed on 1 May: A B C D F (5); consent then: A B → 3 left out
        assert names == ["会員 A", "会員 B"]
        assert (roster.total, roster.left_out) == (2, 3)
        request = _request(tmp_path, today=date(2026, 7, 1), purpose=CITY_PURPOSE)
        warnings = export_roster(s, request)
    # on 1 July: A and C consent; B (withdrawn), D, F are left out
    assert warnings[0] == "「市への名簿の提出」に同意していない会員 3名は載せていません（載せたのは 2名）。"
    text = request.out.read_text(encoding="utf-8-sig")
    assert "会員 A" in text and "会員 C" in text
    assert "会員 B" not in text and "会員 D" not in text and "会員 F" not in text
    assert "（「市への名簿の提出」に同意した会員）" not in text  # the CSV has no title lines


def test_a_roster_with_personal_columns_is_marked_on_every_page(db, consents, tmp_path: Path):
    import subprocess

    from openpyxl import load_workbook

    with db.Session() as s:
        pdf = _request(tmp_path, name="r.pdf", format="pdf", columns=("name", "address"))
        export_roster(s, pdf)
        xlsx = _request(tmp_path, name="r.xlsx", format="xlsx", columns=("name", "phone"))
        export_roster(s, xlsx)
        plain = _request(tmp_path, name="plain.xlsx", format="xlsx")
        export_roster(s, plain)
    text = subprocess.run(["pdftotext", str(pdf.out), "-"], capture_output=True, text=True).stdout
    pages = text.split("\f")[:-1]
    assert pages and all("取扱注意" in page for page in pages)
    assert load_workbook(xlsx.out).active.oddHeader.center.text == "取扱注意"
    assert not load_workbook(plain.out).active.oddHeader.center.text
