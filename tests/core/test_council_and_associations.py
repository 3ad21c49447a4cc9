"""The council service: registering the council and its 自治会, yearly figures, the figures table, the demo."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from nagato_desk.errors import ValidationError
from nagato_desk.models import AssociationFigure, Council, NeighbourhoodAssociation
from nagato_desk.services import associations as asv
from nagato_desk.services import council as cs
from nagato_desk.services.associations import AssociationDraft, FiguresDraft
from nagato_desk.services.council import CouncilDraft
from nagato_desk.services.demo import DEMO_COUNCIL_NAME, write_demo


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def names(session) -> list[str]:
    return [a.name for a in asv.list_associations(session)]


@pytest.fixture
def session(db):
    with db.Session() as s:
        s.begin()
        yield s
        s.rollback()


@pytest.fixture
def council(session):
    return cs.create_council(
        session,
        CouncilDraft(name="  向津具地区まちづくり協議会 ", representative="山本 一郎", phone="0837-00-1111"),
        [
            AssociationDraft("久津自治会", "くづじちかい", {2026: FiguresDraft(50, 120, 60)}),
            AssociationDraft("大浦自治会", "おおうらじちかい", {2026: FiguresDraft(40, 90, 50)}),
        ],
    )


def test_create_council_with_associations(session, council):
    assert council.name == "向津具地区まちづくり協議会"  # trimmed
    assert names(session) == ["久津自治会", "大浦自治会"]
    assert count(session, AssociationFigure) == 2
    fig = session.scalars(select(AssociationFigure).order_by(AssociationFigure.id)).first()
    assert fig.as_of == date(2026, 4, 1)


BAD_COUNCILS = [
    (CouncilDraft(name=""), [], "協議会の名称を入力"),
    (CouncilDraft(name="　 "), [], "協議会の名称を入力"),
    (CouncilDraft(name="協" * 201), [], "200文字以内"),
    (CouncilDraft(name="X", phone="なし"), [], "電話番号"),
    (CouncilDraft(name="X", founded_on=date(2999, 1, 1)), [], "未来"),
    (CouncilDraft(name="X"), [AssociationDraft(" ")], "自治会2の名称"),
    (CouncilDraft(name="X"), [AssociationDraft("A"), AssociationDraft("A ")], "重複"),
    (CouncilDraft(name="X"), [AssociationDraft("A" * 101)], "100文字以内"),
    (
        CouncilDraft(name="X"),
        [AssociationDraft("A", figures={2026: FiguresDraft(10, 20, 21)})],
        "65歳以上人口（21人）が人口（20人）",
    ),
    (
        CouncilDraft(name="X"),
        [AssociationDraft("A", figures={2026: FiguresDraft(21, 20, 5)})],
        "世帯数（21）が人口",
    ),
    (
        CouncilDraft(name="X"),
        [AssociationDraft("A", figures={2026: FiguresDraft(-1, 20, 5)})],
        "世帯数は0以上",
    ),
    (CouncilDraft(name="X"), [AssociationDraft("A", figures={2026: FiguresDraft(5, 20.0, 5)})], "人口は整数"),
    (
        CouncilDraft(name="X"),
        [AssociationDraft("A", figures={2026: FiguresDraft(5, 20, "5")})],
        "65歳以上人口は整数",
    ),
    (
        CouncilDraft(name="X"),
        [AssociationDraft("A", figures={2026: FiguresDraft(True, 20, 5)})],
        "世帯数は整数",
    ),
    (
        CouncilDraft(name="X"),
        [AssociationDraft("A", figures={1800: FiguresDraft(5, 20, 5)})],
        "年度 1800 は範囲外",
    ),
]


@pytest.mark.parametrize(("draft", "associations", "message"), BAD_COUNCILS)
def test_create_council_refuses_bad_input_and_writes_nothing(session, draft, associations, message):
    with pytest.raises(ValidationError) as err:
        cs.create_council(session, draft, [AssociationDraft("良い自治会"), *associations])
    assert message in str(err.value)
    # Nothing reached the session: no flush happened before the check failed.
    assert count(session, Council) == 0
    assert count(session, NeighbourhoodAssociation) == 0
    assert count(session, AssociationFigure) == 0


def test_a_second_council_is_refused(session, council):
    with pytest.raises(ValidationError, match="すでに協議会が登録"):
        cs.create_council(session, CouncilDraft(name="別の協議会"))
    assert count(session, Council) == 1


def test_update_council(session, council):
    cs.update_council(
        session, CouncilDraft(name="新しい名称", address=" 長門市 ", founded_on=date(2017, 4, 1))
    )
    fresh = cs.require_council(session)
    assert (fresh.name, fresh.address, fresh.representative) == ("新しい名称", "長門市", "")
    with pytest.raises(ValidationError):
        cs.update_council(session, CouncilDraft(name=""))
    assert cs.require_council(session).name == "新しい名称"


def test_require_council_without_one(session):
    with pytest.raises(ValidationError, match="nagato-desk init"):
        cs.require_council(session)


def test_add_rename_remove_associations(session, council):
    new = asv.add_association(session, " 川尻自治会 ", "かわしりじちかい")
    assert (new.name, new.sort_order) == ("川尻自治会", 3)
    with pytest.raises(ValidationError, match="すでに登録"):
        asv.add_association(session, "久津自治会")
    with pytest.raises(ValidationError, match="名称を入力"):
        asv.add_association(session, "")
    asv.update_association(session, new.id, "川尻自治会", "かわしり")  # its own name is not a clash
    with pytest.raises(ValidationError, match="すでに登録"):
        asv.update_association(session, new.id, "大浦自治会")
    first = asv.list_associations(session)[0]
    asv.remove_association(session, first.id)  # its figures go with it
    assert names(session) == ["大浦自治会", "川尻自治会"]
    assert count(session, AssociationFigure) == 1
    with pytest.raises(ValidationError, match="見つかりません"):
        asv.remove_association(session, first.id)


def test_move_association(session, council):
    third = asv.add_association(session, "川尻自治会")
    asv.move_association(session, third.id, -1)
    assert names(session) == ["久津自治会", "川尻自治会", "大浦自治会"]
    asv.move_association(session, third.id, -5)  # stops at the top
    assert names(session) == ["川尻自治会", "久津自治会", "大浦自治会"]
    asv.move_association(session, third.id, +1)
    assert names(session) == ["久津自治会", "川尻自治会", "大浦自治会"]
    with pytest.raises(ValidationError, match="見つかりません"):
        asv.move_association(session, 9999, 1)


def test_set_figures_inserts_then_corrects(session, council):
    assoc = asv.list_associations(session)[0]
    asv.set_figures(session, assoc.id, 2025, FiguresDraft(51, 125, 58))
    asv.set_figures(session, assoc.id, 2025, FiguresDraft(52, 126, 59), as_of=date(2025, 10, 1))
    rows = session.scalars(
        select(AssociationFigure)
        .where(AssociationFigure.association_id == assoc.id)
        .order_by(AssociationFigure.fiscal_year)
    ).all()
    assert [(r.fiscal_year, r.households, r.population, r.aged_65_plus) for r in rows] == [
        (2025, 52, 126, 59),
        (2026, 50, 120, 60),
    ]
    assert rows[0].as_of == date(2025, 10, 1)
    with pytest.raises(ValidationError, match="範囲外"):
        asv.set_figures(session, assoc.id, 2201, FiguresDraft(1, 1, 1))
    with pytest.raises(ValidationError, match="超えています"):
        asv.set_figures(session, assoc.id, 2025, FiguresDraft(1, 1, 2))
    asv.clear_figures(session, assoc.id, 2025)
    assert asv.figure_years(session) == [2026]


def test_figures_table_with_a_missing_row(session, council):
    asv.add_association(session, "川尻自治会")
    table = asv.figures_table(session)
    assert table.fiscal_year == 2026
    assert table.as_of == date(2026, 4, 1)
    assert [(r.name, r.population) for r in table.rows] == [
        ("久津自治会", 120),
        ("大浦自治会", 90),
        ("川尻自治会", None),
    ]
    # 50+40 households, 120+90 people, 60+50 aged 65+: 110/210 = 52.38095… %
    assert (table.totals.households, table.totals.population, table.totals.aged_65_plus) == (90, 210, 110)
    assert table.totals.ageing_rate == Decimal("52.38")
    assert table.rows[2].ageing_rate is None
    assert asv.figures_table(session, 2019).totals.population is None


# --- the demo ---------------------------------------------------------------------------------
# Hand sums of the numbers in services/demo.py, per fiscal year (this year, last year, the one before):
#   households 92+78+66+71+67 = 374, 93+79+67+72+68 = 379, 94+80+68+73+69 = 384
#   population 185+160+131+143+142 = 761, 189+164+135+147+146 = 781, 194+169+140+152+151 = 806
#   aged 65+   98+92+77+79+78 = 424,  97+92+76+79+78 = 422,  96+91+76+78+77 = 418
#   rate 424/761 = 55.716… %, 422/781 = 54.033… %, 418/806 = 51.861… %
DEMO_TOTALS = {
    0: (374, 761, 424, Decimal("55.72")),
    1: (379, 781, 422, Decimal("54.03")),
    2: (384, 806, 418, Decimal("51.86")),
}


@pytest.mark.parametrize(
    ("today", "fiscal_year"),
    [(date(2027, 2, 10), 2026), (date(2026, 4, 1), 2026), (date(2026, 3, 31), 2025)],
)
def test_demo_years_follow_today(session, today, fiscal_year):
    write_demo(session, today)
    assert asv.figure_years(session) == [fiscal_year, fiscal_year - 1, fiscal_year - 2]
    council = cs.require_council(session)
    assert council.name == DEMO_COUNCIL_NAME
    assert council.founded_on == date(fiscal_year - 9, 4, 1)
    for back, (households, population, aged, ageing_rate) in DEMO_TOTALS.items():
        table = asv.figures_table(session, fiscal_year - back)
        totals = table.totals
        assert (totals.households, totals.population, totals.aged_65_plus) == (households, population, aged)
        assert totals.ageing_rate == ageing_rate
        assert table.as_of == date(fiscal_year - back, 4, 1)
    assert asv.figures_table(session).fiscal_year == fiscal_year  # the latest by default


def test_demo_rows(session):
    write_demo(session, date(2026, 11, 29))
    table = asv.figures_table(session)
    assert [r.name for r in table.rows] == [
        "東浜自治会",
        "西浜自治会",
        "中山自治会",
        "北原自治会",
        "南ヶ丘自治会",
    ]
    first = table.rows[0]
    # 98 / 185 = 52.972… %
    assert (first.households, first.population, first.aged_65_plus, first.ageing_rate) == (
        92,
        185,
        98,
        Decimal("52.97"),
    )


# --- the table the window edits (one year) ----------------------------------------------------


def test_save_association_table_renames_reorders_adds_and_removes(session, council):
    rows = asv.association_rows(session, 2026)
    kuzu, oura = rows
    asv.save_association_table(
        session,
        2026,
        [
            asv.AssociationRow(oura.id, "久津自治会", "", 41, 91, 51),  # the two names swap places
            asv.AssociationRow(None, "川尻自治会", "かわしり", 30, 70, 40),
        ],
        removed_ids=[kuzu.id],
    )
    after = asv.association_rows(session, 2026)
    assert [(r.id, r.name, r.population) for r in after] == [
        (oura.id, "久津自治会", 91),
        (after[1].id, "川尻自治会", 70),
    ]
    assert count(session, NeighbourhoodAssociation) == 2


def test_save_association_table_refuses_bad_rows(session, council):
    rows = asv.association_rows(session, 2026)
    bad = [
        asv.AssociationRow(rows[0].id, "久津自治会", "", 10, None, 5),
        asv.AssociationRow(None, "久津自治会"),
    ]
    with pytest.raises(ValidationError) as err:
        asv.save_association_table(session, 2026, bad)
    assert err.value.problems[0].row == 1 and err.value.problems[1].row == 2
    assert "重複" in err.value.problems[1].ja
    assert [r.population for r in asv.association_rows(session, 2026)] == [120, 90]
