"""ロードマップ tab: the colour and state of each cell for a known plan, the legend's counts, and
planning a year from the grid."""

from __future__ import annotations

import test_plan_data
from PySide6.QtCore import Qt
from test_plan_data import TODAY, current_view, make_plan

from nagato_desk.gui.roadmap_tab import FIXED, GoalLine, RoadmapTab
from nagato_desk.services import plan_actions as actions_service

plan_qt = test_plan_data.plan_qt  # the fixture: widgets deleted after each test


def make_tab(plan_qt, db, ids):
    tab = RoadmapTab(db, "wareki", "ja")
    plan_qt.addWidget(tab)
    tab.today = TODAY  # FY2026 is the current year
    tab.set_view(current_view(db, ids))
    tab.refresh()
    return tab


def row_of(tab, title: str) -> int:
    return next(
        i for i, line in enumerate(tab.model.lines) if not isinstance(line, GoalLine) and line.title == title
    )


def colour(tab, row: int, fy: int) -> str:
    index = tab.model.index(row, FIXED + fy - 2023)
    return tab.model.data(index, Qt.ItemDataRole.BackgroundRole).color().name()


def test_cells_are_coloured_by_state(app, db, plan_qt):
    ids = make_plan(db)
    tab = make_tab(plan_qt, db, ids)
    # goal line, action, goal line, action
    assert [type(line).__name__ for line in tab.model.lines] == ["GoalLine", "RoadmapRow"] * 2
    assert tab.model.headerData(FIXED, Qt.Orientation.Horizontal) == "R5"  # FY2023 = 令和5
    # FY2026 (令和8) is the current year: its column says so
    assert tab.model.headerData(FIXED + 3, Qt.Orientation.Horizontal) == "R8\n今年度"
    watch, drill = row_of(tab, "見守り訪問"), row_of(tab, "防災訓練")
    # 見守り訪問 planned 2023–2025, 2023 完了: 2023 done; 2024 and 2025 are over and not done → late;
    # 2026 onwards not planned
    assert [tab.model.state_at(watch, FIXED + i) for i in range(4)] == ["done", "late", "late", "none"]
    # 防災訓練 planned 2024 and 2026, 2025 完了 without being planned: 2024 late, 2025 done, 2026
    # (the current year) planned, 2027 not planned
    assert [tab.model.state_at(drill, FIXED + i) for i in range(1, 5)] == ["late", "done", "planned", "none"]
    assert colour(tab, watch, 2023) == "#b9e4c4"  # green: done
    assert colour(tab, watch, 2024) == "#f7c6a8"  # orange: late
    assert colour(tab, drill, 2026) == "#cfe3f5"  # blue: planned
    assert colour(tab, drill, 2027) == "#ffffff"  # white: not planned
    assert tab.model.data(tab.model.index(watch, FIXED), Qt.ItemDataRole.DisplayRole) == "A"  # the rating
    # legend: planned 1 (drill 2026), done 2 (watch 2023, drill 2025), late 3 (watch 2024, 2025, drill 2024)
    assert tab.legend_labels["planned"].text().endswith("（1）")
    assert tab.legend_labels["done"].text().endswith("（2）")
    assert tab.legend_labels["late"].text().endswith("（3）")


def test_double_click_plans_or_unplans_a_year(app, db, plan_qt):
    ids = make_plan(db)
    tab = make_tab(plan_qt, db, ids)
    drill = row_of(tab, "防災訓練")
    tab.table.setCurrentIndex(tab.model.index(drill, FIXED + 2028 - 2023))
    tab.toggle_button.click()
    with db.Session() as session:
        assert actions_service.action_years(actions_service.get_action(session, ids.drill)) == [
            2024,
            2026,
            2028,
        ]
    assert tab.model.state_at(drill, FIXED + 2028 - 2023) == "planned"
    tab.toggle(tab.model.index(drill, FIXED + 2024 - 2023))
    with db.Session() as session:
        assert actions_service.action_years(actions_service.get_action(session, ids.drill)) == [2026, 2028]
