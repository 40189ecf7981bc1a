"""Limits checked while a table is read: over-long cells and fields, cells past the last column.

A value past its limit is a problem naming its sheet, row and column and the limit
(it blocks any import: data_access/validation.py); the value is kept as its first
``MAX_QUOTED_CHARS`` characters only, so nothing after (cleaning, agency matching,
the preview, the database) handles it whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from openpyxl.utils import get_column_letter

from loaders.limits import MAX_CELL_CHARS, MAX_COLUMNS, MAX_QUOTED_CHARS
from loaders.numbers import vietnamese_number
from loaders.problems import ProblemCollector, cut
from loaders.records import ProblemCode


class CutText(str):
    """What is kept of a value reported too long: later checks leave it alone."""

    __slots__ = ()


class SizeGuard:
    """Reports values past their limits to a file's problem collector."""

    def __init__(self, collector: ProblemCollector) -> None:
        self.collector = collector

    def cells(
        self, sheet: str, row: int, values: Sequence[object], labels: Mapping[int, str]
    ) -> Sequence[object]:
        """The row with every cell over ``MAX_CELL_CHARS`` reported and cut (as is if none)."""
        if not any(type(v) is str and len(v) > MAX_CELL_CHARS for v in values):
            return values
        kept = list(values)
        for index, value in enumerate(kept):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                column = labels.get(index) or get_column_letter(index + 1)
                kept[index] = self.too_long(sheet, row, column, value, MAX_CELL_CHARS)
        return kept

    def text(self, sheet: str, row: int, column: str, text: str, limit: int) -> str:
        """``text`` if it is within ``limit`` characters; otherwise reported and cut."""
        return text if len(text) <= limit else self.too_long(sheet, row, column, text, limit)

    def too_long(self, sheet: str, row: int, column: str, value: str, limit: int) -> CutText:
        """Report ``value`` as longer than ``limit``; what is kept of it."""
        self.collector.add(
            ProblemCode.TOO_LONG,
            sheet=sheet,
            row=row,
            column=column,
            value=value,
            details={
                "length": vietnamese_number(len(value), 0),
                "limit": vietnamese_number(limit, 0),
            },
        )
        return CutText(cut(value, MAX_QUOTED_CHARS))

    def columns_left_out(self, sheet: str, row: int, beyond: Iterable[object]) -> bool:
        """Report cells past ``MAX_COLUMNS`` (never read) if any holds something."""
        if all(value is None or value == "" for value in beyond):
            return False
        self.collector.add(
            ProblemCode.COLUMNS_LEFT_OUT,
            sheet=sheet,
            row=row,
            details={"limit": str(MAX_COLUMNS), "first": get_column_letter(MAX_COLUMNS + 1)},
        )
        return True
