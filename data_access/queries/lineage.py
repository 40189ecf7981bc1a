"""A task's lineage: the tasks it names, and the tasks that name it.

A task names another in two ways: its "Nội dung điều chỉnh" text ("Nhiệm vụ số 03 Phụ
lục II cập nhật lại tên…") and its number in another document ("STT (TB02)": 6).
A document names a loaded plan when the plan's title starts with it ("Phụ lục II" ->
"Phụ lục II: Danh mục…"), or when the plan's code and the document have the same letters
and digits, ignoring case, diacritics, spaces and punctuation ("TB02", "TB 02", "tb-02"
all name the plan coded "TB-02"). A reference resolves when exactly one loaded plan
matches and exactly one task of that plan has its number; otherwise it stays text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, or_, select

from data_access.models import Plan, Task
from loaders.lineage import TaskReference, numbered_reference, parse_adjustment, same_number
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
    # What this task names (its adjustment text, then its number elsewhere), with the
    # task named when that task is loaded.
    references: tuple[tuple[TaskReference, LinkedTask | None], ...]
    named_by: tuple[tuple[LinkedTask, TaskReference], ...]  # tasks that name it, and how


def task_lineage(*, session: Session, task: Task) -> Lineage:
    """Both directions of ``task``'s lineage among the loaded plans."""
    plans = session.exec(select(Plan)).all()
    return Lineage(
        references=tuple((r, _resolve(session, plans, r)) for r in task_references(task)),
        named_by=_naming(session, plans, task),
    )


def task_references(task: Task) -> list[TaskReference]:
    """What ``task`` says about other tasks: its adjustment text, its number elsewhere."""
    found = (
        parse_adjustment(task.adjustment),
        numbered_reference(task.reference_number, task.reference_document),
    )
    return [reference for reference in found if reference is not None]


def matching_plans(plans: Sequence[Plan], document: str) -> list[Plan]:
    """The plans ``document`` names (the module's rule)."""
    key, code = fold(document), _letters_and_digits(document)
    return [
        p
        for p in plans
        if key and (_starts_with_words(fold(p.title), key) or _letters_and_digits(p.code) == code)
    ]


def _letters_and_digits(text: str) -> str:
    """ "TB-02" -> "tb02": folded, without spaces or punctuation."""
    return "".join(character for character in fold(text) if character.isalnum())


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


def _naming(
    session: Session, plans: Sequence[Plan], task: Task
) -> tuple[tuple[LinkedTask, TaskReference], ...]:
    """Tasks whose adjustment text or number elsewhere resolves to ``task``."""
    by_id = {p.id: p for p in plans}
    says_something = or_(col(Task.adjustment) != "", col(Task.reference_number) != "")
    statement = select(Task).where(says_something, col(Task.id) != task.id)
    found = []
    for other in session.exec(statement.order_by(col(Task.plan_id), col(Task.position))).all():
        for reference in task_references(other):
            if not reference.task_number or not same_number(reference.task_number, task.number):
                continue  # the cheap test first: most rows name another number or none
            resolved = _resolve(session, plans, reference)
            if resolved is not None and resolved.task_id == task.id:
                found.append((_linked(other, by_id[other.plan_id]), reference))
    return tuple(found)


def _linked(task: Task, plan: Plan) -> LinkedTask:
    assert task.id is not None  # a stored task
    return LinkedTask(task.id, plan.code, task.section_code, task.number, task.name)
