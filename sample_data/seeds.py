"""Read the seed documents (text extracted from Word/PDF) into title lines and rows of cells.

Two layouts occur. Most seeds are tab-separated, one table row per line, with a
blank line and a repeated header at each page break. Seed 004 puts one cell per
line behind a leading tab, continues a multi-line cell on lines without the tab,
and separates rows (and titles) with blank lines. Cell text is kept exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

Row = tuple[str, ...]


@dataclass(frozen=True)
class SeedTable:
    """One table as the document shows it: the title lines above it, then every row in order.

    ``rows[0]`` is the header; later rows include repeated headers, section rows,
    continuation rows and notes, exactly as they occur in the seed.
    """

    titles: tuple[str, ...]
    rows: tuple[Row, ...]

    @property
    def header(self) -> Row:
        return self.rows[0]


def find_seed(seeds_dir: Path, prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` (e.g. ``"003"``)."""
    matches = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    if len(matches) != 1:
        raise FileNotFoundError(f"expected one seed {prefix}_*.txt in {seeds_dir}, found {matches}")
    return matches[0]


def _is_blank(line: str) -> bool:
    """Nothing but spaces; a lone tab is an empty cell, not a blank line."""
    return not line.strip(" ")


def read_tab_table(text: str, title_from: str | None = None) -> SeedTable:
    """The tab-separated table of a seed; titles run from the line ``title_from`` to the header.

    Every non-blank line after the header must be a table row, so nothing is dropped silently.
    """
    lines = text.split("\n")
    header_at = next(i for i, line in enumerate(lines) if "\t" in line)
    start = lines.index(title_from) if title_from is not None else 0
    titles = tuple(line for line in lines[start:header_at] if not _is_blank(line))
    width = lines[header_at].count("\t") + 1
    rows: list[Row] = []
    for number, line in enumerate(lines[header_at:], start=header_at + 1):
        if _is_blank(line):
            continue
        cells = tuple(line.split("\t"))
        if len(cells) != width:
            raise ValueError(f"line {number}: {len(cells)} cells, header has {width}")
        rows.append(cells)
    return SeedTable(titles=titles, rows=tuple(rows))


def _blocks(text: str) -> list[list[str]]:
    """Runs of consecutive non-blank lines."""
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if _is_blank(line):
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(line)
    return [block for block in blocks if block]


def _block_cells(block: list[str]) -> Row:
    """One row: a line with a leading tab starts a cell, a line without continues it."""
    cells: list[str] = []
    for line in block:
        if line.startswith("\t"):
            cells.append(line[1:])
        else:
            cells[-1] += "\n" + line
    return tuple(cells)


def read_block_tables(text: str) -> list[SeedTable]:
    """The tables of a one-cell-per-line seed; each title line starts a new table."""
    tables: list[tuple[list[str], list[Row]]] = []
    for block in _blocks(text):
        if not block[0].startswith("\t"):
            tables.append((block, []))
        else:
            tables[-1][1].append(_block_cells(block))
    return [SeedTable(titles=tuple(titles), rows=_padded(rows)) for titles, rows in tables]


def _padded(rows: list[Row]) -> tuple[Row, ...]:
    """Rows as wide as the header; the last row of 004 lost its empty final cell."""
    width = len(rows[0])
    if any(len(row) > width for row in rows):
        raise ValueError(f"a row is wider than its header of {width} cells")
    return tuple(row + ("",) * (width - len(row)) for row in rows)
