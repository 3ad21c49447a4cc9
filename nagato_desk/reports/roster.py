"""会員名簿 (the member roster): members grouped by 自治会 and 班, in 50音 order, with the columns
the secretariat chooses, as PDF, xlsx and CSV.

Address, phone, birth date (and the other personal columns) are off by default; when one is chosen
the roster is 取扱注意 on every page and carries a note about personal data under the title.

The report object (:class:`Roster`) is built straight from the models; its rows hold display text,
except the date columns (a :class:`~datetime.date`, or an ``int`` year when only the birth year is
known) and 年齢 (an ``int``, or text such as ``"74〜75"`` for a birth year alone), which the writers
format in 和暦 or 西暦 (:func:`cell_text`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from nagato_desk.dates import age_on, fiscal_year_start, format_date, format_date_numeric, to_wareki
from nagato_desk.errors import problem
from nagato_desk.models import Block, Household, Member, NeighbourhoodAssociation
from nagato_desk.reading import sort_key_text
from nagato_desk.reports.csv_base import write_csv
from nagato_desk.reports.pdf_base import PageSpec, PdfContext, PdfResult
from nagato_desk.reports.pdf_rows import fast_table
from nagato_desk.reports.xlsx_base import SheetWriter, new_workbook, save_workbook
from nagato_desk.services.council import require_council

TITLE = "会員名簿"
NO_ASSOCIATION = "自治会未設定"
PERSONAL_NOTE = "この名簿には個人情報が含まれます。目的外の利用や第三者への提供はしないでください。"
NO_MEMBERS_TEXT = "該当する会員はいません。"

#: key → (header, is personal data)
ROSTER_COLUMNS: dict[str, tuple[str, bool]] = {
    "name": ("氏名", False),
    "reading": ("ふりがな", False),
    "gender": ("性別", False),
    "age": ("年齢", True),
    "birth_date": ("生年月日", True),
    "address": ("住所", True),
    "phone": ("電話番号", True),
    "email": ("メール", True),
    "household": ("世帯主", False),
    "joined_on": ("入会日", False),
    "status": ("状態", False),
    "notes": ("備考", True),
}
DEFAULT_COLUMNS: tuple[str, ...] = ("name", "reading", "gender", "household")
DATE_COLUMNS = ("birth_date", "joined_on")

GENDER_LABELS = {"F": "女", "M": "男", "X": "その他", "": ""}
STATUS_LABELS = {"active": "在籍", "withdrawn": "退会", "moved": "転出", "deceased": "死亡"}

# relative PDF column widths (the frame is shared out in these proportions)
_PDF_WEIGHTS = {
    "name": 1.1, "reading": 1.3, "gender": 0.5, "age": 0.5, "birth_date": 1.3, "address": 2.4,
    "phone": 1.3, "email": 1.7, "household": 1.1, "joined_on": 1.3, "status": 0.55, "notes": 1.6,
}  # fmt: skip
LANDSCAPE_FROM = 7  # columns

Cell = str | int | date


class RosterGroup(NamedTuple):
    """The members of one 班 of one 自治会 (``block`` is ``""`` for members without a 班)."""

    association: str
    block: str
    rows: list[list[Cell]]

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def label(self) -> str:
        """「東区自治会　1班」, or the 自治会 alone."""
        return f"{self.association}\u3000{self.block}" if self.block else self.association


@dataclass(frozen=True)
class Roster:
    council_name: str
    issued: date
    as_of: date  # ages are computed on this day; members who joined later are left out
    columns: tuple[str, ...]  # keys of ROSTER_COLUMNS
    groups: list[RosterGroup]
    purpose: str | None = None  # only members whose consent to this purpose holds on as_of
    left_out: int = 0  # members left out for want of that consent

    @property
    def headers(self) -> list[str]:
        return [ROSTER_COLUMNS[c][0] for c in self.columns]

    @property
    def contains_personal(self) -> bool:
        return any(ROSTER_COLUMNS[c][1] for c in self.columns)

    @property
    def total(self) -> int:
        return sum(g.count for g in self.groups)


# -- shared with the household slips --------------------------------------------------------


def gender_label(code: str | None) -> str:
    return GENDER_LABELS.get(code or "", code or "")


def birth_value(birth_date: date | None, birth_year: int | None) -> date | int | None:
    return birth_date if birth_date is not None else birth_year


def join_phones(*numbers: str | None) -> str:
    seen: list[str] = []
    for n in numbers:
        n = (n or "").strip()
        if n and n not in seen:
            seen.append(n)
    return " / ".join(seen)


def postal_address(postal_code: str | None, address: str | None) -> str:
    postal = f"〒{postal_code.strip()}" if postal_code and postal_code.strip() else ""
    return " ".join(x for x in (postal, (address or "").strip()) if x)


def format_year(year: int, date_style: str = "wareki") -> str:
    """A birth year alone: 「昭和26年」 or 「1951年」 (the era in force on 31 December, as for 年度)."""
    if date_style == "seireki":
        return f"{year}年"
    era, n = to_wareki(date(year, 12, 31))
    return f"{era}{'元' if n == 1 else n}年"


def cell_text(value: Cell | None, date_style: str = "wareki", *, compact: bool = False) -> str:
    """A cell as printed: dates in 和暦 or 西暦 (``compact``: R8.4.1 / 2026/04/01), years alone too."""
    if value is None:
        return ""
    if isinstance(value, date):
        return format_date_numeric(value, date_style) if compact else format_date(value, date_style)
    if isinstance(value, int):
        return str(value)
    return value


def _age(birth_date: date | None, birth_year: int | None, as_of: date) -> int | str:
    if birth_date is not None:
        return age_on(birth_date, as_of) if birth_date <= as_of else ""
    if birth_year is not None and birth_year <= as_of.year:
        top = as_of.year - birth_year  # the age reached on this year's birthday
        return f"{max(top - 1, 0)}〜{top}" if top > 0 else "0"
    return ""


def normalise_columns(columns: Sequence[str] | str | None) -> tuple[str, ...]:
    """Column keys in the order given (duplicates dropped); a comma-separated string is accepted."""
    if columns is None:
        return DEFAULT_COLUMNS
    if isinstance(columns, str):
        columns = [c.strip() for c in columns.split(",")]
    keys = tuple(dict.fromkeys(c for c in columns if c))
    unknown = [c for c in keys if c not in ROSTER_COLUMNS]
    if unknown or not keys:
        known = ", ".join(ROSTER_COLUMNS)
        raise problem(
            f"名簿の列「{', '.join(unknown)}」はありません。使える列: {known}",
            f"Unknown roster columns: {', '.join(unknown) or '(none)'}. Known: {known}",
        )
    return keys


# -- building -------------------------------------------------------------------------------


def association_order(session: Session) -> tuple[dict[int, tuple[int, str]], dict[int, tuple[int, str]]]:
    """Rank and name of every 自治会 (the council's order) and every 班 (its 自治会's order)."""
    assocs = session.execute(
        select(NeighbourhoodAssociation.id, NeighbourhoodAssociation.name).order_by(
            NeighbourhoodAssociation.sort_order, NeighbourhoodAssociation.id
        )
    ).all()
    blocks = session.execute(select(Block.id, Block.name).order_by(Block.sort_order, Block.id)).all()
    return (
        {a.id: (rank, a.name) for rank, a in enumerate(assocs)},
        {b.id: (rank, b.name) for rank, b in enumerate(blocks)},
    )


def group_key(
    assoc_id: int | None, block_id: int | None, assocs: dict, blocks: dict
) -> tuple[tuple[int, int], str, str]:
    """(sort key, 自治会 name, 班 name): unknown 自治会 last as 自治会未設定; members without a 班
    after the 班 of their 自治会."""
    if assoc_id not in assocs:
        return (len(assocs), 0), NO_ASSOCIATION, ""
    rank, name = assocs[assoc_id]
    if block_id not in blocks:
        return (rank, len(blocks)), name, ""
    block_rank, block_name = blocks[block_id]
    return (rank, block_rank), name, block_name


def build_roster(
    session: Session,
    *,
    columns: Sequence[str] = DEFAULT_COLUMNS,
    as_of: date | None = None,
    association_id: int | None = None,
    statuses: Sequence[str] = ("active",),
    issued: date | None = None,
    purpose: str | None = None,
) -> Roster:
    """The roster of members with one of ``statuses`` (not in the trash, joined on or before
    ``as_of``, default ``issued``, default today), optionally of one 自治会 only.

    With ``purpose`` (one of the consent purposes, e.g. 「市への名簿の提出」) only the members whose
    consent to it holds on ``as_of`` are listed; ``Roster.left_out`` counts the others.

    A member's 自治会 and 班 are their own, else their household's.
    """
    council = require_council(session)
    keys = normalise_columns(columns)
    issued = issued or date.today()
    as_of = as_of or issued
    assocs, blocks = association_order(session)
    if association_id is not None and association_id not in assocs:
        raise problem(
            f"自治会（番号 {association_id}）が見つかりません。", f"No association {association_id}."
        )

    head = aliased(Member)
    assoc_col = func.coalesce(Member.association_id, Household.association_id)
    block_col = func.coalesce(Member.block_id, Household.block_id)
    stmt = (
        select(
            Member.id,
            Member.name,
            Member.reading,
            Member.reading_key,
            Member.gender,
            Member.birth_date,
            Member.birth_year,
            Member.postal_code,
            Member.address,
            Member.phone,
            Member.mobile,
            Member.email,
            Member.joined_on,
            Member.status,
            Member.notes,
            assoc_col.label("assoc_id"),
            block_col.label("block_id"),
            Household.postal_code.label("h_postal"),
            Household.address.label("h_address"),
            Household.phone.label("h_phone"),
            head.name.label("head_name"),
        )  # fmt: skip
        .outerjoin(Household, and_(Household.id == Member.household_id, Household.deleted_at.is_(None)))
        .outerjoin(head, and_(head.id == Household.head_member_id, head.deleted_at.is_(None)))
        .where(
            Member.deleted_at.is_(None),
            Member.status.in_(list(statuses)),
            or_(Member.joined_on.is_(None), Member.joined_on <= as_of),
        )
    )
    if association_id is not None:
        stmt = stmt.where(assoc_col == association_id)
    left_out = 0
    if purpose is not None:
        from nagato_desk.services.privacy import check_purpose, consent_exists

        purpose = check_purpose(session, purpose)
        consented = consent_exists(purpose, as_of)
        everyone = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
        stmt = stmt.where(consented)
        left_out = everyone - (session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)

    grouped: dict[tuple[int, int], tuple[str, str, list]] = {}
    for m in session.execute(stmt):
        key, assoc_name, block_name = group_key(m.assoc_id, m.block_id, assocs, blocks)
        values = {
            "name": m.name,
            "reading": m.reading,
            "gender": gender_label(m.gender),
            "age": _age(m.birth_date, m.birth_year, as_of),
            "birth_date": birth_value(m.birth_date, m.birth_year) or "",  # an int: the year alone
            "address": postal_address(m.postal_code, m.address)
            if m.address
            else postal_address(m.h_postal, m.h_address),
            "phone": join_phones(m.phone, m.mobile) or (m.h_phone or ""),
            "email": m.email,
            "household": m.head_name or "",
            "joined_on": m.joined_on or "",
            "status": STATUS_LABELS.get(m.status, m.status),
            "notes": m.notes,
        }
        order = (m.reading_key or sort_key_text(m.reading), m.id)
        grouped.setdefault(key, (assoc_name, block_name, []))[2].append((order, [values[k] for k in keys]))
    groups = [
        RosterGroup(assoc_name, block_name, [row for _, row in sorted(rows, key=lambda r: r[0])])
        for _, (assoc_name, block_name, rows) in sorted(grouped.items())
    ]
    return Roster(council.name, issued, as_of, keys, groups, purpose, left_out)


# -- writers --------------------------------------------------------------------------------


def _format_row(roster: Roster, row: list[Cell], date_style: str, compact: bool = False) -> list[str]:
    out = []
    for key, value in zip(roster.columns, row, strict=True):
        if key == "birth_date" and isinstance(value, int):
            out.append(format_year(value, date_style))
        else:
            out.append(cell_text(value, date_style, compact=compact))
    return out


def as_of_line(roster: Roster, date_style: str) -> str:
    line = f"{format_date(roster.as_of, date_style)}現在\u3000会員数 {roster.total:,}名"
    if roster.purpose:
        line += f"（「{roster.purpose}」に同意した会員）"
    return line


def left_out_warning(roster: Roster) -> list[str]:
    """What the secretariat is told (never printed in the document): how many were left out."""
    if not roster.purpose:
        return []
    return [
        f"「{roster.purpose}」に同意していない会員 {roster.left_out:,}名は載せていません"
        f"（載せたのは {roster.total:,}名）。"
    ]


def write_roster_pdf(roster: Roster, out: Path, date_style: str = "wareki") -> PdfResult:
    """Write the roster as a PDF (A4, landscape from 7 columns); the result lists 〓 warnings."""
    spec = PageSpec(
        roster.council_name,
        TITLE,
        roster.issued,
        date_style,
        landscape=len(roster.columns) >= LANDSCAPE_FROM,
        confidential=roster.contains_personal,
    )
    ctx = PdfContext(spec)
    story: list = []
    if roster.contains_personal:
        story += [ctx.para(PERSONAL_NOTE, "body"), ctx.spacer(2)]
    story.append(ctx.para(as_of_line(roster, date_style), "body_right"))
    weights = [_PDF_WEIGHTS[c] for c in roster.columns]
    widths = [w / sum(weights) for w in weights]
    numeric = [i for i, c in enumerate(roster.columns) if c == "age"]
    compact = len(roster.columns) > 8  # long 和暦 dates would wrap in narrow columns
    for group in roster.groups:
        story.append(ctx.heading(f"{group.label}（{group.count:,}名）"))
        rows = [_format_row(roster, r, date_style, compact) for r in group.rows]
        # drawn directly, not with reportlab's Table: 20,000 rows in a few seconds (issue 9)
        story.append(
            fast_table(
                ctx, roster.headers, rows, widths, numeric_cols=numeric, continued=f"{group.label}（続き）"
            )
        )
    if not roster.groups:
        story.append(ctx.para(NO_MEMBERS_TEXT))
    return ctx.build(Path(out), story)


def write_roster_xlsx(roster: Roster, out: Path, date_style: str = "wareki") -> list[str]:
    """One sheet 「会員名簿」 with 自治会 and 班 columns first; header repeated on every printed page;
    取扱注意 in the print header when personal columns are included. In 西暦 the dates are real
    date cells; in 和暦 they are text. Returns warnings (control characters replaced)."""
    wb = new_workbook()
    sw = SheetWriter(
        wb,
        TITLE,
        council_name=roster.council_name,
        doc_title=TITLE,
        date_text=format_date(roster.issued, date_style),
        landscape=len(roster.columns) + 2 >= LANDSCAPE_FROM,
        confidential=roster.contains_personal,
    )
    if roster.contains_personal:
        sw.section(PERSONAL_NOTE)
    sw.section(as_of_line(roster, date_style))
    kinds = ["text", "text"]
    for c in roster.columns:
        if c == "age":
            kinds.append("int")
        elif c in DATE_COLUMNS and date_style == "seireki":
            kinds.append("date")
        else:
            kinds.append("text")
    sw.header(["自治会", "班", *roster.headers], kinds=kinds)
    for group in roster.groups:
        for row in group.rows:
            values: list[object] = [group.association, group.block]
            for key, value in zip(roster.columns, row, strict=True):
                if isinstance(value, date) and date_style == "seireki":
                    values.append(value)
                elif key == "birth_date" and isinstance(value, int):
                    values.append(format_year(value, date_style))
                elif key == "age":
                    values.append(value if value != "" else None)
                else:
                    values.append(cell_text(value, date_style) or None)
            sw.row(values)
    save_workbook(wb, Path(out))
    return sw.warnings


def roster_table(roster: Roster, date_style: str = "wareki") -> list[list[str]]:
    """Header and rows as text, with 自治会 and 班 first (the CSV, and anyone who wants a grid)."""
    table = [["自治会", "班", *roster.headers]]
    for group in roster.groups:
        for row in group.rows:
            table.append([group.association, group.block, *_format_row(roster, row, date_style)])
    return table


def write_roster_csv(roster: Roster, out: Path, date_style: str = "wareki") -> list[str]:
    """CSV in UTF-8 with a BOM; cells that would be formulas get a leading apostrophe."""
    write_csv(roster_table(roster, date_style), Path(out))
    return []


def export_roster(session: Session, request) -> list[str]:
    """``nagato-desk export roster``: ``request.columns`` (optional: keys or "name,reading,…");
    with ``request.fiscal_year`` the roster is as of 1 April of that year, else as of today;
    ``request.purpose``: only those who consented to it (the first warning says how many were not)."""
    columns = normalise_columns(getattr(request, "columns", None))
    as_of = fiscal_year_start(request.fiscal_year) if request.fiscal_year else request.today
    purpose = getattr(request, "purpose", None)
    roster = build_roster(session, columns=columns, as_of=as_of, issued=request.today, purpose=purpose)
    if request.format == "xlsx":
        warnings = write_roster_xlsx(roster, request.out, request.date_style)
    elif request.format == "csv":
        warnings = write_roster_csv(roster, request.out, request.date_style)
    else:
        warnings = write_roster_pdf(roster, request.out, request.date_style).warnings
    return [*left_out_warning(roster), *warnings]
