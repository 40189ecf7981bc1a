"""A plan file's changes to its stored tasks: fields, deadline, agencies, section and number.

Only fields the file fills in are written: an empty cell means "not given", never "erase".
"""

from __future__ import annotations

from sqlmodel import Session, col, func, select

from data_access.imports.change_set import RowChange
from data_access.imports.rows import flushed_id, link_agencies
from data_access.kinds import AgencyRole
from data_access.models import Section, Task, TaskAgency, TaskMilestone
from loaders.records import TaskRecord

TEXT_FIELDS = (
    "name",
    "expected_output",
    "basis",
    "notes",
    "leader",
    "evaluation",
    "description",
    "adjustment",
    "reference_number",
    "reference_document",
)


def update_task(session: Session, plan_id: int, row: RowChange, record: TaskRecord) -> Task:
    task = session.get(Task, row.stored_id)
    assert task is not None
    for name in TEXT_FIELDS:
        if getattr(record, name):
            setattr(task, name, getattr(record, name))
    task.report_to_central = task.report_to_central or record.report_to_central
    if record.deadline_text and record.deadline_text != task.deadline_text:
        _set_deadline(session, task, record)
    for role, names in (
        (AgencyRole.LEAD, record.lead_agencies),
        (AgencyRole.COORDINATING, record.coordinating_agencies),
    ):
        if names:
            _replace_agencies(session, task, role, names)
    session.add(task)
    return task


def renumber(session: Session, rows: list[RowChange]) -> None:
    """Move tasks to their new section and number in two steps, so no two ever collide."""
    moves = []
    for row in rows:
        task, record = session.get(Task, row.stored_id), row.task
        assert task is not None and record is not None
        if (task.section_code, task.number) != (record.section, record.number):
            moves.append((task, record))
            task.number = f"~{task.id}"  # a placeholder no real number looks like
            session.add(task)
    session.flush()
    for task, record in moves:
        task.number, task.section_code = record.number, record.section
        task.section_id = section_id(session, task.plan_id, record)
        session.add(task)
    session.flush()


def _set_deadline(session: Session, task: Task, record: TaskRecord) -> None:
    task.deadline_text, task.due_date = record.deadline_text, record.due_date
    task.deadline_kind = record.deadline_kind
    task.deadline_indicative = record.deadline_indicative
    task.reporting_cadence = record.reporting_cadence
    for stored in session.exec(select(TaskMilestone).where(TaskMilestone.task_id == task.id)):
        session.delete(stored)
    session.flush()
    for position, milestone in enumerate(record.milestones):
        session.add(
            TaskMilestone(
                task_id=flushed_id(task),
                due_date=milestone.due_date,
                label=milestone.label,
                position=position,
            )
        )


def _replace_agencies(session: Session, task: Task, role: AgencyRole, names: list[str]) -> None:
    links = session.exec(
        select(TaskAgency).where(TaskAgency.task_id == task.id, TaskAgency.role == str(role))
    ).all()
    for link in links:
        session.delete(link)
    session.flush()
    link_agencies(session=session, task=task, role=role, names=names)


def section_id(session: Session, plan_id: int, record: TaskRecord) -> int | None:
    if not record.section:
        return None
    section = session.exec(
        select(Section).where(Section.plan_id == plan_id, Section.code == record.section)
    ).first()
    if section is None:
        count = session.exec(
            select(func.count(col(Section.id))).where(Section.plan_id == plan_id)
        ).one()
        section = Section(
            plan_id=plan_id, code=record.section, title=record.section_title, position=count
        )
        session.add(section)
        session.flush()
    return section.id


def next_position(session: Session, plan_id: int) -> int:
    last = session.exec(select(func.max(col(Task.position))).where(Task.plan_id == plan_id)).one()
    return int(last or 0) + 1
