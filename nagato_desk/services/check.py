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
