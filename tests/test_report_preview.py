"""Preview of progress and KPI-result files: reports to add (before → after), unchanged,
unmatched and missing rows."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from data_access.db import session_scope
from data_access.imports.change_set import ChangeKind, ChangeSet
from data_access.imports.report_preview import preview_reports, report_of
from data_access.kinds import ImportKind
from loaders.load import load_bytes
from loaders.records import TaskRecord
from tests.backends import ON_BOTH_DATABASES
from tests.upload_db import (
    PLAN_CODE,
    TODAY,
    import_file,
    kpi_rows,
    planned_engine,
    progress_file,
    report,
    workbook,
)

pytestmark = ON_BOTH_DATABASES

Q1, H1 = "Kết quả Quý I/2026", "Kết quả 6 tháng đầu năm 2026"


@pytest.fixture
def engine() -> Engine:
    """Plan KH-01 with one report: task I.1 in progress on 15/10/2026."""
    engine = planned_engine()
    import_file(engine, progress_file([report("I", "1", "Đang thực hiện")]), "bao_cao_1.xlsx")
    return engine


def _preview(engine: Engine, data: bytes, plan_code: str = "") -> ChangeSet:
    result = load_bytes(data, "tien_do.xlsx")
    with session_scope(engine) as session:
        return preview_reports(session=session, result=result, plan_code=plan_code, today=TODAY)


def _flat(changes: ChangeSet) -> list[tuple[str, str, str, list[tuple[str, str, str]]]]:
    return [
        (str(row.kind), row.section, row.number, [(f.label, f.before, f.after) for f in row.fields])
        for row in changes.rows
    ]


# --- Progress rows ---


def test_a_changed_status_shows_the_latest_report_before_it(engine: Engine) -> None:
    done = report("I", "1", "Đã hoàn thành", day=date(2026, 11, 2), done_on=date(2026, 11, 1))
    changes = _preview(engine, progress_file([done]))
    assert changes.kind is ImportKind.PROGRESS
    assert _flat(changes)[0] == (
        "changed",
        "I",
        "1",
        [
            ("Ngày báo cáo", "15/10/2026", "02/11/2026"),
            ("Tình trạng", "Đang thực hiện", "Đã hoàn thành"),
            ("Ngày hoàn thành", "—", "01/11/2026"),
            ("Minh chứng", "—", "Quyết định số 12/QĐ-UBND"),
        ],
    )


def test_the_same_report_again_is_unchanged_and_other_tasks_are_missing(engine: Engine) -> None:
    changes = _preview(engine, progress_file([report("I", "1", "Đang thực hiện")]))
    assert _flat(changes) == [
        ("unchanged", "I", "1", []),
        ("missing", "I", "2", []),
        ("missing", "II", "1", []),
        ("missing", "II", "2", []),
    ]
    assert changes.to_write() == []


def test_a_different_report_on_the_same_day_is_added(engine: Engine) -> None:
    changes = _preview(engine, progress_file([report("I", "1", "Chưa thực hiện")]))
    assert _flat(changes)[0] == (
        "changed",
        "I",
        "1",
        [("Tình trạng", "Đang thực hiện", "Chưa thực hiện")],
    )


def test_an_undated_row_is_dated_today(engine: Engine) -> None:
    changes = _preview(engine, progress_file([report("II", "1", "Đang thực hiện", day=None)]))
    row = changes.rows[0]
    assert row.report_on == TODAY
    assert [(f.label, f.after) for f in row.fields][0] == ("Ngày báo cáo", "30/11/2026")


def test_an_undated_row_saying_what_is_stored_is_unchanged(engine: Engine) -> None:
    changes = _preview(engine, progress_file([report("I", "1", "Đang thực hiện", day=None)]))
    assert changes.rows[0].kind is ChangeKind.UNCHANGED


def test_rows_on_no_known_task_are_unmatched(engine: Engine) -> None:
    rows = [
        report("I", "1", "Đang thực hiện"),
        report("III", "9", "Đang thực hiện", name="Mua sắm xe ô tô chuyên dùng cho Sở"),
        report("I", "1", "Đang thực hiện", plan="KH-KHONG-CO"),
    ]
    kinds = [str(row.kind) for row in _preview(engine, progress_file(rows)).rows[:3]]
    assert kinds == ["unchanged", "unmatched", "unmatched"]


def test_a_renumbered_row_is_matched_by_name(engine: Engine) -> None:
    name = "Triển khai trung tâm giám sát an ninh mạng tập trung cho các hệ thống trọng yếu"
    changes = _preview(engine, progress_file([report("II", "5", "Đang thực hiện", name=name)]))
    row = changes.rows[0]
    assert row.kind is ChangeKind.CHANGED
    assert row.match is not None
    assert (str(row.match.method), row.match.score) == ("name", 100.0)
    assert (row.section, row.number) == ("II", "5")
    # The preview shows the task's own place (TASKS' II.1), then the file's number and row
    # (the header is row 1).
    shown = changes.frame().iloc[0][["section", "number", "file_number", "row"]]
    assert shown.tolist() == ["II", "1", "5", 2]


def test_the_chosen_plan_is_used_when_rows_name_none(engine: Engine) -> None:
    row = report("I", "2", "Đang thực hiện", plan="")
    assert _preview(engine, progress_file([row]), plan_code=PLAN_CODE).rows[0].plan_code == (
        PLAN_CODE
    )


@pytest.mark.parametrize(
    ("status", "completed", "expected"),
    [
        ("Đang thực hiện", False, "Đang thực hiện"),
        ("", True, "Đã hoàn thành"),  # a done note with no status
        ("", False, ""),
    ],
)
def test_report_of(status: str, completed: bool, expected: str) -> None:
    record = TaskRecord(number="1", name="x", status=status, completed=completed)
    assert report_of(record)[0] == expected


# --- KPI results ---


def test_kpi_results_new_changed_and_unchanged(engine: Engine) -> None:
    first = workbook({"Chỉ tiêu": kpi_rows(results={Q1: [72, 40]})})
    import_file(engine, first, "chi_tieu_q1.xlsx")
    second = workbook({"Chỉ tiêu": kpi_rows(results={Q1: [75, 40], H1: [81.5, 52]})})
    changes = _preview(engine, second)
    assert changes.kind is ImportKind.KPI_ACTUALS
    assert _flat(changes) == [
        ("changed", "", "1", [(Q1, "72", "75"), (H1, "—", "81,5")]),
        ("changed", "", "2", [(H1, "—", "52")]),
    ]


def test_the_same_kpi_results_again_are_unchanged(engine: Engine) -> None:
    data = workbook({"Chỉ tiêu": kpi_rows(results={Q1: [72, 40]})})
    import_file(engine, data, "chi_tieu_q1.xlsx")
    assert [row.kind for row in _preview(engine, data).rows] == [ChangeKind.UNCHANGED] * 2
