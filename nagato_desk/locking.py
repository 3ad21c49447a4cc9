"""A lock file beside the database, so a second Nagato Desk on the same file says so instead of writing.

The lock is an OS-level lock on ``<database>.lock`` (flock on POSIX, msvcrt on Windows), so a program
that crashed or a PC that lost power never leaves a stale lock behind: the OS releases it with the
process. The file also records who holds it, to tell the second user.
"""

from __future__ import annotations

import getpass
import os
import socket
import sys
from datetime import datetime
from pathlib import Path

from nagato_desk.errors import DatabaseInUseError, UnreadableFileError

#: Where the holder's description starts in the lock file (after the byte msvcrt locks).
_HOLDER_OFFSET = 1 if sys.platform == "win32" else 0


def lock_path_for(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


class DatabaseLock:
    """Held for as long as a program may write to the database."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = lock_path_for(database)
        self._fd: int | None = None

    def acquire(self) -> None:
        for _ in range(5):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise UnreadableFileError(
                    f"フォルダ「{self.path.parent}」に書き込めません（{exc.strerror}）。"
                    "書き込みできるフォルダのファイルを選んでください。",
                    f"Cannot write in the folder '{self.path.parent}' ({exc.strerror}). "
                    "Choose a file in a folder you can write to.",
                ) from exc
            if not _try_lock(fd):
                holder = self._read_holder(fd)
                os.close(fd)
                raise DatabaseInUseError(
                    f"このデータは別の Nagato Desk で開かれています（{holder}）。"
                    "そちらを閉じてから開き直してください。",
                    f"This data is open in another Nagato Desk ({holder}). Close it there first.",
                )
            # Another process may have removed the file between our open and our lock: then we hold a
            # lock on a file nobody else can see. Check that the path still names our file.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                self._fd = fd
                self._write_holder(fd)
                return
            _unlock(fd)
            os.close(fd)
        raise DatabaseInUseError(
            "ロックファイルを確保できませんでした。しばらくしてからもう一度お試しください。",
            "Could not take the lock file. Try again in a moment.",
        )

    @staticmethod
    def _read_holder(fd: int) -> str:
        try:
            # On Windows byte 0 is locked by the holder and cannot be read: the text starts at byte 1.
            os.lseek(fd, _HOLDER_OFFSET, os.SEEK_SET)
            text = os.read(fd, 400).decode("utf-8", "replace").strip()
        except OSError:
            text = ""
        return text or "不明"

    @staticmethod
    def _write_holder(fd: int) -> None:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # no user name in the environment and none in the password database
            user = f"uid {os.getuid()}" if hasattr(os, "getuid") else "?"
        info = f"{user}@{socket.gethostname()} pid {os.getpid()} {datetime.now():%Y-%m-%d %H:%M}"
        # On Windows byte 0 is the locked region; write the text after it so it stays readable.
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, b" " + info.encode("utf-8"))
        os.fsync(fd)

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.unlink(self.path)
        except OSError:
            pass
        _unlock(fd)
        os.close(fd)

    def __enter__(self) -> DatabaseLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
