"""The documents ``nagato-desk export REPORT`` writes. Each entry builds its report object from the
services and hands it to a writer; later records add their reports here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class ExportRequest:
    out: Path
    format: str
    fiscal_year: int | None = None
    meeting: str | None = None
    date_style: str = "wareki"
    today: date = field(default_factory=date.today)
    columns: tuple[str, ...] | None = None  # roster: which columns (default: no personal data)
    per_page: int = 1  # household slips: 1 or 2 to an A4 page


@dataclass(frozen=True)
class ReportKind:
    ja: str
    en: str
    formats: tuple[str, ...]
    run: Callable[[Session, ExportRequest], list[str]]  # returns warnings


def _council(session: Session, request: ExportRequest) -> list[str]:
    from nagato_desk.reports import council

    report = council.build_council_report(session, request.fiscal_year, issued=request.today)
    if request.format == "xlsx":
        council.write_council_xlsx(report, request.out, request.date_style)
        return []
    return council.write_council_pdf(report, request.out, request.date_style).warnings


def _officers(session: Session, request: ExportRequest) -> list[str]:
    from nagato_desk.reports.officers import export_officers

    return export_officers(session, request)


def _member_stats(session: Session, request: ExportRequest) -> list[str]:
    from nagato_desk.reports.member_stats import export_member_stats

    return export_member_stats(session, request)


def _roster(session: Session, request: ExportRequest) -> list[str]:
    from nagato_desk.reports.roster import export_roster

    return export_roster(session, request)


def _household_slips(session: Session, request: ExportRequest) -> list[str]:
    from nagato_desk.reports.household_slips import export_household_slips

    return export_household_slips(session, request)


REPORTS: dict[str, ReportKind] = {
    "council": ReportKind(
        "協議会の概要（自治会別の世帯数・人口・高齢化率）",
        "council profile with figures per association",
        ("pdf", "xlsx"),
        _council,
    ),
    "officers": ReportKind(
        "役員名簿（選出母体・任期）", "officer list with terms", ("pdf", "xlsx"), _officers
    ),
    "member-stats": ReportKind(
        "会員の状況（自治会別・性別・年齢）",
        "membership figures by association",
        ("pdf", "xlsx"),
        _member_stats,
    ),
    "roster": ReportKind(
        "会員名簿（自治会・班ごと、50音順）",
        "member roster by association and block",
        ("pdf", "xlsx", "csv"),
        _roster,
    ),
    "household-slips": ReportKind(
        "名簿確認票（世帯ごと）", "one check slip per household", ("pdf",), _household_slips
    ),
}
