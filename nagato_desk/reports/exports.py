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
    purpose: str | None = None  # roster: only members who consented to this purpose (for the city)


@dataclass(frozen=True)
class ReportKind:
    ja: str
    en: str
    formats: tuple[str, ...]
    run: Callable[[Session, ExportRequest], list[str]]  # returns warnings
    #: The personal data it can contain (empty: none); what one export holds: services/export_log.py.
    personal: tuple[str, ...] = ()


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
        personal=("年齢", "生年月日", "住所", "電話番号", "メール", "備考"),  # only the columns chosen
    ),
    "household-slips": ReportKind(
        "名簿確認票（世帯ごと）",
        "one check slip per household",
        ("pdf",),
        _household_slips,
        personal=("住所", "電話番号", "生年月日"),
    ),
}


def _accounts(module: str, function: str) -> Callable[[Session, ExportRequest], list[str]]:
    """The accounts documents (issue 4), imported only when one is made."""

    def run(session: Session, request: ExportRequest) -> list[str]:
        import importlib

        return getattr(importlib.import_module(f"nagato_desk.reports.{module}"), function)(session, request)

    return run


REPORTS.update(
    {
        "budget": ReportKind(
            "収支予算書（--year 省略時は今年度）", "budget statement (default: this fiscal year)",
            ("pdf", "xlsx"), _accounts("budget", "export_budget"),
        ),
        "settlement": ReportKind(
            "収支決算書（--year 省略時は最後に締めた年度）", "settlement (default: the last closed year)",
            ("pdf", "xlsx"), _accounts("settlement", "export_settlement"),
        ),
        "cashbook": ReportKind(
            "出納簿（会計ごと・全口座、--year 省略時は今年度）", "cash book per fund (default: this fiscal year)",
            ("pdf", "xlsx"), _accounts("cashbook", "export_cashbook"),
        ),
        "audit": ReportKind(
            "監査報告書（--year 省略時は最後に締めた年度）", "audit report (default: the last closed year)",
            ("pdf", "xlsx"), _accounts("audit_report", "export_audit"),
        ),
        "subsidy": ReportKind(
            "補助金実績報告書（--year 省略時は最後に締めた年度）", "subsidy report (default: the last closed year)",
            ("pdf", "xlsx"), _accounts("subsidy_report", "export_subsidy"),
        ),
        "balance": ReportKind(
            "財産・預金残高（年度末、--year 省略時は最後に締めた年度）", "money account balances at year end",
            ("pdf", "xlsx"), _accounts("balance", "export_balance"),
        ),
    }
)  # fmt: skip


def _activity_report(by: str) -> Callable[[Session, ExportRequest], list[str]]:
    def run(session: Session, request: ExportRequest) -> list[str]:
        from nagato_desk.reports.activity_report import export_activity_report

        return export_activity_report(session, request, by)

    return run


REPORTS.update(
    {
        "activity-report": ReportKind(
            "事業報告書（活動分野別、--year 省略時は前年度）", "activity report by field (default: last year)",
            ("pdf", "xlsx"), _activity_report("field"),
        ),
        "activity-report-committee": ReportKind(
            "事業報告書（担当部会別、--year 省略時は前年度）", "activity report by committee (default: last year)",
            ("pdf", "xlsx"), _activity_report("committee"),
        ),
    }
)  # fmt: skip


def _plan_booklet(session: Session, request: ExportRequest) -> list[str]:
    from nagato_desk.reports.plan_booklet import export_plan

    return export_plan(session, request)


def _plan_progress(session: Session, request: ExportRequest) -> list[str]:
    from nagato_desk.reports.plan_progress import export_plan_progress

    return export_plan_progress(session, request)


REPORTS.update(
    {
        "plan": ReportKind(
            "地域の夢プラン（冊子：将来像・現状・目標と取組・年次計画表・指標）", "dream plan booklet",
            ("pdf", "xlsx"), _plan_booklet,
        ),
        "plan-progress": ReportKind(
            "夢プラン評価シート（--year 省略時は前年度）", "dream plan yearly progress sheet (default: last year)",
            ("pdf", "xlsx"), _plan_progress,
        ),
    }
)  # fmt: skip


def _meeting_report(module: str, function: str) -> Callable[[Session, ExportRequest], list[str]]:
    """A meeting document: ``--meeting N|last`` (the latest 総会 without it); ``resolutions`` takes ``--year``."""

    def run(session: Session, request: ExportRequest) -> list[str]:
        import importlib

        return getattr(importlib.import_module(f"nagato_desk.reports.{module}"), function)(session, request)

    return run


REPORTS.update(
    {
        "minutes": ReportKind(
            "議事録（--meeting 番号 または last、省略時は最新の総会）", "minutes of a meeting",
            ("pdf",), _meeting_report("minutes", "export_minutes"),
        ),
        "attendance-sheet": ReportKind(
            "出席簿（50音順、署名欄つき）", "attendance sheet to sign", ("pdf", "xlsx"),
            _meeting_report("attendance_sheet", "export_attendance_sheet"),
        ),
        "proxy-form": ReportKind(
            "委任状（会議と議案を記入済み）", "proxy form", ("pdf",), _meeting_report("meeting_forms", "export_proxy_form"),
        ),
        "written-vote": ReportKind(
            "書面表決書（会議と議案を記入済み）", "written vote form", ("pdf",),
            _meeting_report("meeting_forms", "export_written_vote"),
        ),
        "notice": ReportKind(
            "開催通知（出欠回答票つき）", "meeting notice with reply slip", ("pdf",), _meeting_report("notice", "export_notice"),
        ),
        "resolutions": ReportKind(
            "議決事項一覧（--year 省略時は今年度）", "resolutions of a fiscal year", ("pdf", "xlsx"),
            _meeting_report("resolutions", "export_resolutions"),
        ),
    }
)  # fmt: skip


def _pack_report(module: str, function: str) -> Callable[[Session, ExportRequest], list[str]]:
    """The 総会 and city documents (issue 7): imported only when one is made."""

    def run(session: Session, request: ExportRequest) -> list[str]:
        import importlib

        return getattr(importlib.import_module(f"nagato_desk.reports.{module}"), function)(session, request)

    return run


REPORTS.update(
    {
        "activity-plan": ReportKind(
            "事業計画書（夢プランの取組・年間事業予定・収支予算、--year 省略時は今年度）",
            "activity plan of a year (default: this fiscal year)",
            ("pdf", "xlsx"), _pack_report("activity_plan", "export_activity_plan"),
        ),
        "assembly-pack": ReportKind(
            "総会資料（表紙・目次・次第・各議案、--meeting 省略時は最新の総会）",
            "general-meeting booklet (default: the latest general meeting)",
            ("pdf",), _pack_report("assembly_pack", "export_assembly_pack"),
        ),
        "city-package": ReportKind(
            "市への提出一式（フォルダ、または --out が .zip ならzip。--year 省略時は最後に締めた年度）",
            "package for city hall: a folder, or a zip when --out ends in .zip",
            ("zip", "pdf", "xlsx"), _pack_report("city_package", "export_city_package"),
        ),
    }
)  # fmt: skip
