"""The upload pipeline end to end: bad files refused, blocking errors write nothing, duplicate
files noticed, staff's choices over the guess, templates' task lists, KPI results chosen."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest

from data_access.accounts import SHELL_ADMIN
from data_access.db import session_scope
from data_access.imports import agencies, read, write
from data_access.imports.new_plan import ImportRefused
from data_access.kinds import ImportKind
from loaders.records import ProblemCode, ProblemLevel, UnreadableFileError
from tests.backends import ON_BOTH_DATABASES
from tests.upload_db import (
    PLAN_CODE,
    PROGRESS_HEADER,
    SKHCN,
    dump,
    edit_cell,
    fresh_engine,
    import_file,
    kpi_rows,
    plan_file,
    planned_engine,
    preview,
    progress_file,
    report,
    table_counts,
    workbook,
)

pytestmark = ON_BOTH_DATABASES

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


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
            write.commit(session=session, actor=SHELL_ADMIN, upload=upload)
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
        import_file(fresh_engine(), plan_file(), plan_code="  ")


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
    engine = fresh_engine()
    with session_scope(engine) as session:
        upload = read.prepare(session=session, data=plan_file(), file_name="kh.xlsx")
        write.commit(
            session=session, actor=SHELL_ADMIN, upload=upload, plan_title="Kế hoạch thử nghiệm"
        )
        assert agencies.plan_codes(session=session) == ["KH"]


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
