"""Validated records produced by the loaders, and the problems found on the way.

These plain dataclasses are the contract between ``loaders`` (file -> records)
and ``data_access`` (records -> database). They know nothing of Streamlit or SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from operator import attrgetter
from typing import Any

from errors import UserFacingError


class DeadlineKind(StrEnum):
    """How a deadline text was understood."""

    DATE = "date"  # a day: 30/6/2026, Hoàn thành trước ngày 15/5/2026
    MONTH = "month"  # Tháng 6/2026, 12/2026: last day of that month
    QUARTER = "quarter"  # Quý II/2026: last day of that quarter
    HALF_YEAR = "half_year"  # 6 tháng đầu năm 2026: 30/6
    YEAR = "year"  # Năm 2026, Trong năm 2026: 31/12
    INDICATIVE = "indicative"  # Theo lộ trình Bộ Công an (20/12/2025)
    MILESTONES = "milestones"  # several dated milestones; due at the last
    RECURRING = "recurring"  # Thường xuyên: no due date
    UNPARSED = "unparsed"  # text kept as is, flagged for cleanup
    MISSING = "missing"  # empty cell


class Cadence(StrEnum):
    """How often a recurring task reports, as the plans write it (stored as written)."""

    WEEKLY = "hằng tuần"
    MONTHLY = "hằng tháng"
    QUARTERLY = "hằng quý"
    HALF_YEARLY = "6 tháng"
    YEARLY = "hằng năm"


class ProblemLevel(StrEnum):
    ERROR = "error"  # blocks an import
    WARNING = "warning"  # recorded, does not block


class ProblemCode(StrEnum):
    """Stable codes for everything a loader can complain about."""

    UNREADABLE_FILE = "unreadable_file"
    NO_TABLE = "no_table"
    MISSING_COLUMN = "missing_column"
    MISSING_VALUE = "missing_value"
    INVALID_DATE = "invalid_date"
    UNPARSED_DEADLINE = "unparsed_deadline"
    INVALID_TARGET = "invalid_target"
    INVALID_NUMBER = "invalid_number"
    UNKNOWN_AGENCY = "unknown_agency"
    UNKNOWN_STATUS = "unknown_status"
    DUPLICATE_NUMBER = "duplicate_number"
    ORPHAN_CONTINUATION = "orphan_continuation"
    HIDDEN_CHARACTERS = "hidden_characters"  # zero-width or bidi controls, removed
    NESTED_TABLE = "nested_table"  # a Word table inside a cell, read as lines of text
    TOO_MANY_PROBLEMS = "too_many_problems"
    TOO_LONG = "too_long"  # a cell or field past its limit (loaders/limits.py): blocks
    COLUMNS_LEFT_OUT = "columns_left_out"  # cells past the last column read
    ROWS_LEFT_OUT = "rows_left_out"  # rows the chosen kind of import does not write


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located as a person would look for it.

    ``row`` is the row number as Excel (or Word's table) shows it, 1-based;
    ``column`` is the column header as written in the file (or its letter).
    ``message`` is a complete Vietnamese sentence for the user.
    """

    level: ProblemLevel
    code: ProblemCode
    message: str
    file: str = ""
    sheet: str = ""
    row: int | None = None
    column: str = ""
    value: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "level": str(self.level),
            "code": str(self.code),
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message,
            "value": self.value,
        }


@dataclass(frozen=True)
class Milestone:
    due_date: date | None
    label: str

    def to_json(self) -> dict[str, Any]:
        return {"date": _iso(self.due_date), "label": self.label}


@dataclass(frozen=True)
class ParsedDeadline:
    """What a deadline text means; ``due_date`` is None when there is none."""

    text: str
    kind: DeadlineKind
    due_date: date | None = None
    milestones: tuple[Milestone, ...] = ()
    indicative: bool = False
    reporting_cadence: str = ""  # a Cadence value when the text states one, else ""
    problem: str = ""  # Vietnamese explanation when kind is UNPARSED


