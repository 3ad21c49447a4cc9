"""Import 会員名簿 (the roster the council already keeps in Excel or CSV): people, their households,
自治会 and 班, roles (役職) and committees (部会). All rows or none.

``preview_members`` reads and checks the file without writing anything and returns what would be
added, every problem by row and column, and possible duplicates (warnings only). ``import_members``
writes the same plan through the services, or raises ``ValidationError`` with every problem.

Rules (cell formats are in ``member_fields``):

* A row whose mapped cells are all empty is skipped; a row with cells but no 氏名 is a problem.
* 自治会 is found among the council's associations by name (NFKC, spaces ignored), also without the
  trailing 自治会 (「東浜」 ↔ 「東浜自治会」). 班 is created in that 自治会 when missing; 班 without 自治会
  is a problem.
* 世帯: rows with the same 世帯 key (the cell of a 世帯/世帯番号/世帯主 column, compared like 自治会
  names) form one household; a row with an empty key is a household of its own. Without such a
  column, rows with the same 自治会 and address (compared the same way) form one household, and a row
  without an address is a household of its own. The head is the row whose name equals the key (a
  世帯主 column) or else the household's first row. The household's 自治会, 班, 郵便番号, address and
  phone are the head's; a member whose 住所 and 郵便番号 (or 自治会 and 班) are both empty takes the
  head's. People join their household through ``MemberDraft.household_id`` (no 世帯の変更 event: they
  are being registered, not moving in today).
* 「同上」「〃」 in 郵便番号, 住所 or 電話 means the value of the row above.
* 役職: one or more role names (「会計、部会長」), each one of the council's roles (compared as
  ``officers.role_key`` does); each becomes a term starting on 入会日, or on
  the day of the import when 入会日 is empty. 部会: one or more committees, created when missing; the
  person joins each on 入会日. A 部会長 with exactly one 部会 heads that committee and the term names it.
* Possible duplicates — the same reading and birth date, or the same name and address, within the
  file or with a registered member (``services.members.find_duplicates``) — are flagged, not refused.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from nagato_desk.errors import Problem, ValidationError
from nagato_desk.importers.member_fields import (
    SAME_AS_ABOVE,
    CellError,
    ColumnMapping,
    column_label,
    detect_mapping,
    header_index_for,
    match_key,
    parse_address,
    parse_date_cell,
    parse_email,
    parse_gender,
    parse_name,
    parse_phone,
    parse_postal_code,
    parse_reading,
    parse_status,
    parse_year_cell,
    plain_text,
    resolve_mapping,
    split_list,
    unmapped_headers,
)
from nagato_desk.importers.tabular import read_rows
from nagato_desk.reading import fold
from nagato_desk.services.members import MemberDraft

__all__ = [
    "ColumnMapping",
    "MemberImportPreview",
    "MemberImportResult",
    "MemberImportRow",
    "PlannedHousehold",
    "detect_mapping",
    "import_members",
    "import_members_steps",
    "preview_members",
]

#: MemberDraft / service problem field → the importer's field (and so the column to blame)
DRAFT_FIELD = {"association_id": "association", "block_id": "block"}
HEAD_ROLE = "部会長"


@dataclass
class MemberImportRow:
    """One person as the file gives them, checked; ``number`` is the row number shown in Excel."""

    number: int
    draft: MemberDraft
    association: str = ""  # the registered 自治会's name ("" when none or not found)
    block: str = ""
    household_key: str = ""  # the 世帯 cell, or the address the household was grouped by
    household: int = 0  # the household's number in the file (1, 2, …)
    is_head: bool = False
    roles: list[str] = field(default_factory=list)
    committees: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: who this person may duplicate: 「佐藤 花子（登録済み）」「佐藤 花子（5行目）」
    duplicate_of: list[str] = field(default_factory=list)
    duplicate_member_ids: list[int] = field(default_factory=list)
    duplicate_rows: list[int] = field(default_factory=list)

    def problems_for(self, fld: str) -> list[Problem]:
        return [p for p in self.problems if p.field == fld]


@dataclass
class PlannedHousehold:
    number: int
    key: str
    head_row: int
    rows: list[int]


@dataclass
class MemberImportPreview:
    """What an import of the file would add, without writing anything."""

    source: str
    header_row: int | None  # as numbered in Excel
    mapping: ColumnMapping
    columns: dict[str, str]  # field → 「C列「生年月日」」
    unmapped_headers: list[str]
    rows: list[MemberImportRow]
    households: list[PlannedHousehold]
    new_blocks: list[tuple[str, str]]  # (自治会, 班) to be created
    new_committees: list[str]
    file_problems: list[Problem] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return [*self.file_problems, *(p for r in self.rows for p in r.problems)]

    @property
    def problem_count(self) -> int:
        return len(self.file_problems) + sum(len(r.problems) for r in self.rows)

    @property
    def people(self) -> int:
        return len(self.rows)

    @property
    def household_count(self) -> int:
        return len(self.households)

    @property
    def duplicates(self) -> list[MemberImportRow]:
        return [r for r in self.rows if r.duplicate_of]

    @property
    def counts(self) -> dict[str, int]:
        return {
            "people": self.people,
            "households": self.household_count,
            "terms": sum(len(r.roles) for r in self.rows),
            "committee_memberships": sum(len(r.committees) for r in self.rows),
            "new_blocks": len(self.new_blocks),
            "new_committees": len(self.new_committees),
            "duplicates": len(self.duplicates),
            "problems": self.problem_count,
        }


@dataclass
class MemberImportResult:
    members: int
    households: int
    terms: int
    committees: int  # committee memberships
    blocks_created: int = 0
    committees_created: int = 0
    #: (row, name, duplicate_of) of each person flagged as a possible duplicate
    duplicates: list[tuple[int, str, list[str]]] = field(default_factory=list)

    def summary(self, lang: str = "ja") -> str:
        if lang == "en":
            lines = [
                f"{self.members} members in {self.households} households added "
                f"({self.terms} officer terms, {self.committees} committee places; "
                f"new blocks: {self.blocks_created}, new committees: {self.committees_created})."
            ]
            if self.duplicates:
                lines.append(f"Possible duplicates to check ({len(self.duplicates)}):")
                lines += [f"  row {r}: {n} — {', '.join(d)}" for r, n, d in self.duplicates]
            return "\n".join(lines)
        lines = [
            f"会員 {self.members}人（{self.households}世帯）を登録しました"
            f"（役職 {self.terms}件、部会 {self.committees}件、新しい班 {self.blocks_created}、"
            f"新しい部会 {self.committees_created}）。"
        ]
        if self.duplicates:
            lines.append(f"重複の可能性があります（{len(self.duplicates)}人）。確認してください：")
            lines += [f"  {r}行目 {n} — {'、'.join(d)}" for r, n, d in self.duplicates]
        return "\n".join(lines)


# --- reading and checking ------------------------------------------------------------------------


class _Lookups:
    """The council's records the rows refer to, read once per preview."""

    def __init__(self, session: Session) -> None:
        from nagato_desk.services import officers
        from nagato_desk.services.associations import list_associations
        from nagato_desk.services.members import MemberFilter, count_members

        self.session = session
        self.associations = list_associations(session)
        # Roles set to 使用しない are not offered for new terms, so the import does not take them either.
        self.role_names = [r.name for r in officers.list_roles(session)]
        self._role_keys = {officers.role_key(n): n for n in self.role_names}
        self._role_key = officers.role_key
        self.blocks: dict[tuple[int, str], bool] = {}
        self.committees: dict[str, str | None] = {}
        # Looking for registered duplicates costs two queries a row: skip it for a first import.
        self.members_exist = count_members(session, MemberFilter(statuses=())) > 0

    def association(self, text: str):
        key = match_key(text)
        exact = [a for a in self.associations if match_key(a.name) == key]
        if exact:
            return exact[0]
        short = key.removesuffix("自治会")
        return next((a for a in self.associations if match_key(a.name).removesuffix("自治会") == short), None)

    def role(self, text: str) -> str | None:
        return self._role_keys.get(self._role_key(text))

    def block_exists(self, association_id: int, name: str) -> bool:
        from nagato_desk.services.blocks import block_by_name

        key = (association_id, fold(name))
        if key not in self.blocks:
            self.blocks[key] = block_by_name(self.session, association_id, name) is not None
        return self.blocks[key]

    def committee_name(self, name: str) -> str | None:
        """The registered committee's name, or None when the import would create it."""
        from nagato_desk.services.committees import committee_by_name

        key = match_key(name)
        if key not in self.committees:
            found = committee_by_name(self.session, name)
            self.committees[key] = found.name if found is not None else None
        return self.committees[key]


