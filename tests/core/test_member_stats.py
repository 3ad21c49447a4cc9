"""会員の状況: ages, bands and the figures on a date, worked out by hand for fourteen people.

The people (東 = 東区自治会, 西 = 西区自治会; H1–H5 households; ages on 2026-04-01):

 # name      gender assoc hh  born              age  notes
 1 青木 花子  F      東    H1  1950-05-10         75   on 福祉 and 環境; 会長 until 2026-03-31
 2 青木 一郎  M      東    H1  1948-04-01         78   (birthday that day) 会長 from 2026-04-01
 3 伊藤 美咲  F      東    H2  1990-04-02         35   副会長 and 会計 (counted once)
 4 伊藤 健    M      東    H2  2015-12-01         10   joins 環境 on 2026-04-02
 5 上田 翔    M      東    H2  2011-04-01         15   (14 the day before) 役員
 6 江口 和子  F      東    H3  year 1961          64   (65 from 1 July) left 福祉 on 2026-04-01
 7 太田 進    M      西    H4  1952-03-31         74   監事 from 2026-04-02; on a trashed committee
 8 加藤 由美  F      西    H4  1987-04-01         39   事務局長 until 2026-04-01 (that day included)
 9 木村 拓    X      西    H5  1986-04-01         40   役員; on 環境
10 久保 薫    —      西    —   —                  ?
11 小林 愛    F      東    H3  1980-01-01         46   joined the council on 2026-04-02
12 佐藤 勇    M      西    H5  1970-06-15         55   left on 2026-04-01 (status withdrawn)
13 鈴木 舞    F      —     —   2000-01-01         26   leaves 2026-04-02 (status already moved); joins 福祉 2026-04-01
14 高橋 消子  F      東    H1  1970-01-01         56   in the trash; 顧問
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from nagato_desk.models import CommitteeMembership, Household, Member, OfficerTerm
from nagato_desk.reading import sort_key_text
from nagato_desk.services import member_stats as ms
from nagato_desk.services.associations import AssociationDraft, list_associations
from nagato_desk.services.committees import add_committee, delete_committee
from nagato_desk.services.council import CouncilDraft, create_council
from nagato_desk.services.officers import role_by_name

D = date
BANDS = ("0〜14歳", "15〜39歳", "40〜64歳", "65〜74歳", "75歳以上", "年齢不明")


def bands(*counts: int) -> dict[str, int]:
    return dict(zip(BANDS, counts, strict=True))


# -- ages ----------------------------------------------------------------------------------


def test_member_age_from_birth_date():
    assert ms.member_age(D(1950, 5, 10), None, D(2026, 4, 1)) == 75
    assert ms.member_age(D(1948, 4, 1), None, D(2026, 4, 1)) == 78
    assert ms.member_age(D(2026, 4, 2), None, D(2026, 4, 1)) is None  # not yet born
    assert ms.member_age(D(1950, 5, 10), 1900, D(2026, 4, 1)) == 75  # the date wins over the year


def test_member_age_from_birth_year_assumes_1_july():
    assert ms.member_age(None, 1961, D(2026, 6, 30)) == 64
    assert ms.member_age(None, 1961, D(2026, 7, 1)) == 65
    assert ms.member_age(None, 2026, D(2026, 4, 1)) is None
    assert ms.member_age(None, 2026, D(2026, 7, 1)) == 0
    assert ms.member_age(None, None, D(2026, 7, 1)) is None


def test_age_bands_edges():
    assert [ms.age_band(a) for a in (0, 14, 15, 39, 40, 64, 65, 74, 75, 104, None)] == [
        "0〜14歳",
        "0〜14歳",
        "15〜39歳",
        "15〜39歳",
        "40〜64歳",
        "40〜64歳",
        "65〜74歳",
        "65〜74歳",
        "75歳以上",
        "75歳以上",
        "年齢不明",
    ]
    assert ms.BAND_LABELS == BANDS


def test_default_as_of_is_1_april_of_the_fiscal_year():
    assert ms.default_as_of(D(2026, 3, 31)) == D(2025, 4, 1)
    assert ms.default_as_of(D(2026, 4, 1)) == D(2026, 4, 1)
    assert ms.default_as_of(D(2027, 1, 15)) == D(2026, 4, 1)


# -- the figures ---------------------------------------------------------------------------


@pytest.fixture
def session(db):
    with db.Session() as s:
        s.begin()
        create_council(
            s,
            CouncilDraft(name="テスト協議会"),
            [AssociationDraft("東区自治会"), AssociationDraft("西区自治会")],
        )
        east, west = (a.id for a in list_associations(s))
        hh = []
        for _ in range(5):
            h = Household()
            s.add(h)
            s.flush()
            hh.append(h.id)
        people = [
            ("青木 花子", "F", east, hh[0], D(1950, 5, 10), None, {}),
            ("青木 一郎", "M", east, hh[0], D(1948, 4, 1), None, {}),
            ("伊藤 美咲", "F", east, hh[1], D(1990, 4, 2), None, {}),
            ("伊藤 健", "M", east, hh[1], D(2015, 12, 1), None, {}),
            ("上田 翔", "M", east, hh[1], D(2011, 4, 1), None, {}),
            ("江口 和子", "F", east, hh[2], None, 1961, {}),
            ("太田 進", "M", west, hh[3], D(1952, 3, 31), None, {}),
            ("加藤 由美", "F", west, hh[3], D(1987, 4, 1), None, {}),
            ("木村 拓", "X", west, hh[4], D(1986, 4, 1), None, {}),
            ("久保 薫", "", west, None, None, None, {}),
            ("小林 愛", "F", east, hh[2], D(1980, 1, 1), None, {"joined_on": D(2026, 4, 2)}),
            (
                "佐藤 勇",
                "M",
                west,
                hh[4],
                D(1970, 6, 15),
                None,
                {"left_on": D(2026, 4, 1), "status": "withdrawn"},
            ),
            ("鈴木 舞", "F", None, None, D(2000, 1, 1), None, {"left_on": D(2026, 4, 2), "status": "moved"}),
            ("高橋 消子", "F", east, hh[0], D(1970, 1, 1), None, {"deleted_at": datetime(2026, 1, 1)}),
        ]
        m = [None]  # numbered from 1 as in the table above
        for number, (name, gender, assoc, household, born, year, extra) in enumerate(people, start=1):
            member = Member(
                name=name,
                reading=f"かいいん{number:02d}",
                reading_key=sort_key_text(f"かいいん{number:02d}"),
                gender=gender,
                association_id=assoc,
                household_id=household,
                birth_date=born,
                birth_year=year,
                **extra,
            )
            s.add(member)
            s.flush()
            m.append(member.id)

        def term(n, role, start, end=None):
            s.add(OfficerTerm(member_id=m[n], role_id=role_by_name(s, role).id, starts_on=start, ends_on=end))

        term(1, "会長", D(2024, 4, 1), D(2026, 3, 31))
        term(2, "会長", D(2026, 4, 1))
        term(3, "副会長", D(2024, 4, 1))
        term(3, "会計", D(2024, 4, 1))
        term(5, "役員", D(2026, 4, 1))
        term(7, "監事", D(2026, 4, 2))
        term(8, "事務局長", D(2025, 4, 1), D(2026, 4, 1))
        term(9, "役員", D(2026, 4, 1))
        term(12, "役員", D(2024, 4, 1), D(2026, 3, 31))
        term(14, "顧問", D(2020, 4, 1))
        welfare, env, old = (add_committee(s, n).id for n in ("福祉部会", "環境部会", "旧部会"))

        def sit(n, committee, joined=None, left=None):
            s.add(CommitteeMembership(committee_id=committee, member_id=m[n], joined_on=joined, left_on=left))

        sit(1, welfare)
        sit(6, welfare, D(2025, 4, 1), D(2026, 4, 1))
        sit(13, welfare, D(2026, 4, 1))
        sit(1, env)
        sit(4, env, D(2026, 4, 2))
        sit(9, env)
        sit(7, old)
        delete_committee(s, old)
        s.flush()
        yield s
        s.rollback()


def test_figures_on_1_april(session):
    f = ms.member_figures(session, D(2026, 4, 1))
    assert f.as_of == D(2026, 4, 1)
    east, west = f.by_association
    assert east == ms.GroupFigures("東区自治会", 6, 3, 3, 3, 0, bands(1, 2, 1, 0, 2, 0), 3)
    assert west == ms.GroupFigures("西区自治会", 4, 2, 1, 1, 2, bands(0, 1, 1, 1, 0, 1), 1)
    assert f.unassigned == ms.GroupFigures("所属自治会なし", 1, 0, 1, 0, 0, bands(0, 1, 0, 0, 0, 0), 1)
    assert f.total == ms.GroupFigures("合計", 11, 5, 5, 4, 2, bands(1, 4, 2, 1, 2, 1), 5)
    # officers on the day: 2 (会長 from that day), 3 (two roles, once), 5, 8 (last day), 9
    assert f.officers == ms.GroupFigures("役員", 5, 4, 2, 2, 1, bands(0, 3, 1, 0, 1, 0), 3)
    assert f.women_share_officers == Decimal("40.00")  # 2 of 5
    assert f.under_40_share_officers == Decimal("60.00")  # 3, 5, 8 (9 is exactly 40)
    # committee members: 1 (on two, once), 9, 13 (joins that day); not 6 (left that day), 4, 7 (trashed 部会)
    assert f.committee_members == ms.GroupFigures("部会員", 3, 2, 2, 0, 1, bands(0, 1, 1, 0, 1, 0), 1)
    assert f.women_share_committees == Decimal("66.67")  # 2 / 3 rounded half up
    assert f.under_40_share_committees == Decimal("33.33")


def test_figures_the_day_before(session):
    f = ms.member_figures(session, D(2026, 3, 31))
    east, west = f.by_association
    # 上田 翔 is still 14; 佐藤 勇 (leaves the next day) still counts
    assert east == ms.GroupFigures("東区自治会", 6, 3, 3, 3, 0, bands(2, 1, 1, 0, 2, 0), 3)
    assert west == ms.GroupFigures("西区自治会", 5, 2, 1, 2, 2, bands(0, 2, 1, 1, 0, 1), 2)
    assert f.total == ms.GroupFigures("合計", 12, 5, 5, 5, 2, bands(2, 4, 2, 1, 2, 1), 6)
    # officers: 1 (会長), 3, 8, 12 (役員 until that day; not yet gone)
    assert (f.officers.members, f.officers.women, f.officers.under_40) == (4, 3, 2)
    assert (f.women_share_officers, f.under_40_share_officers) == (Decimal("75.00"), Decimal("50.00"))
    # committee members: 1 and 6 (on 福祉 until the next day), 9
    assert (f.committee_members.members, f.committee_members.women) == (3, 2)


def test_figures_in_july_after_joins_and_leaves(session):
    f = ms.member_figures(session, D(2026, 7, 1))
    east, west = f.by_association
    # 小林 愛 has joined (household H3 already counted); 江口 和子 is 65 from 1 July
    assert east == ms.GroupFigures("東区自治会", 7, 3, 4, 3, 0, bands(1, 2, 1, 1, 2, 0), 3)
    assert west.members == 4
    assert f.unassigned is None  # 鈴木 舞 has left
    assert f.total.members == 11
    # officers: 2, 3, 5, 7 (監事 from 2 April), 9; 8's term ended on 1 April
    assert (f.officers.members, f.officers.women, f.officers.under_40) == (5, 1, 2)
    assert f.committee_members.members == 4  # 1, 4 (joined 環境 on 2 April), 9, 13 (the 部会 roll says so)


def test_empty_database_has_no_shares(db):
    with db.Session() as s:
        f = ms.member_figures(s, D(2026, 4, 1))
    assert f.by_association == [] and f.unassigned is None
    assert f.total == ms.GroupFigures("合計", 0, 0, 0, 0, 0, bands(0, 0, 0, 0, 0, 0), 0)
    assert f.women_share_officers is None and f.under_40_share_committees is None
