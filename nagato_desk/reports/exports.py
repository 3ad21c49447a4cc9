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


REPORTS: dict[str, ReportKind] = {
    "council": ReportKind(
        "協議会の概要（自治会別の世帯数・人口・高齢化率）",
        "council profile with figures per association",
        ("pdf", "xlsx"),
        _council,
    ),
}
