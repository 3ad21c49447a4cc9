"""変更履歴: every insert, update and delete of an audited record is written to change_log in the same
transaction — who, when, and each changed field as [old, new]."""

from __future__ import annotations

import getpass
import sqlite3
from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import func, select, update

from nagato_desk.models import (
    Audited,
    Base,
    ChangeLog,
    Committee,
    CommitteeMembership,
    Council,
    Household,
    Member,
    MemberEvent,
    NeighbourhoodAssociation,
)
from nagato_desk.services import associations as associations_service
from nagato_desk.services import council as council_service
from nagato_desk.services import history
from nagato_desk.services.associations import AssociationDraft, FiguresDraft
from nagato_desk.services.council import CouncilDraft
from nagato_desk.services.demo import write_demo

COUNCIL = CouncilDraft(
    name="長門地区まちづくり協議会",
    representative="山田 太郎",
    postal_code="759-4101",
    address="長門市東深川1番地",
    phone="",
    founded_on=date(2017, 4, 1),
    notes="",
)
ASSOCIATIONS = [
    AssociationDraft("東浜自治会", "ひがしはまじちかい", {2026: FiguresDraft(92, 185, 98)}),
    AssociationDraft("西浜自治会", "にしはまじちかい"),
]

# What registering COUNCIL with ASSOCIATIONS records: the fields that are not empty. Empty text (phone,
# notes) is left out, and so are the timestamps the database fills in.
COUNCIL_INSERT = {
    "id": [None, 1],
    "name": [None, "長門地区まちづくり協議会"],
    "representative": [None, "山田 太郎"],
    "postal_code": [None, "759-4101"],
    "address": [None, "長門市東深川1番地"],
    "founded_on": [None, "2017-04-01"],
}
HIGASHIHAMA = {
    "id": 1,
    "council_id": 1,
    "name": "東浜自治会",
    "reading": "ひがしはまじちかい",
    "sort_order": 1,
}
HIGASHIHAMA_2026 = {
    "id": 1,
    "association_id": 1,
    "fiscal_year": 2026,
    "as_of": "2026-04-01",
    "households": 92,
    "population": 185,
    "aged_65_plus": 98,
}


def inserted(values: dict) -> dict:
    return {k: [None, v] for k, v in values.items()}


def deleted(values: dict) -> dict:
    return {k: [v, None] for k, v in values.items()}


@pytest.fixture
def council_db(db, history_user):
    """An empty file in which COUNCIL has just been registered with its two 自治会."""
    with db.session() as session:
        council_service.create_council(session, COUNCIL, ASSOCIATIONS)
    return db


def changes_of(db, table: str, row_id: int) -> list[tuple[str, dict]]:
    with db.Session() as session:
        return [(c.action, c.changes) for c in history.history_of(session, table, row_id)]


def log_count(db) -> int:
    with db.Session() as session:
        return session.scalar(select(func.count()).select_from(ChangeLog))


def add_member(session, **fields) -> Member:
    """A 会員 added through the model (the service derives reading_key and search_text the same way)."""
    values = {
        "name": "長門 花子",
        "reading": "ながと はなこ",
        "reading_key": "ながとはなこ",
        "search_text": "長門花子 ながとはなこ",
        "gender": "F",
        "birth_date": date(1950, 4, 1),
        "association_id": 1,
        "joined_on": date(2020, 4, 1),
    }
    values.update(fields)
    member = Member(**values)
    session.add(member)
    session.flush()
    return member


# What add_member records: status and anonymised have defaults ("active", False), which are values.
MEMBER_INSERT = {
    "id": [None, 1],
    "name": [None, "長門 花子"],
    "reading": [None, "ながと はなこ"],
    "gender": [None, "F"],
    "birth_date": [None, "1950-04-01"],
    "association_id": [None, 1],
    "status": [None, "active"],
    "joined_on": [None, "2020-04-01"],
    "anonymised": [None, False],
}


# --- insert -------------------------------------------------------------------------------------


