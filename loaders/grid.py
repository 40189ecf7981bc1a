"""Read a table from rows of cells, whatever file they came from.

The interpreter is fed one row at a time (it never needs the whole grid): title
rows until a header is recognised, then task or KPI rows. It understands the
shapes page breaks and Word conversions leave behind: repeated header rows,
continuation rows (empty number cell) that carry the rest of the previous task's
text, section rows (a Roman numeral, then the section title), column-numbering
rows such as ``(1) (2) (3)``, and blank rows. Only the current task is held
back, waiting for possible continuations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from loaders.assemble import Assembler
from loaders.cells import PendingRow, cell_text
from loaders.headers import Column, HeaderMap, TableKind, detect_header
from loaders.issue_date import find_issue_date
from loaders.limits import MAX_TEXT_CHARS
from loaders.problems import hidden_characters_phrase
from loaders.records import IssueDate, KpiRecord, ProblemCode, TaskRecord
from loaders.text import clean_text, fold, hidden_characters, is_section_code, without_hidden

HEADER_SEARCH_ROWS = 120  # non-blank rows scanned for a header before giving up
TITLE_LINES = 3  # kept from the last "Phụ lục …" line above the table, or from the top


_TASK_NUMBER = re.compile(r"^\d{1,5}(?:\.\d{1,3})*\.?$")
_COLUMN_NUMBER = re.compile(r"^\s*\(?\d{1,2}\)?\s*$")
_SECTION_IN_TEXT = re.compile(r"^([IVXLC]{1,6})[.):]?\s+(\S.*)$", re.DOTALL)
_REPORT_IDENTITY = (Column.PLAN_CODE, Column.SECTION, Column.REPORTED_ON)
_MISSING_COLUMN_LABELS = {
    Column.LEAD: "Cơ quan chủ trì",
    Column.DEADLINE: "Thời gian hoàn thành",
}


def task_number(value: object) -> str | None:
    """``1``, ``1.0``, ``"1."`` and ``"2.1"`` are task numbers; anything else is not."""
    if isinstance(value, str):
        text = value.strip()
        return text.rstrip(".") if _TASK_NUMBER.match(text) else None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value > 0:
        return str(int(value)) if value.is_integer() else repr(value)
    return None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class TableInterpreter:
    """Turns the rows of one sheet (or of one Word document) into records."""

    def __init__(self, assembler: Assembler, sheet: str) -> None:
        self.assembler = assembler
        self.sheet = sheet
        self.tasks: list[TaskRecord] = []
        self.kpis: list[KpiRecord] = []
        self.title_lines: list[str] = []
        self.issue_date: IssueDate | None = None  # from any line above the table
        self.header: HeaderMap | None = None
        self.found_table = False
        self._budget = HEADER_SEARCH_ROWS
        self._section = ""
        self._section_title = ""
        self._pending: PendingRow | None = None
        self._seen: set[tuple[object, ...]] = set()
        self._identity: tuple[int, ...] = ()
        self._indexes: tuple[int, ...] = ()  # the columns read, the number column aside
        self._number = self._name = 0  # where the number and the name columns are
        self._header_cells: dict[int, object] = {}
        self._columns_left_out = False  # reported once per sheet

    @property
    def gave_up(self) -> bool:
        """No header among the first rows: the rest of the sheet is not worth reading."""
        return self.header is None and self._budget <= 0

    @property
    def wants_formats(self) -> bool:
        """KPI values need number formats (0.85 shown as 85%); task rows do not."""
        return self.header is not None and self.header.kind is TableKind.KPIS

    def column_label(self, index: int) -> str:
        """The header of column ``index`` as written; "" before the header or off it."""
        return self.header.labels.get(index, "") if self.header else ""

    def start_table(self, sheet: str) -> None:
        """A new Word table: it may continue the current one after a page break."""
        self.sheet = sheet
        if self.header is None:
            self._budget = HEADER_SEARCH_ROWS

    def feed(
        self,
        row: int,
        values: Sequence[object],
        formats: Sequence[str] | None = None,
        inherited: frozenset[int] = frozenset(),
    ) -> None:
        """One row; ``inherited`` columns hold text merged down from the row above (Word)."""
        header = self.header
        labels = header.labels if header is not None else {}
        values = self.assembler.guard.cells(self.sheet, row, values, labels)
        if header is None:
            self._search(row, values)
            return
        index = self._number
        first = values[index] if index < len(values) else None
        if type(first) is str and not first.isprintable():
            first = self._visible(row, first)
        if _blank(first) or index in inherited:
            self._unnumbered(row, values, formats, index, inherited)
        else:
            self._numbered(row, values, formats, first)

    def finish(self) -> None:
        self._flush()

    def check_width(self, row: int, beyond: Iterable[object]) -> None:
        """Cells past the columns read (``MAX_COLUMNS``): the first row holding any is reported."""
        if not self._columns_left_out:
            self._columns_left_out = self.assembler.guard.columns_left_out(self.sheet, row, beyond)

    # Rows before the table -------------------------------------------------

    def _search(self, row: int, values: Sequence[object]) -> None:
        texts = [v for v in values if not _blank(v)]
        if not texts:
            return
        header = detect_header(values) if len(texts) > 1 else None
        if header is not None:
            self._use_header(header, row, values)
            return
        self._budget -= 1
        if not self.found_table:
            self.add_title_line(" ".join(clean_text(texts[0]).split()))

    def add_title_line(self, line: str) -> None:
        """A line above the table; the title starts again at a "Phụ lục …" line."""
        if self.issue_date is None:
            self.issue_date = find_issue_date([line])
        if fold(line).startswith("phu luc"):
            self.title_lines = []
        if len(self.title_lines) < TITLE_LINES:
            self.title_lines.append(line)

    def _use_header(self, header: HeaderMap, row: int, values: Sequence[object]) -> None:
        self._flush()
        self.header = header
        self.found_table = True
        self._header_cells = {i: values[i] for i in header.labels}
        self._section = self._section_title = ""
        self._seen = set()
        number = self._number = header.columns[Column.NUMBER]
        self._name = header.columns[header.name_column]
        self._indexes = tuple(
            sorted({*header.columns.values(), *(a.column for a in header.actuals)} - {number})
        )
        # A progress table holds one row per report: a task recurs on each report date.
        self._identity = tuple(header.columns[c] for c in _REPORT_IDENTITY if c in header.columns)
        plan_table = header.kind is TableKind.TASKS and not header.is_progress
        for column in (Column.LEAD, Column.DEADLINE) if plan_table else ():
            if column not in header.columns:
                self.assembler.collector.add(
                    ProblemCode.MISSING_COLUMN,
                    sheet=self.sheet,
                    row=row,
                    details={"column_label": _MISSING_COLUMN_LABELS[column]},
                )

    # Rows inside the table -------------------------------------------------

    def _numbered(
        self, row: int, values: Sequence[object], formats: Sequence[str] | None, first: object
    ) -> None:
        number = task_number(first)
        if number is not None:
            if not self._is_column_numbering(values):
                self._start(row, number, values, formats)
            return
        text = cell_text(first).strip()
        if is_section_code(text):
            self._start_section(row, text, values, self._number + 1)
            return
        if self._repeats_header(values):
            return  # a header repeated after a page break: the pending task may go on
        header = detect_header(values)
        if header is not None:
            if self.header is None or not header.same_layout(self.header):
                self._use_header(header, row, values)
            return
        if self._is_column_numbering(values):
            return
        cells = self._cells(values)
        section = _SECTION_IN_TEXT.match(text)
        if not cells and section and is_section_code(section.group(1)):
            self._start_section(row, section.group(1), [section.group(2)], 0)
        elif not cells:
            self._flush()
            self._report(ProblemCode.ORPHAN_CONTINUATION, row, Column.NUMBER, text)
        else:
            self._start(row, " ".join(text.split()), values, formats)
            self._report(ProblemCode.INVALID_NUMBER, row, Column.NUMBER, text)

    def _unnumbered(
        self,
        row: int,
        values: Sequence[object],
        formats: Sequence[str] | None,
        index: int,
        inherited: frozenset[int],
    ) -> None:
        after = values[index + 1] if index + 1 < len(values) else None
        if (
            isinstance(after, str)
            and is_section_code(after.strip())
            and any(not _blank(v) for v in values[index + 2 :])
        ):
            self._start_section(row, after.strip(), values, index + 2)
            return
        cells = self._cells(values)
        for column in inherited.intersection(cells):
            del cells[column]  # the merged cell's text already belongs to the task above
        if not cells:
            return
        pending = self._pending
        if pending is None:
            text = next(iter(cells.values()))
            self._report(ProblemCode.ORPHAN_CONTINUATION, row, None, cell_text(text))
            return
        for column, value in cells.items():
            pending.cells.setdefault(column, []).append(value)
            if formats is not None and column not in pending.formats:
                pending.formats[column] = formats[column] or ""

    def _start(
        self, row: int, number: str, values: Sequence[object], formats: Sequence[str] | None
    ) -> None:
        self._flush()
        cells = {i: [value] for i, value in self._cells(values).items()}
        pending = PendingRow(self.sheet, row, number, self._section, self._section_title, cells)
        if formats is not None:
            pending.formats = {column: formats[column] or "" for column in cells}
        self._pending = pending

    def _start_section(
        self, row: int, code: str, values: Sequence[object], title_from: int
    ) -> None:
        self._flush()
        title = next((v for v in values[title_from:] if not _blank(v)), "")
        self._section = clean_text(code).rstrip(".")
        text = " ".join(clean_text(title).split())
        self._section_title = self.assembler.guard.text(self.sheet, row, "", text, MAX_TEXT_CHARS)

    def _flush(self) -> None:
        pending, header = self._pending, self.header
        if pending is None or header is None:
            return
        self._pending = None
        if not pending.cells:
            return  # a numbered but empty template row, as in forms sent out to agencies
        self._check_duplicate(pending)
        if header.kind is TableKind.TASKS:
            self.tasks.append(self.assembler.task(pending, header))
        else:
            self.kpis.append(self.assembler.kpi(pending, header))

    # Helpers ---------------------------------------------------------------

    def _check_duplicate(self, pending: PendingRow) -> None:
        key: tuple[object, ...] = (pending.section, pending.number)
        if self._identity:
            cells = pending.cells
            key += tuple(cells[i][0] if i in cells else None for i in self._identity)
        if key in self._seen:
            scope = f"mục {pending.section}" if pending.section else "bảng"
            self._report(
                ProblemCode.DUPLICATE_NUMBER,
                pending.row,
                Column.NUMBER,
                pending.number,
                scope=scope,
            )
        self._seen.add(key)

    def _visible(self, row: int, number: str) -> str:
        """The number cell without invisible or bidi characters, reported when it had some."""
        found = hidden_characters(number)
        if not found:
            return number
        phrase = hidden_characters_phrase(found)
        self._report(
            ProblemCode.HIDDEN_CHARACTERS, row, Column.NUMBER, clean_text(number), characters=phrase
        )
        return without_hidden(number)

    def _cells(self, values: Sequence[object]) -> dict[int, object]:
        """The non-blank cells of the columns we read, by column index."""
        width = len(values)
        return {i: values[i] for i in self._indexes if i < width and not _blank(values[i])}

    def _repeats_header(self, values: Sequence[object]) -> bool:
        """The header row again, cell for cell (cheaper than recognising it anew)."""
        width = len(values)
        return all(i < width and values[i] == v for i, v in self._header_cells.items())

    def _is_column_numbering(self, values: Sequence[object]) -> bool:
        """A row such as ``(1) (2) (3)`` or ``1 2 3`` under the header."""
        name = self._name
        if name >= len(values) or not _COLUMN_NUMBER.match(cell_text(values[name])):
            return False
        texts = [cell_text(v) for v in values if not _blank(v)]
        return len(texts) >= 2 and all(_COLUMN_NUMBER.match(t) for t in texts)

    def _report(
        self, code: ProblemCode, row: int, column: Column | None, value: str, **details: str
    ) -> None:
        label = ""
        if column is not None and self.header is not None:
            label = self.header.labels.get(self.header.columns[column], "")
        self.assembler.collector.add(
            code,
            sheet=self.sheet,
            row=row,
            column=label,
            value=value,
            details=details,
        )
