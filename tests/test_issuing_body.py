"""A new plan's issuing body through an upload: stored under its name, scoping its units."""

from __future__ import annotations

import pytest
from sqlmodel import select

from data_access.accounts import SHELL_ADMIN
from data_access.db import session_scope
from data_access.imports import agencies, read, write
from data_access.imports.new_plan import ImportRefused
from data_access.models import Plan
from tests.backends import ON_BOTH_DATABASES
from tests.upload_db import (
    PLAN_CODE,
    SKHCN,
    TASKS,
    dump,
    edit_cell,
    fresh_engine,
    plan_file,
    planned_engine,
)

pytestmark = ON_BOTH_DATABASES

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
    engine = fresh_engine()
    with session_scope(engine) as session:
        upload = read.prepare(
            session=session, data=UNIT_PLAN, file_name="kh.xlsx", plan_code="KH-VP"
        )
        write.commit(session=session, actor=SHELL_ADMIN, upload=upload, issued_by=issued_by)
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
    engine = fresh_engine()
    with pytest.raises(ImportRefused, match=message), session_scope(engine) as session:
        upload = read.prepare(
            session=session, data=UNIT_PLAN, file_name="kh.xlsx", plan_code="KH-VP"
        )
        write.commit(session=session, actor=SHELL_ADMIN, upload=upload, issued_by=issued_by)
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
        write.commit(session=session, actor=SHELL_ADMIN, upload=upload, issued_by=SKHCN)
    assert dump(engine) == before
