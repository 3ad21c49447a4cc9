"""指標 tab: add an indicator through its dialog, type targets and actuals into the year table, see
the achievement rate and the chart's data; bad numbers are refused."""

from __future__ import annotations

from decimal import Decimal

import test_plan_data
from qt_helpers import click_ok, fake_exec, type_text
from test_plan_data import current_view, make_plan

from nagato_desk.gui.indicator_dialog import IndicatorDialog
from nagato_desk.gui.indicator_tab import ACTUAL_COL, RATE_COL, TARGET_COL, IndicatorTab
from nagato_desk.services import indicators as indicators_service

plan_qt = test_plan_data.plan_qt  # the fixture: widgets deleted after each test


def make_tab(plan_qt, db, ids):
    tab = IndicatorTab(db, "wareki", "ja")
    plan_qt.addWidget(tab)
    tab.set_view(current_view(db, ids))
    tab.resize(1100, 650)
    tab.show()
    tab.refresh()
    return tab


def add_indicator(tab, monkeypatch, ids, *, direction="up", final="200"):
    def fill(dialog: IndicatorDialog):
        type_text(dialog.name, "見守り協力員")
        type_text(dialog.unit, "人")
        dialog.direction.setCurrentIndex(dialog.direction.findData(direction))
        dialog.baseline.setText("100")
        dialog.baseline_year.setCurrentIndex(dialog.baseline_year.findData(2022))
        dialog.final_target.setText(final)
        dialog.owner.setCurrentIndex(dialog.owner.findData(f"action:{ids.watch}"))
        click_ok(dialog)

    fake_exec(monkeypatch, IndicatorDialog, fill)
    tab.add_button.click()


def year_row(tab, fy: int) -> int:
    return fy - 2023


def test_add_an_indicator_and_record_an_actual(app, db, plan_qt, monkeypatch, no_dialogs):
    ids = make_plan(db)
    tab = make_tab(plan_qt, db, ids)
    assert tab.indicator_ids() == []
    add_indicator(tab, monkeypatch, ids)
    assert no_dialogs == []
    (indicator_id,) = tab.indicator_ids()
    with db.Session() as session:
        ind = indicators_service.get_indicator(session, indicator_id)
        assert (ind.name, ind.unit, ind.direction, ind.action_id) == ("見守り協力員", "人", "up", ids.watch)
        assert (ind.baseline_value, ind.baseline_year, ind.final_target) == (100, 2022, 200)
    assert "見守り訪問" in tab.list.item(0, 0).toolTip()  # what it measures
    assert tab.values.rowCount() == 10  # one row per fiscal year of the period

    row = year_row(tab, 2024)
    tab.values.item(row, ACTUAL_COL).setText("150")  # as typed in the cell
    tab.values.item(row, TARGET_COL).setText("160")
    with db.Session() as session:
        ind = indicators_service.get_indicator(session, indicator_id)
        assert indicators_service.actual_for(ind, 2024) == Decimal(150)
        assert indicators_service.target_for(ind, 2024) == (Decimal(160), False)
    # 2024: (actual − baseline) ÷ (target − baseline) = (150 − 100) ÷ (160 − 100) = 83.33… → 83.3%
    assert tab.values.item(row, RATE_COL).text() == "83.3%"
    # the list: latest actual 150 against the final target: (150 − 100) ÷ (200 − 100) = 50.0%
    # (only when FY2024 is not after the current year, which the tab uses as "up to")
    assert tab.list.item(0, 4).text() == "50.0%"
    chart = tab.chart.data
    assert chart.actuals == [(2024, Decimal(150))]
    assert chart.baseline == (2022, Decimal(100))
    assert (2024, Decimal(160)) in chart.targets and (2032, Decimal(200)) in chart.targets
    assert chart.years[0] == 2022  # the baseline year is before the period: the axis starts there
    assert not tab.chart.grab().isNull()  # draws without error

    tab.values.item(row, ACTUAL_COL).setText("")  # empty clears
    with db.Session() as session:
        assert (
            indicators_service.actual_for(indicators_service.get_indicator(session, indicator_id), 2024)
            is None
        )
    assert tab.values.item(row, RATE_COL).text() == ""  # no actual: no rate (not 0%)


def test_lower_is_better_rate(app, db, plan_qt, monkeypatch, no_dialogs):
    ids = make_plan(db)
    tab = make_tab(plan_qt, db, ids)
    add_indicator(tab, monkeypatch, ids, direction="down", final="60")  # from 100 down to 60
    row = year_row(tab, 2023)
    tab.values.item(row, ACTUAL_COL).setText("80")
    # lower is better, no target of its own for FY2023 so the final target applies:
    # (baseline − actual) ÷ (baseline − target) = (100 − 80) ÷ (100 − 60) = 20 ÷ 40 = 50.0%
    assert tab.values.item(row, RATE_COL).text() == "50.0%"
    tab.values.item(row, ACTUAL_COL).setText("110")  # worse than the baseline
    # (100 − 110) ÷ 40 = −25.0%
    assert tab.values.item(row, RATE_COL).text() == "-25.0%"


def test_a_value_that_is_not_a_number_is_refused(app, db, plan_qt, monkeypatch, no_dialogs):
    ids = make_plan(db)
    tab = make_tab(plan_qt, db, ids)
    add_indicator(tab, monkeypatch, ids)
    row = year_row(tab, 2025)
    tab.values.item(row, ACTUAL_COL).setText("たくさん")
    assert no_dialogs[-1][0] == "warning" and "数値" in no_dialogs[-1][1]
    with db.Session() as session:
        assert indicators_service.get_indicator(session, tab.indicator_ids()[0]).values == []
    assert tab.values.item(row, ACTUAL_COL).text() == ""  # the table shows what is saved


def test_indicator_dialog_refuses_a_missing_name(app, db, plan_qt, monkeypatch, no_dialogs):
    ids = make_plan(db)
    tab = make_tab(plan_qt, db, ids)

    def fill(dialog: IndicatorDialog):
        click_ok(dialog)
        dialog.reject()

    fake_exec(monkeypatch, IndicatorDialog, fill)
    tab.add_button.click()
    assert no_dialogs[-1][0] == "warning" and "指標名" in no_dialogs[-1][1]
    assert tab.indicator_ids() == []
