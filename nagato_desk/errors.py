"""Errors the user can act on.

Every message exists in Japanese (the default) and English; services raise these, the CLI prints
``message(lang)`` to stderr and the window shows it in a dialog. Anything else that escapes is a bug:
it is logged and reported as such.
"""

from __future__ import annotations

import errno as _errno
from dataclasses import dataclass, field


class NagatoError(Exception):
    """A problem the user can fix; ``exit_code`` follows CLI.md (1 rejected input, 2 usage/unreadable)."""

    exit_code = 1

    def __init__(self, ja: str, en: str) -> None:
        super().__init__(ja)
        self.ja = ja
        self.en = en

    def message(self, lang: str = "ja") -> str:
        return self.en if lang == "en" else self.ja


class UnreadableFileError(NagatoError):
    """The file cannot be opened or is not what it should be."""

    exit_code = 2


class DatabaseInUseError(NagatoError):
    """Another Nagato Desk holds the write lock on this database."""


class NewerDatabaseError(UnreadableFileError):
    """The file was written by a newer version of the program."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, and where: a field of a form, or a row and column of a file."""

    ja: str
    en: str
    field: str | None = None
    row: int | None = None
    column: str | None = None

    def message(self, lang: str = "ja") -> str:
        text = self.en if lang == "en" else self.ja
        where = []
        if self.row is not None:
            where.append(f"{self.row}行目" if lang != "en" else f"row {self.row}")
        if self.column:
            # An importer's label is already written out ("C列「人口」"); a bare name is wrapped.
            spelled = "「" in self.column
            if lang == "en":
                where.append(f"column {self.column}" if spelled else f"column '{self.column}'")
            else:
                where.append(self.column if spelled else f"「{self.column}」列")
        if not where:
            return text
        sep = "、" if lang != "en" else ", "
        return sep.join(where) + (": " if lang == "en" else "：") + text


@dataclass
class ValidationError(NagatoError):
    """One or more problems in a form or an imported file; nothing was written."""

    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        ja = "\n".join(p.message("ja") for p in self.problems)
        en = "\n".join(p.message("en") for p in self.problems)
        NagatoError.__init__(self, ja, en)

    def __str__(self) -> str:
        return self.ja


def problem(ja: str, en: str, *, field: str | None = None) -> ValidationError:
    """Shorthand for a form error with a single problem."""
    return ValidationError([Problem(ja, en, field=field)])


# --- Disk full, read-only places: one plain message wherever they surface -------------------------------

#: The OS errors of a full disk (ENOSPC, EDQUOT) or a file-size limit (EFBIG).
_FULL_ERRNOS = {_errno.ENOSPC, _errno.EFBIG, getattr(_errno, "EDQUOT", _errno.ENOSPC)}
#: The OS errors of a place that may not be written (read-only folder, read-only mount).
_READ_ONLY_ERRNOS = {_errno.EACCES, _errno.EPERM, _errno.EROFS}
#: SQLite's primary result codes: SQLITE_FULL (13) and SQLITE_IOERR (10, which is what a write refused
#: with EFBIG or EIO becomes); with ``read_only``, SQLITE_READONLY (8) and SQLITE_CANTOPEN (14) too.
_SQLITE_FULL_CODES = {13, 10}
_SQLITE_READ_ONLY_CODES = {8, 14}


class StorageError(NagatoError, OSError):
    """The disk is full, a file-size limit was hit, or the place cannot be written to.

    Also an ``OSError``, so callers that already handle a failed write (``except OSError``) still do.
    """


def storage_error(exc: BaseException, *, read_only: bool = False) -> StorageError | None:
    """The plain message for ``exc`` when it means "disk full / cannot write here", else None.

    Looks through SQLAlchemy's wrapper (``.orig``) and the chain of causes. ``read_only`` also maps
    permission errors; only write paths (export, backup) pass it, since a permission error while
    reading a file is a different problem.
    """
    import sqlite3

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, StorageError):
            return current
        if isinstance(current, OSError):
            codes = _FULL_ERRNOS | (_READ_ONLY_ERRNOS if read_only else set())
            if current.errno in codes:
                return _storage_message(current.strerror or str(current))
        if isinstance(current, sqlite3.Error):
            code = (getattr(current, "sqlite_errorcode", None) or 0) & 0xFF
            codes = _SQLITE_FULL_CODES | (_SQLITE_READ_ONLY_CODES if read_only else set())
            if code in codes:
                return _storage_message(str(current))
        orig = getattr(current, "orig", None)  # sqlalchemy.exc.DBAPIError
        current = orig if isinstance(orig, BaseException) else (current.__cause__ or current.__context__)
    return None


def _storage_message(reason: str) -> StorageError:
    return StorageError(
        "ディスクの空きが足りないか、書き込めない場所です。空きを作るか、別の保存先を選んでください。"
        f"データは変わっていません。（{reason}）",
        "The disk is full or this place cannot be written to. Free some space or choose another place. "
        f"The data is unchanged. ({reason})",
    )
