"""What an upload would change, row by row: the change set the preview shows and commit writes.

Built by data_access.imports.plan_preview (a plan file) and
data_access.imports.report_preview (a progress or KPI-result file). Only fields
the file fills in are compared: an empty cell means "not given", never "erase".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

import pandas as pd

from data_access.imports.matching import Match, Matcher
from data_access.kinds import ImportKind
from loaders.records import KpiRecord, TaskRecord


class ChangeKind(StrEnum):
    NEW = "new"  # not stored yet: added on commit
    CHANGED = "changed"  # fields differ, or a report or result to add
    UNCHANGED = "unchanged"  # nothing to write
    MISSING = "missing"  # stored, absent from the file: kept as is
    UNMATCHED = "unmatched"  # a report on no known task or KPI: not imported


CHANGE_LABELS = {
    ChangeKind.NEW: "Mới",
    ChangeKind.CHANGED: "Thay đổi",
    ChangeKind.UNCHANGED: "Không đổi",
    ChangeKind.MISSING: "Không có trong tệp",
    ChangeKind.UNMATCHED: "Không khớp",
}


@dataclass(frozen=True)
class FieldChange:
    label: str  # Vietnamese field name
    before: str
    after: str


@dataclass
class RowChange:
    """One row of the file (or one stored row missing from it) and what commit does with it."""

    index: int  # stable id within the change set, for confirmations
    kind: ChangeKind
    is_kpi: bool
    plan_code: str
    section: str
    number: str
    name: str
    sheet: str = ""
    row: int | None = None
    task: TaskRecord | None = None
    kpi: KpiRecord | None = None
    stored_id: int | None = None
    match: Match | None = None
    fields: list[FieldChange] = field(default_factory=list)
    report_on: date | None = None  # progress: the day the new report is dated

    @property
    def place(self) -> tuple[str, str]:
        """(section, number) of the task or KPI the row is about: the stored one's when matched
        (the file may number it otherwise), else the file's."""
        return (
            (self.match.section, self.match.number) if self.match else (self.section, self.number)
        )

    @property
    def needs_confirmation(self) -> bool:
        """A suggested match that staff must accept before it is imported."""
        return self.match is not None and not self.match.sure and self.kind is ChangeKind.CHANGED


@dataclass
class ChangeSet:
    kind: ImportKind
    plan_code: str
    new_plan: bool
    rows: list[RowChange] = field(default_factory=list)

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for row in self.rows if row.kind is kind)

    def counts(self) -> dict[ChangeKind, int]:
        return {kind: self.count(kind) for kind in ChangeKind}

    def to_write(self, confirmed: Iterable[int] = ()) -> list[RowChange]:
        """Rows commit writes: new and changed ones, suggested matches only when confirmed."""
        accepted = set(confirmed)
        return [
            row
            for row in self.rows
            if row.kind in (ChangeKind.NEW, ChangeKind.CHANGED)
            and (not row.needs_confirmation or row.index in accepted)
        ]

    def frame(self) -> pd.DataFrame:
        """One line per row for display: kind, where (the matched row's place, then the file's
        number and row), what, match and field changes as text."""
        lines = [
            {
                "index": row.index,
                "kind": str(row.kind),
                "object": "Chỉ tiêu" if row.is_kpi else "Nhiệm vụ",
                "plan_code": row.plan_code,
                "section": row.place[0],
                "number": row.place[1],
                "file_number": "" if row.kind is ChangeKind.MISSING else row.number,
                "name": row.name,
                "sheet": row.sheet,
                "row": row.row,
                "method": str(row.match.method) if row.match else "",
                "score": row.match.score if row.match else None,
                "needs_confirmation": row.needs_confirmation,
                "changes": "; ".join(f"{f.label}: {f.before} → {f.after}" for f in row.fields),
            }
            for row in self.rows
        ]
        return pd.DataFrame(lines, columns=FRAME_COLUMNS)


FRAME_COLUMNS = [
    "index",
    "kind",
    "object",
    "plan_code",
    "section",
    "number",
    "file_number",
    "name",
    "sheet",
    "row",
    "method",
    "score",
    "needs_confirmation",
    "changes",
]


def add_missing(changes: ChangeSet, tasks: Matcher, kpis: Matcher) -> None:
    """Append the stored tasks and KPIs that no row of the file matched."""
    seen = {(row.is_kpi, row.stored_id) for row in changes.rows}
    for is_kpi, matcher in ((False, tasks), (True, kpis)):
        for c in matcher.candidates:
            if (is_kpi, c.row_id) not in seen:
                changes.rows.append(
                    RowChange(
                        index=len(changes.rows),
                        kind=ChangeKind.MISSING,
                        is_kpi=is_kpi,
                        plan_code=c.plan_code,
                        section=c.section,
                        number=c.number,
                        name=c.name,
                        stored_id=c.row_id,
                    )
                )


def file_row(
    changes: ChangeSet,
    task: TaskRecord | None,
    kpi: KpiRecord | None,
    plan_code: str,
    match: Match | None,
    diff: list[FieldChange],
    unmatched: ChangeKind = ChangeKind.NEW,
) -> RowChange:
    """The change one row of the file makes; ``unmatched`` is its kind when nothing matched."""
    record = task or kpi
    assert record is not None
    kind = unmatched if match is None else ChangeKind.CHANGED if diff else ChangeKind.UNCHANGED
    return RowChange(
        index=len(changes.rows),
        kind=kind,
        is_kpi=kpi is not None,
        plan_code=plan_code,
        section=task.section if task else "",
        number=record.number,
        name=record.name,
        sheet=record.sheet,
        row=record.source_row,
        task=task,
        kpi=kpi,
        stored_id=match.row_id if match else None,
        match=match,
        fields=diff,
    )
