"""会員の状況 tab on the demo council: the figures by 自治会 as of a date typed or chosen with a button,
the officers' and committee members' shares, and the PDF — through the real widgets.

What the demo holds (``services/demo_members.py``): 761 people in 374 households, exactly the 自治会
figures of the current fiscal year (population, households). Everyone aged 9 or more joined on
1 April nine fiscal years ago; the younger ones (aged 3 or 7 in the demo) have no joining date, so
they count on any day. Six adults left during this fiscal year, after 1 April. Officer terms and
committee seats all began within the last few years.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, timedelta

from PySide6.QtCore import Qt
from sqlalchemy import select

from nagato_desk.dates import fiscal_year_of, fiscal_year_start, format_date, format_date_numeric
from nagato_desk.gui.member_stats_tab import MemberStatsTab
from nagato_desk.models import Member
from nagato_desk.services.associations import figures_table
from nagato_desk.services.demo_members import leavers_on
from nagato_desk.services.member_stats import default_as_of

HEADERS = [
    "自治会",
    "会員数",
    "世帯数",
    "女性",
    "男性",
    "その他・不明",
    "0〜14歳",
    "15〜39歳",
    "40〜64歳",
    "65〜74歳",
    "75歳以上",
    "年齢不明",
]
ROLE_HEADERS = ["区分", "人数", "女性", "40歳未満", "女性の割合", "40歳未満の割合"]


def make_tab(qtbot, demo) -> MemberStatsTab:
    tab = MemberStatsTab(demo, "wareki", "ja")
    qtbot.addWidget(tab)
    return tab


def cells(model, row: int) -> list[str]:
    return [model.index(row, col).data() for col in range(model.columnCount())]


def headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def row_named(model, label: str) -> list[str]:
    return next(cells(model, r) for r in range(model.rowCount()) if model.index(r, 0).data() == label)


def type_date(qtbot, tab: MemberStatsTab, day: date) -> None:
    """Type the date as the secretariat would (R8.4.1; ASCII, so QTest can type it) and press Enter."""
    tab.date.edit.clear()
    qtbot.keyClicks(tab.date.edit, format_date_numeric(day, "wareki"))
    qtbot.keyClick(tab.date.edit, Qt.Key.Key_Return)


def test_totals_on_1_april_match_the_association_figures(app, demo, qtbot, qtmodeltester):
    tab = make_tab(qtbot, demo)
    as_of = default_as_of(date.today())
    assert as_of == fiscal_year_start(fiscal_year_of(date.today()))
    assert tab.date.value() == as_of and tab.figures.as_of == as_of
    assert format_date(as_of) in tab.members_title.text()
    assert headers(tab.model) == HEADERS
    assert headers(tab.roles_model) == ROLE_HEADERS
    model = tab.model
    total_row = model.rowCount() - 1
    total = cells(model, total_row)
    assert total[:3] == ["合計", "761", "374"]
    assert model.index(total_row, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None  # only the total is bold
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert all(
        model.index(0, col).data(Qt.ItemDataRole.TextAlignmentRole) == right
        for col in range(1, model.columnCount())
    )
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None
    # every 自治会 line is that 自治会's registered population and households, with thousands grouped
    with demo.Session() as session:
        official = figures_table(session, fiscal_year_of(as_of)).rows
    assert model.rowCount() == len(official) + 1  # everyone in the demo belongs to a 自治会
    for row in official:
        shown = row_named(model, row.name)
        assert shown[1:3] == [f"{row.population:,}", f"{row.households:,}"]
    assert sum(int(row_named(model, r.name)[1]) for r in official) == 761
    # on 1 April the six who left this year are still members; the age bands add up to the total
    assert sum(int(v.replace(",", "")) for v in total[6:]) == 761
    assert int(total[3]) + int(total[4]) + int(total[5]) == 761
    officers, committees = cells(tab.roles_model, 0), cells(tab.roles_model, 1)
    assert officers[0] == "役員" and committees[0] == "部会員"
    assert committees[1] == "48"  # six committees of eight
    for line in (officers, committees):
        assert all(re.fullmatch(r"\d{1,3}\.\d\d%", share) for share in line[4:]), line
    assert "7月1日生まれ" in tab.note.text()
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.roles_model)


def test_before_anyone_joined_only_the_children_without_a_joining_date_count(app, demo, qtbot):
    tab = make_tab(qtbot, demo)
    fy = fiscal_year_of(date.today())
    day = fiscal_year_start(fy - 9) - timedelta(days=1)  # the day before the demo's members joined
    with demo.Session() as session:
        children = session.execute(
            select(Member.household_id, Member.gender).where(
                Member.joined_on.is_(None), Member.deleted_at.is_(None)
            )
        ).all()
    households = {h for h, _g in children}
    assert 0 < len(children) < 761
    type_date(qtbot, tab, day)
    assert tab.figures.as_of == day
    assert format_date(day) in tab.members_title.text()
    total = cells(tab.model, tab.model.rowCount() - 1)
    assert total[:3] == ["合計", str(len(children)), str(len(households))]
    assert total[3:6] == [
        str(sum(g == "F" for _h, g in children)),
        str(sum(g == "M" for _h, g in children)),
        "0",
    ]
    # they were not yet born on that day, so their age is not known; no band has anyone else
    assert total[6:] == ["0", "0", "0", "0", "0", str(len(children))]
    # nobody held office or sat on a committee then: no share can be worked out
    assert cells(tab.roles_model, 0)[1:] == ["0", "0", "0", "—", "—"]
    assert cells(tab.roles_model, 1)[1:] == ["0", "0", "0", "—", "—"]


def test_today_button_leaves_out_those_who_left(app, demo, qtbot):
    tab = make_tab(qtbot, demo)
    qtbot.mouseClick(tab.today_button, Qt.MouseButton.LeftButton)
    assert tab.figures.as_of == date.today()
    assert tab.date.value() == date.today()
    # 761 less the six who left this year (none can have left yet on 1 April itself)
    assert cells(tab.model, tab.model.rowCount() - 1)[1] == str(761 - leavers_on(date.today()))
    qtbot.mouseClick(tab.april_button, Qt.MouseButton.LeftButton)
    assert tab.figures.as_of == default_as_of(date.today())
    assert cells(tab.model, tab.model.rowCount() - 1)[1] == "761"


def test_typing_a_date_follows_without_enter_and_a_bad_date_keeps_the_figures(app, demo, qtbot, no_dialogs):
    tab = make_tab(qtbot, demo)
    shown = tab.figures.as_of
    tab.date.edit.setText("R8.2.30")  # no such day: the hint says so, the figures stay as they were
    qtbot.wait(600)
    assert tab.figures.as_of == shown and tab.date.hint.text() == "日付として読み取れません"
    qtbot.keyClick(tab.date.edit, Qt.Key.Key_Return)
    assert no_dialogs and no_dialogs[-1][0] == "warning" and "存在しない日付" in no_dialogs[-1][1]
    assert tab.save_pdf() is None  # nothing is saved for a date that cannot be read
    tab.date.edit.setText("2020/4/1")
    qtbot.waitUntil(lambda: tab.figures.as_of == date(2020, 4, 1), timeout=3000)


def test_pdf_is_written_for_the_date_chosen(app, demo, qtbot, tmp_path, no_dialogs):
    assert shutil.which("pdftotext"), (
        "poppler-utils is needed to read the PDF (the README's setup installs it)"
    )
    tab = make_tab(qtbot, demo)
    day = date.today()
    qtbot.mouseClick(tab.today_button, Qt.MouseButton.LeftButton)
    out = tmp_path / "会員の状況.pdf"
    job = tab.save_pdf(out)
    assert job is not None and not tab.pdf_button.isEnabled()
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    assert out.read_bytes().startswith(b"%PDF")
    assert tab.pdf_button.isEnabled()
    assert no_dialogs[-1][0] == "information" and str(out) in no_dialogs[-1][1]
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "会員の状況" in text and f"{format_date(day)}現在" in text
    assert re.search(rf"合計\s+{761 - leavers_on(day)}\s", text)


def test_suggested_file_name(app, demo, qtbot):
    tab = make_tab(qtbot, demo)
    assert tab.suggested_name() == f"会員の状況_{default_as_of(date.today()):%Y%m%d}.pdf"


def test_tab_on_the_members_page_shows_whole_in_the_window(app, demo, qtbot, tmp_path):
    """After 団体, and at the window size of the guide's screenshots nothing is cut off or scrolled."""
    from nagato_desk.gui.main_window import MainWindow
    from nagato_desk.gui.screenshots import WINDOW_SIZE
    from nagato_desk.settings import Settings

    window = MainWindow(demo, Settings(), None, "ja")
    qtbot.addWidget(window)
    window.resize(*WINDOW_SIZE)
    window.show_page([key for key, _page in window.sections].index("members"))
    page = window.members
    keys = [key for key, _tab in page.tab_pages]
    assert keys[keys.index("organisations") + 1] == "stats"
    page.show_tab("stats")
    assert page.tabs.tabText(page.tabs.currentIndex()) == "会員の状況"
    window.show()
    qtbot.waitExposed(window)
    tab = page.stats
    for view in (tab.table, tab.roles):
        assert not view.horizontalScrollBar().isVisible() and not view.verticalScrollBar().isVisible()
        shown = view.viewport().rect()
        last_col = view.model().columnCount() - 1
        last_row = view.model().rowCount() - 1
        assert shown.contains(view.visualRect(view.model().index(last_row, last_col)))
    for widget in (tab.note, tab.pdf_button, tab.today_button, tab.april_button):
        assert widget.isVisible() and tab.rect().contains(widget.geometry())
    assert window.grab().save(str(tmp_path / "members-stats.png"))
