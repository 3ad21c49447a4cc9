"""Member neighbourhood associations (自治会) of the council and their yearly figures (世帯数・人口・65歳以上)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nagato_desk.dates import fiscal_year_start
from nagato_desk.errors import Problem, ValidationError, problem
from nagato_desk.models import AssociationFigure, NeighbourhoodAssociation
from nagato_desk.money import rate
from nagato_desk.services.council import clean_text, require_council
from nagato_desk.services.ordering import move_in_order, required_name

ASSOCIATION_NAME_MAX = 100
FISCAL_YEAR_RANGE = (1900, 2200)


def year_problems(fiscal_year: object, where: str = "") -> list[Problem]:
    low, high = FISCAL_YEAR_RANGE
    if isinstance(fiscal_year, bool) or not isinstance(fiscal_year, int) or not low <= fiscal_year <= high:
        return [
            Problem(
                f"{where}年度 {fiscal_year} は範囲外です。",
                f"{where}fiscal year {fiscal_year} is out of range.",
            )
        ]
    return []


@dataclass
class FiguresDraft:
    """世帯数・人口・65歳以上人口 of one 自治会 for one fiscal year."""

    households: int
    population: int
    aged_65_plus: int


@dataclass
class AssociationDraft:
    name: str
    reading: str = ""
    figures: dict[int, FiguresDraft] = field(default_factory=dict)


@dataclass(frozen=True)
class AssociationFigures:
    """One row of the figures table: a 自治会 (or the total) in one fiscal year."""

    name: str
    households: int | None
    population: int | None
    aged_65_plus: int | None

    @property
    def ageing_rate(self) -> Decimal | None:
        """高齢化率 in percent, two places, rounded half up (as in the city's plan)."""
        if self.aged_65_plus is None or self.population is None:
            return None
        return rate(self.aged_65_plus, self.population)


TOTAL_LABEL = "合計"


def sum_figures(rows: list[AssociationFigures], label: str = TOTAL_LABEL) -> AssociationFigures:
    """The 合計 row: a column is summed over the rows that have it; None when no row has it."""

    def total(values: list[int | None]) -> int | None:
        present = [v for v in values if v is not None]
        return sum(present) if present else None

    return AssociationFigures(
        name=label,
        households=total([r.households for r in rows]),
        population=total([r.population for r in rows]),
        aged_65_plus=total([r.aged_65_plus for r in rows]),
    )


@dataclass(frozen=True)
class FiguresTable:
    """Figures of every 自治会 for one fiscal year, with the total; what the home page shows."""

    fiscal_year: int | None
    as_of: date | None
    rows: list[AssociationFigures]
    totals: AssociationFigures


def validate_figures(fig: FiguresDraft, where: str = "") -> list[Problem]:
    """Figures must be whole, non-negative, and consistent (65+ within population)."""
    problems = []
    labels = {
        "households": ("世帯数", "households"),
        "population": ("人口", "population"),
        "aged_65_plus": ("65歳以上人口", "population aged 65+"),
    }
    for attr, (ja, en) in labels.items():
        value = getattr(fig, attr)
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(
                Problem(
                    f"{where}{ja}は整数で入力してください。",
                    f"{where}{en} must be a whole number.",
                    field=attr,
                )
            )
        elif value < 0:
            problems.append(
                Problem(f"{where}{ja}は0以上にしてください。", f"{where}{en} cannot be negative.", field=attr)
            )
    if problems:
        return problems
    if fig.aged_65_plus > fig.population:
        problems.append(
            Problem(
                f"{where}65歳以上人口（{fig.aged_65_plus}人）が人口（{fig.population}人）を超えています。",
                f"{where}population aged 65+ ({fig.aged_65_plus}) exceeds the population ({fig.population}).",
                field="aged_65_plus",
            )
        )
    if fig.households > fig.population:
        problems.append(
            Problem(
                f"{where}世帯数（{fig.households}）が人口（{fig.population}人）を超えています。",
                f"{where}households ({fig.households}) exceed the population ({fig.population}).",
                field="households",
            )
        )
    return problems


def list_associations(session: Session) -> list[NeighbourhoodAssociation]:
    return list(
        session.scalars(
            select(NeighbourhoodAssociation).order_by(
                NeighbourhoodAssociation.sort_order, NeighbourhoodAssociation.id
            )
        )
    )


def _check_association_name(session: Session, name: str, exclude_id: int | None = None) -> str:
    name = required_name(name, "自治会の名称", "association name", ASSOCIATION_NAME_MAX)
    clash = session.scalars(
        select(NeighbourhoodAssociation).where(NeighbourhoodAssociation.name == name)
    ).first()
    if clash is not None and clash.id != exclude_id:
        raise problem(
            f"自治会「{name}」はすでに登録されています。", f"'{name}' is already registered.", field="name"
        )
    return name


def add_association(session: Session, name: str, reading: str = "") -> NeighbourhoodAssociation:
    council = require_council(session)
    name = _check_association_name(session, name)
    last = session.scalar(select(func.max(NeighbourhoodAssociation.sort_order))) or 0
    row = NeighbourhoodAssociation(
        council_id=council.id, name=name, reading=clean_text(reading), sort_order=last + 1
    )
    session.add(row)
    session.flush()
    return row


def _association(session: Session, association_id: int) -> NeighbourhoodAssociation:
    row = session.get(NeighbourhoodAssociation, association_id)
    if row is None:
        raise problem("指定された自治会が見つかりません。", "That association does not exist.")
    return row


def update_association(
    session: Session, association_id: int, name: str, reading: str = ""
) -> NeighbourhoodAssociation:
    row = _association(session, association_id)
    row.name = _check_association_name(session, name, exclude_id=association_id)
    row.reading = clean_text(reading)
    session.flush()
    return row


def remove_association(session: Session, association_id: int) -> None:
    """Remove a 自治会 and its yearly figures (the window asks first)."""
    session.delete(_association(session, association_id))
    session.flush()


def move_association(session: Session, association_id: int, delta: int) -> None:
    """Move a 自治会 up (delta -1) or down (+1) in the council's order."""
    _association(session, association_id)  # a clear error for an unknown id
    move_in_order(list_associations(session), association_id, delta)
    session.flush()


def set_figures(
    session: Session, association_id: int, fiscal_year: int, figures: FiguresDraft, as_of: date | None = None
) -> AssociationFigure:
    """Record (or correct) a 自治会's figures for a fiscal year, as of 1 April unless said otherwise."""
    assoc = _association(session, association_id)
    problems = validate_figures(figures, f"{assoc.name}の") + year_problems(fiscal_year)
    if problems:
        raise ValidationError(problems)
    row = session.scalars(
        select(AssociationFigure).where(
            AssociationFigure.association_id == association_id, AssociationFigure.fiscal_year == fiscal_year
        )
    ).first()
    if row is None:
        row = AssociationFigure(association_id=association_id, fiscal_year=fiscal_year)
        session.add(row)
    row.as_of = as_of or fiscal_year_start(fiscal_year)
    row.households = figures.households
    row.population = figures.population
    row.aged_65_plus = figures.aged_65_plus
    session.flush()
    return row


def clear_figures(session: Session, association_id: int, fiscal_year: int) -> None:
    row = session.scalars(
        select(AssociationFigure).where(
            AssociationFigure.association_id == association_id, AssociationFigure.fiscal_year == fiscal_year
        )
    ).first()
    if row is not None:
        session.delete(row)
        session.flush()


def figure_years(session: Session) -> list[int]:
    """Fiscal years that have figures, newest first."""
    return list(
        session.scalars(
            select(AssociationFigure.fiscal_year).distinct().order_by(AssociationFigure.fiscal_year.desc())
        )
    )


def figures_table(session: Session, fiscal_year: int | None = None) -> FiguresTable:
    """Figures per 自治会 for ``fiscal_year`` (default: the latest year that has any)."""
    if fiscal_year is None:
        years = figure_years(session)
        fiscal_year = years[0] if years else None
    associations = list_associations(session)
    by_assoc: dict[int, AssociationFigure] = {}
    if fiscal_year is not None:
        for fig in session.scalars(
            select(AssociationFigure).where(AssociationFigure.fiscal_year == fiscal_year)
        ):
            by_assoc[fig.association_id] = fig
    rows = []
    dates = []
    for assoc in associations:
        fig = by_assoc.get(assoc.id)
        if fig is None:
            rows.append(AssociationFigures(assoc.name, None, None, None))
        else:
            rows.append(AssociationFigures(assoc.name, fig.households, fig.population, fig.aged_65_plus))
            dates.append(fig.as_of)
    as_of = max(dates) if dates else None
    return FiguresTable(fiscal_year=fiscal_year, as_of=as_of, rows=rows, totals=sum_figures(rows))


@dataclass
class AssociationRow:
    """One line of the 自治会 table as the user edits it: the association and one year's figures."""

    id: int | None
    name: str
    reading: str = ""
    households: int | None = None
    population: int | None = None
    aged_65_plus: int | None = None


def _row_problems(rows: list[AssociationRow]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        name = clean_text(row.name)
        if not name:
            problems.append(
                Problem(
                    "自治会の名称が空です。", "The association's name is empty.", row=number, column="自治会"
                )
            )
        elif name in seen:
            problems.append(
                Problem(
                    f"「{name}」が{seen[name]}行目と重複しています。",
                    f"'{name}' repeats row {seen[name]}.",
                    row=number,
                    column="自治会",
                )
            )
        else:
            seen[name] = number
        values = (row.households, row.population, row.aged_65_plus)
        if any(v is None for v in values) and any(v is not None for v in values):
            problems.append(
                Problem(
                    "世帯数・人口・65歳以上は3つとも入力するか、3つとも空にしてください。",
                    "Enter households, population and aged 65+ together, or leave all three empty.",
                    row=number,
                )
            )
        elif None not in values:
            for p in validate_figures(FiguresDraft(*values)):  # type: ignore[arg-type]
                problems.append(Problem(p.ja, p.en, row=number))
    return problems


def association_drafts(rows: list[AssociationRow], fiscal_year: int) -> list[AssociationDraft]:
    """The first-start wizard's table as drafts for ``create_council`` (problems name the row)."""
    problems = _row_problems(rows)
    if problems:
        raise ValidationError(problems)
    drafts = []
    for row in rows:
        figures = {}
        if row.households is not None and row.population is not None and row.aged_65_plus is not None:
            figures[fiscal_year] = FiguresDraft(row.households, row.population, row.aged_65_plus)
        drafts.append(
            AssociationDraft(name=clean_text(row.name), reading=clean_text(row.reading), figures=figures)
        )
    return drafts


def association_rows(session: Session, fiscal_year: int) -> list[AssociationRow]:
    """Every 自治会 in order with its figures for ``fiscal_year`` (None where not entered)."""
    figures = {
        f.association_id: f
        for f in session.scalars(
            select(AssociationFigure).where(AssociationFigure.fiscal_year == fiscal_year)
        )
    }
    rows = []
    for assoc in list_associations(session):
        fig = figures.get(assoc.id)
        rows.append(
            AssociationRow(
                id=assoc.id,
                name=assoc.name,
                reading=assoc.reading,
                households=fig.households if fig else None,
                population=fig.population if fig else None,
                aged_65_plus=fig.aged_65_plus if fig else None,
            )
        )
    return rows


def save_association_table(
    session: Session, fiscal_year: int, rows: list[AssociationRow], removed_ids: list[int] | tuple = ()
) -> None:
    """Save the edited 自治会 table for one fiscal year in one step: names, order, figures, removals."""
    problems = _row_problems(rows)
    if not 1900 <= fiscal_year <= 2200:
        problems.append(
            Problem(f"年度 {fiscal_year} は範囲外です。", f"Fiscal year {fiscal_year} is out of range.")
        )
    if problems:
        raise ValidationError(problems)
    council = require_council(session)
    for assoc_id in removed_ids:
        remove_association(session, assoc_id)
    # Free every name first so that swapping two names does not trip the unique constraint midway.
    kept = [r for r in rows if r.id is not None]
    for row in kept:
        _association(session, row.id).name = f"\x00{row.id}"  # type: ignore[arg-type]
    session.flush()
    for order, row in enumerate(rows, start=1):
        if row.id is None:
            assoc = NeighbourhoodAssociation(
                council_id=council.id, name=clean_text(row.name), sort_order=order
            )
            session.add(assoc)
        else:
            assoc = _association(session, row.id)
            assoc.name = clean_text(row.name)
            assoc.sort_order = order
        assoc.reading = clean_text(row.reading)
        session.flush()
        if row.households is None or row.population is None or row.aged_65_plus is None:
            clear_figures(session, assoc.id, fiscal_year)
        else:
            set_figures(
                session, assoc.id, fiscal_year, FiguresDraft(row.households, row.population, row.aged_65_plus)
            )