def test_an_insert_records_the_non_empty_fields_with_who_and_when(db, history_user):
    start = datetime.now().replace(microsecond=0)
    with db.session() as session:
        council_service.create_council(session, COUNCIL, ASSOCIATIONS)
    end = datetime.now()
    with db.Session() as session:
        (change,) = history.history_of(session, "council", 1)
    assert change.action == "insert"
    assert change.table_name == "council" and change.row_id == 1
    assert change.user == history_user
    assert start <= change.at <= end
    assert change.changes == COUNCIL_INSERT
    assert change.note == ""
    assert changes_of(db, "neighbourhood_association", 1) == [("insert", inserted(HIGASHIHAMA))]
    assert changes_of(db, "association_figure", 1) == [("insert", inserted(HIGASHIHAMA_2026))]
    assert changes_of(db, "neighbourhood_association", 2) == [
        (
            "insert",
            {
                "id": [None, 2],
                "council_id": [None, 1],
                "name": [None, "西浜自治会"],
                "reading": [None, "にしはまじちかい"],
                "sort_order": [None, 2],
            },
        )
    ]
    with db.Session() as session:
        council_part = session.scalars(
            select(ChangeLog.action).where(
                ChangeLog.table_name.in_(("council", "neighbourhood_association", "association_figure"))
            )
        ).all()
    assert council_part == ["insert"] * 4  # one line per record, nothing else


def test_every_row_of_the_demo_has_its_insert_recorded_under_its_own_id(db, history_user):
    with db.session() as session:
        write_demo(session, date(2026, 11, 29))
    with db.Session() as session:
        logged = session.execute(
            select(ChangeLog.table_name, ChangeLog.row_id, ChangeLog.action).where(
                ChangeLog.action.in_(("insert", "update", "delete"))
            )
        ).all()
        assert logged, "the demo is written through the recording session"
        assert all(row_id is not None for _, row_id, _ in logged)
        for mapper in Base.registry.mappers:
            if not issubclass(mapper.class_, Audited):
                continue
            table = mapper.local_table.name
            ids = set(session.scalars(select(mapper.class_.id)))
            assert ids <= {r for t, r, a in logged if t == table and a == "insert"}, table
    # the council part, counted by hand: 1 council, 5 associations, 3 years of figures each
    council_part = ("council", "neighbourhood_association", "association_figure")
    inserts = {t: sum(1 for tt, _, a in logged if tt == t and a == "insert") for t in council_part}
    assert inserts == {"council": 1, "neighbourhood_association": 5, "association_figure": 15}


# --- update -------------------------------------------------------------------------------------


def test_an_update_records_only_the_changed_fields_as_old_and_new(council_db):
    with council_db.session() as session:
        council = council_service.require_council(session)
        draft = replace(
            council_service.draft_of(council), representative="長門 花子", founded_on=date(2018, 4, 1)
        )
        council_service.update_council(session, draft)
    assert changes_of(council_db, "council", 1) == [
        ("insert", COUNCIL_INSERT),
        (
            "update",
            {"representative": ["山田 太郎", "長門 花子"], "founded_on": ["2017-04-01", "2018-04-01"]},
        ),
    ]


def test_an_update_that_sets_the_same_values_records_nothing(council_db):
    before = log_count(council_db)
    with council_db.session() as session:
        council = council_service.require_council(session)
        council_service.update_council(session, council_service.draft_of(council))
        associations_service.update_association(session, 1, "東浜自治会", "ひがしはまじちかい")
    assert log_count(council_db) == before


def test_an_update_of_a_field_not_loaded_records_its_old_value_from_the_file(council_db):
    with council_db.session() as session:
        council = session.get(Council, 1)
        session.expire(council)  # as after a rollback or a refresh: the session no longer has the values
        council.representative = "長門 花子"
        session.flush()
        session.expire(council)
        council.name = "長門地区まちづくり協議会"  # the same as in the file
    assert changes_of(council_db, "council", 1) == [
        ("insert", COUNCIL_INSERT),
        ("update", {"representative": ["山田 太郎", "長門 花子"]}),
    ]


def test_a_date_is_recorded_as_iso_text_and_clearing_it_as_none(council_db):
    with council_db.session() as session:
        council = council_service.require_council(session)
        council_service.update_council(session, replace(council_service.draft_of(council), founded_on=None))
    assert changes_of(council_db, "council", 1)[-1] == ("update", {"founded_on": ["2017-04-01", None]})


def test_each_update_in_a_transaction_is_recorded_in_order(council_db):
    with council_db.session() as session:
        associations_service.update_association(session, 1, "東浜第一自治会", "ひがしはまだいいちじちかい")
        associations_service.update_association(session, 1, "東浜第一自治会", "")
        associations_service.move_association(session, 1, +1)
    assert changes_of(council_db, "neighbourhood_association", 1) == [
        ("insert", inserted(HIGASHIHAMA)),
        (
            "update",
            {
                "name": ["東浜自治会", "東浜第一自治会"],
                "reading": ["ひがしはまじちかい", "ひがしはまだいいちじちかい"],
            },
        ),
        ("update", {"reading": ["ひがしはまだいいちじちかい", ""]}),
        ("update", {"sort_order": [1, 2]}),
    ]
    assert changes_of(council_db, "neighbourhood_association", 2)[-1] == ("update", {"sort_order": [2, 1]})


