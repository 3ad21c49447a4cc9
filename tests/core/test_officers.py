"""役職 and 任期: the editable role list, terms with their refusals, the officer list on a date, a
person's history, and the data-check rules."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select, text

from nagato_desk.errors import ValidationError
from nagato_desk.models import Household, Member, OfficerTerm, Role
from nagato_desk.reading import sort_key_text
from nagato_desk.services import officers as ofs
from nagato_desk.services.associations import AssociationDraft, list_associations
from nagato_desk.services.check import run_checks
from nagato_desk.services.committees import add_committee
from nagato_desk.services.council import CouncilDraft, create_council
from nagato_desk.services.officers import TermDraft

D = date


def person(session, name: str, reading: str, **kw) -> Member:
    m = Member(name=name, reading=reading, reading_key=sort_key_text(reading), **kw)
    session.add(m)
    session.flush()
    return m


def make_council(session) -> None:
    create_council(
        session,
        CouncilDraft(name="テスト協議会"),
        [AssociationDraft("東区自治会"), AssociationDraft("西区自治会")],
    )


@pytest.fixture
def session(db):
    with db.Session() as s:
        s.begin()
        make_council(s)
        yield s
        s.rollback()


def rows(session) -> dict[str, list]:
    return {
        t: session.execute(text(f"SELECT * FROM {t} ORDER BY id")).all()  # noqa: S608 - fixed names
        for t in ("role", "officer_term", "member")
    }


def refused(session, match: str, fn, *args):
    """``fn(*args)`` is refused with a message matching ``match`` and changes nothing."""
    before = rows(session)
    with pytest.raises(ValidationError, match=match) as info:
        fn(*args)
    assert rows(session) == before
    return info.value


def role(session, name: str) -> Role:
    found = ofs.role_by_name(session, name)
    assert found is not None
    return found


# -- roles ---------------------------------------------------------------------------------


def test_a_new_council_has_the_default_roles(session):
    roles = ofs.list_roles(session)
    assert [r.name for r in roles] == list(ofs.DEFAULT_ROLES)
    assert ofs.DEFAULT_ROLES == ("会長", "副会長", "事務局長", "会計", "監事", "部会長", "役員", "顧問")
    assert [r.name for r in roles if r.is_auditor] == ["監事"]
    assert [r.sort_order for r in roles] == list(range(1, 9))
    ofs.ensure_default_roles(session)
    ofs.ensure_default_roles(session)
    assert len(ofs.list_roles(session, include_inactive=True)) == 8


def test_ensure_default_roles_never_puts_back_what_the_council_changed(session):
    ofs.rename_role(session, role(session, "役員").id, "理事")
    ofs.remove_role(session, role(session, "顧問").id)
    ofs.ensure_default_roles(session)
    names = [r.name for r in ofs.list_roles(session, include_inactive=True)]
    assert "役員" not in names and "顧問" not in names and "理事" in names


def test_ensure_default_roles_on_an_empty_database(db):
    with db.session() as s:
        ofs.ensure_default_roles(s)
    with db.session() as s:
        assert [r.name for r in ofs.list_roles(s)] == list(ofs.DEFAULT_ROLES)


def test_role_by_name_ignores_spaces_and_width(session):
    assert role(session, " 会　長 ").name == "会長"
    assert ofs.role_by_name(session, "副 会長").name == "副会長"
    assert ofs.role_by_name(session, "理事") is None
    assert ofs.role_by_name(session, "  ") is None


def test_add_role_goes_last_and_refuses_duplicates(session):
    new = ofs.add_role(session, "  広報担当 ")
    assert new.name == "広報担当" and new.sort_order == 9 and new.active and not new.is_auditor
    refused(session, "役職「会長」はすでにあります", ofs.add_role, session, "会 長")
    refused(session, "役職名を入力", ofs.add_role, session, "　")
    refused(session, "50文字以内", ofs.add_role, session, "長" * 51)


def test_rename_role(session):
    ofs.rename_role(session, role(session, "役員").id, "理事")
    assert role(session, "理事").sort_order == 7
    refused(
        session, "役職「会計」はすでにあります", ofs.rename_role, session, role(session, "理事").id, "会計"
    )
    ofs.rename_role(session, role(session, "理事").id, "理事")  # its own name is no clash
    refused(session, "役職が見つかりません", ofs.rename_role, session, 9999, "X")


def test_move_role(session):
    kaikei = role(session, "会計")
    ofs.move_role(session, kaikei.id, -2)
    assert [r.name for r in ofs.list_roles(session)][:4] == ["会長", "会計", "副会長", "事務局長"]
    ofs.move_role(session, kaikei.id, -10)  # clamped at the top
    assert ofs.list_roles(session)[0].name == "会計"
    ofs.move_role(session, kaikei.id, 100)
    assert ofs.list_roles(session)[-1].name == "会計"


def test_inactive_roles_are_hidden_from_the_list_but_kept(session):
    adviser = role(session, "顧問")
    ofs.set_role_active(session, adviser.id, False)
    assert "顧問" not in [r.name for r in ofs.list_roles(session)]
    assert "顧問" in [r.name for r in ofs.list_roles(session, include_inactive=True)]
    ofs.set_role_active(session, adviser.id, True)
    assert "顧問" in [r.name for r in ofs.list_roles(session)]


def test_remove_role_refused_while_a_term_uses_it(session):
    m = person(session, "山田 太郎", "やまだ たろう")
    chair = role(session, "会長")
    ofs.add_term(session, TermDraft(m.id, chair.id, D(2024, 4, 1), D(2026, 3, 31)))
    err = refused(
        session, "役職「会長」は1件の任期で使われているため削除できません", ofs.remove_role, session, chair.id
    )
    assert "使用しない" in err.ja
    ofs.remove_role(session, role(session, "顧問").id)
    assert ofs.role_by_name(session, "顧問") is None


# -- terms ---------------------------------------------------------------------------------


@pytest.fixture
def yamada(session) -> Member:
    return person(session, "山田 太郎", "やまだ たろう", birth_date=D(1960, 4, 2))


def test_add_term_with_everything(session, yamada):
    east = list_associations(session)[0]
    term = ofs.add_term(
        session,
        TermDraft(
            yamada.id,
            role(session, "会長").id,
            D(2024, 4, 1),
            D(2026, 3, 31),
            chosen_by_association_id=east.id,
            chosen_by_text=" ",
            notes=" 総会で選出 ",
        ),
    )
    assert (term.starts_on, term.ends_on, term.notes) == (D(2024, 4, 1), D(2026, 3, 31), "総会で選出")
    assert term.chosen_by_association.name == "東区自治会" and term.chosen_by_text == ""


def test_term_refusals(session, yamada):
    chair = role(session, "会長").id
    refused(session, "会員が見つかりません", ofs.add_term, session, TermDraft(9999, chair, D(2024, 4, 1)))
    refused(session, "役職が見つかりません", ofs.add_term, session, TermDraft(yamada.id, 9999, D(2024, 4, 1)))
    refused(
        session,
        r"任期の終了日（令和6年3月31日）が開始日（令和6年4月1日）より前です",
        ofs.add_term,
        session,
        TermDraft(yamada.id, chair, D(2024, 4, 1), D(2024, 3, 31)),
    )
    refused(
        session,
        "部会が見つかりません",
        ofs.add_term,
        session,
        TermDraft(yamada.id, chair, D(2024, 4, 1), committee_id=9999),
    )
    refused(
        session,
        "選出母体の自治会が見つかりません",
        ofs.add_term,
        session,
        TermDraft(yamada.id, chair, D(2024, 4, 1), chosen_by_association_id=9999),
    )
    refused(
        session,
        "100文字以内",
        ofs.add_term,
        session,
        TermDraft(yamada.id, chair, D(2024, 4, 1), chosen_by_text="老" * 101),
    )
    yamada.deleted_at = datetime(2026, 1, 1)
    session.flush()
    refused(
        session,
        "山田 太郎さんはごみ箱にある",
        ofs.add_term,
        session,
        TermDraft(yamada.id, chair, D(2024, 4, 1)),
    )


def test_a_one_day_term_is_allowed(session, yamada):
    term = ofs.add_term(session, TermDraft(yamada.id, role(session, "会長").id, D(2024, 4, 1), D(2024, 4, 1)))
    assert term.starts_on == term.ends_on


def test_overlapping_terms_are_refused_with_names_and_dates(session, yamada):
    chair = role(session, "会長").id
    ofs.add_term(session, TermDraft(yamada.id, chair, D(2024, 4, 1), D(2026, 3, 31)))
    # the next term may start the day after; sharing the last day is an overlap
    ofs.add_term(session, TermDraft(yamada.id, chair, D(2026, 4, 1)))
    err = refused(
        session,
        "重なっています",
        ofs.add_term,
        session,
        TermDraft(yamada.id, chair, D(2026, 3, 31), D(2026, 4, 1)),
    )
    assert len(err.problems) == 2  # with both existing terms
    assert "山田 太郎さんの「会長」の任期（令和8年3月31日〜令和8年4月1日）" in err.ja
    assert "登録済みの任期（令和6年4月1日〜令和8年3月31日）" in err.ja
    assert "登録済みの任期（令和8年4月1日〜）" in err.ja
    # an open-ended new term overlaps every later one
    refused(session, "重なって", ofs.add_term, session, TermDraft(yamada.id, chair, D(2020, 4, 1)))
    # an earlier term that ends before the first one starts is fine
    ofs.add_term(session, TermDraft(yamada.id, chair, D(2020, 4, 1), D(2024, 3, 31)))


def test_same_role_in_another_committee_or_another_role_is_no_overlap(session, yamada):
    head = role(session, "部会長").id
    welfare, env = add_committee(session, "福祉部会"), add_committee(session, "環境部会")
    ofs.add_term(session, TermDraft(yamada.id, head, D(2024, 4, 1), committee_id=welfare.id))
    ofs.add_term(session, TermDraft(yamada.id, head, D(2024, 4, 1), committee_id=env.id))
    ofs.add_term(session, TermDraft(yamada.id, role(session, "役員").id, D(2024, 4, 1)))
    err = refused(
        session,
        "重なって",
        ofs.add_term,
        session,
        TermDraft(yamada.id, head, D(2025, 4, 1), committee_id=env.id),
    )
    assert "「環境部会の部会長」" in err.ja
    ofs.add_term(session, TermDraft(yamada.id, head, D(2024, 4, 1)))  # 部会長 without a committee


def test_update_end_and_delete_term(session, yamada):
    chair, vice = role(session, "会長").id, role(session, "副会長").id
    first = ofs.add_term(session, TermDraft(yamada.id, vice, D(2022, 4, 1), D(2024, 3, 31)))
    second = ofs.add_term(session, TermDraft(yamada.id, chair, D(2024, 4, 1)))
    ofs.update_term(session, second.id, TermDraft(yamada.id, chair, D(2024, 5, 1)))  # not against itself
    assert second.starts_on == D(2024, 5, 1)
    refused(
        session,
        "重なって",
        ofs.update_term,
        session,
        first.id,
        TermDraft(yamada.id, chair, D(2022, 4, 1), D(2024, 5, 1)),
    )
    refused(session, "開始日（令和6年5月1日）より前", ofs.end_term, session, second.id, D(2024, 4, 30))
    ofs.end_term(session, second.id, D(2026, 3, 31))
    assert second.ends_on == D(2026, 3, 31)
    ofs.delete_term(session, first.id)
    assert session.scalars(select(OfficerTerm.id)).all() == [second.id]
    refused(session, "任期の記録が見つかりません", ofs.delete_term, session, first.id)


# -- officers on a date and role history ------------------------------------------------------


@pytest.fixture
def board(session):
    east, west = list_associations(session)
    hh = Household(address="長門市油谷1-1", phone="0837-11-1111")
    session.add(hh)
    session.flush()
    a = person(
        session, "渡辺 一郎", "わたなべ いちろう", gender="M", birth_date=D(1950, 4, 1), household_id=hh.id
    )
    b = person(
        session,
        "伊藤 花子",
        "いとう はなこ",
        gender="F",
        birth_year=1980,
        address="長門市東1",
        phone="0837-22-2222",
    )
    c = person(session, "安藤 次郎", "あんどう じろう", gender="M", mobile="090-0000-0000")
    gone = person(session, "削除 済子", "さくじょ すみこ", deleted_at=datetime(2026, 1, 1))
    r = {n: role(session, n).id for n in ("会長", "副会長", "会計", "顧問")}
    t = {
        "chair": ofs.add_term(
            session,
            TermDraft(a.id, r["会長"], D(2024, 4, 1), D(2026, 3, 31), chosen_by_association_id=east.id),
        ),
        "vice_b": ofs.add_term(session, TermDraft(b.id, r["副会長"], D(2024, 4, 1), chosen_by_text="婦人会")),
        "vice_c": ofs.add_term(
            session, TermDraft(c.id, r["副会長"], D(2025, 4, 1), chosen_by_association_id=west.id)
        ),
        "treasurer": ofs.add_term(session, TermDraft(b.id, r["会計"], D(2026, 4, 1))),
        "adviser_gone": ofs.add_term(session, TermDraft(c.id, r["顧問"], D(2020, 4, 1))),
    }
    session.execute(
        text(
            "INSERT INTO officer_term (member_id, role_id, starts_on, chosen_by_text, notes) VALUES (:m, :r, '2020-04-01', '', '')"
        ),
        {"m": gone.id, "r": r["顧問"]},
    )
    return a, b, c, t


def names_on(session, day):
    return [(r.role, r.name) for r in ofs.officers_as_of(session, day)]


def test_officers_as_of_includes_first_and_last_day(session, board):
    assert names_on(session, D(2024, 3, 31)) == [("顧問", "安藤 次郎")]
    assert names_on(session, D(2024, 4, 1)) == [
        ("会長", "渡辺 一郎"),
        ("副会長", "伊藤 花子"),
        ("顧問", "安藤 次郎"),
    ]
    # 副会長: 安藤 (あんどう) before 伊藤 (いとう) in 50音 order, whatever the order of entry
    assert names_on(session, D(2026, 3, 31)) == [
        ("会長", "渡辺 一郎"),
        ("副会長", "安藤 次郎"),
        ("副会長", "伊藤 花子"),
        ("顧問", "安藤 次郎"),
    ]
    assert names_on(session, D(2026, 4, 1)) == [
        ("副会長", "安藤 次郎"),
        ("副会長", "伊藤 花子"),
        ("会計", "伊藤 花子"),
        ("顧問", "安藤 次郎"),
    ]


def test_officer_rows_carry_what_the_lists_show(session, board):
    a, b, c, t = board
    by_term = {r.term_id: r for r in ofs.officers_as_of(session, D(2026, 3, 31))}
    chair = by_term[t["chair"].id]
    assert (chair.role, chair.role_order, chair.committee, chair.reading, chair.gender) == (
        "会長",
        1,
        "",
        "わたなべ いちろう",
        "M",
    )
    assert chair.age == 75  # born 1950-04-01; 76 only from 2026-04-01
    assert chair.chosen_by == "東区自治会" and (chair.starts_on, chair.ends_on) == (
        D(2024, 4, 1),
        D(2026, 3, 31),
    )
    assert (chair.address, chair.phone) == ("長門市油谷1-1", "0837-11-1111")  # the household's
    vice_b = by_term[t["vice_b"].id]
    assert vice_b.age == 45 and vice_b.chosen_by == "婦人会"  # birth year only: 2026 - 1980 - 1 before July
    assert (vice_b.address, vice_b.phone) == ("長門市東1", "0837-22-2222")
    vice_c = by_term[t["vice_c"].id]
    assert vice_c.age is None and vice_c.chosen_by == "西区自治会" and vice_c.phone == "090-0000-0000"


def test_role_history_newest_first(session, board):
    a, b, c, t = board
    history = ofs.role_history(session, b.id)
    assert [(r.role, r.starts_on) for r in history] == [("会計", D(2026, 4, 1)), ("副会長", D(2024, 4, 1))]
    assert [r.age for r in history] == [45, 43]  # on the day each term began
    assert ofs.role_history(session, 9999) == []


def test_committee_role_in_the_list(session, yamada):
    welfare = add_committee(session, "福祉部会")
    ofs.add_term(
        session, TermDraft(yamada.id, role(session, "部会長").id, D(2024, 4, 1), committee_id=welfare.id)
    )
    [row] = ofs.officers_as_of(session, D(2025, 1, 1))
    assert (row.role, row.committee) == ("部会長", "福祉部会")


# -- data check ----------------------------------------------------------------------------


def officer_findings(db):
    report = run_checks(db)
    return [f for f in report.findings if "任期" in f.ja or "2人" in f.ja]


def test_check_clean_board_has_no_officer_findings(db):
    with db.session() as s:
        make_council(s)
        m = person(s, "山田 太郎", "やまだ たろう")
        n = person(s, "佐藤 花子", "さとう はなこ")
        chair = role(s, "会長").id
        ofs.add_term(s, TermDraft(m.id, chair, D(2022, 4, 1), D(2024, 3, 31)))
        ofs.add_term(s, TermDraft(n.id, chair, D(2024, 4, 1)))
    assert officer_findings(db) == []


def test_check_finds_two_chairs_at_once(db):
    with db.session() as s:
        make_council(s)
        m = person(s, "山田 太郎", "やまだ たろう")
        n = person(s, "佐藤 花子", "さとう はなこ")
        v = person(s, "鈴木 一", "すずき はじめ")
        chair, vice = role(s, "会長").id, role(s, "副会長").id
        ofs.add_term(s, TermDraft(m.id, chair, D(2024, 4, 1), D(2026, 3, 31)))
        ofs.add_term(s, TermDraft(n.id, chair, D(2026, 3, 1)))
        ofs.add_term(s, TermDraft(m.id, vice, D(2024, 4, 1)))  # 副会長 may have several
        ofs.add_term(s, TermDraft(v.id, vice, D(2024, 4, 1)))
    [finding] = officer_findings(db)
    assert finding.severity == "warning"
    assert finding.ja == (
        "「会長」が同じ時期に2人います：山田 太郎さん（令和6年4月1日〜令和8年3月31日）と"
        "佐藤 花子さん（令和8年3月1日〜）。"
    )
    assert ("会長・事務局長・会計が1人ずつか", "one holder of single-holder roles") in run_checks(db).checked


def test_check_finds_overlapping_terms_written_behind_the_programs_back(db):
    with db.session() as s:
        make_council(s)
        m = person(s, "山田 太郎", "やまだ たろう")
        chair = role(s, "会長").id
        ofs.add_term(s, TermDraft(m.id, chair, D(2024, 4, 1), D(2026, 3, 31)))
        s.add(OfficerTerm(member_id=m.id, role_id=chair, starts_on=D(2025, 4, 1)))  # what an old import did
    findings = officer_findings(db)
    assert [f.severity for f in findings] == ["error"]
    assert findings[0].ja == (
        "山田 太郎さんの「会長」の任期が重なっています：令和6年4月1日〜令和8年3月31日 と 令和7年4月1日〜。"
    )


def test_check_warns_about_an_officer_who_left(db):
    with db.session() as s:
        make_council(s)
        left = person(s, "山田 太郎", "やまだ たろう", status="withdrawn", left_on=D(2025, 9, 30))
        ok = person(s, "佐藤 花子", "さとう はなこ", status="moved", left_on=D(2026, 3, 31))
        ofs.add_term(s, TermDraft(left.id, role(s, "会計").id, D(2024, 4, 1), D(2026, 3, 31)))
        ofs.add_term(
            s, TermDraft(ok.id, role(s, "監事").id, D(2024, 4, 1), D(2026, 3, 31))
        )  # ends the day she left
    [finding] = officer_findings(db)
    assert finding.severity == "warning"
    assert finding.ja.startswith("山田 太郎さんは令和7年9月30日に会員でなくなっていますが、「会計」の任期")
