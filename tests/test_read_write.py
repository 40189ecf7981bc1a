"""The upload pipeline end to end: bad files refused, blocking errors write nothing, duplicate
files noticed, agency spellings mapped or added, templates' task lists."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import date

import pytest
from sqlmodel import Session, select

from data_access.db import session_scope
from data_access.imports import agencies, read, write
from data_access.imports.new_plan import ImportRefused
from data_access.models import AgencyKind, ImportKind, Plan
from loaders.records import ProblemCode, ProblemLevel, UnreadableFileError
from tests.upload_db import (
    PLAN_CODE,
    PROGRESS_HEADER,
    SKHCN,
    TASKS,
    dump,
    edit_cell,
    import_file,
    kpi_rows,
    memory_engine,
    plan_file,
    planned_engine,
    preview,
    progress_file,
    report,
    table_counts,
    workbook,
)

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
UNKNOWN = "Ban Quản lý Khu kinh tế tỉnh"


def _with_macros(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            target.writestr(name, source.read(name))
        target.writestr("xl/vbaProject.bin", b"\0" * 64)
    return out.getvalue()


GOOD = plan_file()
BAD_FILES = {
    "not a spreadsheet": (b"STT;Ten nhiem vu\n1;Xay dung", "danh_sach.csv"),
    "text named .xlsx": (b"STT\tTen nhiem vu\n", "ke_hoach.xlsx"),
    "truncated": (GOOD[: len(GOOD) // 2], "ke_hoach.xlsx"),
    "password-protected": (OLE + bytes(500) + "EncryptionInfo".encode("utf-16-le"), "bc.xlsx"),
    "macro workbook (.xlsm)": (GOOD, "ke_hoach.xlsm"),
    "macros inside .xlsx": (_with_macros(GOOD), "ke_hoach.xlsx"),
    "legacy .xls": (OLE + bytes(500), "ke_hoach.xls"),
    "no recognisable table": (
        workbook({"Sheet": [["Báo cáo"], ["Nội dung", "Ghi chú"]]}),
        "x.xlsx",
    ),
    "empty": (b"", "ke_hoach.xlsx"),
}


# --- Files refused outright: one sentence, nothing changed ---


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_is_refused_with_one_sentence_and_changes_nothing(case: str) -> None:
    data, name = BAD_FILES[case]
    engine = planned_engine()
    before = dump(engine)
    with pytest.raises(UnreadableFileError) as refused:
        preview(engine, data, name)
    message = str(refused.value)
    assert name in message
    assert message.endswith(".")
    assert message.count(". ") == 0  # one sentence
    assert dump(engine) == before


# --- Problems that block ---


def test_one_blocking_error_writes_nothing() -> None:
    engine = planned_engine()
    before = dump(engine)
    good = report("I", "2", "Đang thực hiện")
    bad = report("I", "1", "Đã hoàn thành", done_on=date(2026, 10, 1))
    data = edit_cell(progress_file([good, bad]), "Tiến độ", "G3", "31/02/2026")
    with session_scope(engine) as session:
        upload = read.prepare(session=session, data=data, file_name="bc.xlsx")
        assert [(p.level, p.code, p.row, p.column) for p in upload.errors] == [
            (ProblemLevel.ERROR, ProblemCode.INVALID_DATE, 3, "Ngày hoàn thành")
        ]
        with pytest.raises(ImportRefused, match="còn 1 lỗi"):
            write.commit(session=session, upload=upload)
    assert dump(engine) == before


def test_warnings_do_not_block() -> None:
    engine = planned_engine()
    data = progress_file([report("I", "1", "Làm được một nửa")])  # an unknown status wording
    upload = preview(engine, data)
    assert [p.code for p in upload.problems] == [ProblemCode.UNKNOWN_STATUS]
    assert upload.errors == []
    batch = import_file(engine, data)
    assert batch.progress_count == 1
    assert batch.problem_count == 1


def test_nothing_new_is_refused() -> None:
    engine = planned_engine()
    before = dump(engine)
    with pytest.raises(ImportRefused, match="không có thay đổi"):
        import_file(engine, plan_file())
    assert dump(engine) == before


def test_a_new_plan_needs_a_code() -> None:
    with pytest.raises(ImportRefused, match="mã kế hoạch"):
        import_file(memory_engine(), plan_file(), plan_code="  ")


# --- The same file twice ---


def test_the_same_bytes_are_recognised_as_imported_before() -> None:
    engine = planned_engine()
    data = progress_file([report("I", "1", "Đang thực hiện")])
    first = import_file(engine, data, "bao_cao.xlsx")
    again = preview(engine, data, "bao_cao (1).xlsx")
    assert [batch.id for batch in again.earlier] == [first.id]
    assert again.changes.to_write() == []


# --- Choices override the guess ---


def test_the_kind_and_plan_chosen_by_staff_win() -> None:
    engine = planned_engine()
    upload = preview(engine, plan_file(), kind=ImportKind.PLAN, plan_code="KH-02")
    assert upload.guess.plan_code == PLAN_CODE
    assert (upload.kind, upload.plan_code, upload.changes.new_plan) == (
        ImportKind.PLAN,
        "KH-02",
        True,
    )


def test_a_new_plan_takes_the_title_given() -> None:
    engine = memory_engine()
    with session_scope(engine) as session:
        upload = read.prepare(session=session, data=plan_file(), file_name="kh.xlsx")
        write.commit(session=session, upload=upload, plan_title="Kế hoạch thử nghiệm")
        assert agencies.plan_codes(session=session) == ["KH"]


# --- The issuing body of a new plan ---

UNIT_PLAN = plan_file([(*TASKS[0][:3], "Văn phòng Sở", "", "30/6/2026")], with_kpis=False)


@pytest.mark.parametrize(
    ("issued_by", "stored", "unit"),
    [
        # any spelling of a known body is stored under its name; its units are its own
        ("SKHCN", SKHCN, "Văn phòng Sở (Sở KH&CN)"),
        # a body not in the directory is kept as written
        ("Sở Y tế tỉnh", "Sở Y tế tỉnh", "Văn phòng Sở (Sở Y tế tỉnh)"),
        # not stated in the document: unknown, the unit scoped to the plan that names it
        ("", "", "Văn phòng Sở (đơn vị ban hành KH-VP)"),
    ],
)
def test_a_new_plan_stores_its_issuing_body_and_scopes_its_units(
    issued_by: str, stored: str, unit: str
) -> None:
    engine = memory_engine()
    with session_scope(engine) as session:
        upload = read.prepare(
            session=session, data=UNIT_PLAN, file_name="kh.xlsx", plan_code="KH-VP"
        )
        write.commit(session=session, upload=upload, issued_by=issued_by)
    with session_scope(engine) as session:
        plan = session.exec(select(Plan)).one()
        assert plan.issuing_body == stored
        assert len(agencies.agency_tasks(session=session, agency_name=unit)) == 1


@pytest.mark.parametrize(
    ("issued_by", "message"),
    [
        # a unit or a group cannot issue a plan
        ("Văn phòng Sở", "không thể là cơ quan ban hành"),
        ("Các sở, ban, ngành, địa phương", "không thể là cơ quan ban hành"),
    ],
)
def test_a_bad_issuing_body_is_refused_and_writes_nothing(issued_by: str, message: str) -> None:
    engine = memory_engine()
    with pytest.raises(ImportRefused, match=message), session_scope(engine) as session:
        upload = read.prepare(
            session=session, data=UNIT_PLAN, file_name="kh.xlsx", plan_code="KH-VP"
        )
        write.commit(session=session, upload=upload, issued_by=issued_by)
    assert all(not rows for rows in dump(engine).values())


def test_a_stored_plan_keeps_its_issuing_body() -> None:
    engine = planned_engine()  # KH-01, imported without one
    before = dump(engine)
    changed = edit_cell(plan_file(), "Nhiệm vụ", "B5", "Tên mới của nhiệm vụ")
    refused = pytest.raises(ImportRefused, match="chỉ ghi khi nạp kế hoạch mới")
    with refused, session_scope(engine) as session:
        upload = read.prepare(
            session=session, data=changed, file_name="kh.xlsx", plan_code=PLAN_CODE
        )
        write.commit(session=session, upload=upload, issued_by=SKHCN)
    assert dump(engine) == before


# --- Agency spellings ---


def _plan_with_unknown_lead() -> bytes:
    return plan_file([(*TASKS[0][:3], UNKNOWN, "", "30/6/2026")], with_kpis=False)


def test_unknown_spellings_are_listed_once() -> None:
    tasks = [(*task[:3], f"{UNKNOWN}; {SKHCN}", UNKNOWN, task[5]) for task in TASKS]
    upload = preview(planned_engine(), plan_file(tasks, with_kpis=False), plan_code="KH-02")
    assert upload.unknown_agencies == [UNKNOWN]


def test_a_mapped_spelling_is_used_from_then_on() -> None:
    engine = planned_engine()
    with session_scope(engine) as session:
        agencies.map_spelling(session=session, spelling=UNKNOWN, agency_name=SKHCN)
    upload = preview(engine, _plan_with_unknown_lead(), plan_code="KH-02")
    assert upload.unknown_agencies == []
    assert upload.result.tasks[0].lead_agencies == [SKHCN]


def test_a_new_agency_is_known_afterwards() -> None:
    engine = planned_engine()
    with session_scope(engine) as session:
        agency = agencies.add_agency(session=session, name=UNKNOWN, kind=AgencyKind.DEPARTMENT)
        assert agency.kind == AgencyKind.DEPARTMENT
        assert UNKNOWN in agencies.agency_names(session=session)
    assert preview(engine, _plan_with_unknown_lead(), plan_code="KH-02").unknown_agencies == []


def test_a_new_agency_under_its_proper_name_keeps_the_files_spelling() -> None:
    engine = planned_engine()
    proper = "Ban Quản lý Khu kinh tế tỉnh Hà Tĩnh"
    with session_scope(engine) as session:
        agencies.add_agency(
            session=session, name=proper, kind=AgencyKind.DEPARTMENT, spelling=UNKNOWN
        )
    upload = preview(engine, _plan_with_unknown_lead(), plan_code="KH-02")
    assert upload.unknown_agencies == []
    assert upload.result.tasks[0].lead_agencies == [proper]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda s: agencies.map_spelling(session=s, spelling="X", agency_name="Không có"),
            "Chưa có",
        ),
        (lambda s: agencies.add_agency(session=s, name=" ", kind=AgencyKind.OTHER), "để trống"),
    ],
)
def test_agency_edits_refused(call: Callable[[Session], object], message: str) -> None:
    engine = planned_engine()
    with pytest.raises(ImportRefused, match=message), session_scope(engine) as session:
        call(session)


# --- Task lists for templates ---


def test_agency_tasks_lists_the_tasks_an_agency_leads() -> None:
    engine = planned_engine()
    with session_scope(engine) as session:
        tasks = agencies.agency_tasks(session=session, agency_name=SKHCN)
        nobody = agencies.agency_tasks(session=session, agency_name="Không có")
    assert list(tasks.columns) == agencies.AGENCY_TASK_COLUMNS
    assert tasks[["section", "number"]].values.tolist() == [["I", "1"], ["II", "2"]]
    assert tasks["plan_code"].unique().tolist() == [PLAN_CODE]
    assert nobody.empty


# --- KPI results chosen for a file that also reports on tasks ---


def _tasks_and_kpi_results() -> bytes:
    done = report("I", "1", "Đã hoàn thành", done_on=date(2026, 10, 1))
    return workbook(
        {
            "Tiến độ": [list(PROGRESS_HEADER), done],
            "Chỉ tiêu": kpi_rows(results={"Kết quả Quý III/2026": [85, 40]}),
        }
    )


def test_kpi_results_chosen_leave_the_task_rows_out_and_say_so() -> None:
    engine = planned_engine()
    data = _tasks_and_kpi_results()
    upload = preview(engine, data, kind=ImportKind.KPI_ACTUALS, plan_code=PLAN_CODE)
    left_out = [p for p in upload.problems if p.code is ProblemCode.ROWS_LEFT_OUT]
    assert [(p.level, p.file) for p in left_out] == [(ProblemLevel.WARNING, "tep.xlsx")]
    assert "1 dòng nhiệm vụ" in left_out[0].message
    assert {row.plan_code for row in upload.changes.to_write()} == {PLAN_CODE}
    import_file(engine, data, kind=ImportKind.KPI_ACTUALS, plan_code=PLAN_CODE)
    counts = table_counts(engine)
    assert (counts["progressupdate"], counts["kpiactual"]) == (0, 2)


def test_progress_chosen_for_the_same_file_writes_both() -> None:
    engine = planned_engine()
    data = _tasks_and_kpi_results()
    upload = preview(engine, data, kind=ImportKind.PROGRESS, plan_code=PLAN_CODE)
    assert all(p.code is not ProblemCode.ROWS_LEFT_OUT for p in upload.problems)
    import_file(engine, data, kind=ImportKind.PROGRESS, plan_code=PLAN_CODE)
    counts = table_counts(engine)
    assert (counts["progressupdate"], counts["kpiactual"]) == (1, 2)
