"""Exports that carry personal data go into the change history (変更履歴), from the window and the
command line alike: which document, what personal data, which file, and for what purpose.

What a report *can* contain is declared on its ``ReportKind.personal`` (reports/exports.py); what one
export *does* contain depends on the request (the roster's chosen columns): :func:`personal_contents`.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from nagato_desk.services.history import record_event

#: Reports that can be limited to the members who consented to a purpose (ExportRequest.purpose).
PURPOSE_REPORTS = ("roster",)


def personal_contents(report_key: str, request) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """The personal data an export carries (empty: none), in the words the export dialog uses."""
    from nagato_desk.reports.exports import REPORTS

    if report_key == "roster":
        from nagato_desk.reports.roster import DEFAULT_COLUMNS, ROSTER_COLUMNS

        chosen = getattr(request, "columns", None) or DEFAULT_COLUMNS
        return tuple(ROSTER_COLUMNS[c][0] for c in chosen if c in ROSTER_COLUMNS and ROSTER_COLUMNS[c][1])
    kind = REPORTS.get(report_key)
    return kind.personal if kind is not None else ()


def export_note(report_key: str, request, personal: tuple[str, ...]) -> str:  # type: ignore[no-untyped-def]
    """「会員名簿を書き出し（住所・電話番号を含む、roster.xlsx）」; with a consent purpose (a roster
    handed to someone else): 「会員名簿を書き出し（氏名のみ、roster.pdf、目的：市への名簿の提出）」."""
    from nagato_desk.reports.exports import REPORTS

    kind = REPORTS.get(report_key)
    name = kind.ja.split("（")[0] if kind is not None else report_key
    what = f"{'・'.join(personal)}を含む" if personal else "氏名のみ"
    purpose = getattr(request, "purpose", None) if report_key in PURPOSE_REPORTS else None
    extra = f"、目的：{purpose}" if purpose else ""
    return f"{name}を書き出し（{what}、{request.out.name}{extra}）"


def needs_record(report_key: str, request) -> bool:  # type: ignore[no-untyped-def]
    """Whether this export goes into the change history: it carries personal data, or it is made
    for a consent purpose (a roster for the city: 第三者提供, which the law asks to keep a record of)."""
    for_purpose = report_key in PURPOSE_REPORTS and getattr(request, "purpose", None)
    return bool(personal_contents(report_key, request) or for_purpose)


def record_export(session: Session, report_key: str, request) -> bool:  # type: ignore[no-untyped-def]
    """Record the export of ``report_key`` made with ``request`` when :func:`needs_record`; returns
    whether anything was recorded. Call it after the file was written, in a writing session
    (``with db.session() as session``)."""
    if not needs_record(report_key, request):
        return False
    personal = personal_contents(report_key, request)
    record_event(session, "export", export_note(report_key, request, personal), "member")
    session.flush()
    return True
