"""A lock file beside the database, so a second Nagato Desk on the same file says so instead of writing.

The lock is an OS-level lock on ``<database>.lock`` (flock on POSIX, msvcrt on Windows), so a program
that crashed or a PC that lost power never leaves a stale lock behind: the OS releases it with the
process. The file also records who holds it (user, PC, process, since when), to tell the second user.

A lock file that is still there but no longer locked was left by a program that did not close
normally (a clean close deletes it). Written on this PC, its process is gone: the lock is taken over
and the fact noted (``DatabaseLock.taken_over``, and the log). Written on another PC, it may be a
lock the OS cannot see — a sync folder copies the file but not the lock, and some network shares
forget locks — so the file is refused, naming who, where and since when, until that PC has closed
Nagato Desk (or the lock file is deleted by hand).
"""

from __future__ import annotations

import getpass
import logging
import os
import re
import socket
import sys
from datetime import datetime
from pathlib import Path

from nagato_desk.errors import DatabaseInUseError, UnreadableFileError

log = logging.getLogger(__name__)

#: "taro@OFFICE-PC pid 4242 2026-11-29 09:15", as written by ``_write_holder``.
_HOLDER_PATTERN = re.compile(
    r"(?P<user>.+)@(?P<host>[^@\s]+) pid (?P<pid>\d+) (?P<since>\d{4}-\d\d-\d\d \d\d:\d\d)"
)

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


def parse_holder(text: str) -> dict[str, str] | None:
    """user, host, pid and since of a holder description, or None when it is not one of ours."""
    match = _HOLDER_PATTERN.fullmatch(text.strip())
    return match.groupdict() if match else None


def describe_holder(text: str, lang: str = "ja") -> str:
    """「taro さん、パソコン「OFFICE-PC」、2026-11-29 09:15 から（pid 4242）」."""
    holder = parse_holder(text)
    if holder is None:
        return text or ("不明" if lang != "en" else "unknown")
    if lang == "en":
        return f"{holder['user']} on the PC '{holder['host']}', since {holder['since']} (pid {holder['pid']})"
    return (
        f"{holder['user']} さん、パソコン「{holder['host']}」、{holder['since']} から（pid {holder['pid']}）"
    )


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def this_host() -> str:
    return socket.gethostname()


class DatabaseLock:
    """Held for as long as a program may write to the database."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = lock_path_for(database)
        self._fd: int | None = None
        #: The description left by a holder that did not close normally, when its lock was taken over.
        self.taken_over: str | None = None

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
                    f"このデータは別の Nagato Desk で開かれています（{describe_holder(holder)}）。"
                    "そちらを閉じてから開き直してください。",
                    f"This data is open in another Nagato Desk ({describe_holder(holder, 'en')}). "
                    "Close it there first.",
                )
            # Another process may have removed the file between our open and our lock: then we hold a
            # lock on a file nobody else can see. Check that the path still names our file.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                try:
                    self._check_left_behind(fd)
                except BaseException:
                    _unlock(fd)
                    os.close(fd)
                    raise
                self._fd = fd
                self._write_holder(fd)
                return
            _unlock(fd)
            os.close(fd)
        raise DatabaseInUseError(
            "ロックファイルを確保できませんでした。しばらくしてからもう一度お試しください。",
            "Could not take the lock file. Try again in a moment.",
        )

    def _check_left_behind(self, fd: int) -> None:
        """A description in an unlocked lock file: its writer did not close normally (see the module)."""
        previous = self._read_holder(fd, missing="")
        if not previous:
            return
        holder = parse_holder(previous)
        if holder is not None and holder["host"] != this_host():
            raise DatabaseInUseError(
                f"このデータは別のパソコンの Nagato Desk で開かれているか、そこで正しく閉じられませんでした"
                f"（{describe_holder(previous)}）。同期フォルダや共有フォルダでは、ほかのパソコンのロックが"
                f"見えないことがあります。そのパソコンで Nagato Desk を閉じてから開き直してください。"
                f"そのパソコンで確かに閉じているのにこの表示が出るときは、ロックファイル「{self.path}」を削除してください。",
                f"This data is open in Nagato Desk on another PC, or was not closed properly there "
                f"({describe_holder(previous, 'en')}). Locks of other PCs may not be visible in sync or shared "
                f"folders. Close Nagato Desk on that PC and try again; if it is certainly closed there, "
                f"delete the lock file '{self.path}'.",
            )
        if holder is not None and int(holder["pid"]) != os.getpid() and _pid_alive(int(holder["pid"])):
            # Another process of this PC with that number, but it does not hold the lock: the old one is gone.
            log.info("pid %s of the left-behind lock is in use by another program", holder["pid"])
        self.taken_over = previous
        # INFO: into the log file of the window; a library must not print to the terminal of the command.
        log.info(
            "took over the lock of %s left by a Nagato Desk that did not close normally (%s)",
            self.database,
            previous,
        )

    @staticmethod
    def _read_holder(fd: int, missing: str = "不明") -> str:
        try:
            # On Windows byte 0 is locked by the holder and cannot be read: the text starts at byte 1.
            os.lseek(fd, _HOLDER_OFFSET, os.SEEK_SET)
            text = os.read(fd, 400).decode("utf-8", "replace").strip()
        except OSError:
            text = ""
        return text or missing

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