# --- delete -------------------------------------------------------------------------------------


def test_a_delete_records_the_old_values_of_the_record_and_of_what_goes_with_it(council_db):
    with council_db.session() as session:
        associations_service.remove_association(session, 1)
    assert changes_of(council_db, "neighbourhood_association", 1) == [
        ("insert", inserted(HIGASHIHAMA)),
        ("delete", deleted(HIGASHIHAMA)),
    ]
    assert changes_of(council_db, "association_figure", 1) == [
        ("insert", inserted(HIGASHIHAMA_2026)),
        ("delete", deleted(HIGASHIHAMA_2026)),
    ]


def test_a_delete_of_a_record_whose_values_were_expired_records_them(council_db):
    with council_db.session() as session:
        association = session.get(NeighbourhoodAssociation, 1)
        session.expire(association, ["name", "reading", "sort_order"])
        session.delete(association)
    assert changes_of(council_db, "neighbourhood_association", 1)[-1] == ("delete", deleted(HIGASHIHAMA))


def test_a_member_losing_a_removed_association_is_recorded(council_db):
    # The database clears member.association_id itself (ON DELETE SET NULL); the history must show it.
    with council_db.session() as session:
        add_member(session)
    with council_db.session() as session:
        associations_service.remove_association(session, 1)
    assert changes_of(council_db, "member", 1) == [
        ("insert", MEMBER_INSERT),
        ("update", {"association_id": [1, None]}),
    ]
    with council_db.Session() as session:
        assert session.get(Member, 1).association_id is None


def test_rows_the_database_removes_or_clears_with_a_member_are_recorded(council_db):
    with council_db.session() as session:
        member = add_member(session)
        member.events.append(MemberEvent(kind="joined", on=date(2020, 4, 1)))
        committee = Committee(name="福祉部会")
        session.add(committee)
        session.flush()
        session.add(CommitteeMembership(committee_id=committee.id, member_id=member.id, is_head=True))
        session.add(Household(association_id=1, address="長門市東深川2番地", head_member_id=member.id))
    with council_db.session() as session:
        session.delete(session.get(Member, 1))
    member_delete = {k: [v, None] for k, (_, v) in MEMBER_INSERT.items()}
    assert changes_of(council_db, "member", 1)[-1] == ("delete", member_delete)
    # through the relationship (the session deletes it) ...
    assert changes_of(council_db, "member_event", 1) == [
        ("insert", inserted({"id": 1, "member_id": 1, "kind": "joined", "on": "2020-04-01"})),
        ("delete", deleted({"id": 1, "member_id": 1, "kind": "joined", "on": "2020-04-01"})),
    ]
    # ... and by the database itself (ON DELETE CASCADE, ON DELETE SET NULL)
    assert changes_of(council_db, "committee_membership", 1) == [
        ("insert", inserted({"id": 1, "committee_id": 1, "member_id": 1, "is_head": True})),
        ("delete", deleted({"id": 1, "committee_id": 1, "member_id": 1, "is_head": True})),
    ]
    assert changes_of(council_db, "household", 1) == [
        (
            "insert",
            inserted({"id": 1, "association_id": 1, "head_member_id": 1, "address": "長門市東深川2番地"}),
        ),
        ("update", {"head_member_id": [1, None]}),
    ]
    assert changes_of(council_db, "committee", 1) == [
        ("insert", inserted({"id": 1, "name": "福祉部会", "sort_order": 0}))
    ]


# --- what is never recorded ---------------------------------------------------------------------


def test_the_excluded_fields_are_never_recorded(council_db):
    assert set(Member.__audit_exclude__) == {"created_at", "updated_at", "reading_key", "search_text"}
    with council_db.session() as session:
        add_member(session)
    with council_db.session() as session:
        member = session.get(Member, 1)
        member.reading_key = "ながとはなこ2"
        member.search_text = "長門花子 ながとはなこ 0837"
    assert changes_of(council_db, "member", 1) == [("insert", MEMBER_INSERT)]  # nothing for those alone
    with council_db.session() as session:
        member = session.get(Member, 1)
        member.name = "長門 華子"
        member.reading_key = "ながとはなこ3"
    with council_db.session() as session:
        session.delete(session.get(Member, 1))
    recorded = changes_of(council_db, "member", 1)
    assert [a for a, _ in recorded] == ["insert", "update", "delete"]
    assert recorded[1] == ("update", {"name": ["長門 花子", "長門 華子"]})
    for _, changes in recorded:
        assert set(changes).isdisjoint(Member.__audit_exclude__)
    with council_db.Session() as session:
        for (changes,) in session.execute(select(ChangeLog.changes)):
            for field in ("reading_key", "search_text", "created_at", "updated_at"):
                assert f'"{field}"' not in changes


