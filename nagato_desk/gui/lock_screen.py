"""Auto-lock: after N minutes without a key press or mouse movement the window is covered by a lock
screen asking for the password. Nothing is lost: the covers are laid over the windows (the main one
and any open dialog), so a half-filled form stays as it was underneath.

While locked, every key press, click and shortcut outside the password field is swallowed. The
minutes and the password live in the data file (services/passwords.py); without a password the
window never locks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

from nagato_desk.database import Database
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.password_dialog import PasswordEntry
from nagato_desk.services import passwords

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.Shortcut,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.ContextMenu,
    QEvent.Type.TouchBegin,
}
#: Input that counts as "someone is here" (restarts the idle timer).
_ACTIVITY = _INPUT_EVENTS - {QEvent.Type.Shortcut, QEvent.Type.ShortcutOverride}


class LockCover(QWidget):
    """An opaque cover over one window; the one over the active window holds the password field."""

    def __init__(
        self, host: QWidget, entry_check: Callable[[str], bool] | None, unlocked: Callable[[], None]
    ):
        super().__init__(host)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lockCover { background: #eef2f8; }")
        self.entry: PasswordEntry | None = None
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(self.tr("Nagato Desk is locked"), self)
        title.setProperty("role", "title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        if entry_check is not None:
            hint = QLabel(self.tr("Enter the password to go on. Your unsaved work is kept as it was."), self)
            hint.setWordWrap(True)
            hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(hint)
            box = QWidget(self)
            box.setFixedWidth(460)
            box_layout = QVBoxLayout(box)
            self.entry = PasswordEntry(entry_check, unlocked, box)
            self.unlock_button = QPushButton(self.tr("Unlock"), box)
            mark_primary(self.unlock_button)
            self.unlock_button.clicked.connect(self.entry.try_password)
            box_layout.addWidget(self.entry)
            box_layout.addWidget(self.unlock_button)
            layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        else:
            note = QLabel(self.tr("Unlock in the main window."), self)
            note.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(note, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        host.installEventFilter(self)
        self.setGeometry(host.rect())
        self.raise_()
        self.show()
        if self.entry is not None:
            self.entry.edit.setFocus()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        """Enter and Esc typed in the password field stop here: the form underneath must not take
        them for its own Save or Cancel."""
        event.accept()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parent().rect())
            self.raise_()
        return False


class IdleLock(QObject):
    """Watches the whole application's input; after ``minutes`` without any, covers every window."""

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        window: QWidget,
        check: Callable[[str], bool],
        minutes: int = 0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or window)
        self.window = window
        self.check = check
        self.covers: list[LockCover] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.minutes = 0
        self.set_minutes(minutes)
        QApplication.instance().installEventFilter(self)

    @property
    def is_locked(self) -> bool:
        return bool(self.covers)

    def set_minutes(self, minutes: int) -> None:
        """0 turns the lock off."""
        self.minutes = max(0, int(minutes))
        if self.minutes and not self.is_locked:
            self.timer.start(self.minutes * 60_000)
        else:
            self.timer.stop()

    def lock(self) -> None:
        if self.is_locked or not self.minutes:
            return
        app = QApplication.instance()
        popup = app.activePopupWidget()
        while popup is not None:  # an open menu or combo list would sit above the cover
            popup.close()
            next_popup = app.activePopupWidget()
            popup = None if next_popup is popup else next_popup
        active = app.activeModalWidget() or self.window
        hosts = [w for w in app.topLevelWidgets() if w.isVisible() and w.isWindow() and not w.isHidden()]
        if active not in hosts:
            hosts.append(active)
        for host in hosts:
            if host.windowType() in (Qt.WindowType.ToolTip, Qt.WindowType.Popup):
                continue
            self.covers.append(LockCover(host, self.check if host is active else None, self.unlock))
        self.locked.emit()

    def unlock(self) -> None:
        for cover in self.covers:
            cover.parent().removeEventFilter(cover)
            cover.hide()
            cover.deleteLater()
        self.covers = []
        if self.minutes:
            self.timer.start(self.minutes * 60_000)
        self.unlocked.emit()

    def _inside_cover(self, obj: QObject) -> bool:
        while obj is not None:
            if isinstance(obj, LockCover):
                return True
            obj = obj.parent()
        return False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind not in _INPUT_EVENTS:
            return False
        if self.covers:
            # Only the password field (and its button) take input; shortcuts never fire. Events
            # reach the window objects (QWindow) first and are passed on to widgets: judged there.
            if kind == QEvent.Type.Shortcut:
                return True
            return isinstance(obj, QWidget) and not self._inside_cover(obj)
        if kind in _ACTIVITY and self.minutes:
            self.timer.start(self.minutes * 60_000)
        return False


def install_idle_lock(window: QWidget, db: Database) -> IdleLock:
    """The window's auto-lock with the minutes of the data file (off while no password is set)."""

    def check(text: str) -> bool:
        with db.Session() as session:
            return passwords.check_password(session, text)

    lock = IdleLock(window, check)
    reload_idle_lock(lock, db)
    return lock


def reload_idle_lock(lock: IdleLock, db: Database) -> None:
    """After the settings changed: the minutes again (0 while no password is set)."""
    with db.Session() as session:
        access = passwords.access_settings(session)
    lock.set_minutes(access.idle_minutes if access.password_set else 0)
