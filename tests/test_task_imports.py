"""The imports a task's record lists: its plan's and its reports', who and when, undone or not."""

from __future__ import annotations

from datetime import date

from sqlmodel import col, select

from data_access.accounts import SHELL_ADMIN
from data_access.db import session_scope
from data_access.imports.history import undo_latest_import
from data_access.models import Task
from data_access.queries.task_record import task_detail
from tests.backends import ON_BOTH_DATABASES
from tests.upload_db import import_file, planned_engine, progress_file, report

pytestmark = ON_BOTH_DATABASES


def test_a_report_names_its_importer_and_an_undone_import_stays_listed() -> None:
    engine = planned_engine()
    done = report("I", "1", "Đã hoàn thành", done_on=date(2026, 10, 1))
    import_file(engine, progress_file([done]), "tien_do_10.xlsx", imported_by="Nguyễn Văn A")
    later = report("I", "1", "Đang thực hiện", day=date(2026, 11, 1))
    import_file(engine, progress_file([later]), "tien_do_11.xlsx", imported_by="Trần Thị B")
    with session_scope(engine) as session:
        undo_latest_import(session=session, actor=SHELL_ADMIN)
    with session_scope(engine) as session:
        task_id = session.exec(
            select(Task.id).where(col(Task.section_code) == "I", col(Task.number) == "1")
        ).one()
        assert task_id is not None
        detail = task_detail(session=session, task_id=task_id)
    assert detail is not None
    # the report of the undone import is gone; the one kept names who imported it
    assert detail.progress[["evidence", "imported_by"]].values.tolist() == [
        ["Quyết định số 12/QĐ-UBND", "Nguyễn Văn A"]
    ]
    imports = detail.imports
    assert imports["file_name"].tolist() == ["ke_hoach.xlsx", "tien_do_10.xlsx", "tien_do_11.xlsx"]
    assert imports["imported_by"].tolist() == ["", "Nguyễn Văn A", "Trần Thị B"]
    assert imports["undone_at"].notna().tolist() == [False, False, True]
