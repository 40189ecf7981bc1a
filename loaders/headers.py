"""Recognise the header row of a task or KPI table, whatever spelling it uses.

Headers are compared cleaned and folded (lowercase, no diacritics, đ -> d), so
``Thời gian hoàn thành``, ``THỜI GIAN HOÀN THÀNH`` and an NFD spelling are equal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from loaders.targets import parse_period_header
from loaders.text import clean_text, fold


class Column(StrEnum):
    """What a column holds; task fields carry TaskRecord's names where they match."""

    NUMBER = "number"
    REFERENCE_NUMBER = "reference_number"
    NAME = "name"
    KPI_NAME = "kpi_name"
    LEAD = "lead"  # cơ quan chủ trì; for KPIs the owner
    COORDINATING = "coordinating"
    DEADLINE = "deadline"
    BASIS = "basis"
    EXPECTED_OUTPUT = "expected_output"
    NOTES = "notes"
    LEADER = "leader"
    REPORT_TO_CENTRAL = "report_to_central"
    EVALUATION = "evaluation"
    DESCRIPTION = "description"
    ADJUSTMENT = "adjustment"
    PLAN_CODE = "plan_code"
    SECTION = "section"
    REPORTED_ON = "reported_on"
    STATUS = "status"
    COMPLETION_DATE = "completion_date"
    EVIDENCE = "evidence"
    TARGET = "target"


class TableKind(StrEnum):
    TASKS = "tasks"
    KPIS = "kpis"


# Whole header equal to one of these (folded, whitespace collapsed).
_EXACT: dict[str, Column] = {
    "stt": Column.NUMBER,
    "tt": Column.NUMBER,
    "so tt": Column.NUMBER,
    "so thu tu": Column.NUMBER,
    "nhiem vu": Column.NAME,
    "noi dung": Column.NAME,
    "nhiem vu, giai phap": Column.NAME,
    "chi tieu": Column.KPI_NAME,
    "noi dung chi tieu": Column.KPI_NAME,
    "chu tri": Column.LEAD,
    "phoi hop": Column.COORDINATING,
    "thoi gian": Column.DEADLINE,
    "van ban": Column.BASIS,
    "mo ta": Column.DESCRIPTION,
    "danh gia": Column.EVALUATION,
    "ke hoach": Column.PLAN_CODE,
    "ma ke hoach": Column.PLAN_CODE,
    "muc": Column.SECTION,
}

# Header starting with one of these; the first match wins, so order matters
# ("don vi chu tri theo doi, danh gia" is a lead/owner, not an evaluation).
_PREFIXES: tuple[tuple[str, Column], ...] = (
    ("noi dung dieu chinh", Column.ADJUSTMENT),
    ("ten chi tieu", Column.KPI_NAME),
    ("chi tieu nam", Column.TARGET),
    ("chi tieu ke hoach", Column.TARGET),
    ("muc tieu", Column.TARGET),
    ("ten nhiem vu", Column.NAME),
    ("noi dung nhiem vu", Column.NAME),
    ("co quan chu tri", Column.LEAD),
    ("don vi chu tri", Column.LEAD),
    ("co quan theo doi", Column.LEAD),
    ("don vi theo doi", Column.LEAD),
    ("co quan phoi hop", Column.COORDINATING),
    ("don vi phoi hop", Column.COORDINATING),
    ("co quan thuc hien", Column.COORDINATING),
    ("don vi thuc hien", Column.COORDINATING),
    ("thoi gian hoan thanh", Column.DEADLINE),
    ("thoi gian thuc hien", Column.DEADLINE),
    ("han hoan thanh", Column.DEADLINE),
    ("thoi han", Column.DEADLINE),
    ("van ban giao", Column.BASIS),
    ("van ban chi dao", Column.BASIS),
    ("can cu", Column.BASIS),
    ("yeu cau ket qua", Column.EXPECTED_OUTPUT),
    ("mo ta ket qua", Column.EXPECTED_OUTPUT),
    ("ket qua dau ra", Column.EXPECTED_OUTPUT),
    ("ket qua, san pham", Column.EXPECTED_OUTPUT),
    ("san pham", Column.EXPECTED_OUTPUT),
    ("ghi chu", Column.NOTES),
    ("lanh dao", Column.LEADER),
    ("ngay bao cao", Column.REPORTED_ON),
    ("tinh trang", Column.STATUS),
    ("trang thai", Column.STATUS),
    ("ngay hoan thanh", Column.COMPLETION_DATE),
    ("thoi diem hoan thanh", Column.COMPLETION_DATE),
    ("minh chung", Column.EVIDENCE),
    ("tai lieu kiem chung", Column.EVIDENCE),
    ("danh gia", Column.EVALUATION),
)

