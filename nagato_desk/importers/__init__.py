"""Importers: spreadsheet rows → validated drafts → services. ``KINDS`` is what ``nagato-desk import`` takes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class ImportKind:
    ja: str
    en: str
    run: Callable[[Session, Path, int | None], Any]  # returns an object with .summary(lang)


def _associations(session: Session, path: Path, year: int | None) -> Any:
    from nagato_desk.importers.associations import import_associations

    return import_associations(session, path, fiscal_year=year)


def _members(session: Session, path: Path, year: int | None) -> Any:
    from nagato_desk.importers.members import import_members

    return import_members(session, path)  # a roster has no fiscal year: --year is not used


KINDS: dict[str, ImportKind] = {
    "associations": ImportKind(
        "自治会と年度別の世帯数・人口", "neighbourhood associations and yearly figures", _associations
    ),
    "members": ImportKind("会員名簿", "member roster", _members),
}


def _budget(session: Session, path: Path, year: int | None) -> Any:
    from nagato_desk.importers.budget import import_budget

    return import_budget(session, path, fiscal_year=year)  # default: the fiscal year of today


def _cashbook(session: Session, path: Path, year: int | None) -> Any:
    from nagato_desk.importers.cashbook import import_cashbook

    return import_cashbook(session, path, fiscal_year=year)  # default: the year of the first date


KINDS["budget"] = ImportKind("収支予算書（科目・予算額・説明）", "budget (head, amount, explanation)", _budget)
KINDS["cashbook"] = ImportKind("出納簿（日付・科目・摘要・収入・支出・口座・証憑番号）", "cash book", _cashbook)
