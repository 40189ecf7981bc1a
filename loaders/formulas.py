"""Formula cells saved without their value, found before a workbook is read.

Excel and LibreOffice store a formula's last computed value beside it
(``<f>A1+1</f><v>2</v>``); tools that do not compute (openpyxl, some exports) store
the formula alone, and a reader of values sees an empty cell. Each worksheet's XML
is streamed as bytes: most sheets have no formula at all (no ``<f`` anywhere), and
only from a sheet's first formula on are its cells looked at one by one.
"""

from __future__ import annotations

import itertools
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.etree import ElementTree

from loaders.limits import MAX_CELL_CHARS

CHUNK_BYTES = 1024 * 1024
# The XML of one cell stays below this: its text, escaped (at most 6 bytes a character:
# "&quot;"), and its tags. A sheet with no cell end for longer holds no readable cell there.
CELL_XML_BYTES = 8 * MAX_CELL_CHARS
WORKBOOK = "xl/workbook.xml"
WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_WORKSHEET_TYPE = "/worksheet"
_ROOT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?worksheet\b")
_REF = re.compile(rb"""\sr\s*=\s*["']([^"']*)["']""")
_TYPE = re.compile(rb"""\st\s*=\s*["']([^"']*)["']""")
STRING_TYPE = b"str"  # a formula whose computed value is text, possibly empty


@dataclass(frozen=True)
class UncomputedFormula:
    """The first formula cell without a stored value, and how many more there are."""

    sheet: str
    cell: str  # "C12"; "" when the file does not say (the r attribute is optional)
    others: int


def first_uncomputed_formula(source: Path | IO[bytes]) -> UncomputedFormula | None:
    """None when every formula in every worksheet has its computed value stored."""
    first: tuple[str, str] | None = None
    count = 0
    with zipfile.ZipFile(source) as archive:
        for sheet, member in _worksheets(archive):
            with archive.open(member) as stream:
                for cell in uncomputed_cells(stream):
                    first = first or (sheet, cell)
                    count += 1
    if first is None:
        return None
    return UncomputedFormula(first[0], first[1], count - 1)


def _worksheets(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(title, zip member) of each worksheet, in the workbook's order."""
    relationships = ElementTree.fromstring(archive.read(WORKBOOK_RELS))
    members = {
        r.get("Id"): _member(r.get("Target", ""))
        for r in relationships.iter(_RELATIONSHIP)
        if r.get("Type", "").endswith(_WORKSHEET_TYPE)
    }
    names = set(archive.namelist())
    workbook = ElementTree.fromstring(archive.read(WORKBOOK))
    sheets = [(s.get("name", ""), s.get(_RELATIONSHIP_ID)) for s in workbook.iter(f"{_MAIN}sheet")]
    return [(title, members[key]) for title, key in sheets if members.get(key) in names]


def _member(target: str) -> str:
    """The zip member a relationship of xl/workbook.xml points at (absolute or relative)."""
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join("xl", target))


def uncomputed_cells(stream: IO[bytes], chunk_bytes: int = CHUNK_BYTES) -> Iterator[str]:
    """References of the formula cells without a value, in one worksheet's XML."""
    chunks = iter(lambda: stream.read(chunk_bytes), b"")
    head, root = b"", None
    for chunk in chunks:  # up to the root tag, which gives the namespace prefix
        head += chunk
        root = _ROOT.search(head)
        if root or len(head) >= CELL_XML_BYTES:
            break
    prefix = root.group(1) + b":" if root and root.group(1) else b""
    yield from _scan(itertools.chain([head], chunks), prefix)


def _scan(chunks: Iterator[bytes], prefix: bytes) -> Iterator[str]:
    cell_end = b"</" + prefix + b"c>"
    formula_start = b"<" + prefix + b"f"  # also <formula…> and <fill…>: rare, and harmless
    formula_cell = _formula_cell(prefix)
    searching = True  # no formula met yet: bytes are only searched for one
    carry = b""
    for chunk in chunks:
        data = carry + chunk
        cut = data.rfind(cell_end)
        # No cell ends here: nothing complete to look at, and no cell starts this far back.
        cut = cut + len(cell_end) if cut >= 0 else max(0, len(data) - CELL_XML_BYTES)
        carry = data[cut:]
        searching = searching and data.find(formula_start, 0, cut) < 0
        if not searching:
            yield from _without_value(formula_cell.finditer(data, 0, cut))


def _without_value(formula_cells: Iterator[re.Match[bytes]]) -> Iterator[str]:
    for match in formula_cells:
        if (match["value"] or b"").strip():
            continue
        kind = _TYPE.search(match["attributes"])
        if match["stored"] and kind and kind.group(1) == STRING_TYPE:
            continue  # a formula that computed the empty text
        ref = _REF.search(match["attributes"])
        yield ref.group(1).decode("ascii", "replace") if ref else ""


def _formula_cell(prefix: bytes) -> re.Pattern[bytes]:
    """A cell whose first child is a formula, and the value stored after it, if any.

    Text in XML never holds a raw "<", so ``[^<]*`` spans a formula or a value and
    every match attempt stops at the next tag: the scan stays linear.
    """
    p = re.escape(prefix)
    return re.compile(
        rb"<" + p + rb"c(?P<attributes>(?:\s[^>]*?)?)(?<!/)>\s*"
        rb"<" + p + rb"f\b(?:[^>]*/>|[^>]*>[^<]*</" + p + rb"f>)\s*"
        rb"(?P<stored><" + p + rb"v(?:\s[^>]*)?(?:/>|>(?P<value>[^<]*)</" + p + rb"v>))?"
    )
