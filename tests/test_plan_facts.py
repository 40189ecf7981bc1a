"""What the status rules read besides the task row: internal reporting, the first milestone."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlmodel import Session

from data_access import kinds
from data_access import models as m
from data_access.agency_store import add_alias
from data_access.queries.plan_facts import internal_reporting_ids, with_plan_facts

SKHCN = "Sở Khoa học và Công nghệ"


def add(session: Session, row: m.SQLModel) -> int:
    session.add(row)
    session.flush()
    return int(row.id)  # type: ignore[attr-defined]


def lead(session: Session, plan: int, agency: int, number: str) -> int:
    task = add(session, m.Task(plan_id=plan, number=number, name=number))
    session.add(m.TaskAgency(task_id=task, agency_id=agency, role="lead"))
    return task


def test_internal_reporting_is_the_sos_plan_and_its_own_units(session: Session) -> None:
    home = m.Agency(name=SKHCN, kind=kinds.AgencyKind.DEPARTMENT)
    home_id = add(session, home)
    add_alias(session=session, agency=home, alias="Sở KH&CN")
    other = add(session, m.Agency(name="Sở Giáo dục và Đào tạo", kind=kinds.AgencyKind.DEPARTMENT))
    police = add(session, m.Agency(name="Công an tỉnh", kind=kinds.AgencyKind.DEPARTMENT))
    own_unit = add(session, m.Agency(name="Văn phòng Sở (Sở KH&CN)", kind="internal_unit"))
    other_unit = add(session, m.Agency(name="Văn phòng Sở (Sở GD&ĐT)", kind="internal_unit"))
    session.add(m.AgencyUnit(agency_id=own_unit, parent_id=home_id))
    session.add(m.AgencyUnit(agency_id=other_unit, parent_id=other))
    # the Sở's own plan, its issuer written as an alias: every task, whoever leads it
    own_plan = add(session, m.Plan(code="KH-SKHCN", issuing_body="Sở KH&CN"))
    province = add(session, m.Plan(code="KH-UBND", issuing_body="UBND tỉnh"))
    other_plan = add(session, m.Plan(code="KH-SGDDT", issuing_body="Sở Giáo dục và Đào tạo"))
    inside = {
        lead(session, own_plan, police, "1"),
        # a provincial plan's task led by one of the Sở's units
        lead(session, province, own_unit, "2"),
    }
    outside = {
        lead(session, province, police, "3"),
        # another Sở's "Văn phòng Sở" reports to that Sở, which reports by the 20th
        lead(session, other_plan, other_unit, "4"),
    }
    # one of the Sở's units that only coordinates does not make a task internal
    coordinated = add(session, m.Task(plan_id=province, number="5", name="5"))
    session.add(m.TaskAgency(task_id=coordinated, agency_id=own_unit, role="coordinating"))
    session.flush()
    assert set(internal_reporting_ids(session=session)) == inside
    assert not outside & set(internal_reporting_ids(session=session))


def test_the_sos_full_name_is_known_before_any_spelling_is_stored(session: Session) -> None:
    plan = add(session, m.Plan(code="KH", issuing_body="SỞ KHOA HỌC VÀ CÔNG NGHỆ"))
    task = add(session, m.Task(plan_id=plan, number="1", name="x"))
    blank = add(session, m.Plan(code="KH2"))  # no issuer recorded: not the Sở's by guess
    add(session, m.Task(plan_id=blank, number="1", name="y"))
    assert internal_reporting_ids(session=session) == [task]


def test_first_milestone_of_tasks_with_several(session: Session) -> None:
    plan = add(session, m.Plan(code="KH"))
    several = add(session, m.Task(plan_id=plan, number="1", name="two milestones"))
    one = add(session, m.Task(plan_id=plan, number="2", name="one milestone"))
    for position, day in enumerate([date(2027, 10, 31), date(2026, 5, 31)]):
        session.add(m.TaskMilestone(task_id=several, due_date=day, position=position))
    session.add(m.TaskMilestone(task_id=one, due_date=date(2026, 6, 30)))
    session.flush()
    facts = with_plan_facts(pd.DataFrame({"task_id": [several, one]}), session=session)
    assert facts["first_milestone"].tolist() == [pd.Timestamp(2026, 5, 31), pd.NaT]
    assert facts["internal_reporting"].tolist() == [False, False]
