"""A plan import that would leave two tasks on one number is refused before it writes.

Plan KH-01 (tests.upload_db.TASKS) holds I.1 "Xây dựng Chiến lược…" and I.2 "Ban hành
quy chế…". A file for KH-01 that puts I.1's name at number 2 moves that task to I.2,
where the stored "Ban hành quy chế…" stays (the file does not mention it): two tasks
would be I.2, which the plan's numbering (and the database) cannot hold.
"""

from __future__ import annotations

import pytest

from data_access.imports.new_plan import ImportRefused
from data_access.kinds import ImportKind
from tests.upload_db import (
    HOME,
    PLAN_CODE,
    SKHCN,
    TASKS,
    dump,
    import_file,
    plan_file,
    planned_engine,
    preview,
)

NEW_TASK = "Tổ chức hội thảo khoa học về trí tuệ nhân tạo cho doanh nghiệp"
STRATEGY, RULES = TASKS[0][2], TASKS[1][2]  # stored as I.1 and I.2


def test_a_task_moved_onto_a_number_the_plan_keeps_is_refused_naming_both() -> None:
    engine = planned_engine()
    before = dump(engine)
    data = plan_file(
        (
            ("I", "1", NEW_TASK, SKHCN, "", "30/6/2026"),
            ("I", "2", STRATEGY, SKHCN, HOME, "30/6/2026"),
        ),
        with_kpis=False,
    )
    upload = preview(engine, data, "kh.xlsx", kind=ImportKind.PLAN, plan_code=PLAN_CODE)
    assert upload.number_clash is not None
    # the file's row 6 (title, blank, header, section I, then tasks from row 5)
    assert upload.number_clash.startswith("Trang tính “Nhiệm vụ”, dòng 6: nhiệm vụ số 2 mục I")
    assert f"“{RULES}” của kế hoạch {PLAN_CODE}" in upload.number_clash
    with pytest.raises(ImportRefused) as refused:
        import_file(engine, data, "kh.xlsx", kind=ImportKind.PLAN, plan_code=PLAN_CODE)
    assert str(refused.value) == upload.number_clash
    assert str(refused.value).endswith("Chưa nạp dữ liệu nào.")
    assert dump(engine) == before


def test_a_new_task_on_a_free_number_is_no_clash() -> None:
    engine = planned_engine()
    data = plan_file((("I", "3", NEW_TASK, SKHCN, "", "30/6/2026"),), with_kpis=False)
    upload = preview(engine, data, "kh.xlsx", kind=ImportKind.PLAN, plan_code=PLAN_CODE)
    assert upload.number_clash is None
    batch = import_file(engine, data, "kh.xlsx", kind=ImportKind.PLAN, plan_code=PLAN_CODE)
    assert batch.task_count == 1
