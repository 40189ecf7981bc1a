"""Which tasks report inside the Sở KH&CN (monthly by the 12th instead of the 20th)."""

from __future__ import annotations

from sqlmodel import Session

from data_access import models as m
from data_access.agency_store import add_alias
from data_access.plan_facts import internal_reporting_ids

SKHCN = "Sở Khoa học và Công nghệ"


def add(session: Session, row: m.SQLModel) -> int:
    session.add(row)
    session.flush()
    return int(row.id)  # type: ignore[attr-defined]


def test_internal_reporting_follows_the_plan_that_names_the_unit(session: Session) -> None:
    home = m.Agency(name=SKHCN, kind=m.AgencyKind.DEPARTMENT)
    add(session, home)
    add_alias(session=session, agency=home, alias="Sở KH&CN")
    unit = add(session, m.Agency(name="Văn phòng Sở", kind=m.AgencyKind.INTERNAL_UNIT))
    police = add(session, m.Agency(name="Công an tỉnh", kind=m.AgencyKind.DEPARTMENT))
    plans = {
        # the Sở's own plan, its issuer written as an alias: every task, whoever leads it
        "own": m.Plan(code="KH-SKHCN", issuing_body="Sở KH&CN"),
        # an uploaded plan naming no issuer: taken to be the Sở's, its units report inside
        "unrecorded": m.Plan(code="UPLOAD"),
        # another Sở's plan: its "Văn phòng Sở" reports to that Sở, by the 20th
        "other": m.Plan(code="KH-SGDDT", issuing_body="Sở Giáo dục và Đào tạo"),
    }
    plan_ids = {key: add(session, plan) for key, plan in plans.items()}
    tasks = {}
    for plan, lead in [
        ("own", police),
        ("unrecorded", unit),
        ("unrecorded", police),
        ("other", unit),
    ]:
        key = f"{plan}/{'unit' if lead == unit else 'police'}"
        tasks[key] = add(session, m.Task(plan_id=plan_ids[plan], number=key, name=key))
        session.add(m.TaskAgency(task_id=tasks[key], agency_id=lead, role="lead"))
    # an internal unit that only coordinates does not make the task internal
    coordinated = add(session, m.Task(plan_id=plan_ids["unrecorded"], number="c", name="c"))
    session.add(m.TaskAgency(task_id=coordinated, agency_id=unit, role="coordinating"))
    session.flush()
    inside = set(internal_reporting_ids(session=session))
    assert inside == {tasks["own/police"], tasks["unrecorded/unit"]}


def test_the_sos_full_name_is_known_before_any_spelling_is_stored(session: Session) -> None:
    unit = add(session, m.Agency(name="Phòng Chuyển đổi số", kind=m.AgencyKind.INTERNAL_UNIT))
    plan = add(session, m.Plan(code="KH", issuing_body="SỞ KHOA HỌC VÀ CÔNG NGHỆ"))
    task = add(session, m.Task(plan_id=plan, number="1", name="x"))
    session.add(m.TaskAgency(task_id=task, agency_id=unit, role="lead"))
    session.flush()
    assert internal_reporting_ids(session=session) == [task]
