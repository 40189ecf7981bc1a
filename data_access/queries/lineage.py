"""A task's lineage: the task its adjustment text names, and the tasks whose text names it.

A reference resolves when exactly one loaded plan's title starts with the document it
names ("Phụ lục II" -> "Phụ lục II: Danh mục…") and exactly one task of that plan has
its number; otherwise it stays text, shown as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from data_access.models import Plan, Task
from loaders.lineage import TaskReference, parse_adjustment, same_number
from loaders.text import fold


@dataclass(frozen=True)
class LinkedTask:
    task_id: int
    plan_code: str
    section_code: str
    number: str
    name: str


@dataclass(frozen=True)
class Lineage:
    reference: TaskReference | None  # what this task's adjustment text says
    adjusts: LinkedTask | None  # the task it names, when that task is loaded
    adjusted_by: tuple[tuple[LinkedTask, TaskReference], ...]  # tasks whose text names it


def task_lineage(*, session: Session, task: Task) -> Lineage:
    """Both directions of ``task``'s lineage among the loaded plans."""
    plans = session.exec(select(Plan)).all()
    reference = parse_adjustment(task.adjustment)
    return Lineage(
        reference=reference,
        adjusts=_resolve(session, plans, reference) if reference else None,
        adjusted_by=_adjusting(session, plans, task),
    )


def matching_plans(plans: Sequence[Plan], document: str) -> list[Plan]:
    """The plans whose title starts with ``document``, ignoring case and diacritics."""
    key = fold(document)
    return [p for p in plans if key and _starts_with_words(fold(p.title), key)]


def _starts_with_words(title: str, key: str) -> bool:
    """ "phu luc ii: danh muc" starts with "phu luc ii", "phu luc iii" does not."""
    return title.startswith(key) and not title[len(key) : len(key) + 1].isalnum()


def _resolve(
    session: Session, plans: Sequence[Plan], reference: TaskReference
) -> LinkedTask | None:
    found = matching_plans(plans, reference.document)
    if not reference.task_number or len(found) != 1:
        return None
    tasks = session.exec(select(Task).where(col(Task.plan_id) == found[0].id)).all()
    named = [t for t in tasks if same_number(t.number, reference.task_number)]
    return _linked(named[0], found[0]) if len(named) == 1 else None


def _adjusting(
    session: Session, plans: Sequence[Plan], task: Task
) -> tuple[tuple[LinkedTask, TaskReference], ...]:
    """Tasks whose adjustment text resolves to ``task``."""
    by_id = {p.id: p for p in plans}
    statement = select(Task).where(col(Task.adjustment) != "", col(Task.id) != task.id)
    found = []
    for other in session.exec(statement.order_by(col(Task.plan_id), col(Task.position))).all():
        reference = parse_adjustment(other.adjustment)
        if reference is None or not reference.task_number:
            continue
        if not same_number(reference.task_number, task.number):
            continue  # the cheap test first: most rows name another number or none
        resolved = _resolve(session, plans, reference)
        if resolved is not None and resolved.task_id == task.id:
            found.append((_linked(other, by_id[other.plan_id]), reference))
    return tuple(found)


def _linked(task: Task, plan: Plan) -> LinkedTask:
    assert task.id is not None  # a stored task
    return LinkedTask(task.id, plan.code, task.section_code, task.number, task.name)
