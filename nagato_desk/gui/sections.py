"""The sections of the main window after the home page, in navigation order.

Each record adds its page here once it works (ARCHITECTURE.md: a section that is not ready is not
shown). A page class is built as ``Page(db, settings, lang, parent)`` the first time it is shown and
has ``refresh()``; optionally a ``changed`` signal (the home page's figures are refreshed on it),
``tab_pages`` [(key, widget)] with ``show_tab(key)`` (each tab gets a screenshot ``section-tab``) and
``screenshots(save)`` for its dialogs.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


@dataclass(frozen=True)
class Section:
    key: str  # stable: screenshots and the guide use it
    title: str  # English source text, translated in the context "MainWindow"
    page: str  # "module:Class", imported on first show

    def translated_title(self) -> str:
        return QCoreApplication.translate("MainWindow", self.title)

    def page_class(self) -> type:
        module, name = self.page.split(":")
        return getattr(importlib.import_module(module), name)


SECTIONS: list[Section] = [
    Section(
        "members", QT_TRANSLATE_NOOP("MainWindow", "Members"), "nagato_desk.gui.pages.members:MembersPage"
    ),
    Section("plan", QT_TRANSLATE_NOOP("MainWindow", "Dream plan"), "nagato_desk.gui.pages.plan:PlanPage"),
    Section(
        "meetings", QT_TRANSLATE_NOOP("MainWindow", "Meetings"), "nagato_desk.gui.pages.meetings:MeetingsPage"
    ),
    Section(
        "accounts", QT_TRANSLATE_NOOP("MainWindow", "Accounts"), "nagato_desk.gui.pages.accounts:AccountsPage"
    ),
    Section(
        "activities",
        QT_TRANSLATE_NOOP("MainWindow", "Activities"),
        "nagato_desk.gui.pages.activities:ActivitiesPage",
    ),
    Section(
        "documents",
        QT_TRANSLATE_NOOP("MainWindow", "Documents"),
        "nagato_desk.gui.pages.documents:DocumentsPage",
    ),
]
