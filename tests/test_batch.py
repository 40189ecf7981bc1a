"""Writing a confirmed preview: reports only added, plan fields updated, suggestions only when
confirmed, everything logged for undo."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import Engine
from sqlmodel import col, select

from data_access.db import session_scope
from data_access.imports.batch import is_illustrative
from data_access.kinds import AgencyKind
from data_access.models import (
    Agency,
    ImportChange,
    Kpi,
    KpiActual,
    ProgressUpdate,
    Task,
    TaskMilestone,
)
from loaders.records import LoadResult
from tests.backends import ON_BOTH_DATABASES
from tests.upload_db import (
    HOME,
    PLAN_CODE,
    POLICE,
    SKHCN,
    TASKS,
    TODAY,
    dump,
    fresh_engine,
    import_file,
    kpi_rows,
    plan_file,
    planned_engine,
    preview,
    progress_file,
    report,
    workbook,
)

pytestmark = ON_BOTH_DATABASES


def _updates(engine: Engine) -> list[tuple[str, str, date, str]]:
    with session_scope(engine) as session:
        rows = session.exec(
            select(Task.section_code, Task.number, ProgressUpdate)
            .join(Task, col(Task.id) == col(ProgressUpdate.task_id))
            .order_by(col(ProgressUpdate.id))
        ).all()
        return [(s, n, u.reported_on, u.status) for s, n, u in rows]


def _task(engine: Engine, section: str, number: str) -> Task:
    with session_scope(engine) as session:
        return session.exec(
            select(Task).where(Task.section_code == section, Task.number == number)
        ).one()


# --- Progress: reports are added, never overwritten ---


def test_reports_are_added_next_to_earlier_ones() -> None:
    engine = planned_engine()
    import_file(engine, progress_file([report("I", "1", "Đang thực hiện")]))
    later = report("I", "1", "Đã hoàn thành", day=date(2026, 11, 2), done_on=date(2026, 11, 1))
    earlier = report("I", "1", "Đang thực hiện", day=date(2026, 10, 30))
    undated = report("II", "1", "Chưa thực hiện", day=None)
    batch = import_file(engine, progress_file([later, earlier, undated]), imported_by="Lan")
    assert (batch.kind, batch.progress_count, batch.task_count) == ("progress", 3, 2)
    assert _updates(engine) == [
        ("I", "1", date(2026, 10, 15), "Đang thực hiện"),
        ("I", "1", date(2026, 11, 2), "Đã hoàn thành"),
        ("I", "1", date(2026, 10, 30), "Đang thực hiện"),
        ("II", "1", TODAY, "Chưa thực hiện"),
    ]


def test_a_suggested_match_is_written_only_once_confirmed() -> None:
    short = report("I", "2", "Đang thực hiện", name="Quy chế dữ liệu dùng chung", plan="")
    data = progress_file([short, report("I", "1", "Đang thực hiện")])
    upload = preview(planned_engine(), data, plan_code=PLAN_CODE)
    suggested = [row.index for row in upload.changes.rows if row.needs_confirmation]
    assert len(suggested) == 1
    unconfirmed = planned_engine()
    import_file(unconfirmed, data, plan_code=PLAN_CODE)
    assert [u[:2] for u in _updates(unconfirmed)] == [("I", "1")]
    confirmed = planned_engine()
    import_file(confirmed, data, plan_code=PLAN_CODE, confirmed=suggested)
    assert [u[:2] for u in _updates(confirmed)] == [("I", "2"), ("I", "1")]


# --- Plans: new ones, and revisions of stored ones ---


def test_a_first_import_stores_the_agency_directory_with_its_kinds() -> None:
    engine = fresh_engine()
    import_file(engine, plan_file(), "kh.xlsx", plan_code=PLAN_CODE)
    with session_scope(engine) as session:
        police = session.exec(select(Agency).where(Agency.name == POLICE)).one()
        count = len(session.exec(select(Agency)).all())
    assert police.kind == AgencyKind.DEPARTMENT
    assert count > 30


def test_a_revision_updates_fields_links_and_milestones() -> None:
    engine = planned_engine()
    milestones = "31/5/2026 (Khởi động) Tháng 10/2026 (Hoàn thành)"
    revised = [
        ("I", "1", TASKS[0][2], POLICE, HOME, milestones),
        *TASKS[1:],
        ("II", "3", "Xây dựng kho dữ liệu mở của tỉnh", SKHCN, "", "31/12/2026"),
    ]
    batch = import_file(engine, plan_file(revised))
    assert (batch.kind, batch.task_count) == ("plan", 2)
    task = _task(engine, "I", "1")
    assert (task.deadline_text, task.due_date, task.deadline_kind) == (
        milestones,
        date(2026, 10, 31),
        "milestones",
    )
    with session_scope(engine) as session:
        labels = session.exec(
            select(TaskMilestone.label).where(TaskMilestone.task_id == task.id)
        ).all()
    assert list(labels) == ["Khởi động", "Hoàn thành"]
    new = _task(engine, "II", "3")
    assert new.position == len(TASKS) + 1
    assert new.section_id == _task(engine, "II", "1").section_id


def test_a_renumbered_plan_keeps_each_task_and_its_reports() -> None:
    engine = planned_engine()
    import_file(engine, progress_file([report("I", "1", "Đang thực hiện")]))
    strategy_id = _task(engine, "I", "1").id
    inserted = ("I", "1", "Tổ chức diễn đàn đổi mới sáng tạo cấp tỉnh", SKHCN, "", "Tháng 9/2026")
    shifted = [(s, str(int(n) + 1) if s == "I" else n, *rest) for s, n, *rest in TASKS]
    import_file(engine, plan_file([inserted, *shifted]))
    assert _task(engine, "I", "2").id == strategy_id
    assert _task(engine, "I", "1").name == inserted[2]
    assert _updates(engine) == [("I", "2", date(2026, 10, 15), "Đang thực hiện")]


def test_a_revised_kpi_target_is_parsed() -> None:
    engine = planned_engine()
    kpis = [("1", "Tỉ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình", "≥ 90%")]
    import_file(engine, workbook({"Nhiệm vụ": [], "Chỉ tiêu": kpi_rows(kpis)}))
    with session_scope(engine) as session:
        kpi = session.exec(select(Kpi).where(Kpi.number == "1")).one()
    assert (kpi.target_text, kpi.target_operator, kpi.target_value) == ("≥ 90%", ">=", 90.0)


# --- KPI results: only new or different values are added ---


def test_only_new_kpi_results_are_added() -> None:
    engine = planned_engine()
    q1, h1 = "Kết quả Quý I/2026", "Kết quả 6 tháng đầu năm 2026"
    import_file(engine, workbook({"Chỉ tiêu": kpi_rows(results={q1: [72, 40]})}))
    batch = import_file(
        engine, workbook({"Chỉ tiêu": kpi_rows(results={q1: [72, 45], h1: [81, 50]})})
    )
    assert (batch.kind, batch.kpi_count) == ("kpi_actuals", 2)
    with session_scope(engine) as session:
        actuals = session.exec(select(KpiActual).order_by(col(KpiActual.id))).all()
    assert [(a.kpi_id, a.period, a.value) for a in actuals] == [
        (1, "2026-Q1", 72.0),
        (2, "2026-Q1", 40.0),
        (1, "2026-H1", 81.0),
        (2, "2026-Q1", 45.0),
        (2, "2026-H1", 50.0),
    ]


# --- Bookkeeping ---


def test_every_written_row_is_logged() -> None:
    engine = planned_engine()
    before = dump(engine)
    batch = import_file(engine, progress_file([report("I", "1", "Đang thực hiện")]))
    with session_scope(engine) as session:
        changes = session.exec(
            select(ImportChange).where(ImportChange.import_batch_id == batch.id)
        ).all()
        added = session.exec(
            select(ProgressUpdate.id).where(ProgressUpdate.import_batch_id == batch.id)
        ).all()
    assert [(c.table_name, c.action) for c in changes] == [("progressupdate", "inserts")]
    assert json.loads(changes[0].row_key) == list(added)
    assert len(dump(engine)["progressupdate"]) == len(before["progressupdate"]) + 1


def test_illustrative_files_say_so_in_their_title() -> None:
    assert is_illustrative(LoadResult("x.xlsx", title="SỐ LIỆU MINH HỌA – không phải thực tế"))
    assert not is_illustrative(LoadResult("x.xlsx", title="Phụ lục II"))
