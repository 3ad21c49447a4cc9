"""Settings: saved to the user's settings file, font size applied at once, back up now."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QApplication

from nagato_desk.gui.pages.settings_page import SettingsPage
from nagato_desk.services.backups import describe_backup
from nagato_desk.settings import Settings, load_settings


def test_save_writes_settings_and_applies_font_size(app, demo, qtbot, tmp_path):
    path = tmp_path / "settings.json"
    settings = Settings()
    page = SettingsPage(demo, settings, path, "ja")
    qtbot.addWidget(page)
    page.date_style.setCurrentIndex(page.date_style.findData("seireki"))
    page.font_size.setCurrentIndex(page.font_size.findData(16))
    page.language.setCurrentIndex(page.language.findData("en"))
    with qtbot.waitSignal(page.changed):
        page.save_button.click()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["date_style"] == "seireki" and saved["font_size"] == 16 and saved["language"] == "en"
    assert load_settings(path) == settings
    assert QApplication.font().pointSize() == 16
    assert "次回の起動" in page.note.text()
    QApplication.instance().setFont(QApplication.font().__class__("BIZ UDGothic", 12))


def test_damaged_settings_file_falls_back_to_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert load_settings(path) == Settings()
    path.write_text(json.dumps({"font_size": 500, "language": "fr", "unknown": 1}), encoding="utf-8")
    loaded = load_settings(path)
    assert (loaded.font_size, loaded.language) == (12, "ja")


def test_backup_now_writes_a_verified_copy(app, demo, qtbot, tmp_path):
    page = SettingsPage(demo, Settings(), tmp_path / "settings.json", "ja")
    qtbot.addWidget(page)
    target = tmp_path / "usb" / "copy.db"
    assert page.backup_now(target) == target
    summary = describe_backup(target)
    assert summary.council_name == "宇津賀地区まちづくり協議会（デモ）"
    assert summary.counts["neighbourhood_association"] == 5
    assert "バックアップしました" in page.note.text()


def test_backup_now_to_unwritable_place_says_so(app, demo, qtbot, tmp_path, no_dialogs):
    page = SettingsPage(demo, Settings(), tmp_path / "settings.json", "ja")
    qtbot.addWidget(page)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert page.backup_now(blocker / "copy.db") is None  # a file where a folder should be
    assert no_dialogs and "バックアップを" in no_dialogs[0][1]


def test_how_many_backups_to_keep_is_saved(app, demo, qtbot, tmp_path):
    path = tmp_path / "settings.json"
    settings = Settings()
    page = SettingsPage(demo, settings, path, "ja")
    qtbot.addWidget(page)
    assert (page.keep_daily.value(), page.keep_monthly.value()) == (10, 12)
    assert (
        page.keep_note.text()
        == "毎日最初の起動時に自動でバックアップします。日ごと10個・月ごと12個を残します。"
    )
    assert (page.keep_daily.minimum(), page.keep_daily.maximum()) == (1, 365)
    assert (page.keep_monthly.minimum(), page.keep_monthly.maximum()) == (0, 120)
    page.keep_daily.setValue(30)
    page.keep_monthly.setValue(0)
    assert "日ごと30個・月ごと0個" in page.keep_note.text()
    with qtbot.waitSignal(page.changed):
        page.save_button.click()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert (saved["keep_daily"], saved["keep_monthly"]) == (30, 0)
    assert load_settings(path) == settings
