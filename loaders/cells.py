"""Cells as they come from a sheet or a Word table, and a record's cells before parsing."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

from loaders.text import clean_text


@dataclass(slots=True)
class PendingRow:
    """The raw cells of one record, by column index, first row and continuations."""

    sheet: str
    row: int
    number: str
    section: str
    section_title: str
    cells: dict[int, list[object]]
    formats: dict[int, str] = field(default_factory=dict)


def cell_text(value: object) -> str:
    """A cell as text, dates as dd/mm/yyyy and whole floats without ``.0``."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def clean(value: object) -> str:
    """clean_text, skipped for text that is plainly clean already (most cells)."""
    if (
        isinstance(value, str)
        and value.isprintable()
        and value[:1] != " "
        and value[-1:] != " "
        and "  " not in value
        # starts of what clean_text removes: tags, entities, bookmarks, bold marks (other
        # debris: line breaks, odd spaces, invisible characters, is not "printable")
        and "<" not in value
        and ">" not in value
        and "&" not in value
        and "[" not in value
        and "*" not in value
        and unicodedata.is_normalized("NFC", value)
    ):
        return value
    return clean_text(value)


def join_parts(parts: list[object]) -> object:
    """Merge a field split over rows: a space between parts, or the line break it ended with.

    Spaces and tabs around each joint are dropped. Built as a list of pieces, each
    trimmed at most once, so a task continued over n rows costs time linear in n.
    """
    if len(parts) == 1:
        return parts[0]
    pieces = [cell_text(parts[0])]
    for part in parts[1:]:
        _trim_end(pieces)
        pieces.append("" if pieces and pieces[-1].endswith("\n") else " ")
        pieces.append(cell_text(part).lstrip(" \t"))
    return "".join(pieces)


def _trim_end(pieces: list[str]) -> None:
    """Drop the spaces and tabs the pieces end with, emptied pieces included."""
    while pieces:
        last = pieces[-1].rstrip(" \t")
        if last:
            pieces[-1] = last
            return
        pieces.pop()