@dataclass
class _Cells:
    number: int
    values: dict[str, object]
    problems: list[Problem]
    columns: dict[str, str]

    def blame(self, fld: str, ja: str, en: str) -> None:
        self.problems.append(Problem(ja, en, field=fld, row=self.number, column=self.columns.get(fld)))

    def parse(self, fld: str, parser: Callable[[object], object], default: object) -> object:
        try:
            return parser(self.values.get(fld))
        except CellError as exc:
            self.blame(fld, exc.ja, exc.en)
            return default


def _load(path: Path, mapping: ColumnMapping | None):
    rows = read_rows(path)
    if mapping is None:
        index, mapping, _ = detect_mapping(rows)
    else:
        index = header_index_for(rows, mapping)
        mapping = replace(mapping, header_row=index + 1)
    header = rows[index]
    positions, problems = resolve_mapping(header, mapping)
    columns = {f: column_label(pos, header) for f, pos in positions.items()}
    data = []
    for number, row in enumerate(rows[index + 1 :], start=index + 2):
        values = {f: (row[pos] if pos < len(row) else None) for f, pos in positions.items()}
        if any(plain_text(v) for v in values.values()):
            data.append((number, values))
    return mapping, index + 1, header, positions, columns, problems, data


def _plan(session: Session, path: Path, mapping: ColumnMapping | None, today: date) -> MemberImportPreview:
    path = Path(path)
    mapping, header_row, header, positions, columns, file_problems, data = _load(path, mapping)
    preview = MemberImportPreview(
        source=path.name,
        header_row=header_row,
        mapping=mapping,
        columns=columns,
        unmapped_headers=unmapped_headers(header, positions.values()),
        rows=[],
        households=[],
        new_blocks=[],
        new_committees=[],
        file_problems=file_problems,
    )
    if "name" not in positions:
        return preview
    if not data:
        preview.file_problems.append(
            Problem(f"{path.name}：データの行がありません。", f"{path.name}: there are no data rows.")
        )
        return preview
    lookups = _Lookups(session)
    previous: dict[str, str] = {}
    for number, values in data:
        preview.rows.append(_read_row(_Cells(number, values, [], columns), lookups, previous, today, preview))
    _group_households(preview, "household" in positions)
    _check_members(session, preview, lookups, today)
    return preview