_REFERENCE = re.compile(r"^(?:stt|tt|so tt)\s*\(.+\)$")  # STT (TB02): number elsewhere
_BRACKETED = re.compile(r"\(\s*(.+?)\s*\)\s*$")  # the document a reference header names
_YEAR = re.compile(r"\b(20\d\d)\b")
_TRAILING = " :.*"


@dataclass(frozen=True)
class Actual:
    """A column of KPI results for one period."""

    column: int
    period: str
    label: str


@dataclass
class HeaderMap:
    """Where each kind of column sits in a recognised header row (0-based indexes)."""

    kind: TableKind
    columns: dict[Column, int]
    labels: dict[int, str]  # header as written, on one line, by column index
    actuals: list[Actual] = field(default_factory=list)
    target_year: int | None = None
    reference_document: str = ""  # "TB02" of a "STT (TB02)" column, as written

    @property
    def is_progress(self) -> bool:
        """Rows are progress reports sent back by agencies, not a plan's tasks."""
        return Column.REPORTED_ON in self.columns or Column.PLAN_CODE in self.columns

    @property
    def name_column(self) -> Column:
        return Column.KPI_NAME if self.kind is TableKind.KPIS else Column.NAME

    def same_layout(self, other: HeaderMap) -> bool:
        return self.kind is other.kind and self.columns == other.columns


def classify(header: str) -> Column | None:
    """The column a header names, or None when it is not one we know."""
    key = " ".join(fold(header).split()).strip(_TRAILING)
    if not key:
        return None
    if "bcdtw" in key.replace(" ", ""):
        return Column.REPORT_TO_CENTRAL
    if key in _EXACT:
        return _EXACT[key]
    if _REFERENCE.match(key):
        return Column.REFERENCE_NUMBER
    for prefix, column in _PREFIXES:
        if key.startswith(prefix):
            return column
    return None


def detect_header(values: Sequence[object]) -> HeaderMap | None:
    """A HeaderMap when the row has a number column and a task or KPI name column."""
    columns: dict[Column, int] = {}
    labels: dict[int, str] = {}
    unknown: list[tuple[int, str]] = []
    for index, value in enumerate(values):
        if not isinstance(value, str) or not value.strip():
            continue
        label = " ".join(clean_text(value).split())
        column = classify(label)
        if column is None:
            unknown.append((index, label))
            continue
        labels[index] = label
        columns.setdefault(column, index)
    if Column.NUMBER not in columns:
        return None
    if Column.NAME in columns:
        kind = TableKind.TASKS
    elif Column.KPI_NAME in columns:
        kind = TableKind.KPIS
    else:
        return None
    header = HeaderMap(kind, columns, labels)
    if Column.REFERENCE_NUMBER in columns:
        named = _BRACKETED.search(labels[columns[Column.REFERENCE_NUMBER]])
        header.reference_document = named.group(1) if named else ""
    if kind is TableKind.KPIS:
        _add_kpi_details(header, unknown)
    return header


def _add_kpi_details(header: HeaderMap, unknown: list[tuple[int, str]]) -> None:
    """Period columns (Kết quả 6 tháng đầu năm 2026…) and the target's year."""
    for index, label in unknown:
        period = parse_period_header(label)
        if period is not None:
            header.actuals.append(Actual(index, period[0], label))
            header.labels[index] = label
    target = header.columns.get(Column.TARGET)
    if target is not None:
        year = _YEAR.search(header.labels[target])
        header.target_year = int(year.group(1)) if year else None
