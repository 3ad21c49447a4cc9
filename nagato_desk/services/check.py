"""The data check (データの点検): SQLite's own checks plus the domain's consistency rules.

Later records register their own rules in ``DOMAIN_CHECKS``; each returns findings that say what is
wrong and where, in words a secretariat understands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from nagato_desk.database import SCHEMA_HEAD, Database, current_revision, is_constraint_violation
from nagato_desk.models import AssociationFigure, NeighbourhoodAssociation
from nagato_desk.services.associations import figure_years
from nagato_desk.services.council import get_council
from nagato_desk.services.meeting_checks import (
    check_attendance_of_leavers,
    check_officials_are_members,
    check_resolutions_without_quorum,
)
from nagato_desk.services.officers import (
    check_officers_who_left,
    check_overlapping_terms,
    check_single_holders,
)


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" or "warning"
    ja: str
    en: str

    def message(self, lang: str = "ja") -> str:
        mark = {"error": ("エラー", "error"), "warning": ("注意", "warning")}[self.severity]
        return f"[{mark[1] if lang == 'en' else mark[0]}] {self.en if lang == 'en' else self.ja}"


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)
    checked: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    def text(self, lang: str = "ja") -> str:
        lines = []
        for ja, en in self.checked:
            lines.append(("checked: " + en) if lang == "en" else ("点検済み：" + ja))
        lines.extend(f.message(lang) for f in self.findings)
        if self.ok and not self.findings:
            lines.append("No problems found." if lang == "en" else "問題は見つかりませんでした。")
        elif self.ok:
            lines.append(
                "No errors; see the warnings above."
                if lang == "en"
                else "エラーはありません（注意をご確認ください）。"
            )
        else:
            count = sum(f.severity == "error" for f in self.findings)
            lines.append(
                f"{count} error(s) found." if lang == "en" else f"{count}件のエラーが見つかりました。"
            )
        return "\n".join(lines)


def _sqlite_checks(db: Database, report: CheckReport) -> None:
    with db.engine.connect() as conn:
        results = [r[0] for r in conn.execute(text("PRAGMA integrity_check")) if r[0] != "ok"]
        for r in results[:20]:
            if is_constraint_violation(r):
                # A row breaking a rule is not damage: the domain rules below say which row.
                report.findings.append(
                    Finding("error", f"規則に合わない行があります：{r}", f"a row breaks a rule: {r}")
                )
            else:
                report.findings.append(Finding("error", f"ファイルの破損：{r}", f"damaged file: {r}"))
        report.checked.append(("ファイルの整合性（integrity_check）", "file integrity (integrity_check)"))
        for table, rowid, parent, _fk in conn.execute(text("PRAGMA foreign_key_check")):
            report.findings.append(
                Finding(
                    "error",
                    f"表「{table}」の{rowid}番の行が、存在しない「{parent}」を参照しています。",
                    f"row {rowid} of '{table}' refers to a missing '{parent}'.",
                )
            )
        report.checked.append(("参照の整合性（foreign_key_check）", "references (foreign_key_check)"))
    revision = current_revision(db.engine)
    if revision != SCHEMA_HEAD:
        report.findings.append(
            Finding(
                "error",
                f"スキーマの版が {revision} です（期待：{SCHEMA_HEAD}）。",
                f"schema is {revision}, expected {SCHEMA_HEAD}.",
            )
        )
    report.checked.append(("スキーマの版", "schema version"))


def _check_council(session: Session) -> Iterable[Finding]:
    if get_council(session) is None:
        yield Finding("error", "協議会が登録されていません。", "No council is registered.")


def _check_figures(session: Session) -> Iterable[Finding]:
    rows = session.execute(
        select(NeighbourhoodAssociation.name, AssociationFigure).join(AssociationFigure.association)
    ).all()
    for name, fig in rows:
        if fig.aged_65_plus > fig.population:
            yield Finding(
                "error",
                f"{name}の{fig.fiscal_year}年度：65歳以上人口が人口を超えています。",
                f"{name}, FY{fig.fiscal_year}: population aged 65+ exceeds the population.",
            )
    years = figure_years(session)
    if years:
        latest = years[0]
        have = {n for n, f in rows if f.fiscal_year == latest}
        for assoc in session.scalars(select(NeighbourhoodAssociation)):
            if assoc.name not in have:
                yield Finding(
                    "warning",
                    f"{assoc.name}：{latest}年度の世帯数・人口が未入力です。",
                    f"{assoc.name}: no figures for FY{latest}.",
                )


#: Domain rules: (Japanese label, English label, function). Later records append theirs.
DOMAIN_CHECKS: list[tuple[str, str, Callable[[Session], Iterable[Finding]]]] = [
    ("協議会の登録", "council registered", _check_council),
    ("自治会の人口・世帯数", "association figures", _check_figures),
    ("役員の任期の重なり", "overlapping officer terms", check_overlapping_terms),
    ("会長・事務局長・会計が1人ずつか", "one holder of single-holder roles", check_single_holders),
    ("退会した人の任期", "terms of people who left", check_officers_who_left),
    ("会議の出欠と会員の在籍", "attendance of people who were not members", check_attendance_of_leavers),
    ("議長・記録者・署名人の在籍", "chair, recorder and signers are members", check_officials_are_members),
    ("定足数と議決", "quorum and resolutions", check_resolutions_without_quorum),
]


def run_checks(db: Database) -> CheckReport:
    report = CheckReport()
    _sqlite_checks(db, report)
    if any(f.severity == "error" and "破損" in f.ja for f in report.findings):
        return report  # the domain rules cannot be trusted on a damaged file
    with db.Session() as session:
        for ja, en, rule in DOMAIN_CHECKS:
            report.findings.extend(rule(session))
            report.checked.append((ja, en))
    return report

# 事業 (activities): dates, photo files, past plans left as 予定
from nagato_desk.services import activities as _activities  # noqa: E402
from nagato_desk.services import activity_photos as _activity_photos  # noqa: E402

DOMAIN_CHECKS += [
    ("事業の実施日と終了日", "activity dates", _activities.check_activity_dates),
    ("事業の写真のファイル", "activity photo files", _activity_photos.check_photo_files),
    ("過去の年度で「予定」のままの事業", "past activities still planned", _activities.check_stale_plans),
]

# 夢プラン: years outside the period, evaluations of unplanned or missing years, indicator directions
from nagato_desk.services import plan_checks as _plan_checks  # noqa: E402

DOMAIN_CHECKS += [
    ("夢プランの計画期間外の年度", "dream plan years outside the period", _plan_checks.check_plan_years),
    ("夢プランの評価（予定外・未入力）", "dream plan evaluations", _plan_checks.check_plan_evaluations),
    ("夢プランの指標の方向", "dream plan indicator directions", _plan_checks.check_plan_indicators),
]

# 会計: the cash book against the settlement, closed years and the carry-over chain, negative balances, budgets
from nagato_desk.services import accounts_checks as _accounts_checks  # noqa: E402

DOMAIN_CHECKS += [
    (
        "出納簿と決算（口座残高・年度・会計）",
        "cash book against the settlement",
        _accounts_checks.check_cashbook_consistency,
    ),
    (
        "締めた年度と繰越金のつながり",
        "closed years and the carry-over chain",
        _accounts_checks.check_closed_years,
    ),
    ("口座の残高がマイナス", "negative account balances", _accounts_checks.check_negative_balances),
    ("予算の収支の釣り合い", "budgets balance", _accounts_checks.check_budgets_balance),
]
