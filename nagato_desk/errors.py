"""Errors the user can act on.

Every message exists in Japanese (the default) and English; services raise these, the CLI prints
``message(lang)`` to stderr and the window shows it in a dialog. Anything else that escapes is a bug:
it is logged and reported as such.
"""

from __future__ import annotations

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
