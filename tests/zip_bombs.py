"""Zip bombs built by code on the fly from a real seed plan: never committed inflated.

Each bomb streams one repeated chunk into a zip member (``ZipFile.open(name, "w")``),
so it is built in seconds with little memory whatever it inflates to.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable
from io import BytesIO
from typing import IO

from loaders.limits import MEGABYTE
from sample_data.manifest import PLANS_DIR

GOOD_XLSX = (PLANS_DIR / "000_phu_luc_II_nhiem_vu_2026.xlsx").read_bytes()
GOOD_DOCX = (PLANS_DIR / "003_danh_muc_bo_sung_2026.docx").read_bytes()
XLSX_SHEET = "xl/worksheets/sheet1.xml"
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


def member_text(data: bytes, name: str) -> str:
    with zipfile.ZipFile(BytesIO(data)) as archive:
        return archive.read(name).decode()
