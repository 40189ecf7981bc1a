"""Hostile and broken files, built by code on the fly: bombs are never committed inflated.

Each function returns the bytes of one file, starting from a real seed plan. A bomb
streams one repeated chunk into a zip member (``ZipFile.open(name, "w")``), so it is
built in seconds with little memory whatever it inflates to.
"""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Callable
from io import BytesIO
from string import ascii_uppercase
from typing import IO
from xml.sax.saxutils import escape

from openpyxl import Workbook

from loaders.limits import MEGABYTE
from sample_data.manifest import PLANS_DIR

GOOD_XLSX = (PLANS_DIR / "000_phu_luc_II_nhiem_vu_2026.xlsx").read_bytes()
GOOD_DOCX = (PLANS_DIR / "003_danh_muc_bo_sung_2026.docx").read_bytes()
XLSX_SHEET = "xl/worksheets/sheet1.xml"
SHEET_NAME = "Phụ lục II"  # the seed's one sheet
FIRST_TASK_ROW = 5  # its header is row 4; columns: Stt, Tên nhiệm vụ, …, Cơ quan chủ trì (D)
SHEET_XML = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
WORD_XML = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
SHARED_STRINGS_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
)

Writer = Callable[[IO[bytes]], None]


def repackaged(base: bytes, writers: dict[str, Writer]) -> bytes:
    """``base`` with the named members written anew (added when new); the rest copied."""
    out = BytesIO()
    with (
        zipfile.ZipFile(BytesIO(base)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for name in source.namelist():
            if name not in writers:
                target.writestr(name, source.read(name))
        for name, write in writers.items():
            with target.open(name, "w", force_zip64=True) as stream:
                write(stream)
    return out.getvalue()


def repeated(head: bytes, chunk: bytes, total: int, tail: bytes) -> Writer:
    """A member of ``head``, ``chunk`` repeated to ``total`` bytes or just over, ``tail``."""
    block = chunk * max(1, MEGABYTE // len(chunk))

    def write(stream: IO[bytes]) -> None:
        stream.write(head)
        for _ in range(-(-total // len(block))):
            stream.write(block)
        stream.write(tail)

    return write


def shared_strings_bomb(inflated: int = 600 * MEGABYTE) -> bytes:
    """The seed workbook with a sharedStrings.xml of one string of ``inflated`` bytes.

    Compressed about 1,000 to 1: 600 MB take 0.6 MB. From a small size on (under
    ``MAX_INFLATED_BYTES``) it is refused for its ratio, past it for its size.
    """
    with zipfile.ZipFile(BytesIO(GOOD_XLSX)) as source:
        types = source.read("[Content_Types].xml")
    types = types.replace(b"</Types>", SHARED_STRINGS_TYPE + b"</Types>")
    strings = repeated(
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>',
        b"A",
        inflated,
        b"</t></si></sst>",
    )
    return repackaged(
        GOOD_XLSX,
        {"[Content_Types].xml": lambda s: s.write(types), "xl/sharedStrings.xml": strings},
    )


def rows_bomb(inflated: int = 600 * MEGABYTE) -> bytes:
    """The seed workbook whose sheet is ``inflated`` bytes of identical one-cell rows."""
    row = b'<row><c t="inlineStr"><is><t>1</t></is></c></row>'
    sheet = repeated(SHEET_XML + b"<sheetData>", row, inflated, b"</sheetData></worksheet>")
    return repackaged(GOOD_XLSX, {XLSX_SHEET: sheet})


def docx_bomb(inflated: int = 600 * MEGABYTE) -> bytes:
    """The seed Word plan whose document.xml is ``inflated`` bytes of one-cell table rows."""
    row = b"<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>"
    body = repeated(WORD_XML + b"<w:body><w:tbl>", row, inflated, b"</w:tbl></w:body></w:document>")
    return repackaged(GOOD_DOCX, {"word/document.xml": body})


def forged_size_bomb(inflated: int = 200 * MEGABYTE, declared: int = 1000) -> bytes:
    """A shared-strings bomb whose zip directory declares ``declared`` bytes inflated.

    Readers take sizes from the central directory, so that is the entry forged (the
    member is the archive's last, so its entry is the last one). The declared sizes
    then pass every check; only inflating the member shows the lie.
    """
    data = bytearray(shared_strings_bomb(inflated))
    struct.pack_into("<I", data, data.rfind(b"PK\x01\x02") + 24, declared)
    return bytes(data)


def huge_cell(chars: int = 100_000) -> bytes:
    """The seed workbook whose first task's name is ``chars`` characters long (one cell)."""
    return edited_seed({f"B{FIRST_TASK_ROW}": "Xây dựng " + "x" * (chars - 9)})


def long_names(name_chars: int = 100_000, agency_chars: int = 100_000) -> bytes:
    """The seed workbook whose first task has a name and a lead agency of the given lengths."""
    return edited_seed(
        {
            f"B{FIRST_TASK_ROW}": "Xây dựng " + "x" * (name_chars - 9),
            f"D{FIRST_TASK_ROW}": "Trung tâm " + "y" * (agency_chars - 10),
        }
    )


def continuation_rows(n: int) -> bytes:
    """A task table whose first task's name continues over ``n`` rows, then a second task."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_NAME)
    sheet.append(["Danh mục nhiệm vụ"])
    sheet.append(["Stt", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"])
    sheet.append(["1.", "Xây dựng kho dữ liệu", "Công an tỉnh", "30/6/2026"])
    for _ in range(n):
        sheet.append([None, "và phần tiếp theo"])
    sheet.append(["2.", "Rà soát thủ tục", "Công an tỉnh", "30/6/2026"])
    return _saved(workbook)


def edited_seed(cells: dict[str, str]) -> bytes:
    """The seed workbook with text cells set by address (``"B5"``), written into its XML:
    openpyxl would cut a text to Excel's 32,767 characters, a hostile file need not."""
    with zipfile.ZipFile(BytesIO(GOOD_XLSX)) as source:
        xml = source.read(XLSX_SHEET).decode()
    for address, text in cells.items():
        cell = f'<c r="{address}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'
        existing = re.search(rf'<c r="{address}"[^>]*?(?:/>|>.*?</c>)', xml, re.DOTALL)
        if existing:
            start, end = existing.span()
        else:  # a column past the row's last cell
            row = xml.index(f'<row r="{address.lstrip(ascii_uppercase)}"')
            start = end = xml.index("</row>", row)
        xml = xml[:start] + cell + xml[end:]
    return repackaged(GOOD_XLSX, {XLSX_SHEET: lambda stream: stream.write(xml.encode())})


def _saved(workbook: Workbook) -> bytes:
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
