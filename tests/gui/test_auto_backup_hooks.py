"""Automatic backups in the window: the day's backup at start-up (a failure only warns), and the import
wizard's backup before it writes (a failure stops the import)."""

from __future__ import annotations

from datetime import datetime, timedelta

from openpyxl import Workbook
from PySide6.QtWidgets import QWizard

from nagato_desk.gui.app import Startup
from nagato_desk.gui.member_import_wizard import MemberImportWizard
from nagato_desk.services.backup_rotation import list_backups
from nagato_desk.services.members import MemberFilter, count_members
from nagato_desk.settings import Settings


def _members(path) -> int:
    from nagato_desk.database import open_database

    with open_database(path, write=False) as db, db.Session() as session:
        return count_members(session, MemberFilter(statuses=()))


MORNING = datetime(2026, 6, 15, 9, 0)


def test_first_start_of_the_day_backs_up_once(app, qtbot, demo_db_path, no_dialogs, monkeypatch):
    folder = demo_db_path.parent / "backups"
    starts = iter([MORNING, MORNING + timedelta(hours=3), MORNING + timedelta(days=1)])
    daily_backup = Startup.daily_backup
    monkeypatch.setattr(Startup, "daily_backup", lambda self: daily_backup(self, now=next(starts)))
    for _ in range(3):  # 9:00, 12:00 (the same day: no second backup), and 9:00 the next day
        startup = Startup(demo_db_path, Settings(), "ja")
        assert startup.open() is None
        qtbot.addWidget(startup.window)
        startup.window.close()
    assert [(b.reason, b.made_at) for b in list_backups(folder, demo_db_path)] == [
        ("daily", MORNING),
        ("daily", MORNING + timedelta(days=1)),
    ]
    assert no_dialogs == []


def test_a_failed_daily_backup_warns_and_the_window_opens(app, qtbot, demo_db_path, tmp_path, no_dialogs):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    startup = Startup(demo_db_path, Settings(backup_dir=str(blocker)), "ja")
    assert startup.open() is None
    qtbot.addWidget(startup.window)
    assert startup.window.isVisible()
    assert len(no_dialogs) == 1 and no_dialogs[0][0] == "warning"
    assert "今日の自動バックアップを作れませんでした" in no_dialogs[0][1] and str(blocker) in no_dialogs[0][1]
    startup.window.close()


def test_smoke_start_writes_no_backup(app, qtbot, demo_db_path):
    startup = Startup(demo_db_path, Settings(), "ja", smoke=True)
    assert startup.open() is None
    qtbot.addWidget(startup.window)
    startup.window.close()
    assert not (demo_db_path.parent / "backups").exists()


def _roster(path):
    wb = Workbook()
    wb.active.append(["氏名", "ふりがな", "住所", "自治会"])
    wb.active.append(["試験　花子", "しけん はなこ", "長門市油谷（試験）1番地", "東浜自治会"])
    wb.save(path)
    return path


def _import(qtbot, demo, settings, path):
    wizard = MemberImportWizard(demo, "wareki", "ja", settings=settings)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.open_file(path)
    wizard.next()
    assert wizard.preview_page.isComplete()
    job = wizard.preview_page.start_import()
    with qtbot.waitSignal(job.thread.finished, timeout=30_000):
        pass
    return wizard


def test_the_import_wizard_backs_up_before_writing(app, qtbot, demo, tmp_path, no_dialogs):
    before = _members(demo.path)
    folder = tmp_path / "saved"
    wizard = _import(qtbot, demo, Settings(backup_dir=str(folder)), _roster(tmp_path / "名簿.xlsx"))
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=30_000)
    (saved,) = list_backups(folder, demo.path)
    assert saved.reason == "before-import"
    assert _members(saved.path) == before  # taken before the import wrote anything
    assert _members(demo.path) == before + 1


def test_the_import_wizard_stops_without_a_backup(app, qtbot, demo, tmp_path, no_dialogs):
    before = _members(demo.path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    wizard = _import(qtbot, demo, Settings(backup_dir=str(blocker)), _roster(tmp_path / "名簿.xlsx"))
    qtbot.waitUntil(lambda: bool(no_dialogs), timeout=30_000)
    assert no_dialogs[-1][0] == "warning"
    assert "取り込みの前にバックアップを作れなかったため、取り込みを中止しました" in no_dialogs[-1][1]
    assert wizard.result is None and wizard.isVisible()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()  # can try again
    assert _members(demo.path) == before
