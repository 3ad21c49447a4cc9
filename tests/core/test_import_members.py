"""Importing 会員名簿 from the messy spreadsheets councils really keep (issue 3): people, households,
自治会 and 班, roles and committees — all rows or none."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from nagato_desk.errors import UnreadableFileError, ValidationError
from nagato_desk.importers import KINDS, member_fields, tabular
from nagato_desk.importers.member_fields import ColumnMapping, detect_mapping
from nagato_desk.importers.members import import_members, import_members_steps, preview_members
from nagato_desk.importers.tabular import read_rows
from nagato_desk.models import (
    Block,
    Committee,
    CommitteeMembership,
    Household,
    Member,
    NeighbourhoodAssociation,
    OfficerTerm,
    Role,
)
from nagato_desk.services import associations as asv
from nagato_desk.services import council as cs
from nagato_desk.services.blocks import block_by_name
from nagato_desk.services.committees import committee_by_name
from nagato_desk.services.members import MemberDraft, add_member

TODAY = date(2026, 5, 1)

HEADER = [
    "No",
    "名前",
    "フリガナ",
    "性別",
    "生年月日",
    "〒",
    "住所",
    "TEL",
    "携帯電話",
    "自治会",
    "班",
    "役職",
    "部会",
    "入会日",
    "状態",
    "備考",
]

#: The roster as a secretariat typed it: 和暦 and 西暦 mixed, real Excel dates, half-width kana,
#: full-width digits and spaces, a number cell for a phone, blank rows in the middle.
MESSY_ROWS: list[list[object]] = [
    ["令和8年度 会員名簿"],
    [],
    HEADER,
    # 4: head of household A (the first row at this address)
    [1, "佐藤　一郎", "ｻﾄｳ ｲﾁﾛｳ", "男", "S45.3.1", "759-4101", "長門市東深川１２３４番地",
     "０８３７－２２－１１１１", None, "東浜自治会", "1班", "会長", None, datetime(2020, 4, 1), "在籍", None],
    # 5: same address written with half-width digits → household A; 自治会 without 「自治会」
    [2, "佐藤 花子", "ｻﾄｳ ﾊﾅｺ", "女性", "昭和47年5月10日", None, "長門市東深川1234番地",
     "0837-22-1111", "090-1111-2222", "東浜", "1班", None, "福祉部会", "2020/4/1", None, None],
    [None] * 16,  # 6: blank
    # 7: head of household B; an Excel date cell; a new 班 and a new 部会
    [3, "田中　健太", "たなか けんた", "M", datetime(1985, 12, 24), "〒759-4102", "長門市西深川５６７",
     "0837(23)4567", None, "西浜自治会", "2班", "会計", "環境・美化部会", "R1.5.1", None, "※ 新規"],
    # 8: household B (the address with spaces in it)
    [4, "田中 美咲", "タナカ ミサキ", "F", "H2.12.24", "7594102", "長門市 西深川 567",
     None, "080-3333-4444", "西浜自治会", "2班", None, None, "令和元年5月1日", None, None],
    [],  # 9: blank
    # 10: a household of her own; 退会
    [5, "山本　トシ", "やまもと とし", "女", datetime(1938, 7, 7), None, "長門市東深川２２２",
     None, None, "東浜自治会", "3班", None, None, "昭和45年3月1日", "退会", "転居予定"],
    # 11: 部会長 of one 部会, no 入会日 (the term starts on the import date); phone as a number cell
    [6, "伊藤　純一", "ｲﾄｳ ｼﾞｭﾝｲﾁ", "男", "1960/1/15", None, "長門市東深川９９９",
     837229999, None, "東浜自治会 ", "１班", "部会長", "福祉部会", None, None, None],
]  # fmt: skip

#: Every field of every member, as the import must write them (derived by hand from MESSY_ROWS).
#: (name, reading, gender, birth_date, postal_code, address, phone, mobile, 自治会, 班, status, joined_on, notes)
EXPECTED_MEMBERS = [
    ("佐藤 一郎", "サトウ イチロウ", "M", date(1970, 3, 1), "759-4101", "長門市東深川1234番地",
     "0837-22-1111", "", "東浜自治会", "1班", "active", date(2020, 4, 1), ""),
    ("佐藤 花子", "サトウ ハナコ", "F", date(1972, 5, 10), "", "長門市東深川1234番地",
     "0837-22-1111", "090-1111-2222", "東浜自治会", "1班", "active", date(2020, 4, 1), ""),
    ("田中 健太", "たなか けんた", "M", date(1985, 12, 24), "759-4102", "長門市西深川567",
     "0837(23)4567", "", "西浜自治会", "2班", "active", date(2019, 5, 1), "※ 新規"),
    ("田中 美咲", "タナカ ミサキ", "F", date(1990, 12, 24), "759-4102", "長門市 西深川 567",
     "", "080-3333-4444", "西浜自治会", "2班", "active", date(2019, 5, 1), ""),
    ("山本 トシ", "やまもと とし", "F", date(1938, 7, 7), "", "長門市東深川222",
     "", "", "東浜自治会", "3班", "withdrawn", date(1970, 3, 1), "転居予定"),
    ("伊藤 純一", "イトウ ジュンイチ", "M", date(1960, 1, 15), "", "長門市東深川999",
     "0837229999", "", "東浜自治会", "1班", "active", None, ""),
]  # fmt: skip

#: (head, members by name, 自治会, 班, postal code, address, phone)
EXPECTED_HOUSEHOLDS = [
    ("佐藤 一郎", ["佐藤 一郎", "佐藤 花子"], "東浜自治会", "1班", "759-4101", "長門市東深川1234番地", "0837-22-1111"),
    ("田中 健太", ["田中 健太", "田中 美咲"], "西浜自治会", "2班", "759-4102", "長門市西深川567", "0837(23)4567"),
    ("山本 トシ", ["山本 トシ"], "東浜自治会", "3班", "", "長門市東深川222", ""),
    ("伊藤 純一", ["伊藤 純一"], "東浜自治会", "1班", "", "長門市東深川999", "0837229999"),
]  # fmt: skip


# --- helpers ------------------------------------------------------------------------------------


@pytest.fixture
def session(db):
    with db.Session() as s:
        s.begin()
        cs.create_council(
            s,
            cs.CouncilDraft(name="油谷地区協議会"),
            [asv.AssociationDraft("東浜自治会"), asv.AssociationDraft("西浜自治会")],
        )
        east = s.scalars(
            select(NeighbourhoodAssociation).where(NeighbourhoodAssociation.name == "東浜自治会")
        ).one()
        block_by_name(s, east.id, "1班", create=True)
        committee_by_name(s, "福祉部会", create=True)
        yield s
        s.rollback()


TABLES = (
    Member,
    Household,
    Block,
    Committee,
    CommitteeMembership,
    OfficerTerm,
    Role,
    NeighbourhoodAssociation,
)


def counts(session) -> dict[str, int]:
    return {m.__name__: session.scalar(select(func.count()).select_from(m)) for m in TABLES}


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "名簿"
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def as_text(value: object) -> object:
    """A cell as a CSV holds it: dates as typed, a phone with its leading 0."""
    if isinstance(value, datetime):
        return f"{value.year}/{value.month}/{value.day}"
    if isinstance(value, int) and value > 100_000_000:
        return f"0{value}"
    return "" if value is None else value


def write_csv(path: Path, rows: list[list[object]], encoding: str) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([as_text(v) for v in row])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def members(session) -> list[tuple]:
    rows = session.scalars(select(Member).order_by(Member.id)).all()
    return [
        (
            m.name,
            m.reading,
            m.gender,
            m.birth_date,
            m.postal_code,
            m.address,
            m.phone,
            m.mobile,
            m.association.name if m.association else "",
            m.block.name if m.block else "",
            m.status,
            m.joined_on,
            m.notes,
        )
        for m in rows
    ]


def households(session) -> list[tuple]:
    result = []
    for h in session.scalars(select(Household).order_by(Household.id)):
        names = sorted(
            session.scalars(select(Member.name).where(Member.household_id == h.id).order_by(Member.id)),
            key=[e[0] for e in EXPECTED_MEMBERS].index,
        )
        result.append(
            (
                h.head.name if h.head else None,
                names,
                h.association.name if h.association else "",
                h.block.name if h.block else "",
                h.postal_code,
                h.address,
                h.phone,
            )
        )
    return result


def check_messy_roster_imported(session, result) -> None:
    assert members(session) == EXPECTED_MEMBERS
    assert households(session) == EXPECTED_HOUSEHOLDS
    assert (result.members, result.households, result.terms, result.committees) == (6, 4, 3, 3)
    assert (result.blocks_created, result.committees_created) == (2, 1)
    blocks = session.execute(select(NeighbourhoodAssociation.name, Block.name).join(Block.association)).all()
    assert sorted(blocks) == [("東浜自治会", "1班"), ("東浜自治会", "3班"), ("西浜自治会", "2班")]
    terms = session.execute(
        select(Member.name, Role.name, OfficerTerm.starts_on, OfficerTerm.ends_on, Committee.name)
        .join(OfficerTerm.member)
        .join(OfficerTerm.role)
        .outerjoin(OfficerTerm.committee)
        .order_by(OfficerTerm.id)
    ).all()
    assert [tuple(t) for t in terms] == [
        ("佐藤 一郎", "会長", date(2020, 4, 1), None, None),
        ("田中 健太", "会計", date(2019, 5, 1), None, None),
        ("伊藤 純一", "部会長", TODAY, None, "福祉部会"),  # no 入会日: the day of the import
    ]
    places = session.execute(
        select(Committee.name, Member.name, CommitteeMembership.is_head, CommitteeMembership.joined_on)
        .join(CommitteeMembership.committee)
        .join(CommitteeMembership.member)
        .order_by(CommitteeMembership.id)
    ).all()
    assert [tuple(p) for p in places] == [
        ("福祉部会", "佐藤 花子", False, date(2020, 4, 1)),
        ("環境・美化部会", "田中 健太", False, date(2019, 5, 1)),
        ("福祉部会", "伊藤 純一", True, None),
    ]
    assert sorted(session.scalars(select(Committee.name))) == ["環境・美化部会", "福祉部会"]


# --- the messy roster ---------------------------------------------------------------------------


def test_detect_mapping_finds_the_header_below_the_title_and_maps_the_variants(tmp_path):
    rows = read_rows(write_xlsx(tmp_path / "名簿.xlsx", MESSY_ROWS))
    index, mapping, unmapped = detect_mapping(rows)
    assert index == 2 and mapping.header_row == 3
    assert mapping.mapped() == {
        "name": 1,
        "reading": 2,
        "gender": 3,
        "birth_date": 4,
        "postal_code": 5,
        "address": 6,
        "phone": 7,
        "mobile": 8,
        "association": 9,
        "block": 10,
        "role": 11,
        "committee": 12,
        "joined_on": 13,
        "status": 14,
        "notes": 15,
    }
    assert unmapped == ["No"]


@pytest.mark.parametrize(
    "header, field",
    [
        ("氏　名", "name"),
        ("会員名", "name"),
        ("よみがな", "reading"),
        ("ヨミガナ", "reading"),
        ("読み", "reading"),
        ("カナ", "reading"),
        ("誕生日", "birth_date"),
        ("生まれ年", "birth_year"),
        ("生年", "birth_year"),
        ("郵便番号", "postal_code"),
        ("所在地", "address"),
        ("電話番号", "phone"),
        ("電話", "phone"),
        ("Tel", "phone"),
        ("℡", "phone"),
        ("自宅電話", "phone"),
        ("携帯", "mobile"),
        ("メール", "email"),
        ("E-mail", "email"),
        ("Ｅメール", "email"),
        ("自治会名", "association"),
        ("地区", "association"),
        ("組", "block"),
        ("世帯", "household"),
        ("世帯番号", "household"),
        ("世帯No.", "household"),
        ("世帯主", "household"),
        ("加入日", "joined_on"),
        ("在籍", "status"),
        ("メモ", "notes"),
    ],
)
def test_header_variants(header, field):
    row = [header, "住所"] if field == "name" else ["氏名", header]
    _, mapping, unmapped = detect_mapping([row])
    assert getattr(mapping, field) == row.index(header)
    assert unmapped == []


def test_messy_xlsx_roster_imports_exactly(session, tmp_path):
    path = write_xlsx(tmp_path / "会員名簿.xlsx", MESSY_ROWS)
    result = import_members(session, path, today=TODAY)
    check_messy_roster_imported(session, result)
    assert result.duplicates == []
    assert result.summary("ja").startswith(
        "会員 6人（4世帯）を登録しました（役職 3件、部会 3件、新しい班 2、新しい部会 1）。"
    )
    assert result.summary("en").startswith("6 members in 4 households added")


@pytest.mark.parametrize("encoding", ["cp932", "utf-8", "utf-8-sig"])
def test_the_same_roster_as_csv(session, tmp_path, encoding):
    path = write_csv(tmp_path / "会員名簿.csv", MESSY_ROWS, encoding)
    result = import_members(session, path, today=TODAY)
    check_messy_roster_imported(session, result)


def test_preview_shows_what_would_be_added_and_writes_nothing(session, tmp_path):
    before = counts(session)
    preview = preview_members(session, write_xlsx(tmp_path / "名簿.xlsx", MESSY_ROWS), today=TODAY)
    assert counts(session) == before
    assert preview.header_row == 3
    assert preview.unmapped_headers == ["No"]
    assert preview.columns["birth_date"] == "E列「生年月日」"
    assert [r.number for r in preview.rows] == [4, 5, 7, 8, 10, 11]  # blank rows 6 and 9 skipped
    assert [r.household for r in preview.rows] == [1, 1, 2, 2, 3, 4]
    assert [r.is_head for r in preview.rows] == [True, False, True, False, True, True]
    assert [r.roles for r in preview.rows] == [["会長"], [], ["会計"], [], [], ["部会長"]]
    assert [r.committees for r in preview.rows] == [
        [],
        ["福祉部会"],
        ["環境・美化部会"],
        [],
        [],
        ["福祉部会"],
    ]
    assert preview.rows[0].draft.birth_date == date(1970, 3, 1)
    assert preview.rows[1].association == "東浜自治会"
    assert preview.new_blocks == [("西浜自治会", "2班"), ("東浜自治会", "3班")]
    assert preview.new_committees == ["環境・美化部会"]
    assert preview.problem_count == 0 and preview.problems == []
    assert preview.counts == {
        "people": 6,
        "households": 4,
        "terms": 3,
        "committee_memberships": 3,
        "new_blocks": 2,
        "new_committees": 1,
        "duplicates": 0,
        "problems": 0,
    }


# --- a broken roster is refused whole ----------------------------------------------------------

BROKEN_ROWS: list[list[object]] = [
    ["会員名簿"],
    ["氏名", "ふりがな", "性別", "電話", "生年月日", "自治会", "役職"],
    ["佐藤 一郎", "さとう いちろう", "男", "0837-22-1111", "S45.3.1", "東浜自治会", None],  # 3: good
    ["佐藤 花子", "さとう はなこ", "女", None, "昭和65年13月1日", "東浜自治会", None],  # 4: bad date
    ["鈴木 三郎", "すずき さぶろう", "男", None, None, "北浜自治会", None],  # 5: unknown 自治会
    ["高橋 良子", "たかはし よしこ", "不明X", None, None, "西浜", "書記"],  # 6: gender, role
    [None, None, None, "0837-99-9999", None, None, None],  # 7: a phone but no name
]


def test_a_broken_roster_is_rejected_whole_with_every_problem(session, tmp_path):
    before = counts(session)
    path = write_xlsx(tmp_path / "壊れた名簿.xlsx", BROKEN_ROWS)
    with pytest.raises(ValidationError) as caught:
        import_members(session, path, today=TODAY)
    assert counts(session) == before
    found = [(p.row, p.column) for p in caught.value.problems]
    assert found == [
        (4, "E列「生年月日」"),
        (5, "F列「自治会」"),
        (6, "C列「性別」"),
        (6, "G列「役職」"),
        (7, "A列「氏名」"),
    ]
    lines = str(caught.value).splitlines()
    assert lines[0] == "4行目、E列「生年月日」：日付『昭和65年13月1日』は存在しない日付です。"
    assert (
        lines[1]
        == "5行目、F列「自治会」：自治会「北浜自治会」は登録されていません。登録済みの自治会：東浜自治会、西浜自治会"
    )
    assert lines[2].startswith("6行目、C列「性別」：性別「不明X」が分かりません。")
    assert lines[3].startswith(
        "6行目、G列「役職」：役職「書記」は登録されていません。登録済みの役職：会長、副会長、"
    )
    assert lines[4] == "7行目、A列「氏名」：氏名が空です（この行には他の欄があります）。"
    english = caught.value.message("en").splitlines()
    assert english[0] == "row 4, column E列「生年月日」: '昭和65年13月1日' is not a real date."


def test_preview_of_a_broken_roster_lists_the_problems_by_row(session, tmp_path):
    preview = preview_members(session, write_xlsx(tmp_path / "b.xlsx", BROKEN_ROWS), today=TODAY)
    assert preview.problem_count == 5
    assert [len(r.problems) for r in preview.rows] == [0, 1, 1, 2, 1]
    assert preview.rows[0].draft.name == "佐藤 一郎"


@pytest.mark.parametrize(
    "cells, column, message",
    [
        ({"生年月日": "2030/1/1"}, "B列「生年月日」", "生年月日が未来の日付です。"),
        ({"生年月日": "令和元年4月1日"}, "B列「生年月日」", "令和の始まり"),
        ({"入会日": "いつか"}, "B列「入会日」", "日付『いつか』を読み取れません"),
        ({"郵便番号": "759-41"}, "B列「郵便番号」", "7桁"),
        ({"電話": "なし"}, "B列「電話」", "数字がありません"),
        ({"メール": "sato.example.jp"}, "B列「メール」", "メールアドレス"),
        ({"状態": "休会"}, "B列「状態」", "在籍・退会・転出・死亡"),
        ({"班": "1班"}, "B列「班」", "自治会も必要"),
        ({"ふりがな": "Sato"}, "B列「ふりがな」", "ひらがなかカタカナ"),
        ({"住所": "同上"}, "B列「住所」", "上の行がありません"),
    ],
)
def test_each_kind_of_bad_cell_is_named(session, tmp_path, cells, column, message):
    header = ["氏名", *cells]
    path = write_xlsx(tmp_path / "one.xlsx", [header, ["佐藤 一郎", *cells.values()]])
    with pytest.raises(ValidationError) as caught:
        import_members(session, path, today=TODAY)
    [problem] = caught.value.problems
    assert (problem.row, problem.column) == (2, column)
    assert message in problem.ja


# --- duplicates are flagged, not refused ---------------------------------------------------------


def test_duplicates_within_the_file_and_with_registered_members_are_flagged(session, tmp_path):
    add_member(session, MemberDraft(name="山田 太郎", reading="やまだ たろう", birth_date=date(1950, 2, 3)))
    rows = [
        ["氏名", "フリガナ", "生年月日", "住所"],
        ["佐藤 花子", "ｻﾄｳ ﾊﾅｺ", "S47.5.10", "長門市東深川1234"],  # 2
        ["佐藤　はなこ", "さとう はなこ", "1972/5/10", ""],  # 3: same reading and birth date as 2
        ["佐藤 花子", "", "", "長門市東深川１２３４"],  # 4: same name and address as 2
        ["山田太郎", "ヤマダ タロウ", "昭和25年2月3日", ""],  # 5: registered already
        ["田中 健太", "たなか けんた", "1985/12/24", ""],  # 6: nobody else
    ]
    path = write_xlsx(tmp_path / "dup.xlsx", rows)
    preview = preview_members(session, path, today=TODAY)
    assert preview.problem_count == 0
    flagged = {r.number: r.duplicate_of for r in preview.rows}
    assert flagged == {
        2: ["佐藤 はなこ（3行目）", "佐藤 花子（4行目）"],
        3: ["佐藤 花子（2行目）"],
        4: ["佐藤 花子（2行目）"],
        5: ["山田 太郎（登録済み）"],
        6: [],
    }
    assert preview.rows[3].duplicate_member_ids == [session.scalars(select(Member.id)).one()]
    assert [r.duplicate_rows for r in preview.rows] == [[3, 4], [2], [2], [], []]
    assert preview.counts["duplicates"] == 4
    result = import_members(session, path, today=TODAY)  # warnings only: everyone is added
    assert result.members == 5
    assert session.scalar(select(func.count()).select_from(Member)) == 6
    assert [d[0] for d in result.duplicates] == [2, 3, 4, 5]
    summary = result.summary("ja")
    assert "重複の可能性があります（4人）" in summary
    assert "  5行目 山田太郎 — 山田 太郎（登録済み）" in summary.splitlines()


def test_the_import_reports_progress_and_a_cancel_leaves_nothing(session, tmp_path):
    rows = [["氏名", "住所"], *([f"会員 {i}", f"長門市東深川{i}"] for i in range(1, 121))]
    path = write_xlsx(tmp_path / "many.xlsx", rows)
    before = counts(session)
    steps = import_members_steps(session, path, today=TODAY)
    assert [next(steps), next(steps), next(steps)] == [(0, 120), (50, 120), (100, 120)]
    assert session.scalar(select(func.count()).select_from(Member)) == before["Member"] + 100
    steps.close()  # the user pressed 中止
    assert counts(session) == before

    steps = import_members_steps(session, path, today=TODAY)
    progress = []
    with pytest.raises(StopIteration) as done:
        while True:
            progress.append(next(steps))
    assert progress == [(0, 120), (50, 120), (100, 120), (120, 120)]
    assert (done.value.value.members, done.value.value.households) == (120, 120)


# --- the user corrects the mapping ---------------------------------------------------------------


HAND_ROWS: list[list[object]] = [
    ["会員一覧"],
    ["お名前", "フリガナ", "ご住所", "電話"],
    ["佐藤 一郎", "さとう いちろう", "長門市東深川1234", "0837-22-1111"],
    ["佐藤 花子", "さとう はなこ", "長門市東深川1234", ""],
]


def test_a_column_the_program_cannot_name_is_mapped_by_hand(session, tmp_path):
    path = write_xlsx(tmp_path / "hand.xlsx", HAND_ROWS)
    index, mapping, unmapped = detect_mapping(read_rows(path))
    assert (index, mapping.name, mapping.reading, mapping.phone, mapping.address) == (1, None, 1, 3, None)
    assert unmapped == ["お名前", "ご住所"]
    preview = preview_members(session, path)
    assert [p.ja for p in preview.problems] == ["氏名の列がありません。どの列が氏名かを指定してください。"]
    assert preview.rows == []
    with pytest.raises(ValidationError):
        import_members(session, path)

    mapping.name = "お名前"  # what the wizard does when the user picks the column
    mapping.address = 2
    preview = preview_members(session, path, mapping)
    assert preview.problem_count == 0
    assert preview.columns["name"] == "A列「お名前」"
    assert preview.unmapped_headers == []
    result = import_members(session, path, mapping)
    assert (result.members, result.households) == (2, 1)
    assert session.execute(select(Member.name, Member.address, Member.phone).order_by(Member.id)).all() == [
        ("佐藤 一郎", "長門市東深川1234", "0837-22-1111"),
        ("佐藤 花子", "長門市東深川1234", ""),
    ]


def test_a_hand_made_mapping_finds_its_header_row(session, tmp_path):
    path = write_xlsx(tmp_path / "hand.xlsx", HAND_ROWS)
    preview = preview_members(session, path, ColumnMapping(name="お名前", phone="電話"))
    assert preview.header_row == 2 and preview.mapping.header_row == 2
    assert [r.draft.name for r in preview.rows] == ["佐藤 一郎", "佐藤 花子"]
    assert preview.unmapped_headers == ["フリガナ", "ご住所"]
    wrong = preview_members(session, path, ColumnMapping(name=0, reading=0, header_row=2))
    assert [p.ja for p in wrong.file_problems] == ["A列「お名前」が氏名とふりがなの両方に指定されています。"]
    with pytest.raises(ValidationError, match="「お名前」、「電話番号」"):
        preview_members(session, path, ColumnMapping(name="お名前", phone="電話番号"))


# --- households ------------------------------------------------------------------------------------


def test_a_household_column_groups_rows_and_names_the_head(session, tmp_path):
    rows = [
        ["氏名", "世帯主", "自治会", "班", "住所", "電話", "郵便番号"],
        ["佐藤 花子", "佐藤一郎", "東浜", "1班", "長門市東深川1234", "0837-11-1111", ""],  # 2
        ["佐藤 一郎", "佐藤　一郎", "東浜", "1班", "長門市東深川1234", "0837-22-2222", "759-4101"],  # 3: head
        ["佐藤 次郎", "佐藤一郎", "", "", "", "", ""],  # 4: takes the head's address and place
        ["田中 健太", "", "西浜", "", "長門市東深川1234", "", ""],  # 5: no key: a household of his own
    ]
    path = write_xlsx(tmp_path / "hh.xlsx", rows)
    preview = preview_members(session, path, today=TODAY)
    assert [(r.household, r.is_head) for r in preview.rows] == [(1, False), (1, True), (1, False), (2, True)]
    assert preview.households[0].head_row == 3 and preview.households[0].rows == [2, 3, 4]
    import_members(session, path, today=TODAY)
    jiro = session.scalars(select(Member).where(Member.name == "佐藤 次郎")).one()
    assert (jiro.address, jiro.postal_code, jiro.association.name, jiro.block.name) == (
        "長門市東深川1234",
        "759-4101",
        "東浜自治会",
        "1班",
    )
    sato = session.scalars(select(Household).where(Household.head.has(Member.name == "佐藤 一郎"))).one()
    assert (sato.phone, sato.postal_code, sorted(m.name for m in sato.members)) == (
        "0837-22-2222",
        "759-4101",
        ["佐藤 一郎", "佐藤 次郎", "佐藤 花子"],
    )
    assert session.scalar(select(func.count()).select_from(Household)) == 2


def test_same_as_above_and_same_address_in_different_associations(session, tmp_path):
    rows = [
        ["氏名", "自治会", "住所", "電話"],
        ["佐藤 一郎", "東浜", "長門市東深川1234", "0837-22-1111"],
        ["佐藤 花子", "東浜", "同上", "〃"],
        ["田中 健太", "西浜", "長門市東深川1234", ""],  # same address, other 自治会: another household
    ]
    preview = preview_members(session, write_xlsx(tmp_path / "same.xlsx", rows), today=TODAY)
    assert [(r.draft.address, r.draft.phone, r.household) for r in preview.rows] == [
        ("長門市東深川1234", "0837-22-1111", 1),
        ("長門市東深川1234", "0837-22-1111", 1),
        ("長門市東深川1234", "", 2),
    ]


# --- cells -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("S45.3.1", date(1970, 3, 1)),
        ("昭和45年3月1日", date(1970, 3, 1)),
        ("R1.5.1", date(2019, 5, 1)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("H2.12.24", date(1990, 12, 24)),
        ("Ｓ４５．３．１", date(1970, 3, 1)),
        ("1970/3/1", date(1970, 3, 1)),
        ("1970-03-01 00:00:00", date(1970, 3, 1)),
        ("1970/03/01 0:00", date(1970, 3, 1)),
        ("19700301", date(1970, 3, 1)),
        (19700301, date(1970, 3, 1)),
        (datetime(1970, 3, 1, 0, 0), date(1970, 3, 1)),
        (date(1970, 3, 1), date(1970, 3, 1)),
        ("", None),
        (None, None),
    ],
)
def test_date_cells(text, expected):
    assert member_fields.parse_date_cell(text) == expected


@pytest.mark.parametrize(
    "parser, value, expected",
    [
        (member_fields.parse_name, "佐藤　　花子 ", "佐藤 花子"),
        (member_fields.parse_name, "ＪＯＨＮ　ｽﾐｽ", "JOHN スミス"),
        (member_fields.parse_name, "神﨑 一郎", "神﨑 一郎"),  # compatibility kanji kept as written
        (member_fields.parse_reading, "ｻﾄｳ　ﾊﾅｺ", "サトウ ハナコ"),
        (member_fields.parse_reading, "ｲﾄｳ ｼﾞｭﾝｲﾁ", "イトウ ジュンイチ"),
        (member_fields.parse_gender, "男性", "M"),
        (member_fields.parse_gender, "female", "F"),
        (member_fields.parse_gender, "Ｆ", "F"),
        (member_fields.parse_gender, "", ""),
        (member_fields.parse_status, "転出", "moved"),
        (member_fields.parse_status, "死亡", "deceased"),
        (member_fields.parse_status, "", "active"),
        (member_fields.parse_phone, "０８３７－２２－１１１１", "0837-22-1111"),
        (member_fields.parse_phone, "0837ー22ー1111", "0837-22-1111"),
        (member_fields.parse_phone, 837221111, "0837221111"),
        (member_fields.parse_postal_code, "〒７５９－４１０１", "759-4101"),
        (member_fields.parse_postal_code, 7594101, "759-4101"),
        (member_fields.parse_email, "ｓａｔｏ＠ｅｘａｍｐｌｅ．ｊｐ", "sato@example.jp"),
        (member_fields.split_list, "会計、部会長", ["会計", "部会長"]),
        (member_fields.split_list, "環境・美化部会", ["環境・美化部会"]),
    ],
)
def test_cells(parser, value, expected):
    assert parser(value) == expected


def test_birth_year_only(session, tmp_path):
    rows = [
        ["氏名", "生まれ年", "生年月日"],
        ["佐藤 一郎", "昭和45年", None],
        ["佐藤 花子", 1972, "S47.5.10"],
        ["山本 トシ", "S13", "1939/1/1"],
    ]
    preview = preview_members(session, write_xlsx(tmp_path / "y.xlsx", rows), today=TODAY)
    assert [(r.draft.birth_year, r.draft.birth_date) for r in preview.rows] == [
        (1970, None),
        (1972, date(1972, 5, 10)),
        (1938, date(1939, 1, 1)),
    ]
    assert [(p.row, p.column) for p in preview.problems] == [(4, "B列「生まれ年」")]


# --- safety --------------------------------------------------------------------------------------------


def test_files_too_big_or_too_long_are_refused_before_reading_them(session, tmp_path, monkeypatch):
    path = write_csv(tmp_path / "long.csv", [["氏名"], *([f"会員{i}"] for i in range(20))], "utf-8")
    monkeypatch.setattr(tabular, "MAX_ROWS", 10)
    with pytest.raises(UnreadableFileError, match="大きすぎる"):
        preview_members(session, path)
    xlsx = write_xlsx(tmp_path / "long.xlsx", [["氏名"], *([f"会員{i}"] for i in range(20))])
    with pytest.raises(UnreadableFileError, match="10行まで"):
        import_members(session, xlsx)
    monkeypatch.setattr(tabular, "MAX_ROWS", 100_000)
    monkeypatch.setattr(tabular, "MAX_FILE_BYTES", 100)
    with pytest.raises(UnreadableFileError, match="大きすぎる"):
        import_members(session, path)
    assert session.scalar(select(func.count()).select_from(Member)) == 0


def test_no_data_rows_and_unsupported_files(session, tmp_path):
    with pytest.raises(ValidationError, match="データの行がありません"):
        import_members(session, write_xlsx(tmp_path / "empty.xlsx", [["氏名", "住所"], [None, None]]))
    (tmp_path / "roster.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(UnreadableFileError):
        preview_members(session, tmp_path / "roster.pdf")
    with pytest.raises(ValidationError, match="見出しの行が見つかりません"):
        preview_members(session, write_xlsx(tmp_path / "title.xlsx", [["会員名簿"], ["あ", "い"]]))


def test_registered_as_an_import_kind():
    assert KINDS["members"].ja == "会員名簿"
