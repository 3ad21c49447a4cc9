"""The home page: profile, figures per 自治会 with the total, year switch, export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from nagato_desk.dates import fiscal_year_of
from nagato_desk.gui.figures_model import (
    COL_AGED,
    COL_HOUSEHOLDS,
    COL_NAME,
    COL_POPULATION,
    COL_RATE,
    FiguresModel,
)
from nagato_desk.gui.pages.home import HomePage
from nagato_desk.services.associations import figures_table
from nagato_desk.settings import Settings


def _cells(model, row):
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_figures_model_passes_modeltester(app, demo, qtmodeltester):
    model = FiguresModel()
    with demo.Session() as session:
        model.set_table(figures_table(session))
    qtmodeltester.check(model)
    model.set_table(None)
    qtmodeltester.check(model)


def test_home_shows_profile_and_totals(app, demo, qtbot):
    page = HomePage(demo, Settings(), "ja")
    qtbot.addWidget(page)
    page.refresh()
    assert page.title.text() == "宇津賀地区まちづくり協議会（デモ）"
    from nagato_desk.services.officers import officers_as_of

    with demo.Session() as session:  # the demo's representative is its current 会長
        chair = next(r.name for r in officers_as_of(session, date.today()) if r.role == "会長")
    assert page.profile_labels["representative"].text() == chair
    model = page.model
    assert model.rowCount() == 6  # five 自治会 and the total
    # The plan's figures for 宇津賀: 374 households, 761 people, 424 aged 65+; 424/761 = 55.716…%.
    assert _cells(model, 5) == ["合計", "374", "761", "424", "55.72%"]
    # 東浜: 98 / 185 = 0.52972… → 52.97%
    assert _cells(model, 0) == ["東浜自治会", "92", "185", "98", "52.97%"]
    assert model.index(5, COL_NAME).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, COL_HOUSEHOLDS).data(Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight
    )
    headers = [
        model.headerData(c, Qt.Orientation.Horizontal)
        for c in (COL_NAME, COL_HOUSEHOLDS, COL_POPULATION, COL_AGED, COL_RATE)
    ]
    assert headers == ["自治会", "世帯数", "人口", "65歳以上", "高齢化率"]
    fy = fiscal_year_of(date.today())
    # 令和 years: FY2026 is 令和8年度 (2026 - 2018).
    assert page.year_combo.currentText() == f"令和{fy - 2018}年度"
    assert page.as_of.text() == f"令和{fy - 2018}年4月1日現在"


def test_switching_year_shows_that_years_figures(app, demo, qtbot):
    page = HomePage(demo, Settings(), "ja")
    qtbot.addWidget(page)
    page.refresh()
    page.year_combo.setCurrentIndex(2)  # two years ago: 384 households, 806 people, 418 aged 65+
    assert _cells(page.model, 5)[:4] == ["合計", "384", "806", "418"]
    # 418 / 806 = 0.518610… → 51.86%
    assert _cells(page.model, 5)[4] == "51.86%"


def test_seireki_setting_changes_dates(app, demo, qtbot):
    page = HomePage(demo, Settings(date_style="seireki"), "ja")
    qtbot.addWidget(page)
    page.refresh()
    fy = page.year_combo.currentData()
    assert page.year_combo.currentText() == f"{fy}年度"
    assert page.as_of.text() == f"{fy}年4月1日現在"


def test_export_pdf_runs_in_background_and_writes_file(app, demo, qtbot, tmp_path: Path):
    page = HomePage(demo, Settings(), "ja")
    qtbot.addWidget(page)
    page.refresh()
    out = tmp_path / "profile.pdf"
    with qtbot.waitSignal(page.exported, timeout=30_000) as blocker:
        page.export("pdf", out)
    assert blocker.args == [str(out)]
    assert out.read_bytes().startswith(b"%PDF")


def test_empty_council_shows_hint_instead_of_table(app, tmp_path, qtbot):
    from nagato_desk.database import open_database
    from nagato_desk.services.council import CouncilDraft, create_council

    with open_database(tmp_path / "new.db", create=True) as db:
        with db.session() as session:
            create_council(session, CouncilDraft(name="テスト協議会"))
        page = HomePage(db, Settings(), "ja")
        qtbot.addWidget(page)
        page.refresh()
        page.show()
        assert page.empty.isVisible() and not page.table.isVisible()
        assert page.model.rowCount() == 0
        assert page.profile_labels["representative"].text() == "—"
