"""Opening the 会員 section reads only the member list (issue 9: the window must not block for the
世帯, 役員 and 集計 tabs nobody has looked at yet); each of those is read when its tab is shown."""

from __future__ import annotations

from sqlalchemy import func, select

from nagato_desk.gui.pages.members import MembersPage
from nagato_desk.models import Household
from nagato_desk.settings import Settings


def test_hidden_tabs_are_read_when_first_shown(app, demo, qtbot):
    page = MembersPage(demo, Settings(), "ja")
    qtbot.addWidget(page)
    page.show()
    assert page.member_list.model.rowCount() > 0  # the list itself is read at once
    for tab in (page.households, page.officers):
        assert tab.model.rowCount() == 0  # not read yet
    assert page.stats.figures is None
    page.show_tab("households")
    with demo.Session() as s:
        households = s.scalar(
            select(func.count()).select_from(Household).where(Household.deleted_at.is_(None))
        )
    assert page.households.model.rowCount() == households > 0
    page.show_tab("officers")
    assert page.officers.model.rowCount() > 0  # the demo council has officers today
    page.show_tab("stats")
    assert page.stats.figures is not None and page.stats.model.rowCount() > 0