def test_a_rolled_back_transaction_leaves_no_history(council_db):
    before = log_count(council_db)
    with council_db.Session() as session:
        last_id = session.scalar(select(func.max(ChangeLog.id)))
    with pytest.raises(RuntimeError), council_db.session() as session:
        council = council_service.require_council(session)
        council_service.update_council(
            session, replace(council_service.draft_of(council), phone="0837-22-0000")
        )
        associations_service.add_association(session, "新町自治会")
        history.record_event(session, "export", "会員名簿を書き出し")
        session.flush()
        assert log_count(council_db) == before  # not visible outside the transaction...
        pending = session.execute(
            select(ChangeLog.action, ChangeLog.table_name, ChangeLog.row_id).where(ChangeLog.id > last_id)
        ).all()
        # ...but written inside it, with the changes
        assert {
            ("update", "council", 1),
            ("insert", "neighbourhood_association", 3),
            ("export", "", None),
        } <= set(pending)
        raise RuntimeError("the user cancelled")
    assert log_count(council_db) == before
    assert changes_of(council_db, "council", 1) == [("insert", COUNCIL_INSERT)]
    with council_db.Session() as session:
        session.begin()
        associations_service.add_association(session, "新町自治会")
        session.rollback()
    assert log_count(council_db) == before
    conn = sqlite3.connect(council_db.path)
    assert conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == before
    conn.close()


# --- who --------------------------------------------------------------------------------------


def test_set_current_user_changes_who_is_recorded(council_db, history_user):
    assert history.current_user() == history_user
    history.set_current_user("監事 佐藤 一郎")
    with council_db.session() as session:
        associations_service.update_association(session, 1, "東浜第一自治会")
    history.set_current_user("")  # nobody named: the login name of the computer
    assert history.current_user() == getpass.getuser()
    with council_db.session() as session:
        associations_service.update_association(session, 2, "西浜第一自治会")
    with council_db.Session() as session:
        assert [c.user for c in history.history_of(session, "neighbourhood_association", 1)] == [
            history_user,
            "監事 佐藤 一郎",
        ]
        assert history.history_of(session, "neighbourhood_association", 2)[-1].user == getpass.getuser()
    # the fixture puts back who was recorded before the test


# --- events -----------------------------------------------------------------------------------


def test_record_event_writes_a_line_with_the_note(council_db, history_user):
    with council_db.session() as session:
        history.record_event(session, "export", "会員名簿をExcelに書き出し（3人）", "member")
        history.record_event(session, "reopen", "2025年度を再開", "council", 1)
    with council_db.Session() as session:
        latest, before = history.recent_changes(session)[:2]
        (insert, reopen) = history.history_of(session, "council", 1)
    assert (before.action, before.table_name, before.row_id, before.note, before.changes) == (
        "export",
        "member",
        None,
        "会員名簿をExcelに書き出し（3人）",
        {},
    )
    assert before.user == history_user
    assert latest == reopen
    assert (reopen.action, reopen.note, reopen.changes, reopen.user) == (
        "reopen",
        "2025年度を再開",
        {},
        history_user,
    )
    assert insert.action == "insert"


# --- reading the history ------------------------------------------------------------------------


def _set_time(session, action: str, at: datetime, table: str = "", row_id: int | None = None) -> None:
    """Move a line of the history to a known time (the recording itself uses the clock)."""
    same_row = ChangeLog.row_id.is_(None) if row_id is None else ChangeLog.row_id == row_id
    session.execute(
        update(ChangeLog)
        .where(ChangeLog.action == action, ChangeLog.table_name == table, same_row)
        .values(at=at)
    )


