"""引継ぎファイルを作る… / 引継ぎファイルを開く… and the first-start wizard's 「引継ぎファイルを開く」."""

from __future__ import annotations

import zipfile
from dataclasses import replace

from PySide6.QtWidgets import QWizard

from nagato_desk.gui.app import Startup
from nagato_desk.gui.handover_dialog import checklist_path_for, make_handover_file, open_handover_file
from nagato_desk.services.council import draft_of, get_council, update_council
from nagato_desk.services.handover import write_handover
from nagato_desk.settings import Settings

DEMO_NAME = "宇津賀地区まちづくり協議会（デモ）"


def council_name(db) -> str:  # type: ignore[no-untyped-def]
    with db.Session() as session:
        return get_council(session).name


def test_make_a_hand_over_file_with_its_checklist_beside_it(app, demo, tmp_path, no_dialogs):
    out = tmp_path / "usb" / "demo-引継ぎ.nagato-handover.zip"
    settings = Settings(backup_dir=str(tmp_path / "backups"))
    assert make_handover_file(None, demo, settings, "ja", out) == out
    checklist = tmp_path / "usb" / "demo-引継ぎ-チェックリスト.pdf"
    assert checklist_path_for(out) == checklist
    assert checklist.read_bytes().startswith(b"%PDF")
    with zipfile.ZipFile(out) as zf:
        assert "data.db" in zf.namelist()
    [(kind, text)] = no_dialogs
    # The demo: 761 members in 374 households; the message names the checklist to print.
    assert kind == "information" and "会員 761件" in text and "世帯 374件" in text and str(checklist) in text


def test_open_a_hand_over_file_replaces_the_open_data_after_asking(app, demo, tmp_path, no_dialogs):
    handover = tmp_path / "h.nagato-handover.zip"
    write_handover(demo.path, handover)
    with demo.session() as session:
        update_council(session, replace(draft_of(get_council(session)), name="改名した協議会"))
    assert open_handover_file(None, demo, tmp_path / "backups", "ja", handover)
    kinds = [kind for kind, _ in no_dialogs]
    assert kinds == ["question", "information"]
    assert "会員 761件" in no_dialogs[0][1]
    assert council_name(demo) == DEMO_NAME  # the open Database sees the installed data
    saved = list((tmp_path / "backups").glob("demo-before-restore-*.db"))
    assert len(saved) == 1 and str(saved[0]) in no_dialogs[1][1]


def test_a_broken_hand_over_file_changes_nothing(app, demo, tmp_path, no_dialogs):
    bad = tmp_path / "bad.nagato-handover.zip"
    bad.write_bytes(b"PK\x05\x06" + b"\x00" * 18)  # an empty zip: no manifest
    assert not open_handover_file(None, demo, tmp_path / "backups", "ja", bad)
    assert [kind for kind, _ in no_dialogs] == ["warning"]
    assert "引継ぎファイルとして読めません" in no_dialogs[0][1]
    assert council_name(demo) == DEMO_NAME
    assert not (tmp_path / "backups").exists()


def test_first_start_opens_a_hand_over_file(app, qtbot, demo_db_path, tmp_path, no_dialogs):
    handover = tmp_path / "h.nagato-handover.zip"
    write_handover(demo_db_path, handover)
    path = tmp_path / "new-pc" / "nagato-desk.db"
    startup = Startup(path, Settings(), "ja")
    assert startup.open() is None
    wizard = startup.wizard
    qtbot.addWidget(wizard)
    wizard.start.handover.setChecked(True)
    assert wizard.start.isFinalPage()
    wizard.start.handover_file.setText(str(handover))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert no_dialogs == []
    assert startup.window is not None
    qtbot.addWidget(startup.window)
    assert council_name(startup.db) == DEMO_NAME
    startup.window.close()


def test_first_start_refuses_a_broken_hand_over_file_and_stays(app, qtbot, tmp_path, no_dialogs):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"garbage")
    path = tmp_path / "new.db"
    startup = Startup(path, Settings(), "ja")
    startup.open()
    wizard = startup.wizard
    qtbot.addWidget(wizard)
    wizard.start.handover.setChecked(True)
    wizard.start.handover_file.setText(str(bad))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert [kind for kind, _ in no_dialogs] == ["warning"]
    assert wizard.isVisible() and startup.window is None
    assert not path.exists()
    wizard.close()


def test_the_window_warns_once_about_a_data_file_in_a_sync_folder(
    app, qtbot, demo_db_path, tmp_path, no_dialogs
):
    import shutil

    path = tmp_path / "OneDrive" / "協議会" / "demo.db"
    path.parent.mkdir(parents=True)
    shutil.copyfile(demo_db_path, path)
    settings = Settings(backup_dir=str(tmp_path / "backups"))
    for expected in (1, 0):  # the second start of the same file says nothing
        no_dialogs.clear()
        startup = Startup(path, settings, "ja")
        assert startup.open() is None
        qtbot.addWidget(startup.window)
        warnings = [text for kind, text in no_dialogs if kind == "warning"]
        assert len(warnings) == expected
        if expected:
            assert "OneDrive の同期フォルダ" in warnings[0] and str(path) in warnings[0]
        startup.window.close()


def _damage(path) -> None:  # type: ignore[no-untyped-def]
    size = path.stat().st_size
    with open(path, "r+b") as fh:  # 16 KiB of garbage over whole pages in the middle
        fh.seek((size // 4096 // 2) * 4096)
        fh.write(bytes(range(256)) * 64)


def test_a_damaged_file_at_start_is_offered_its_latest_good_backup(
    app, qtbot, demo_db_path, tmp_path, no_dialogs
):
    from nagato_desk.services.backups import backup_database

    backups = tmp_path / "backups"
    good = backup_database(demo_db_path, backups / "demo-manual-20261128-090000.db").path
    _damage(demo_db_path)
    startup = Startup(demo_db_path, Settings(backup_dir=str(backups)), "ja")
    assert startup.open() is None  # answered Yes: restored, and the window opens on the backup
    qtbot.addWidget(startup.window)
    question = next(text for kind, text in no_dialogs if kind == "question")
    assert "壊れています" in question and str(good) in question and "会員 761件" in question
    assert "nagato-desk restore" not in question  # the window offers a button, not a command
    assert council_name(startup.db) == DEMO_NAME
    assert len(list(backups.glob("demo-damaged-*.db"))) == 1  # the damaged bytes were kept
    startup.window.close()


def test_a_damaged_file_without_a_backup_is_refused_with_the_reason(app, demo_db_path, tmp_path, no_dialogs):
    _damage(demo_db_path)
    before = demo_db_path.read_bytes()
    startup = Startup(demo_db_path, Settings(backup_dir=str(tmp_path / "none")), "ja")
    assert startup.open() == 2
    [(kind, text)] = no_dialogs
    assert kind == "critical" and "正常なバックアップが見つかりません" in text
    assert demo_db_path.read_bytes() == before
