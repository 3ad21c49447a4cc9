"""事業: adding, correcting, the trash, lists by month, copying last year's recurring events (29
February included), participant totals worked out by hand, bad input, and the data checks."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, text

from nagato_desk.errors import ValidationError
from nagato_desk.models import Activity, ActivityCost
from nagato_desk.services import activities as svc
from nagato_desk.services import activity_views as views
from nagato_desk.services import committees
from nagato_desk.services.activities import ActivityDraft
from tests.core.accounts_helpers import Book
from tests.core.link_helpers import a_plan_action_id


def draft(**kw) -> ActivityDraft:
    base = dict(starts_on=date(2025, 8, 15), title="夏祭り", field="まちづくり")
    base.update(kw)
    return ActivityDraft(**base)  # type: ignore[arg-type]


def cash_entries(db, count: int) -> list[int]:
    """``count`` expense entries of FY2025 (to link as costs)."""
    with db.session() as s:
        book = Book(s, 2025, cash=100_000)
        return [book.expense(date(2025, 6, 1 + i), "事業費", 1_000 * (i + 1)).id for i in range(count)]


def add(db, **kw) -> int:
    with db.session() as s:
        return svc.add_activity(s, draft(**kw)).id


def test_an_activity_is_stored_with_every_field_and_its_links(db):
    with db.session() as s:
        committee = committees.add_committee(s, "地域振興部会").id
        action = a_plan_action_id(s, "子ども教室")
        book = Book(s, 2025, cash=50_000)
        e1 = book.expense(date(2025, 7, 20), "事業費", 3_000).id
        e2 = book.expense(date(2025, 7, 29), "事業費", 1_200).id
    activity_id = add(
        db,
        starts_on=date(2025, 7, 27),
        ends_on=date(2025, 7, 29),
        title="  夏休み子ども教室 ",
        field="子どもの健全育成",
        committee_id=committee,
        place="公民館",
        participants_residents=26,
        participants_volunteers=8,
        participants_partners=2,
        partners="PTA",
        content="竹とんぼ作り",
        outcome="延べ26人",
        status="done",
        recurring=True,
        plan_action_id=action,
        notes="雨天時は体育館",
        cash_entry_ids=[e1, e2, e1],
    )
    with db.Session() as s:
        a = s.get(Activity, activity_id)
        assert (a.title, a.fiscal_year, a.ends_on, a.committee.name) == (
            "夏休み子ども教室",
            2025,
            date(2025, 7, 29),
            "地域振興部会",
        )
        assert a.participants_total == 26 + 8 + 2
        assert a.plan_action_id == action
        # the same entry twice is linked once
        assert sorted(c.cash_entry_id for c in a.costs) == [e1, e2]
        assert svc.draft_of(a).cash_entry_ids == [e1, e2]


def test_january_to_march_belong_to_the_fiscal_year_before(db):
    activity_id = add(db, starts_on=date(2026, 3, 31))
    with db.Session() as s:
        assert s.get(Activity, activity_id).fiscal_year == 2025


def test_editing_replaces_fields_and_cost_links(db):
    e1, e2, e3 = cash_entries(db, 3)
    activity_id = add(db, cash_entry_ids=[e1, e2])
    with db.session() as s:
        d = svc.draft_of(svc.get_activity(s, activity_id))
        d.title, d.cash_entry_ids, d.starts_on = "ふるさと夏祭り", [e2, e3], date(2026, 4, 2)
        svc.update_activity(s, activity_id, d)
    with db.Session() as s:
        a = s.get(Activity, activity_id)
        assert (a.title, a.fiscal_year) == ("ふるさと夏祭り", 2026)
        assert sorted(c.cash_entry_id for c in a.costs) == [e2, e3]
        assert s.scalar(select(text("count(*)")).select_from(ActivityCost)) == 2


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"starts_on": None}, "starts_on", "実施日を入力"),
        (
            {"ends_on": date(2025, 8, 14)},
            "ends_on",
            "終了日（令和7年8月14日）が実施日（令和7年8月15日）より前",
        ),
        ({"ends_on": date(2026, 9, 1)}, "ends_on", "1年を超えて"),
        ({"title": "   "}, "title", "事業名を入力"),
        ({"title": "あ" * 201}, "title", "200文字以内"),
        ({"field": "観光"}, "field", "活動分野「観光」は一覧"),
        ({"status": "maybe"}, "status", "予定"),
        ({"participants_residents": -1}, "participants_residents", "参加者（住民）は0〜"),
        ({"participants_volunteers": "たくさん"}, "participants_volunteers", "整数"),
        ({"committee_id": 999}, "committee_id", "部会が見つかりません"),
        ({"cash_entry_ids": [0]}, "cash_entry_ids", "出納簿の行"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_nothing_is_written(db, changes, field, words):
    with pytest.raises(ValidationError) as refused, db.session() as s:
        svc.add_activity(s, draft(**changes))
    assert [p.field for p in refused.value.problems] == [field]
    assert words in refused.value.ja
    with db.Session() as s:
        assert s.scalars(select(Activity)).all() == []


def test_a_bad_edit_leaves_the_activity_as_it_was(db):
    activity_id = add(db, title="防災訓練", field="生活安全")
    with pytest.raises(ValidationError), db.session() as s:
        svc.update_activity(s, activity_id, draft(title="", field="生活安全"))
    with db.Session() as s:
        assert s.get(Activity, activity_id).title == "防災訓練"


def test_delete_moves_to_the_trash_restore_brings_back_purge_removes(db):
    keep = add(db, title="清掃")
    gone = add(db, title="夏祭り")
    with db.session() as s:
        svc.delete_activity(s, gone)
    with db.Session() as s:
        assert [r.title for r in views.list_activities(s, 2025)] == ["清掃"]
        assert [r.title for r in views.list_activities(s, 2025, in_trash=True)] == ["夏祭り"]
        assert [a.id for a in svc.trashed_activities(s)] == [gone]
    with db.session() as s:
        svc.restore_activity(s, gone)
    with db.Session() as s:
        assert len(views.list_activities(s, 2025)) == 2
    with pytest.raises(ValidationError), db.session() as s:
        svc.purge_activity(s, keep)  # not in the trash: refused
    with db.session() as s:
        svc.delete_activity(s, gone)
        svc.purge_activity(s, gone)
    with db.Session() as s:
        assert s.get(Activity, gone) is None and s.get(Activity, keep) is not None


def test_list_by_month_field_committee_status_and_words(db):
    with db.session() as s:
        welfare = committees.add_committee(s, "福祉部会").id
    add(db, starts_on=date(2025, 4, 1), title="総会準備", field="まちづくり")
    add(db, starts_on=date(2025, 7, 10), title="見守り訪問", field="保健福祉", committee_id=welfare)
    # runs from the end of July into August: listed in both months
    add(db, starts_on=date(2025, 7, 30), ends_on=date(2025, 8, 2), title="子ども教室", field="教育")
    add(db, starts_on=date(2026, 3, 31), title="報告会", field="生涯学習", status="planned")
    add(db, starts_on=date(2026, 4, 1), title="翌年度", field="教育")
    with db.Session() as s:
        titles = lambda **kw: [r.title for r in views.list_activities(s, 2025, **kw)]  # noqa: E731
        assert titles() == ["総会準備", "見守り訪問", "子ども教室", "報告会"]
        assert titles(month=7) == ["見守り訪問", "子ども教室"]
        assert titles(month=8) == ["子ども教室"]
        assert titles(month=3) == ["報告会"]  # March 2026 is in FY2025
        assert titles(month=5) == []
        assert titles(field="保健福祉") == ["見守り訪問"]
        assert titles(committee_id=welfare) == ["見守り訪問"]
        assert titles(status="planned") == ["報告会"]
        assert titles(query="ﾄﾞﾓ") == ["子ども教室"]  # half-width ﾄﾞﾓ folds to ども
        assert titles(query="見守り") == ["見守り訪問"]
        assert views.activity_years(s) == [2026, 2025]
        days = views.activity_days(s, 2025)
        # the class runs four days: 30, 31 July, 1, 2 August
        assert [d for d, ids in days.items() if len(ids) and d.month in (7, 8) and d.day != 10] == [
            date(2025, 7, 30),
            date(2025, 7, 31),
            date(2025, 8, 1),
            date(2025, 8, 2),
        ]
        with pytest.raises(ValidationError):
            views.list_activities(s, 2025, month=13)


def test_month_bounds_january_is_in_the_next_calendar_year():
    assert views.month_bounds(2025, 1) == (date(2026, 1, 1), date(2026, 1, 31))
    assert views.month_bounds(2027, 2) == (date(2028, 2, 1), date(2028, 2, 29))  # 2028 is a leap year
    assert views.month_bounds(2025, 12) == (date(2025, 12, 1), date(2025, 12, 31))


def test_copy_recurring_moves_dates_a_year_handles_29_february_and_copies_once(db):
    with db.session() as s:
        env = committees.add_committee(s, "環境部会").id
    add(
        db,
        starts_on=date(2024, 2, 29),  # FY2023, a leap day
        title="竹炭窯出し",
        field="コミュニティビジネス",
        recurring=True,
        participants_residents=9,
        outcome="120kg",
        partners="山口県立大学",
    )
    add(
        db,
        starts_on=date(2023, 5, 25),
        ends_on=date(2023, 5, 26),
        title="一斉清掃",
        field="環境保全",
        committee_id=env,
        recurring=True,
        cash_entry_ids=cash_entries(db, 1),
    )
    add(db, starts_on=date(2023, 6, 1), title="一度きり", field="教育")
    add(db, starts_on=date(2022, 6, 1), title="前々年度", field="教育", recurring=True)
    with db.Session() as s:
        assert [a.title for a in svc.recurring_to_copy(s, 2024)] == ["一斉清掃", "竹炭窯出し"]
    with db.session() as s:
        made = svc.copy_recurring(s, 2024)
        assert len(made) == 2
    with db.Session() as s:
        rows = {r.title: r for r in views.list_activities(s, 2024)}
        assert set(rows) == {"一斉清掃", "竹炭窯出し"}
        kiln = rows["竹炭窯出し"]
        # 2024-02-29 + one year: 2025 has no 29 February, so 28 February (still FY2024)
        assert (kiln.starts_on, kiln.fiscal_year) == (date(2025, 2, 28), 2024)
        assert (kiln.status, kiln.participants, kiln.outcome, kiln.recurring) == ("planned", 0, "", True)
        clean = s.get(Activity, rows["一斉清掃"].id)
        assert (clean.starts_on, clean.ends_on, clean.committee_id) == (
            date(2024, 5, 25),
            date(2024, 5, 26),
            env,
        )
        assert clean.costs == [] and clean.copied_from_id is not None
        assert s.get(Activity, kiln.id).partners == "山口県立大学"
    with db.session() as s:
        assert svc.copy_recurring(s, 2024) == []  # already copied: nothing twice
    with db.session() as s:
        # a year later the copies are copied on; 28 February stays 28 February
        made = svc.copy_recurring(s, 2025)
        assert sorted(a.starts_on for a in made) == [date(2025, 5, 25), date(2026, 2, 28)]


def test_shift_years():
    assert svc.shift_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert svc.shift_years(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert svc.shift_years(date(2025, 3, 1), 1) == date(2026, 3, 1)


def test_participant_totals_by_field_and_committee_worked_by_hand(db):
    with db.session() as s:
        welfare = committees.add_committee(s, "福祉部会").id
        env = committees.add_committee(s, "環境部会").id
    add(db, field="保健福祉", committee_id=welfare, participants_residents=48, participants_volunteers=14,
        participants_partners=2)  # fmt: skip
    add(db, field="保健福祉", committee_id=welfare, participants_residents=47, participants_volunteers=13,
        participants_partners=2)  # fmt: skip
    add(db, field="環境保全", committee_id=env, participants_residents=182, participants_volunteers=24)
    add(db, field="環境保全", participants_residents=10, participants_volunteers=1, participants_partners=1)
    add(db, field="まちづくり", participants_residents=999, status="planned")  # not held: not counted
    with db.Session() as s:
        groups, grand = views.participant_totals(s, 2025)
        # plan order: 保健福祉 before 環境保全
        assert [(g.label, g.activities, g.residents, g.volunteers, g.partners, g.total) for g in groups] == [
            ("保健福祉", 2, 48 + 47, 14 + 13, 2 + 2, 95 + 27 + 4),  # 126
            ("環境保全", 2, 182 + 10, 24 + 1, 0 + 1, 192 + 25 + 1),  # 218
        ]
        assert (grand.activities, grand.total) == (4, 126 + 218)  # 344
        groups, grand = views.participant_totals(s, 2025, by="committee")
        assert [(g.label, g.total) for g in groups] == [
            ("福祉部会", 126),
            ("環境部会", 182 + 24),  # 206
            ("（部会なし）", 10 + 1 + 1),  # 12
        ]
        assert grand.total == 344


def test_checks_find_bad_dates_and_past_plans(db):
    from nagato_desk.services.check import run_checks

    add(db, starts_on=date(2024, 6, 1), title="昔の予定", status="planned")
    bad = add(db, starts_on=date(2025, 6, 1), title="逆さ", ends_on=date(2025, 6, 2))
    with db.session() as s:  # only possible by editing the file outside the program
        s.execute(text("UPDATE activity SET ends_on = '2025-05-30' WHERE id = :i"), {"i": bad})
    report = run_checks(db)
    texts = [(f.severity, f.ja) for f in report.findings]
    assert ("error", "事業「逆さ」（令和7年6月1日）：終了日が実施日より前です。") in texts
    assert any(sev == "warning" and "2024年度の事業1件が「予定」のまま" in ja for sev, ja in texts)
    assert ("事業の実施日と終了日", "activity dates") in report.checked


def test_a_plan_of_this_year_is_not_a_warning(db):
    today = date.today()
    with db.session() as s:
        svc.add_activity(s, draft(starts_on=today, status="planned"))
    with db.Session() as s:
        assert list(svc.check_stale_plans(s, today)) == []


def test_links_to_records_that_do_not_exist_are_refused(db):
    with pytest.raises(ValidationError) as err:
        add(db, plan_action_id=404, cash_entry_ids=[777])
    assert sorted(p.field for p in err.value.problems) == ["cash_entry_ids", "plan_action_id"]
    assert "出納簿の行（777番）が見つかりません" in str(err.value)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Activity)) == 0
