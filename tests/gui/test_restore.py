"""ファイル → バックアップから戻す…: what the backup holds is shown, the current data is saved first,
and the window shows the restored data."""

from __future__ import annotations

from dataclasses import replace

from nagato_desk.gui.main_window import MainWindow
from nagato_desk.services.backups import backup_database
from nagato_desk.services.council import draft_of, get_council, update_council
from nagato_desk.settings import Settings


def test_restore_in_the_window(app, demo, qtbot, tmp_path, no_dialogs):
    settings = Settings(backup_dir=str(tmp_path / "backups"))
    window = MainWindow(demo, settings, None, "ja")
    qtbot.addWidget(window)
    old_members = window.members  # built now, so the test sees it replaced
    backup = tmp_path / "before-rename.db"
    backup_database(demo.engine, backup)
    with demo.session() as session:
        update_council(session, replace(draft_of(get_council(session)), name="改名した協議会"))
    window.home.refresh()
    assert window.home.title.text() == "改名した協議会"

    assert window.restore_backup(backup)

    question = next(text for kind, text in no_dialogs if kind == "question")
    # The demo: 5 自治会, 761 members in 374 households.
    assert "自治会 5件" in question and "会員 761件" in question and "世帯 374件" in question
    with demo.Session() as session:
        assert get_council(session).name == "宇津賀地区まちづくり協議会（デモ）"
    assert window.home.title.text() == "宇津賀地区まちづくり協議会（デモ）"
    assert window.members is not old_members  # the 会員 section is rebuilt on the restored data
    saved = list((tmp_path / "backups").glob("*.db"))
    assert any("before-restore" in p.name for p in saved)  # the renamed data was kept


def test_restore_refuses_a_file_that_is_not_a_backup(app, demo, qtbot, tmp_path, no_dialogs):
    window = MainWindow(demo, Settings(backup_dir=str(tmp_path / "backups")), None, "ja")
    qtbot.addWidget(window)
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database", encoding="utf-8")
    assert not window.restore_backup(bogus)
    assert no_dialogs and no_dialogs[0][0] == "warning"
    with demo.Session() as session:
        assert get_council(session).name == "宇津賀地区まちづくり協議会（デモ）"


def test_hand_over_round_trip_from_the_file_menu(app, demo, qtbot, tmp_path, no_dialogs):
    """ファイル → 引継ぎファイルを作る… then, after a change, 引継ぎファイルを開く…: the window shows the
    handed-over data again and every section is rebuilt on it."""
    settings = Settings(backup_dir=str(tmp_path / "backups"))
    window = MainWindow(demo, settings, None, "ja")
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "引継ぎファイルを作る…" in titles and "引継ぎファイルを開く…" in titles
    handover = window.make_handover(tmp_path / "引継ぎ.nagato-handover.zip")
    assert handover is not None and handover.exists()
    old_members = window.members
    with demo.session() as session:
        update_council(session, replace(draft_of(get_council(session)), name="改名した協議会"))

    assert window.open_handover(handover)

    with demo.Session() as session:
        assert get_council(session).name == "宇津賀地区まちづくり協議会（デモ）"
    assert window.home.title.text() == "宇津賀地区まちづくり協議会（デモ）"
    assert window.members is not old_members