@dataclass
class TaskRecord:
    """One task (nhiệm vụ) of a plan, with every field the documents carry."""

    number: str
    name: str
    section: str = ""  # Roman numeral of its section, "" when the plan has none
    section_title: str = ""
    lead_agencies: list[str] = field(default_factory=list)
    coordinating_agencies: list[str] = field(default_factory=list)
    # Written "A (B)": B -> A, B being A's executing or standing unit; both are in the lists.
    agency_units: dict[str, str] = field(default_factory=dict)
    deadline_text: str = ""
    due_date: date | None = None
    deadline_kind: DeadlineKind = DeadlineKind.MISSING
    deadline_indicative: bool = False
    reporting_cadence: str = ""
    milestones: list[Milestone] = field(default_factory=list)
    expected_output: str = ""
    basis: str = ""  # văn bản giao / căn cứ giao
    notes: str = ""
    leader: str = ""  # lãnh đạo theo dõi
    report_to_central: bool = False  # BC BCĐTW
    evaluation: str = ""  # đánh giá
    description: str = ""  # mô tả
    adjustment: str = ""  # nội dung điều chỉnh
    reference_number: str = ""  # number of the task in another document, e.g. STT (TB02)
    reference_document: str = ""  # that document, "TB02"; "" when there is no number
    completed: bool = False
    # Progress columns, filled when an agency sends the table back.
    status: str = ""
    completion_date: date | None = None
    reported_on: date | None = None
    evidence: str = ""
    # Where it came from, for problems and for matching updates.
    plan_code: str = ""  # set when the file names the plan per row (progress workbooks)
    sheet: str = ""
    source_row: int | None = None

    def to_json(self) -> dict[str, Any]:
        data = _shallow_dict(self)
        data["lead_agencies"] = list(self.lead_agencies)
        data["coordinating_agencies"] = list(self.coordinating_agencies)
        data["agency_units"] = dict(self.agency_units)
        data["deadline_kind"] = str(self.deadline_kind)
        data["milestones"] = [m.to_json() for m in self.milestones]
        for key in ("due_date", "completion_date", "reported_on"):
            data[key] = _iso(getattr(self, key))
        return data


@dataclass(frozen=True)
class KpiActual:
    period: str  # canonical: "2026", "2026-H1", "2026-Q3", "2026-06"
    value: float
    period_label: str = ""  # as written: "Kết quả 6 tháng đầu năm 2026"

    def to_json(self) -> dict[str, Any]:
        return {"period": self.period, "value": self.value, "period_label": self.period_label}


@dataclass
class KpiRecord:
    """One indicator (chỉ tiêu) with its target and any actuals per period."""

    number: str
    name: str
    target_text: str = ""
    target_operator: str | None = None  # one of >, >=, =, <, <=
    target_value: float | None = None
    unit: str = ""
    year: int | None = None
    owner: str = ""
    notes: str = ""
    actuals: list[KpiActual] = field(default_factory=list)
    sheet: str = ""
    source_row: int | None = None

    def to_json(self) -> dict[str, Any]:
        data = _shallow_dict(self)
        data["actuals"] = [a.to_json() for a in self.actuals]
        return data


@dataclass(frozen=True)
class IssueDate:
    """A plan's issue date as its title block states it (``loaders.issue_date``)."""

    day: date  # with a blank day: the last day of the month, the latest the plan can be dated
    exact: bool  # False when the document leaves the day blank
    line: str  # the line it was read from, as written

    def to_json(self) -> dict[str, Any]:
        return {"date": _iso(self.day), "exact": self.exact, "line": self.line}


@dataclass
class LoadResult:
    """Everything read from one file."""

    file_name: str
    tasks: list[TaskRecord] = field(default_factory=list)
    kpis: list[KpiRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    title: str = ""  # the plan's title as found above the table, if any
    issue_date: IssueDate | None = None  # the plan's date as stated above the table

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file_name,
            "title": self.title,
            "issue_date": self.issue_date.to_json() if self.issue_date else None,
            "tasks": [t.to_json() for t in self.tasks],
            "kpis": [k.to_json() for k in self.kpis],
            "problems": [p.to_json() for p in self.problems],
        }


class UnreadableFileError(UserFacingError):
    """The file cannot be read at all; the message is one Vietnamese sentence."""


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _shallow_dict(record: TaskRecord | KpiRecord) -> dict[str, Any]:
    """The record's fields in order, uncopied: ``dataclasses.asdict`` deep-copies every value."""
    names, values = _TASK_FIELDS if isinstance(record, TaskRecord) else _KPI_FIELDS
    return dict(zip(names, values(record), strict=True))


def _getter(cls: type[TaskRecord | KpiRecord]) -> tuple[tuple[str, ...], attrgetter[Any]]:
    """Field names in order, and one getter for all their values (a tuple, read in C)."""
    names = tuple(f.name for f in fields(cls))
    return names, attrgetter(*names)


_TASK_FIELDS = _getter(TaskRecord)
_KPI_FIELDS = _getter(KpiRecord)
