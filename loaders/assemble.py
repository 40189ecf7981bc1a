"""Turn the cells gathered for one task or KPI (first row + continuations) into a record.

Parsing happens once per record, after continuation rows are merged, so a deadline
or an agency name split across a page break is read whole.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from loaders.agencies import AgencyDirectory, AgencyMention
from loaders.cells import PendingRow, cell_text, clean, join_parts
from loaders.deadlines import parse_date, parse_deadline, recurring_by_text
from loaders.guards import CellGuard, CutText
from loaders.headers import Column, HeaderMap
from loaders.limits import MAX_AGENCY_CHARS, MAX_TEXT_CHARS
from loaders.problems import ProblemCollector
from loaders.record_fields import FIELD_LABELS, FIELD_LIMITS, TASK_FIELDS
from loaders.records import (
    DeadlineKind,
    KpiActual,
    KpiRecord,
    ParsedDeadline,
    ProblemCode,
    TaskRecord,
)
from loaders.status_words import reported_to_central, status_reading
from loaders.targets import parse_actual, parse_target
from loaders.text import is_completion_note

_NO_DEADLINE = ParsedDeadline(text="", kind=DeadlineKind.MISSING)


class Assembler:
    """Builds records, reporting problems; caches parses of repeated cells."""

    def __init__(self, collector: ProblemCollector, directory: AgencyDirectory) -> None:
        self.collector = collector
        self.guard = CellGuard(collector)
        self.directory = directory
        self._agencies: dict[str, list[AgencyMention]] = {}
        self._deadlines: dict[object, ParsedDeadline] = {}
        self._notes: dict[str, bool] = {}

    def task(self, row: PendingRow, header: HeaderMap) -> TaskRecord:
        text, too_long = self._texts(row, header)
        # str values; typed Any because mypy checks ** against every TaskRecord field
        fields: dict[str, Any] = {TASK_FIELDS[c]: t for c, t in text.items() if c in TASK_FIELDS}
        task = TaskRecord(
            number=row.number,
            name=fields.pop("name", ""),
            section=text.get(Column.SECTION) or row.section,
            section_title=row.section_title,
            report_to_central=reported_to_central(text.get(Column.REPORT_TO_CENTRAL, "")),
            sheet=row.sheet,
            source_row=row.row,
            **fields,
        )
        if task.reference_number:
            task.reference_document = header.reference_document
        self._require(row, header, text, (Column.NAME, Column.LEAD))
        lead = self._agencies_of(row, header, Column.LEAD, text, too_long)
        coordinating = self._agencies_of(row, header, Column.COORDINATING, text, too_long)
        task.lead_agencies = [m.name for m in lead]
        task.coordinating_agencies = [m.name for m in coordinating]
        task.agency_units = {m.name: m.unit_of for m in (*lead, *coordinating) if m.unit_of}
        self._deadline(task, row, header)
        task.completion_date = self._date(row, header, Column.COMPLETION_DATE)
        task.reported_on = self._date(row, header, Column.REPORTED_ON)
        task.completed = (
            self._completion_note(task.notes)
            or self._status_done(row, header, task.status)
            or task.completion_date is not None
        )
        return task

    def kpi(self, row: PendingRow, header: HeaderMap) -> KpiRecord:
        text, _ = self._texts(row, header)
        kpi = KpiRecord(
            number=row.number,
            name=text.get(Column.KPI_NAME, ""),
            owner=text.get(Column.LEAD, ""),
            notes=text.get(Column.NOTES, ""),
            year=header.target_year,
            sheet=row.sheet,
            source_row=row.row,
        )
        self._require(row, header, text, (Column.KPI_NAME,))
        index = header.columns.get(Column.TARGET)
        if index is not None and index in row.cells:
            target = parse_target(join_parts(row.cells[index]), row.formats.get(index, ""))
            kpi.target_text, kpi.unit = target.text, target.unit
            kpi.target_operator, kpi.target_value = target.operator, target.value
            if target.problem:
                self._report(
                    row,
                    header,
                    index,
                    ProblemCode.INVALID_TARGET,
                    target.text,
                    reason=f" ({target.problem})",
                )
        for actual in header.actuals:
            parts = row.cells.get(actual.column)
            if not parts:
                continue
            raw = join_parts(parts)
            if type(raw) is str:
                self._text(row, header, actual.column, raw)
            value = parse_actual(raw, row.formats.get(actual.column, ""))
            if value is None:
                self._report(row, header, actual.column, ProblemCode.INVALID_NUMBER, cell_text(raw))
            else:
                kpi.actuals.append(KpiActual(actual.period, value, actual.label))
        return kpi

    def _texts(self, row: PendingRow, header: HeaderMap) -> tuple[dict[Column, str], set[Column]]:
        """Clean text of every column but the deadline (parsed from the raw cell), and the
        columns whose text was too long (reported, and cut)."""
        cells = row.cells
        texts: dict[Column, str] = {}
        too_long: set[Column] = set()
        for column, index in header.columns.items():
            parts = cells.get(index)
            if parts is None:
                continue
            value = parts[0] if len(parts) == 1 else join_parts(parts)
            if column is Column.DEADLINE:
                if type(value) is str:
                    self._text(row, header, index, value)  # for its invisible characters
                continue
            if type(value) is str:  # 1 == 1.0 == True: only text is a safe cache key
                text = self._text(row, header, index, value)
            else:
                text = clean(value)
                if isinstance(value, CutText):  # a cell too long, reported already
                    too_long.add(column)
            limit = FIELD_LIMITS.get(column, MAX_TEXT_CHARS)
            if len(text) > limit:
                text = self._too_long(row, header, index, text, limit)
                too_long.add(column)
            texts[column] = text
        return texts, too_long

    def _text(self, row: PendingRow, header: HeaderMap, index: int, value: str) -> str:
        """Clean text of a cell, with a warning when it held invisible or bidi characters."""
        return self.guard.clean(row.sheet, row.row, header.labels.get(index, ""), value)

    def _require(
        self,
        row: PendingRow,
        header: HeaderMap,
        text: dict[Column, str],
        columns: tuple[Column, ...],
    ) -> None:
        for column in columns:
            index = header.columns.get(column)
            if index is not None and not text.get(column):
                self._report(
                    row,
                    header,
                    index,
                    ProblemCode.MISSING_VALUE,
                    "",
                    field_label=FIELD_LABELS[column],
                )

    def _agencies_of(
        self,
        row: PendingRow,
        header: HeaderMap,
        column: Column,
        text: dict[Column, str],
        too_long: set[Column],
    ) -> list[AgencyMention]:
        cell = text.get(column, "")
        if not cell or column in too_long:
            return []
        mentions = self._agencies.get(cell)
        if mentions is None:
            mentions = self._agencies[cell] = self.directory.split(cell)
        index = header.columns[column]
        kept = []
        for mention in mentions:
            if max(len(mention.name), len(mention.unit_of)) > MAX_AGENCY_CHARS:
                self._too_long(row, header, index, mention.raw, MAX_AGENCY_CHARS)
                continue
            if not mention.known:
                self._report(row, header, index, ProblemCode.UNKNOWN_AGENCY, mention.raw)
            kept.append(mention)
        return kept

    def _deadline(self, task: TaskRecord, row: PendingRow, header: HeaderMap) -> None:
        """The deadline cell as read, made recurring when the task's name says so."""
        index = header.columns.get(Column.DEADLINE)
        parts = row.cells.get(index) if index is not None else None
        raw = join_parts(parts) if parts else None
        if index is not None and isinstance(raw, str) and len(raw) > MAX_TEXT_CHARS:
            raw = self._too_long(row, header, index, raw, MAX_TEXT_CHARS)
        if isinstance(raw, CutText):  # too long: reported, not parsed
            task.deadline_text, task.deadline_kind = raw, DeadlineKind.UNPARSED
            return
        parsed = self._parsed_deadline(raw) if raw is not None else _NO_DEADLINE
        own = recurring_by_text(parsed, task.name)
        task.deadline_text = own.text
        task.due_date = own.due_date
        task.deadline_kind = own.kind
        task.deadline_indicative = own.indicative
        task.reporting_cadence = own.reporting_cadence
        task.milestones = list(own.milestones)
        if index is None:
            return
        if own.kind is DeadlineKind.MISSING:
            label = FIELD_LABELS[Column.DEADLINE]
            self._report(row, header, index, ProblemCode.MISSING_VALUE, "", field_label=label)
        elif parsed.kind is DeadlineKind.UNPARSED:
            reason = f" ({parsed.problem.rstrip('.')})" if parsed.problem else ""
            self._report(
                row, header, index, ProblemCode.UNPARSED_DEADLINE, parsed.text, reason=reason
            )

    def _parsed_deadline(self, raw: object) -> ParsedDeadline:
        parsed = self._deadlines.get(raw)
        if parsed is None:
            parsed = self._deadlines[raw] = parse_deadline(raw)
        return parsed

    def _date(self, row: PendingRow, header: HeaderMap, column: Column) -> date | None:
        index = header.columns.get(column)
        parts = row.cells.get(index) if index is not None else None
        if index is None or not parts:
            return None
        raw = join_parts(parts)
        parsed = parse_date(raw)
        if parsed is None:
            self._report(row, header, index, ProblemCode.INVALID_DATE, cell_text(raw))
        return parsed

    def _completion_note(self, notes: str) -> bool:
        if not notes:
            return False
        done = self._notes.get(notes)
        if done is None:
            done = self._notes[notes] = is_completion_note(notes)
        return done

    def _status_done(self, row: PendingRow, header: HeaderMap, status: str) -> bool:
        if not status:
            return False
        done, known = status_reading(status)
        if not known:
            self._report(
                row, header, header.columns[Column.STATUS], ProblemCode.UNKNOWN_STATUS, status
            )
        return done

    def _report(
        self,
        row: PendingRow,
        header: HeaderMap,
        index: int,
        code: ProblemCode,
        value: str,
        **details: str,
    ) -> None:
        self.collector.add(
            code,
            sheet=row.sheet,
            row=row.row,
            column=header.labels.get(index, ""),
            value=value,
            details=details,
        )

    def _too_long(
        self, row: PendingRow, header: HeaderMap, index: int, value: str, limit: int
    ) -> str:
        column = header.labels.get(index, "")
        return self.guard.too_long(row.sheet, row.row, column, value, limit)
