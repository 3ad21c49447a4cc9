"""進捗 tab: the progress of the known plan by goal, by field and by committee, up to a chosen year."""

from __future__ import annotations

import test_plan_data
from test_plan_data import TODAY, current_view, make_plan

from nagato_desk.gui.plan_progress_tab import PlanProgressTab

plan_qt = test_plan_data.plan_qt  # the fixture: widgets deleted after each test


def cells(model) -> list[list[str]]:
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())
    ]


def test_progress_by_goal_field_and_committee(app, db, plan_qt):
    ids = make_plan(db)
    tab = PlanProgressTab(db, "wareki", "ja")
    plan_qt.addWidget(tab)
    tab.today = TODAY  # FY2026 now
    tab.set_view(current_view(db, ids))
    assert tab.year.currentData() == 2025  # the year just ended
    tab.refresh()
    # up to FY2025. 見守り訪問 planned 2023–2025: 3 planned years, 2023 完了 → done 1, 2024 and 2025
    # late → 2; rate 1 ÷ 3 = 33.3%. 防災訓練 planned 2024 (late) and 2026 (after the year): 1 planned,
    # 0 done (its 2025 完了 was not planned), 1 late, rate 0.0%; evaluated in FY2025 once, rating B.
    assert cells(tab.models["goal"]) == [
        ["高齢者の見守り", "1", "3", "1", "2", "33.3%", "0", "0/0/0/0"],
        ["防災", "1", "1", "0", "1", "0.0%", "1", "0/1/0/0"],
        # total: 4 planned, 1 done (25.0%), 3 late
        ["合計", "2", "4", "1", "3", "25.0%", "1", "0/1/0/0"],
    ]
    assert [row[0] for row in cells(tab.models["field"])] == ["保健福祉", "生活安全", "合計"]
    assert [row[0] for row in cells(tab.models["committee"])] == ["福祉部会", "防災部会", "合計"]
    assert "25.0%" in tab.total.text() and "遅れ3年" in tab.total.text()

    tab.set_fiscal_year(2023)  # only FY2023: 見守り訪問 planned and done
    assert cells(tab.models["goal"])[-1][:6] == ["合計", "2", "1", "1", "0", "100.0%"]