def _read_row(
    cells: _Cells, lookups: _Lookups, previous: dict[str, str], today: date, preview: MemberImportPreview
) -> MemberImportRow:
    name = parse_name(cells.values.get("name"))
    if not name:
        cells.blame(
            "name",
            "氏名が空です（この行には他の欄があります）。",
            "The name is empty (the row has other cells).",
        )

    def same_as_above(fld: str, parser: Callable[[object], str]) -> str:
        raw = plain_text(cells.values.get(fld))
        if raw in SAME_AS_ABOVE:
            if fld not in previous:
                cells.blame(
                    fld, f"「{raw}」ですが、上の行がありません。", f"'{raw}' but there is no row above."
                )
                return ""
            return previous[fld]
        return str(cells.parse(fld, parser, ""))

    postal_code = same_as_above("postal_code", parse_postal_code)
    address = same_as_above("address", parse_address)
    phone = same_as_above("phone", parse_phone)
    previous.update(postal_code=postal_code, address=address, phone=phone)

    birth_date = cells.parse("birth_date", parse_date_cell, None)
    birth_year = cells.parse("birth_year", lambda v: parse_year_cell(v, today), None)
    if isinstance(birth_date, date) and isinstance(birth_year, int) and birth_date.year != birth_year:
        cells.blame(
            "birth_year",
            f"生まれ年（{birth_year}年）が生年月日（{birth_date.year}年）と合いません。",
            f"The birth year ({birth_year}) does not match the birth date ({birth_date.year}).",
        )
    joined_on = cells.parse("joined_on", parse_date_cell, None)

    draft = MemberDraft(
        name=name,
        reading=parse_reading(cells.values.get("reading")),
        gender=str(cells.parse("gender", parse_gender, "")),
        birth_date=birth_date if isinstance(birth_date, date) else None,
        birth_year=birth_year if isinstance(birth_year, int) else None,
        postal_code=postal_code,
        address=address,
        phone=phone,
        mobile=str(cells.parse("mobile", parse_phone, "")),
        email=str(cells.parse("email", parse_email, "")),
        status=str(cells.parse("status", parse_status, "active")),
        joined_on=joined_on if isinstance(joined_on, date) else None,
        notes=plain_text(cells.values.get("notes")),
    )
    row = MemberImportRow(number=cells.number, draft=draft, problems=cells.problems)
    row.household_key = plain_text(cells.values.get("household"))

    association_text = plain_text(cells.values.get("association"))
    association = None
    if association_text:
        association = lookups.association(association_text)
        if association is None:
            known = "、".join(a.name for a in lookups.associations) or "（なし）"
            cells.blame(
                "association",
                f"自治会「{association_text}」は登録されていません。登録済みの自治会：{known}",
                f"The association '{association_text}' is not registered. Registered: "
                + (", ".join(a.name for a in lookups.associations) or "(none)"),
            )
        else:
            draft.association_id = association.id
            row.association = association.name
    row.block = parse_name(cells.values.get("block"))
    if row.block and not association_text:
        cells.blame("block", "班を登録するには自治会も必要です。", "A block needs its association.")

    for text in split_list(cells.values.get("role")):
        role = lookups.role(text)
        if role is None:
            cells.blame(
                "role",
                f"役職「{text}」は登録されていません。登録済みの役職：{'、'.join(lookups.role_names)}",
                f"The role '{text}' is not registered. Registered roles: {', '.join(lookups.role_names)}",
            )
        elif role not in row.roles:
            row.roles.append(role)
    for text in split_list(cells.values.get("committee")):
        committee = lookups.committee_name(text)
        if committee is None:
            committee = text
            if match_key(text) not in {match_key(c) for c in preview.new_committees}:
                preview.new_committees.append(text)
            else:
                committee = next(c for c in preview.new_committees if match_key(c) == match_key(text))
        if committee not in row.committees:
            row.committees.append(committee)
    return row


