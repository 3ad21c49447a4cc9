"""監査報告書: the 監事's report on a year's accounts, with the settlement totals and signature lines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from nagato_desk.dates import format_date, format_fiscal_year
from nagato_desk.models.audit import AUDIT_RESULTS
from nagato_desk.reports.accounts_base import settled_year, yen
from nagato_desk.reports.pdf_base import PageSpec, PdfContext, PdfResult
from nagato_desk.reports.xlsx_base import SheetWriter, new_workbook, save_workbook
from nagato_desk.services.audits import auditor_names, list_audits
from nagato_desk.services.council import require_council
from nagato_desk.services.funds import list_funds
from nagato_desk.services.settlement import settle_year

TITLE = "監査報告書"


@dataclass(frozen=True)
class AuditReport:
    council_name: str
    representative: str
    fiscal_year: int
    issued: date
    audited_on: date | None
    place: str
    result: str
    remarks: str
    auditors: list[str]
    totals: list[tuple[str, int, int, int]]  # fund, 収入合計, 支出合計, 次年度繰越金


def build_audit_report(session: Session, fiscal_year: int, issued: date | None = None) -> AuditReport:
    council = require_council(session)
    audits = list_audits(session, fiscal_year)
    audit = audits[0] if audits else None
    totals = []
    for f in list_funds(session):
        s = settle_year(session, f.id, fiscal_year)
        totals.append((f.name, s.income_actual, s.expense_actual, s.carry_over_out))
    return AuditReport(
        council_name=council.name,
        representative=getattr(council, "representative", "") or "",
        fiscal_year=fiscal_year,
        issued=issued or date.today(),
        audited_on=audit.audited_on if audit else None,
        place=audit.place if audit else "",
        result=audit.result if audit else "",
        remarks=audit.remarks if audit else "",
        auditors=auditor_names(session, audit) if audit else [],
        totals=totals,
    )


def statement(report: AuditReport, date_style: str = "wareki") -> str:
    fy = format_fiscal_year(report.fiscal_year, date_style)
    when = format_date(report.audited_on, date_style) if report.audited_on else "令和　　年　　月　　日"
    body = f"{fy}の会計について、{when}に帳簿、証憑書類及び預金通帳等を照合し、監査を行いました。"
    if report.result == "qualified":
        return body + "その結果、下記の事項を指摘します。"
    return body + "その結果、収支決算書のとおり適正に処理されていることを認めます。"


def write_audit_pdf(report: AuditReport, out_path: Path, date_style: str = "wareki") -> PdfResult:
    ctx = PdfContext(PageSpec(report.council_name, TITLE, report.issued, date_style))
    return ctx.build(Path(out_path), audit_story(ctx, report, date_style))


def audit_story(ctx: PdfContext, report: AuditReport, date_style: str = "wareki") -> list:
    """The flowables of the document below its title (the 総会資料 reuses them)."""
    story: list = [
        ctx.para(f"{report.council_name}　会長　{report.representative}　様", "body"),
        ctx.spacer(8),
        ctx.para(statement(report, date_style), "body"),
        ctx.spacer(6),
    ]
    rows = [["会計", "収入合計", "支出合計", "次年度繰越金"]]
    rows += [[name, yen(i), yen(e), yen(c)] for name, i, e, c in report.totals]
    story.append(ctx.table(rows, [0.31, 0.23, 0.23, 0.23], numeric_cols=(1, 2, 3)))
    story.append(ctx.spacer(6))
    pairs = [("監査の結果", AUDIT_RESULTS.get(report.result, "（未記入）")), ("場所", report.place)]
    pairs.append(("意見・指摘事項", report.remarks))
    story.append(ctx.key_value_table(pairs))
    story.append(ctx.spacer(24))
    names = report.auditors or ["", ""]
    for name in names:
        story.append(ctx.para(f"監事　{name or '　' * 8}　　　　　　　　　　印", "body_right"))
        story.append(ctx.spacer(14))
    return story


def write_audit_xlsx(report: AuditReport, out_path: Path, date_style: str = "wareki") -> Path:
    wb = new_workbook()
    sw = SheetWriter(
        wb,
        TITLE,
        council_name=report.council_name,
        doc_title=TITLE,
        date_text=format_date(report.issued, date_style),
    )
    sw.section(statement(report, date_style))
    sw.blank()
    sw.header(["会計", "収入合計", "支出合計", "次年度繰越金"], ["text", "yen", "yen", "yen"])
    sw.rows([list(t) for t in report.totals])
    sw.blank()
    sw.key_values(
        [
            ("監査の結果", AUDIT_RESULTS.get(report.result, "（未記入）")),
            ("場所", report.place),
            ("意見・指摘事項", report.remarks),
        ]
    )
    sw.blank()
    for name in report.auditors or ["", ""]:
        sw.section(f"監事　{name}　　　　　　印")
    return save_workbook(wb, Path(out_path))


def export_audit(session: Session, request) -> list[str]:
    report = build_audit_report(session, settled_year(session, request), issued=request.today)
    warnings = (
        [] if report.audited_on else [f"{format_fiscal_year(report.fiscal_year)}の監査が登録されていません。"]
    )
    if request.format == "xlsx":
        write_audit_xlsx(report, request.out, request.date_style)
        return warnings
    return warnings + write_audit_pdf(report, request.out, request.date_style).warnings
