"""The password asked at start (:class:`PasswordPrompt`) and the one set in the settings
(:class:`SetPasswordDialog`). Three wrong passwords in a row, then a wait (services/passwords.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.errors import NagatoError, ValidationError, problem
from nagato_desk.gui.buttons import dialog_buttons
from nagato_desk.gui.errors import show_error
from nagato_desk.services import passwords


def password_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(passwords.MAX_LENGTH)
    return edit


class PasswordEntry(QWidget):
    """A password field, a message line and the wait after three wrong tries; shared by the start
    prompt and the lock screen. ``unlocked`` is called once the right password was typed."""

    def __init__(
        self,
        check: Callable[[str], bool],
        unlocked: Callable[[], None],
        parent: QWidget,
        *,
        enter_tries: bool = True,  # False inside a dialog, whose default button takes Enter
    ) -> None:
        super().__init__(parent)
        self.gate = passwords.PasswordGate(check)
        self.unlocked = unlocked
        self.edit = password_edit(self)
        if enter_tries:
            self.edit.returnPressed.connect(self.try_password)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #9b1c1c;")
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() * 2 + 4)  # room for two lines
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)

    def try_password(self) -> bool:
        result = self.gate.attempt(self.edit.text())
        if result is True:
            self.edit.clear()
            self.message.setText("")
            self.unlocked()
            return True
        self.edit.clear()
        if result is False and self.gate.wait_left() <= 0:
            left = self.gate.max_tries - self.gate.failures
            self.message.setText(self.tr("Wrong password. %1 tries left.").replace("%1", str(left)))
        self._tick()
        return False

    def _tick(self) -> None:
        wait = self.gate.wait_left()
        if wait > 0:
            self.edit.setEnabled(False)
            self.message.setText(
                self.tr("Wrong password three times. Please wait %1 seconds.").replace(
                    "%1", str(int(wait + 0.999))
                )
            )
            if not self.timer.isActive():
                self.timer.start()
        else:
            if self.timer.isActive():
                self.timer.stop()
                self.message.setText(self.tr("You can try again."))
            if not self.edit.isEnabled():
                self.edit.setEnabled(True)
                self.edit.setFocus()


class PasswordPrompt(QDialog):
    """「パスワードを入力してください」 before the window opens; rejected: the program ends."""

    def __init__(
        self, check: Callable[[str], bool], council: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nagato Desk — password"))
        text = self.tr("Enter the password to open the data.")
        if council:
            text = f"{council}\n{text}"
        label = QLabel(text, self)
        label.setWordWrap(True)
        self.entry = PasswordEntry(check, self._unlocked, self, enter_tries=False)
        buttons = dialog_buttons(self, self.tr("Open"))
        buttons.accepted.disconnect()
        buttons.accepted.connect(self.entry.try_password)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.entry)
        layout.addWidget(buttons)
        self.resize(420, 0)
        self.entry.edit.setFocus()

    def _unlocked(self) -> None:
        self.accept()


def ask_password_at_start(db: Database, council: str = "") -> bool:
    """True when no password is set or the right one was typed; False when the user gave up."""
    with db.Session() as session:
        if not passwords.password_is_set(session):
            return True

    def check(text: str) -> bool:
        with db.Session() as session:
            return passwords.check_password(session, text)

    return PasswordPrompt(check, council).exec() == QDialog.DialogCode.Accepted


class SetPasswordDialog(QDialog):
    """Set, change (``remove=False``) or remove the password; the current one is asked when set."""

    def __init__(
        self, db: Database, lang: str = "ja", *, remove: bool = False, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.remove = remove
        with db.Session() as session:
            self.has_password = passwords.password_is_set(session)
        self.setWindowTitle(self.tr("Remove the password") if remove else self.tr("Set the password"))
        form = QFormLayout()
        self.current = password_edit(self)
        self.new = password_edit(self)
        self.repeat = password_edit(self)
        if self.has_password:
            form.addRow(self.tr("Current password"), self.current)
        if not remove:
            form.addRow(self.tr("New password"), self.new)
            form.addRow(self.tr("New password again"), self.repeat)
        note = QLabel(
            self.tr(
                "Nagato Desk will ask for the password when it starts and after the window has been "
                "idle. Write it down and keep it with the hand-over papers: it cannot be recovered."
            )
            if not remove
            else self.tr("Nagato Desk will open without asking for a password."),
            self,
        )
        note.setWordWrap(True)
        buttons = dialog_buttons(self, self.tr("Remove") if remove else self.tr("Set"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(460, 0)
        (self.current if self.has_password else self.new).setFocus()

    def accept(self) -> None:
        try:
            if not self.remove and self.new.text() != self.repeat.text():
                raise problem(
                    "新しいパスワードが2回とも同じではありません。",
                    "The two new passwords differ.",
                    field="repeat",
                )
            with self.db.session() as session:
                if self.remove:
                    passwords.clear_password(session, self.current.text())
                else:
                    passwords.set_password(session, self.new.text(), current=self.current.text())
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            field = exc.problems[0].field if isinstance(exc, ValidationError) and exc.problems else ""
            edit = {"current": self.current, "repeat": self.repeat}.get(field or "", self.new)
            edit.selectAll()
            edit.setFocus()
            return
        super().accept()


class PasswordBox(QGroupBox):
    """The settings' 「パスワード」 part: whether one is set, set/change/remove it, the idle minutes."""

    changed = Signal()

    def __init__(self, db: Database, lang: str = "ja", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.setTitle(self.tr("Password"))
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.set_button = QPushButton(self)
        self.remove_button = QPushButton(self.tr("Remove the password…"), self)
        self.set_button.clicked.connect(lambda: self.open_dialog(remove=False))
        self.remove_button.clicked.connect(lambda: self.open_dialog(remove=True))
        self.idle = QSpinBox(self)
        self.idle.setRange(*passwords.IDLE_RANGE)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("never"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.set_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        idle_row = QHBoxLayout()
        idle_row.addWidget(QLabel(self.tr("Lock the window after this long without use:"), self))
        idle_row.addWidget(self.idle)
        idle_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        layout.addLayout(idle_row)
        self.load()

    def load(self) -> None:
        with self.db.Session() as session:
            access = passwords.access_settings(session)
        self.password_set = access.password_set
        self.state.setText(
            self.tr(
                "A password is asked when Nagato Desk starts. It is kept (as a hash) in the data file, "
                "so it goes with backups and the hand-over. The command line does not ask for it."
            )
            if access.password_set
            else self.tr("No password: Nagato Desk opens without asking.")
        )
        self.set_button.setText(
            self.tr("Change the password…") if access.password_set else self.tr("Set a password…")
        )
        self.remove_button.setEnabled(access.password_set)
        self.idle.setValue(access.idle_minutes)
        self.idle.setEnabled(access.password_set)

    def open_dialog(self, *, remove: bool) -> bool:
        dialog = SetPasswordDialog(self.db, self.lang, remove=remove, parent=self)
        done = dialog.exec() == QDialog.DialogCode.Accepted
        if done:
            self.load()
            self.changed.emit()
        return done

    def save(self) -> bool:
        """Store the idle minutes when they changed; returns whether anything was stored."""
        with self.db.Session() as session:
            access = passwords.access_settings(session)
        if not access.password_set or self.idle.value() == access.idle_minutes:
            return False
        try:
            with self.db.session() as session:
                passwords.set_idle_minutes(session, self.idle.value())
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return False
        return True
