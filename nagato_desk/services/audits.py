"""監査: the 監事's audit of a fiscal year (date, auditors, result, remarks) for the 監査報告書."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from nagato_desk.dates import format_date
from nagato_desk.errors import Problem, ValidationError, problem
from nagato_desk.models import Audit, AuditAuditor, Member, OfficerTerm, Role
from nagato_desk.models.audit import AUDIT_RESULTS


@dataclass
class AuditDraft:
    fiscal_year: int
    audited_on: date
    auditor_ids: list[int] = field(default_factory=list)
    result: str = "proper"
    place: str = ""
    remarks: str = ""


def auditors_on(session: Session, on: date) -> list[Member]:
    """Members holding a 監事 role (``Role.is_auditor``) on ``on``, by reading."""
    return list(
        session.scalars(
            select(Member)
            .join(OfficerTerm, OfficerTerm.member_id == Member.id)
            .join(Role, Role.id == OfficerTerm.role_id)
            .where(
                Role.is_auditor.is_(True),
                Member.deleted_at.is_(None),
                OfficerTerm.starts_on <= on,
                or_(OfficerTerm.ends_on.is_(None), OfficerTerm.ends_on >= on),
            )
            .order_by(Member.reading_key, Member.id)
            .distinct()
        )
    )


def list_audits(session: Session, fiscal_year: int | None = None) -> list[Audit]:
    query = select(Audit).order_by(Audit.fiscal_year.desc(), Audit.audited_on.desc(), Audit.id.desc())
    if fiscal_year is not None:
        query = query.where(Audit.fiscal_year == fiscal_year)
    return list(session.scalars(query))


def get_audit(session: Session, audit_id: int) -> Audit:
    audit = session.get(Audit, audit_id)
    if audit is None:
        raise problem("指定された監査が見つかりません。", "That audit does not exist.")
    return audit


def _validate(session: Session, draft: AuditDraft) -> None:
    p: list[Problem] = []
    if not isinstance(draft.audited_on, date):
        p.append(Problem("監査日を入力してください。", "Enter the date of the audit.", field="audited_on"))
    if isinstance(draft.fiscal_year, bool) or not isinstance(draft.fiscal_year, int):
        p.append(
            Problem("監査する年度を入力してください。", "Enter the fiscal year audited.", field="fiscal_year")
        )
    if draft.result not in AUDIT_RESULTS:
        p.append(Problem("監査の結果を選んでください。", "Choose the result.", field="result"))
    if not draft.auditor_ids:
        p.append(Problem("監査した監事を選んでください。", "Choose the auditors.", field="auditor_ids"))
    elif isinstance(draft.audited_on, date):
        allowed = {m.id for m in auditors_on(session, draft.audited_on)}
        for member_id in dict.fromkeys(draft.auditor_ids):
            if member_id not in allowed:
                member = session.get(Member, member_id)
                who = f"{member.name}さん" if member else f"会員{member_id}番"
                p.append(
                    Problem(
                        f"{who}は{format_date(draft.audited_on)}に監事ではありません。",
                        f"{member.name if member else member_id} is not an auditor on {draft.audited_on}.",
                        field="auditor_ids",
                    )
                )
    if p:
        raise ValidationError(p)


def _apply(audit: Audit, draft: AuditDraft) -> None:
    audit.fiscal_year = draft.fiscal_year
    audit.audited_on = draft.audited_on
    audit.result = draft.result
    audit.place = (draft.place or "").strip()
    audit.remarks = draft.remarks or ""
    audit.auditors = [AuditAuditor(member_id=m) for m in dict.fromkeys(draft.auditor_ids)]


def add_audit(session: Session, draft: AuditDraft) -> Audit:
    _validate(session, draft)
    audit = Audit()
    _apply(audit, draft)
    session.add(audit)
    session.flush()
    return audit


def update_audit(session: Session, audit_id: int, draft: AuditDraft) -> Audit:
    audit = get_audit(session, audit_id)
    _validate(session, draft)
    _apply(audit, draft)
    session.flush()
    return audit


def delete_audit(session: Session, audit_id: int) -> None:
    session.delete(get_audit(session, audit_id))
    session.flush()


def draft_of_audit(audit: Audit) -> AuditDraft:
    return AuditDraft(
        fiscal_year=audit.fiscal_year,
        audited_on=audit.audited_on,
        auditor_ids=[a.member_id for a in audit.auditors],
        result=audit.result,
        place=audit.place,
        remarks=audit.remarks,
    )


def auditor_names(session: Session, audit: Audit) -> list[str]:
    return [m.name for a in audit.auditors if (m := session.get(Member, a.member_id)) is not None]
