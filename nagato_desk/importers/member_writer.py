"""Writing an import whose preview had no problems: households first, then each person, their 班,
role terms and committee seats, through the services (so history and rules apply as in the window)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from nagato_desk.errors import Problem, ValidationError
from nagato_desk.importers.member_fields import (
    match_key,
)
from nagato_desk.importers.members import (
    DRAFT_FIELD,
    HEAD_ROLE,
    MemberImportPreview,
    MemberImportResult,
    MemberImportRow,
)
from nagato_desk.reading import fold


class MemberWriter:
    def __init__(self, session: Session, preview: MemberImportPreview, today: date) -> None:
        self.session = session
        self.preview = preview
        self.today = today
        self.rows = {r.number: r for r in preview.rows}
        self.member_ids: dict[int, int] = {}  # row number → member id
        self.household_ids: dict[int, int] = {}  # household number in the file → household id
        self.blocks: dict[tuple[int, str], int] = {}
        self.committees: dict[str, int] = {}
        self.result = MemberImportResult(
            members=0,
            households=0,
            terms=0,
            committees=0,
            blocks_created=len(preview.new_blocks),
            committees_created=len(preview.new_committees),
            duplicates=[(r.number, r.draft.name, r.duplicate_of) for r in preview.duplicates],
        )

    @contextmanager
    def _blame(self, row: MemberImportRow) -> Iterator[None]:
        """A service refusing what the preview passed: say which row it was all the same."""
        try:
            yield
        except ValidationError as exc:
            raise ValidationError(
                [
                    Problem(
                        p.ja,
                        p.en,
                        field=p.field,
                        row=row.number,
                        column=self.preview.columns.get(DRAFT_FIELD.get(p.field or "", p.field or "")),
                    )
                    for p in exc.problems
                ]
            ) from exc

    def _block_id(self, row: MemberImportRow) -> int | None:
        from nagato_desk.services.blocks import block_by_name

        association_id = row.draft.association_id
        if not row.block or association_id is None:
            return None
        key = (association_id, fold(row.block))
        if key not in self.blocks:
            with self._blame(row):
                block = block_by_name(self.session, association_id, row.block, create=True)
            assert block is not None  # create=True
            self.blocks[key] = block.id
        return self.blocks[key]

    def _committee_id(self, row: MemberImportRow, name: str) -> int:
        from nagato_desk.services.committees import committee_by_name

        key = match_key(name)
        if key not in self.committees:
            with self._blame(row):
                committee = committee_by_name(self.session, name, create=True)
            assert committee is not None  # create=True
            self.committees[key] = committee.id
        return self.committees[key]

    def add(self, row: MemberImportRow) -> None:
        from nagato_desk.services import officers
        from nagato_desk.services.committees import join_committee
        from nagato_desk.services.members import add_member

        draft = replace(row.draft, block_id=self._block_id(row), household_id=self._household_id(row))
        with self._blame(row):
            member_id = add_member(self.session, draft).id
        self.member_ids[row.number] = member_id
        self.result.members += 1
        committee_ids = [self._committee_id(row, name) for name in row.committees]
        heads_one = HEAD_ROLE in row.roles and len(committee_ids) == 1
        for committee_id in committee_ids:
            with self._blame(row):
                join_committee(
                    self.session, committee_id, member_id, joined_on=draft.joined_on, is_head=heads_one
                )
            self.result.committees += 1
        for role_name in row.roles:
            role = officers.role_by_name(self.session, role_name)
            assert role is not None  # checked by the preview
            term = officers.TermDraft(
                member_id=member_id,
                role_id=role.id,
                starts_on=draft.joined_on or self.today,
                committee_id=committee_ids[0] if heads_one and role_name == HEAD_ROLE else None,
            )
            with self._blame(row):
                officers.add_term(self.session, term)
            self.result.terms += 1

    def _household_id(self, row: MemberImportRow) -> int:
        """The row's household, made from its head's row when its first member is added.

        People join it through ``MemberDraft.household_id`` rather than ``add_to_household``: they are
        new to the register, not moving house today, so no 世帯の変更 event is written (and it is
        several times faster)."""
        from nagato_desk.services.households import HouseholdDraft, add_household

        if row.household not in self.household_ids:
            planned = self.preview.households[row.household - 1]
            head = self.rows[planned.head_row]
            draft = HouseholdDraft(
                association_id=head.draft.association_id,
                block_id=self._block_id(head),
                postal_code=head.draft.postal_code,
                address=head.draft.address,
                phone=head.draft.phone,
            )
            with self._blame(head):
                self.household_ids[row.household] = add_household(self.session, draft).id
            self.result.households += 1
        return self.household_ids[row.household]

    def finish(self) -> None:
        from nagato_desk.services.households import set_head

        for planned in self.preview.households:
            with self._blame(self.rows[planned.head_row]):
                set_head(self.session, self.household_ids[planned.number], self.member_ids[planned.head_row])
