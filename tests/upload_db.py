"""Files and databases for the upload tests: a small plan, its progress, KPI results.

Workbooks are built with openpyxl exactly as staff would send them; databases are
filled through the real upload pipeline (``data_access.uploads``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from io import BytesIO
from typing import Any

from openpyxl import Workbook, load_workbook
from sqlalchemy import Engine
from sqlmodel import Session, SQLModel

from data_access.accounts import SHELL_ADMIN
from data_access.db import session_scope
from data_access.imports import read, write
from data_access.kinds import ImportKind
from data_access.models import ImportBatch
from sample_data.build_progress import TASK_HEADER as PROGRESS_HEADER
from sample_data.manifest import PROGRESS_WORKBOOK
from tests.backends import fresh_engine

PLAN_CODE = "KH-01"
TODAY = date(2026, 11, 30)
SKHCN, HOME, POLICE = "Sở Khoa học và Công nghệ", "Sở Nội vụ", "Công an tỉnh"
PLAN_HEADER = ("STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành")
KPI_HEADER = ("TT", "Tên chỉ tiêu", "Chỉ tiêu năm 2026")
# section, number, name, lead, coordinating, deadline
TASKS: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("I", "1", "Xây dựng Chiến lược chuyển đổi số của tỉnh giai đoạn 2026-2030", SKHCN, HOME,
     "30/6/2026"),
    ("I", "2", "Ban hành quy chế quản lý, khai thác dữ liệu dùng chung của tỉnh", HOME, "",
     "Quý III/2026"),
    ("II", "1", "Triển khai trung tâm giám sát an ninh mạng tập trung cho các hệ thống trọng yếu",
     POLICE, SKHCN, "31/12/2026"),
    ("II", "2", "Số hóa hồ sơ thủ tục hành chính còn hiệu lực tại bộ phận một cửa các cấp",
     "Sở KH&CN", "", "Thường xuyên"),
)  # fmt: skip
SECTIONS = {"I": "Về thể chế, chính sách", "II": "Về hạ tầng số"}
KPIS = (
    ("1", "Tỉ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình", ">80%"),
    ("2", "Tỉ lệ hồ sơ được số hóa, tái sử dụng kết quả số hóa", "≥ 50%"),
)


def workbook(
    sheets: dict[str, Sequence[Sequence[Any]]], formats: dict[tuple[str, str], str] | None = None
) -> bytes:
    """An .xlsx with one sheet per entry, rows as given; ``formats`` maps (sheet, "B5") to a
    number format."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    for (title, cell), number_format in (formats or {}).items():
        book[title][cell].number_format = number_format
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def plan_rows(tasks: Sequence[tuple[str, str, str, str, str, str]] = TASKS) -> list[list[Any]]:
    """Title, header, then each section row followed by its tasks."""
    rows: list[list[Any]] = [["Phụ lục: Danh mục nhiệm vụ năm 2026"], [], list(PLAN_HEADER)]
    section = None
    for code, number, name, lead, coordinating, deadline in tasks:
        if code != section:
            rows.append([code, SECTIONS.get(code, "Mục mới")])
            section = code
        rows.append([number, name, lead, coordinating, deadline])
    return rows


def kpi_rows(
    kpis: Sequence[tuple[str, str, str]] = KPIS, results: dict[str, Sequence[float]] | None = None
) -> list[list[Any]]:
    """A KPI table; ``results`` maps a period header (Kết quả Quý I/2026) to one value per KPI."""
    periods = list(results or {})
    rows: list[list[Any]] = [[*KPI_HEADER, *periods]]
    for index, (number, name, target) in enumerate(kpis):
        rows.append([number, name, target, *((results or {})[p][index] for p in periods)])
    return rows


def plan_file(
    tasks: Sequence[tuple[str, str, str, str, str, str]] = TASKS, with_kpis: bool = True
) -> bytes:
    sheets: dict[str, Sequence[Sequence[Any]]] = {"Nhiệm vụ": plan_rows(tasks)}
    if with_kpis:
        sheets["Chỉ tiêu"] = kpi_rows()
    return workbook(sheets)