def _group_households(preview: MemberImportPreview, by_column: bool) -> None:
    groups: dict[str, list[MemberImportRow]] = {}
    for row in preview.rows:
        if by_column:
            key = match_key(row.household_key)
        else:
            address = match_key(row.draft.address)
            key = f"{row.draft.association_id}\x00{address}" if address else ""
            row.household_key = row.draft.address
        groups.setdefault(key or f"\x00row{row.number}", []).append(row)
    for number, members in enumerate(groups.values(), start=1):
        key = match_key(members[0].household_key)
        head = next(
            (m for m in members if by_column and key and match_key(m.draft.name) == key),
            members[0],
        )
        head.is_head = True
        for m in members:
            m.household = number
            if m is head:
                continue
            # Family rows often leave the address and 自治会 to the head's row.
            if not m.draft.address and not m.draft.postal_code:
                m.draft.address, m.draft.postal_code = head.draft.address, head.draft.postal_code
            if not m.association and not m.block and not m.problems_for("association"):
                m.draft.association_id, m.association, m.block = (
                    head.draft.association_id,
                    head.association,
                    head.block,
                )
        preview.households.append(
            PlannedHousehold(number, members[0].household_key, head.number, [m.number for m in members])
        )


def _check_members(session: Session, preview: MemberImportPreview, lookups: _Lookups, today: date) -> None:
    from nagato_desk.services import members as members_service

    new_blocks: set[tuple[int, str]] = set()
    by_reading: dict[tuple[str, date], list[MemberImportRow]] = {}
    by_address: dict[tuple[str, str], list[MemberImportRow]] = {}
    for row in preview.rows:
        draft = row.draft
        if (
            row.block
            and draft.association_id is not None
            and not lookups.block_exists(draft.association_id, row.block)
        ):
            key = (draft.association_id, fold(row.block))
            if key not in new_blocks:
                new_blocks.add(key)
                preview.new_blocks.append((row.association, row.block))
        for p in members_service.validate_member(draft, today=today):
            fld = DRAFT_FIELD.get(p.field or "", p.field or "")
            if fld == "name" and not draft.name:
                continue  # already said: 氏名が空です
            row.problems.append(
                Problem(p.ja, p.en, field=fld or None, row=row.number, column=preview.columns.get(fld))
            )
        if not draft.name:
            continue
        for member in members_service.find_duplicates(session, draft) if lookups.members_exist else []:
            row.duplicate_of.append(f"{member.name}（登録済み）")
            row.duplicate_member_ids.append(member.id)
        birth = draft.birth_date
        if draft.reading and birth is not None:
            by_reading.setdefault((fold(draft.reading), birth), []).append(row)
        if draft.address:
            by_address.setdefault((fold(draft.name), fold(draft.address)), []).append(row)
    for group in [*by_reading.values(), *by_address.values()]:
        for row in group:
            for other in group:
                if other is not row and other.number not in row.duplicate_rows:
                    row.duplicate_rows.append(other.number)
                    row.duplicate_of.append(f"{other.draft.name}（{other.number}行目）")


