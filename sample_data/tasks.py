"""The logical rows of a seed table: page-break debris removed, split text joined again.

Used for the Word sample (a Word table has no continuation rows) and for the task
list behind the illustrative progress workbook. The plan workbooks keep the raw rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sample_data.seeds import Row, SeedTable

_ROMAN = re.compile(r"[IVXL]+")
_TASK_NUMBER = re.compile(r"(\d+)\.?")
NAME_HEADERS = frozenset({"Tên nhiệm vụ", "Nội dung nhiệm vụ", "Nhiệm vụ", "Tên chỉ tiêu"})


@dataclass(frozen=True)
class TaskStub:
    """What the progress builder needs to know of a task."""

    plan_code: str
    section: str  # Roman numeral, "" when the plan has no sections
    number: int
    name: str
    deadline_text: str
    report_to_central: bool  # BC BCĐTW: completion needs evidence
    done_in_source: bool = False  # the plan's own notes say "Đã hoàn thành" / "(Đã thực hiện)"


def section_of(row: Row, number_columns: int) -> str:
    """The Roman numeral when ``row`` is a section row, else ""."""
    for cell in row[:number_columns]:
        if _ROMAN.fullmatch(cell.strip()):
            return cell.strip()
    return ""


def is_continuation(row: Row, number_columns: int) -> bool:
    """A row whose number cells are empty carries the rest of the previous row's text."""
    return all(not cell.strip() for cell in row[:number_columns])


def repeats_header(row: Row, header: Row) -> bool:
    """A header repeated at a page break; the repeat may differ in spelling (002's "BC BCDTW")."""
    return row[:2] == header[:2]


def join_split_text(before: str, after: str) -> str:
    """Rejoin text a page break split; no space after a hyphen or slash (``02-`` + ``KH``)."""
    if not before or not after:
        return before or after
    separator = "" if before.endswith(("-", "/")) else " "
    return before + separator + after


def logical_rows(table: SeedTable, number_columns: int = 1) -> list[Row]:
    """Header, then rows with repeated headers dropped and continuation rows merged upwards."""
    rows: list[Row] = [table.header]
    for row in table.rows[1:]:
        if repeats_header(row, table.header):
            continue
        if is_continuation(row, number_columns) and len(rows) > 1:
            previous = rows.pop()
            rows.append(tuple(join_split_text(a, b) for a, b in zip(previous, row, strict=True)))
        else:
            rows.append(row)
    return rows


def _column(header: Row, wanted: tuple[str, ...]) -> int | None:
    for index, title in enumerate(header):
        if title.startswith(wanted):
            return index
    return None


def _says_done(note: str) -> bool:
    return any(phrase in note.lower() for phrase in ("đã hoàn thành", "đã thực hiện"))


def task_stubs(plan_code: str, table: SeedTable, number_columns: int = 1) -> list[TaskStub]:
    """Every numbered task of the table, with its section and joined text."""
    header = table.header
    name_at = next(i for i, title in enumerate(header) if title in NAME_HEADERS)
    deadline_at = _column(header, ("Thời gian", "Hạn"))
    central_at = _column(header, ("BC BC",))
    notes_at = _column(header, ("Ghi chú",))
    stubs: list[TaskStub] = []
    section = ""
    for row in logical_rows(table, number_columns)[1:]:
        number = _TASK_NUMBER.fullmatch(row[0].strip())
        if section_of(row, number_columns):
            section = section_of(row, number_columns)
        elif number:
            stubs.append(
                TaskStub(
                    plan_code=plan_code,
                    section=section,
                    number=int(number.group(1)),
                    name=row[name_at],
                    deadline_text=row[deadline_at] if deadline_at is not None else "",
                    report_to_central=central_at is not None and bool(row[central_at].strip()),
                    done_in_source=notes_at is not None and _says_done(row[notes_at]),
                )
            )
    return stubs