def progress_file(reports: Sequence[Sequence[Any]]) -> bytes:
    """A progress workbook; each report is (plan, section, number, name, day, status, done on,
    evidence, description)."""
    return workbook({"Tiến độ": [list(PROGRESS_HEADER), *map(list, reports)]})


def report(
    section: str,
    number: str,
    status: str,
    day: date | None = date(2026, 10, 15),
    done_on: date | None = None,
    name: str | None = None,
    plan: str = PLAN_CODE,
) -> list[Any]:
    """One progress row about the task (section, number) of TASKS."""
    if name is None:
        name = next(t[2] for t in TASKS if (t[0], t[1]) == (section, number))
    evidence = "Quyết định số 12/QĐ-UBND" if done_on else None
    return [plan, section, number, name, day, status, done_on, evidence, None]


def edit_cell(data: bytes, sheet: str, cell: str, value: Any) -> bytes:
    """The same workbook with one cell changed."""
    book = load_workbook(BytesIO(data))
    book[sheet][cell] = value
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def import_file(
    engine: Engine,
    data: bytes,
    file_name: str = "tep.xlsx",
    *,
    kind: ImportKind | None = None,
    plan_code: str | None = None,
    confirmed: Sequence[int] = (),
    imported_by: str = "",
) -> ImportBatch:
    """Prepare and commit one upload in one transaction, as the page does."""
    with session_scope(engine) as session:
        upload = _prepare(session, data, file_name, kind, plan_code)
        return write.commit(
            session=session,
            actor=SHELL_ADMIN,
            upload=upload,
            confirmed=confirmed,
            imported_by=imported_by,
        )


def preview(
    engine: Engine,
    data: bytes,
    file_name: str = "tep.xlsx",
    kind: ImportKind | None = None,
    plan_code: str | None = None,
) -> read.PreparedUpload:
    """The preview of an upload, nothing written."""
    with session_scope(engine) as session:
        return _prepare(session, data, file_name, kind, plan_code)


def _prepare(
    session: Session,
    data: bytes,
    file_name: str,
    kind: ImportKind | None,
    plan_code: str | None,
) -> read.PreparedUpload:
    return read.prepare(
        session=session, data=data, file_name=file_name, kind=kind, plan_code=plan_code, today=TODAY
    )


def planned_engine() -> Engine:
    """A database holding plan KH-01 (TASKS and KPIS), imported through the pipeline."""
    engine = fresh_engine()
    import_file(engine, plan_file(), "ke_hoach.xlsx", plan_code=PLAN_CODE)
    return engine


def dump(engine: Engine, *, with_history: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every data table, sorted; the import history itself only ``with_history``."""
    with engine.connect() as connection:
        return {
            table.name: sorted((tuple(row) for row in connection.execute(table.select())), key=repr)
            for table in SQLModel.metadata.sorted_tables
            if with_history or table.name not in ("importbatch", "importchange")
        }


def table_counts(engine: Engine) -> dict[str, int]:
    return {name: len(rows) for name, rows in dump(engine).items()}


def sample_with_statuses_done(count: int, as_of: date) -> bytes:
    """The sample progress workbook with ``count`` tasks' latest open reports (on or before
    ``as_of``) changed to "Đã hoàn thành", completed on their report day."""
    book = load_workbook(BytesIO(PROGRESS_WORKBOOK.read_bytes()))
    sheet = book["Tiến độ"]
    latest: dict[tuple[Any, ...], Any] = {}
    for row in sheet.iter_rows(min_row=4):
        day = row[4].value
        if row[2].value is not None and day is not None and day.date() <= as_of:
            latest[(row[0].value, row[1].value, row[2].value)] = row
    open_rows = [row for row in latest.values() if row[5].value != "Đã hoàn thành"]
    for row in open_rows[:count]:
        row[5].value = "Đã hoàn thành"
        row[6].value = row[4].value
        row[6].number_format = "dd/mm/yyyy"
    assert len(open_rows) >= count
    out = BytesIO()
    book.save(out)
    return out.getvalue()