def preview_members(
    session: Session, path: Path, mapping: ColumnMapping | None = None, today: date | None = None
) -> MemberImportPreview:
    """Read and check ``path`` without writing: what would be added, every problem, possible duplicates.

    ``mapping`` is the user's correction of ``detect_mapping``'s guess; ``today`` is the start of terms
    whose row has no 入会日 (default: today). Raises ``UnreadableFileError`` for a file that cannot be
    read (or is too big) and ``ValidationError`` when no header row can be found at all.
    """
    return _plan(session, path, mapping, today or date.today())


def import_members(
    session: Session, path: Path, mapping: ColumnMapping | None = None, today: date | None = None
) -> MemberImportResult:
    """Add everyone in ``path``, or nothing: any problem raises ``ValidationError`` listing them all."""
    steps = import_members_steps(session, path, mapping, today)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def import_members_steps(
    session: Session, path: Path, mapping: ColumnMapping | None = None, today: date | None = None
) -> Generator[tuple[int, int], None, MemberImportResult]:
    """``import_members`` as a generator of (rows written, rows) for a progress dialog."""
    today = today or date.today()
    preview = _plan(session, path, mapping, today)
    if preview.problem_count:
        raise ValidationError(preview.problems)
    total = len(preview.rows)
    yield 0, total
    with session.begin_nested():  # a service refusing a row midway takes every earlier row with it
        from nagato_desk.importers.member_writer import MemberWriter

        writer = MemberWriter(session, preview, today)
        for done, row in enumerate(preview.rows, start=1):
            writer.add(row)
            if done % 50 == 0:
                yield done, total
        writer.finish()
    yield total, total
    return writer.result
