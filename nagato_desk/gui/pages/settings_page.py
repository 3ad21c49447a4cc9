"""設定: language, 和暦/西暦, text size, where the data and backups live, how many automatic backups
are kept, and "back up now to…"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.dates import format_date
from nagato_desk.errors import NagatoError
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.password_dialog import PasswordBox
from nagato_desk.gui.uiloader import load_form
from nagato_desk.services import backups
from nagato_desk.settings import (
    FONT_SIZES,
    KEEP_DAILY_RANGE,
    KEEP_MONTHLY_RANGE,
    Settings,
    save_settings,
)


class SettingsPage(QWidget):
    changed = Signal()

    def __init__(
        self,
        db: Database,
        settings: Settings,
        settings_path: Path | None,
        lang: str = "ja",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.settings_path = settings_path
        self.lang = lang
        self.form = load_form("settings_page.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        heading = QLabel(self.tr("Settings"), self)
        heading.setProperty("role", "title")
        layout.addWidget(heading)
        layout.addWidget(self.form)
        f = self.form
        # the password part goes above the note and the Save button (which also stores its minutes)
        self.password_box = PasswordBox(db, lang, f)
        self.password_box.changed.connect(self.changed)
        form_layout = f.layout()
        form_layout.insertWidget(form_layout.indexOf(f.findChild(QLabel, "noteLabel")), self.password_box)
        self.language = f.findChild(QComboBox, "languageCombo")
        self.date_style = f.findChild(QComboBox, "dateStyleCombo")
        self.font_size = f.findChild(QComboBox, "fontSizeCombo")
        self.data_file = f.findChild(QLineEdit, "dataFileEdit")
        self.backup_dir = f.findChild(QLineEdit, "backupDirEdit")
        self.keep_daily = f.findChild(QSpinBox, "keepDailySpin")
        self.keep_monthly = f.findChild(QSpinBox, "keepMonthlySpin")
        self.keep_note = f.findChild(QLabel, "keepNoteLabel")
        self.note = f.findChild(QLabel, "noteLabel")
        self.keep_daily.setRange(*KEEP_DAILY_RANGE)
        self.keep_monthly.setRange(*KEEP_MONTHLY_RANGE)
        self.keep_daily.valueChanged.connect(lambda _v: self._show_keep_note())
        self.keep_monthly.valueChanged.connect(lambda _v: self._show_keep_note())
        self.save_button = f.findChild(QPushButton, "saveButton")
        self.language.addItem("日本語", "ja")
        self.language.addItem("English", "en")
        today = date.today()
        self.date_style.addItem(self.tr("Japanese era") + f"（{format_date(today, 'wareki')}）", "wareki")
        self.date_style.addItem(self.tr("Western") + f"（{format_date(today, 'seireki')}）", "seireki")
        for size in FONT_SIZES:
            self.font_size.addItem(f"{size} pt", size)
        f.findChild(QPushButton, "dataFileButton").clicked.connect(self.choose_data_file)
        f.findChild(QPushButton, "backupDirButton").clicked.connect(self.choose_backup_dir)
        f.findChild(QPushButton, "backupNowButton").clicked.connect(lambda: self.backup_now())
        self.save_button.clicked.connect(self.save)
        self.load()

    def page_title(self) -> str:
        return self.tr("Settings")

    def refresh(self) -> None:
        self.load()

    def load(self) -> None:
        s = self.settings
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        self.date_style.setCurrentIndex(max(0, self.date_style.findData(s.date_style)))
        index = self.font_size.findData(s.font_size)
        if index < 0:
            self.font_size.addItem(f"{s.font_size} pt", s.font_size)
            index = self.font_size.count() - 1
        self.font_size.setCurrentIndex(index)
        self.data_file.setText(str(self.db.path))
        self.backup_dir.setText(str(s.backups(self.db.path)))
        self.keep_daily.setValue(s.keep_daily)
        self.keep_monthly.setValue(s.keep_monthly)
        self._show_keep_note()
        self.note.setText("")
        self.password_box.load()

    def _show_keep_note(self) -> None:
        self.keep_note.setText(
            self.tr(
                "A backup is made automatically at the first start of each day. "
                "%1 daily and %2 monthly backups are kept."
            )
            .replace("%1", str(self.keep_daily.value()))
            .replace("%2", str(self.keep_monthly.value()))
        )

    def choose_data_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Data file to use from the next start"),
            self.data_file.text(),
            self.tr("Nagato Desk data (*.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.data_file.setText(name)

    def choose_backup_dir(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), self.backup_dir.text())
        if name:
            self.backup_dir.setText(name)

    def save(self) -> None:
        s = self.settings
        old_language, old_file = s.language, s.database_path
        s.language = self.language.currentData()
        s.date_style = self.date_style.currentData()
        s.font_size = int(self.font_size.currentData())
        data_file = self.data_file.text().strip()
        s.database_path = "" if Path(data_file) == self.db.path and not old_file else data_file
        s.keep_daily = self.keep_daily.value()
        s.keep_monthly = self.keep_monthly.value()
        backup_text = self.backup_dir.text().strip()
        s.backup_dir = (
            "" if Path(backup_text) == s.backups(self.db.path) and not s.backup_dir else backup_text
        )
        try:
            save_settings(s, self.settings_path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Cannot save settings"), str(exc))
            return
        self.password_box.save()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            font = QFont(app.font())
            font.setPointSize(s.font_size)
            app.setFont(font)
        notes = [self.tr("Settings saved.")]
        if s.language != old_language:
            notes.append(self.tr("The language changes the next time Nagato Desk starts."))
        if (s.database_path or "") != (old_file or "") and Path(s.database()) != self.db.path:
            notes.append(self.tr("The new data file is used from the next start."))
        self.note.setText(" ".join(notes))
        self.changed.emit()

    def backup_now(self, out: Path | None = None) -> Path | None:
        """「今すぐバックアップ」: a verified copy to a place of the user's choosing (a USB stick)."""
        if out is None:
            suggested = backups.timestamped(
                Path(self.backup_dir.text() or Path.home()), self.db.path, "manual"
            )
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Back up now to…"), str(suggested), self.tr("Nagato Desk data (*.db)")
            )
            if not name:
                return None
            out = Path(name)
        try:
            summary = backups.backup_database(self.db.engine, out)
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return None
        self.note.setText(
            self.tr("Backed up to %1").replace("%1", str(summary.path)) + "\n" + summary.describe(self.lang)
        )
        return summary.path
