"""A database stored before revision 0005 names no document for seed 004's "STT (TB02)"
numbers; loading the plan again shows "TB02" as a change and writing it fills the column."""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import col, select

from data_access.db import get_engine, session_scope
from data_access.models import Plan, Task
from sample_data.manifest import sample_plan
from tests.upload_db import import_file, preview

PLAN_CODE = "DC-CT-NV-2026"  # seed 004


def test_reloading_seed_004_fills_the_document_an_older_database_lacks(
    sample_copy_url: str,
) -> None:
    engine = get_engine(sample_copy_url)
    with engine.begin() as connection:  # as revision 0005 leaves a stored plan
        connection.execute(text("UPDATE task SET reference_document = ''"))
    data = sample_plan(PLAN_CODE).path.read_bytes()
    upload = preview(engine, data, "004.xlsx", plan_code=PLAN_CODE)
    changed = [[(f.label, f.before, f.after) for f in row.fields] for row in upload.changes.rows]
    assert changed == [[("Văn bản khác", "", "TB02")]] * 21 + [[]] * 6  # 21 tasks, 6 KPIs
    import_file(engine, data, "004.xlsx", plan_code=PLAN_CODE)
    with session_scope(engine) as session:
        stored = session.exec(
            select(Task.reference_document).join(Plan).where(col(Plan.code) == PLAN_CODE)
        ).all()
    assert stored == ["TB02"] * 21
