"""Import 自治会 and their yearly figures (世帯数・人口・65歳以上) from .xlsx or .csv: all rows or none."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from nagato_desk.dates import parse_fiscal_year
from nagato_desk.errors import Problem, ValidationError
from nagato_desk.importers.tabular import Column, cell_text, locate, read_rows
from nagato_desk.money import parse_yen
from nagato_desk.services import associations as associations_service
from nagato_desk.services import council as council_service

COLUMNS = [
    Column("name", ("自治会", "自治会名", "地区", "地区名", "名称")),
    Column("households", ("世帯数", "世帯", "戸数")),
    Column("population", ("人口", "人口数", "総人口", "人数")),
    Column("aged", ("65歳以上", "65歳以上人口", "高齢者数", "高齢者人口", "65歳以上の人口")),
    Column("year", ("年度",), required=False),
    Column("reading", ("ふりがな", "フリガナ", "よみがな", "読み"), required=False),
]


#: The column to blame when validate_figures finds a field inconsistent.
_FIELD_COLUMN = {"households": "households", "population": "population", "aged_65_plus": "aged"}


@dataclass
class ImportResult:
    created: int
    rows: int

    def summary(self, lang: str = "ja") -> str:
        if lang == "en":
            return f"{self.rows} rows: {self.created} associations added, figures of {self.rows} recorded."
        return f"{self.rows}行を読み込みました（自治会の新規登録 {self.created}件、人口・世帯数 {self.rows}件）。"


def _count(
    value: object, row: int, column: str, label_ja: str, label_en: str, problems: list[Problem]
) -> int | None:
    text = cell_text(value)
    if not text:
        problems.append(Problem(f"{label_ja}が空です。", f"{label_en} is empty.", row=row, column=column))
        return None
    try:
        number = parse_yen(text.replace("人", "").replace("世帯", ""))
    except ValueError:
        problems.append(
            Problem(
                f"{label_ja}「{text}」は整数ではありません。",
                f"{label_en} '{text}' is not a whole number.",
                row=row,
                column=column,
            )
        )
        return None
    if number < 0:
        problems.append(
            Problem(f"{label_ja}が負の数です。", f"{label_en} is negative.", row=row, column=column)
        )
        return None
    return number


def import_associations(session: Session, path: Path, fiscal_year: int | None = None) -> ImportResult:
    """Read ``path`` and record every row, or raise ``ValidationError`` naming each bad cell."""
    path = Path(path)
    table = locate(read_rows(path), COLUMNS, path.name)
    problems: list[Problem] = []
    parsed = []
    if not table.rows:
        raise ValidationError(
            [Problem(f"{path.name}：データの行がありません。", f"{path.name}: no data rows.")]
        )
    if "year" not in table.columns and fiscal_year is None:
        raise ValidationError(
            [
                Problem(
                    "年度の列がありません。--year で年度を指定してください。",
                    "No 年度 column: give the fiscal year with --year.",
                )
            ]
        )
    seen: dict[tuple[str, int], int] = {}
    for row in table.rows:
        v = row.values
        name = cell_text(v["name"])
        if not name:
            problems.append(
                Problem(
                    "自治会名が空です。",
                    "The association name is empty.",
                    row=row.number,
                    column=table.columns["name"],
                )
            )
        fy = fiscal_year
        if "year" in table.columns and cell_text(v.get("year")):
            try:
                fy = parse_fiscal_year(cell_text(v["year"]))
            except ValueError as exc:
                problems.append(
                    Problem(
                        str(exc),
                        f"cannot read the fiscal year '{cell_text(v['year'])}'.",
                        row=row.number,
                        column=table.columns["year"],
                    )
                )
                fy = None
            low, high = associations_service.FISCAL_YEAR_RANGE
            if fy is not None and not low <= fy <= high:
                problems.append(
                    Problem(
                        f"年度 {fy} は範囲外です。",
                        f"Fiscal year {fy} is out of range.",
                        row=row.number,
                        column=table.columns["year"],
                    )
                )
                fy = None
        elif fy is None:
            problems.append(
                Problem(
                    "年度が空です。",
                    "The fiscal year is empty.",
                    row=row.number,
                    column=table.columns["year"],
                )
            )
        households = _count(
            v["households"], row.number, table.columns["households"], "世帯数", "households", problems
        )
        population = _count(
            v["population"], row.number, table.columns["population"], "人口", "population", problems
        )
        aged = _count(
            v["aged"], row.number, table.columns["aged"], "65歳以上人口", "population aged 65+", problems
        )
        if None in (households, population, aged) or not name or fy is None:
            continue
        figures = associations_service.FiguresDraft(households, population, aged)
        for p in associations_service.validate_figures(figures):
            column = table.columns.get(_FIELD_COLUMN.get(p.field or "", ""))
            problems.append(Problem(p.ja, p.en, row=row.number, column=column))
        key = (name, fy)
        if key in seen:
            problems.append(
                Problem(
                    f"「{name}」の{fy}年度が{seen[key]}行目と重複しています。",
                    f"'{name}' FY{fy} repeats row {seen[key]}.",
                    row=row.number,
                )
            )
        seen[key] = row.number
        parsed.append((name, cell_text(v.get("reading")), fy, figures))
    if problems:
        raise ValidationError(problems)
    council_service.require_council(session)
    existing = {a.name: a for a in associations_service.list_associations(session)}
    created = 0
    for name, reading, fy, figures in parsed:
        assoc = existing.get(name)
        if assoc is None:
            assoc = associations_service.add_association(session, name, reading)
            existing[name] = assoc
            created += 1
        associations_service.set_figures(session, assoc.id, fy, figures)
    return ImportResult(created=created, rows=len(parsed))
