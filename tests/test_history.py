"""Import history, files uploaded twice, and undo restoring the exact earlier state."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from data_access.accounts import SHELL_ADMIN
from data_access.agency_store import add_alias, find_agency
from data_access.db import data_revision, get_engine, session_scope
from data_access.imports.change_log import logged_batches
from data_access.imports.history import (
    HISTORY_COLUMNS,
    UndoRefused,
    can_undo,
    import_history,
    imports_of_same_file,
    latest_import,
    undo_latest_import,
)
from data_access.imports.new_plan import content_hash_of
from data_access.models import ImportBatch
from tests.backends import ON_BOTH_DATABASES
from tests.upload_db import (
    HOME,
    PLAN_CODE,
    POLICE,
    SKHCN,
    TASKS,
    dump,
    fresh_engine,
    import_file,
    kpi_rows,
    plan_file,
    planned_engine,
    progress_file,
    report,
    workbook,
)

pytestmark = ON_BOTH_DATABASES

NEW_AGENCY = "Ban Quản lý các khu công nghiệp tỉnh"


def _undo(engine: Engine) -> ImportBatch:
    with session_scope(engine) as session:
        return undo_latest_import(session=session, actor=SHELL_ADMIN)


def _revision(engine: Engine) -> str:
    with session_scope(engine) as session:
        return data_revision(session)


# --- Undo restores the exact earlier state ---


def test_undo_of_progress_reports() -> None:
    engine = planned_engine()
    before = dump(engine)
    done = report("I", "1", "Đã hoàn thành", done_on=date(2026, 10, 1))
    batch = import_file(engine, progress_file([done, report("II", "1", "Đang thực hiện")]))
    assert batch.progress_count == 2
    assert dump(engine) != before
    undone = _undo(engine)
    assert undone.id == batch.id
    assert undone.undone_at is not None
    assert dump(engine) == before


def test_undo_of_a_new_plan_removes_it_with_the_agencies_it_created() -> None:
    engine = planned_engine()
    before = dump(engine)
    tasks = [("", "1", "Phát triển khu công nghệ thông tin tập trung", NEW_AGENCY, SKHCN, "2027")]
    import_file(engine, plan_file(tasks, with_kpis=False), "moi.xlsx", plan_code="KH-02")
    with session_scope(engine) as session:
        assert find_agency(session=session, name=NEW_AGENCY) is not None
    _undo(engine)
    assert dump(engine) == before


def test_undo_of_a_plan_revision_renumbering_moving_and_relinking() -> None:
    engine = planned_engine()
    before = dump(engine)
    inserted = ("I", "1", "Tổ chức diễn đàn đổi mới sáng tạo cấp tỉnh", SKHCN, "", "Tháng 9/2026")
    revised = [
        inserted,
        ("I", "2", TASKS[0][2], POLICE, HOME, "31/5/2026 (Khởi động) Tháng 10/2026 (Hoàn thành)"),
        ("I", "3", *TASKS[1][2:]),
        ("I", "4", *TASKS[3][2:]),  # moved from section II
        TASKS[2],
    ]
    import_file(engine, plan_file(revised), "sua_doi.xlsx")
    assert len(dump(engine)["task"]) == len(TASKS) + 1
    assert len(dump(engine)["taskmilestone"]) == 2
    _undo(engine)
    assert dump(engine) == before


def test_undo_of_kpi_results() -> None:
    engine = planned_engine()
    before = dump(engine)
    import_file(engine, workbook({"Chỉ tiêu": kpi_rows(results={"Kết quả Quý I/2026": [72, 40]})}))
    assert len(dump(engine)["kpiactual"]) == 2
    _undo(engine)
    assert dump(engine) == before


def test_undo_walks_back_one_import_at_a_time() -> None:
    engine = planned_engine()
    states = [dump(engine)]
    for status in ("Chưa thực hiện", "Đang thực hiện", "Đã hoàn thành"):
        import_file(engine, progress_file([report("I", "1", status)]), f"{status}.xlsx")
        states.append(dump(engine))
    for state in reversed(states[:-1]):
        _undo(engine)
        assert dump(engine) == state


def test_undo_changes_the_data_revision() -> None:
    engine = planned_engine()
    import_file(engine, progress_file([report("I", "1", "Đang thực hiện")]))
    before = _revision(engine)
    _undo(engine)
    assert _revision(engine) != before


# --- Undo refused: nothing changes ---


def test_nothing_to_undo_on_an_empty_database() -> None:
    with pytest.raises(UndoRefused, match="Chưa có lần nạp"):
        _undo(fresh_engine())


def test_the_sample_data_cannot_be_undone(sample_copy_url: str) -> None:
    engine = get_engine(sample_copy_url)
    before = dump(engine)
    with session_scope(engine) as session:
        assert not can_undo(session=session)
    with pytest.raises(UndoRefused, match="không hoàn tác được"):
        _undo(engine)
    assert dump(engine) == before


def test_undo_is_refused_when_later_data_depends_on_the_import() -> None:
    engine = planned_engine()
    tasks = [("", "1", "Phát triển khu công nghệ thông tin tập trung", NEW_AGENCY, "", "2027")]
    import_file(engine, plan_file(tasks, with_kpis=False), "moi.xlsx", plan_code="KH-02")
    with session_scope(engine) as session:
        agency = find_agency(session=session, name=NEW_AGENCY)
        assert agency is not None
        add_alias(session=session, agency=agency, alias="BQL KCN tỉnh")
    before = dump(engine)
    with pytest.raises(UndoRefused, match="đã được dùng"):
        _undo(engine)
    assert dump(engine) == before
    with session_scope(engine) as session:
        assert latest_import(session=session) is not None


# --- History and files uploaded twice ---


def test_history_lists_every_import_newest_first() -> None:
    engine = planned_engine()
    data = progress_file([report("I", "1", "Đang thực hiện")])
    import_file(engine, data, "bao_cao.xlsx", imported_by="Nguyễn Thị Lan")
    _undo(engine)
    with session_scope(engine) as session:
        history = import_history(session=session)
    assert list(history.columns) == HISTORY_COLUMNS
    assert history["file_name"].tolist() == ["bao_cao.xlsx", "ke_hoach.xlsx"]
    assert history["kind"].tolist() == ["progress", "plan"]
    assert history["plan_code"].tolist() == [PLAN_CODE, PLAN_CODE]
    assert history["imported_by"].tolist() == ["Nguyễn Thị Lan", ""]
    assert history["content_hash"].iloc[0] == content_hash_of(data)
    assert history["task_count"].tolist() == [1, len(TASKS)]
    assert history["undone_at"].notna().tolist() == [True, False]
    assert isinstance(history["imported_at"].iloc[0], datetime)


def test_a_file_imported_before_is_found_by_its_bytes() -> None:
    engine = planned_engine()
    data = progress_file([report("I", "1", "Đang thực hiện")])
    import_file(engine, data, "lan_1.xlsx")
    _undo(engine)
    import_file(engine, data, "lan_2.xlsx")
    with session_scope(engine) as session:
        earlier = imports_of_same_file(session=session, content_hash=content_hash_of(data))
        other = imports_of_same_file(session=session, content_hash=content_hash_of(b"x"))
    assert [batch.file_name for batch in earlier] == ["lan_1.xlsx", "lan_2.xlsx"]
    assert other == []


def test_every_committed_import_carries_its_change_log() -> None:
    engine = planned_engine()
    batch = import_file(engine, progress_file([report("I", "1", "Đang thực hiện")]))
    with session_scope(engine) as session:
        assert logged_batches(session=session) == {1, batch.id}
        assert can_undo(session=session)


def test_undo_time_is_recorded_in_utc() -> None:
    engine = planned_engine()
    moment = datetime(2026, 11, 30, 3, 15, tzinfo=UTC)
    with session_scope(engine) as session:
        undone = undo_latest_import(session=session, actor=SHELL_ADMIN, now=moment)
    with session_scope(engine) as session:
        stored = session.exec(select(ImportBatch).where(ImportBatch.id == undone.id)).one()
    assert stored.undone_at == moment
    assert stored.plan_id is None  # its plan went away with it


def test_undo_walks_back_past_the_plan_that_later_imports_pointed_to() -> None:
    engine = fresh_engine()
    empty = dump(engine)
    import_file(engine, plan_file(), "kh.xlsx", plan_code=PLAN_CODE)
    import_file(engine, progress_file([report("I", "1", "Đang thực hiện")]))
    _undo(engine)
    _undo(engine)
    assert dump(engine) == empty
    with session_scope(engine) as session:
        assert import_history(session=session)["plan_code"].tolist() == ["", ""]