def test_history_of_is_one_record_oldest_first_and_recent_changes_newest_first(council_db):
    with council_db.session() as session:
        council = council_service.require_council(session)
        council_service.update_council(
            session, replace(council_service.draft_of(council), phone="0837-22-0000")
        )
        history.record_event(session, "export", "名簿を書き出し")
    day0, day1, day2 = (
        datetime(2026, 11, 26, 9, 0),
        datetime(2026, 11, 27, 9, 0),
        datetime(2026, 11, 28, 10, 0),
    )
    with council_db.session() as session:
        # Other records made with the council (its default roles, say) are put before all of these.
        session.execute(update(ChangeLog).values(at=day0))
        for table, row_id in (
            ("council", 1),
            ("neighbourhood_association", 1),
            ("association_figure", 1),
            ("neighbourhood_association", 2),
        ):
            _set_time(session, "insert", day1, table, row_id)
        _set_time(session, "update", day2, "council", 1)
        _set_time(session, "export", datetime(2026, 11, 28, 9, 30))

    def seen(changes) -> list[tuple[str, str, int | None]]:
        return [(c.action, c.table_name, c.row_id) for c in changes]

    with council_db.Session() as session:
        assert seen(history.history_of(session, "council", 1)) == [
            ("insert", "council", 1),
            ("update", "council", 1),
        ]
        assert [c.at for c in history.history_of(session, "council", 1)] == [day1, day2]
        # neighbourhood_association 1 is another record than council 1
        assert seen(history.history_of(session, "neighbourhood_association", 1)) == [
            ("insert", "neighbourhood_association", 1)
        ]
        assert history.history_of(session, "council", 2) == []
        everything = [
            ("update", "council", 1),  # 28th 10:00
            ("export", "", None),  # 28th 9:30
            ("insert", "neighbourhood_association", 2),  # the 27th, same second: the later line first
            ("insert", "association_figure", 1),
            ("insert", "neighbourhood_association", 1),
            ("insert", "council", 1),
        ]
        recent = history.recent_changes(session)
        assert seen(recent[: len(everything)]) == everything
        others = recent[len(everything) :]
        assert all(c.at == day0 for c in others)
        assert [
            c
            for c in others
            if c.table_name in ("council", "neighbourhood_association", "association_figure")
        ] == []
        assert seen(history.recent_changes(session, limit=2)) == everything[:2]
        # since is inclusive, until exclusive
        assert seen(history.recent_changes(session, since=day1)) == everything
        assert seen(history.recent_changes(session, since=datetime(2026, 11, 28))) == everything[:2]
        assert seen(history.recent_changes(session, since=day2)) == everything[:1]
        assert seen(history.recent_changes(session, since=day1, until=day2)) == everything[1:]
        assert seen(history.recent_changes(session, since=datetime(2026, 11, 28), until=day2)) == [
            ("export", "", None)
        ]
        assert seen(history.recent_changes(session, until=day1)) == seen(others)
        assert (
            seen(history.recent_changes(session, since=day1, until=datetime(2026, 11, 27, 9, 0, 1)))
            == everything[2:]
        )


# --- the trash ---------------------------------------------------------------------------------


def test_moving_to_the_trash_and_back_is_an_update_of_deleted_at(council_db):
    with council_db.session() as session:
        add_member(session)
    with council_db.session() as session:
        session.get(Member, 1).deleted_at = datetime(2026, 11, 29, 10, 30)
    with council_db.session() as session:
        session.get(Member, 1).deleted_at = None
    assert changes_of(council_db, "member", 1) == [
        ("insert", MEMBER_INSERT),
        ("update", {"deleted_at": [None, "2026-11-29 10:30:00"]}),
        ("update", {"deleted_at": ["2026-11-29 10:30:00", None]}),
    ]


def test_describe_reads_like_a_sentence():
    from datetime import datetime

    from nagato_desk.services.history import Change, describe

    at = datetime(2026, 5, 1, 9, 0)
    moved = Change(at, "jimukyoku", "member", 1, "update", {"address": ["東浜1番地", "西浜2番地"]}, "")
    assert describe(moved) == "変更：住所（東浜1番地 → 西浜2番地）"
    trashed = Change(
        at, "jimukyoku", "member", 1, "update", {"deleted_at": [None, "2026-05-01 09:00:00"]}, ""
    )
    assert describe(trashed) == "変更：ごみ箱へ"
    added = Change(
        at, "jimukyoku", "member", 1, "insert", {"name": [None, "長門 花子"], "phone": [None, "0837"]}, ""
    )
    assert describe(added) == "登録：氏名、電話"
    event = Change(at, "jimukyoku", "", None, "export", {}, "会員名簿（住所・電話を含む）")
    assert describe(event) == "export：会員名簿（住所・電話を含む）"


def test_describe_shows_codes_as_words():
    from datetime import datetime

    from nagato_desk.services.history import Change, describe

    left = Change(datetime(2026, 6, 1), "u", "member", 3, "update", {"status": ["active", "deceased"]}, "")
    assert describe(left) == "変更：状態（在籍 → 死亡）"
    gender = Change(datetime(2026, 6, 1), "u", "member", 3, "update", {"gender": ["", "F"]}, "")
    assert describe(gender) == "変更：性別（空 → 女性）"
