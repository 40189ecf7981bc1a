"""Entry point of the loaders: a file (or uploaded bytes) in, a LoadResult out.

A file that cannot be read at all raises UnreadableFileError with one Vietnamese
sentence naming it; everything else, however messy, comes back as records plus
problems.
"""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from loaders.agencies import AgencyDirectory
from loaders.assemble import Assembler
from loaders.grid import TableInterpreter
from loaders.limits import MAX_FILE_BYTES
from loaders.package import megabytes, zip_members
from loaders.problems import ProblemCollector, cut, unreadable_message
from loaders.progress import RowCounter
from loaders.records import LoadResult, UnreadableFileError
from loaders.text import without_hidden
from loaders.xlsx_reader import read_xlsx

XLSX_SUFFIXES = frozenset({".xlsx", ".xltx"})
DOCX_SUFFIXES = frozenset({".docx", ".dotx"})
MACRO_SUFFIXES = frozenset({".xlsm", ".xltm", ".xlam"})
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: legacy .xls/.doc or encrypted
ENCRYPTION_MARK = "EncryptionInfo".encode("utf-16-le")
TITLE_CHARS = 300


def load_file(
    path: Path | str,
    *,
    directory: AgencyDirectory | None = None,
    display_name: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> LoadResult:
    """Read a task/KPI workbook (.xlsx) or Word document (.docx) from disk."""
    path = Path(path)
    name = display_name or path.name
    return load_bytes(
        file_bytes(path, name),
        name,
        directory=directory,
        suffix=path.suffix or None,
        progress=progress,
    )


def file_bytes(path: Path, name: str) -> bytes:
    """The bytes of ``path``; UnreadableFileError naming ``name`` when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(unreadable_message("missing", name)) from exc


def load_bytes(
    data: bytes,
    file_name: str,
    *,
    directory: AgencyDirectory | None = None,
    suffix: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> LoadResult:
    """Read an uploaded file; ``file_name`` names it in messages and, unless ``suffix`` is
    given, tells its type by its extension. ``progress`` is told the number of rows
    read so far, every ``ROWS_PER_PROGRESS`` rows."""
    file_name = without_hidden(file_name)  # a bidi control would reorder every message
    kind = check_file(data, file_name, (suffix or Path(file_name).suffix).lower())
    collector = ProblemCollector(file_name)
    assembler = Assembler(collector, directory or AgencyDirectory.load_default())
    rows = RowCounter(progress)
    if kind == "xlsx":
        sheets = read_xlsx(BytesIO(data), file_name, assembler, rows)
    else:
        from loaders.docx_reader import read_docx  # python-docx is imported for Word files only

        sheets = read_docx(BytesIO(data), file_name, assembler, rows)
    if not any(sheet.found_table for sheet in sheets):
        raise UnreadableFileError(unreadable_message("no_table", file_name))
    issue_date = next((s.issue_date for s in sheets if s.issue_date), None)
    result = LoadResult(
        file_name, title=_title(sheets), issue_date=issue_date, problems=collector.problems
    )
    for sheet in sheets:
        result.tasks.extend(sheet.tasks)
        result.kpis.extend(sheet.kpis)
    return result


def check_size(data: bytes, name: str) -> None:
    """Refuse a file past MAX_FILE_BYTES (also checked by the page before it starts a worker)."""
    if len(data) > MAX_FILE_BYTES:
        size, limit = megabytes(len(data)), megabytes(MAX_FILE_BYTES)
        raise UnreadableFileError(unreadable_message("too_big", name, size=size, limit=limit))


def check_file(data: bytes, name: str, suffix: str) -> str:
    """``"xlsx"`` or ``"docx"`` when the bytes look readable; otherwise refuse the file."""
    if not data:
        raise UnreadableFileError(unreadable_message("empty", name))
    check_size(data, name)
    if data.startswith(OLE_MAGIC):
        raise UnreadableFileError(unreadable_message(_ole_reason(data, suffix), name))
    if suffix in MACRO_SUFFIXES:
        raise UnreadableFileError(unreadable_message("macro", name))
    if suffix in (".xls", ".doc"):
        raise UnreadableFileError(unreadable_message(f"legacy_{suffix[1:]}", name))
    if suffix in XLSX_SUFFIXES:
        kind, label = "xlsx", "bảng tính Excel (.xlsx)"
    elif suffix in DOCX_SUFFIXES:
        kind, label = "docx", "văn bản Word (.docx)"
    else:
        raise UnreadableFileError(unreadable_message("extension", name))
    members = zip_members(data, name, label)
    if kind == "xlsx" and "xl/vbaProject.bin" in members:
        raise UnreadableFileError(unreadable_message("macro", name))
    expected = "xl/workbook.xml" if kind == "xlsx" else "word/document.xml"
    if expected not in members:
        raise UnreadableFileError(unreadable_message("not_zip", name, kind=label))
    return kind


def _ole_reason(data: bytes, suffix: str) -> str:
    """A password-protected Office file is an OLE container too, like a legacy .xls/.doc."""
    if ENCRYPTION_MARK in data:
        return "encrypted"
    if suffix in DOCX_SUFFIXES or suffix == ".doc":
        return "legacy_doc"
    if suffix in XLSX_SUFFIXES or suffix in MACRO_SUFFIXES or suffix == ".xls":
        return "legacy_xls"
    return "extension"


def _title(sheets: list[TableInterpreter]) -> str:
    """The lines above the first table, on one line (e.g. ``Phụ lục II: Danh mục…``)."""
    lines = next((s.title_lines for s in sheets if s.found_table), [])
    title = " ".join(line for line in lines if line)
    return cut(title, TITLE_CHARS)
