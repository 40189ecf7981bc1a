"""What the plans' own status rules need besides a task's row, read for every task at once.

``first_milestone``: the earliest of a task's dated milestones, for a task with
several (its last is its due date); NaT otherwise. Passed without the task being
done, it makes the task late on a milestone (``status_rules``).

``internal_reporting``: a task reports inside the Sở KH&CN, monthly by the 12th
(``reporting_calendar``) instead of the 20th. It does when its plan was issued
by the Sở KH&CN, or when it is led by an internal unit (phòng, đơn vị thuộc Sở)
of a plan that records no issuing body. Internal units belong to the body whose
plan names them (``loaders.agencies``), and a plan uploaded without an issuer is
taken to be the Sở's own; the units of another body's plan (a Sở Giáo dục và Đào
tạo plan's "Văn phòng Sở") report to that body, which reports by the 20th.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import and_, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from data_access.agency_store import find_agency
from data_access.models import Agency, AgencyKind, AgencyRole, Plan, Task, TaskAgency, TaskMilestone
from data_access.reporting_calendar import HOME_AGENCY
from loaders.agencies import agency_key


def with_plan_facts(tasks: pd.DataFrame, *, session: Session) -> pd.DataFrame:
    """``tasks`` (with ``task_id``) with ``internal_reporting`` and ``first_milestone`` added."""
    milestone = TaskMilestone
    first = (
        sa_select(col(milestone.task_id), func.min(col(milestone.due_date)))
        .group_by(col(milestone.task_id))
        .having(func.count(col(milestone.id)) > 1)
    )
    rows = session.connection().execute(first).all()
    firsts = pd.Series(dict(rows), dtype="object", name="first_milestone")
    return tasks.assign(
        internal_reporting=tasks["task_id"].isin(internal_reporting_ids(session=session)),
        first_milestone=pd.to_datetime(tasks["task_id"].map(firsts)).astype("datetime64[s]"),
    )


def internal_reporting_ids(*, session: Session) -> list[int]:
    """The ids of the tasks that report inside the Sở (see the module's docstring)."""
    own, unrecorded = _plans_by_issuer(session)
    internal_leads = (
        sa_select(col(TaskAgency.task_id))
        .join(Agency, col(Agency.id) == col(TaskAgency.agency_id))
        .where(
            col(TaskAgency.role) == AgencyRole.LEAD, col(Agency.kind) == AgencyKind.INTERNAL_UNIT
        )
    )
    inside = sa_select(col(Task.id)).where(
        or_(
            col(Task.plan_id).in_(own),
            and_(col(Task.plan_id).in_(unrecorded), col(Task.id).in_(internal_leads)),
        )
    )
    return [task_id for task_id in session.connection().execute(inside).scalars() if task_id]


def _plans_by_issuer(session: Session) -> tuple[list[int], list[int]]:
    """Ids of the plans the Sở KH&CN issued (any known spelling), and of those naming no issuer."""
    statement = sa_select(col(Plan.id), col(Plan.issuing_body))
    rows = session.connection().execute(statement).all()
    plans = [(plan_id, body.strip()) for plan_id, body in rows if plan_id is not None]
    unrecorded = [plan_id for plan_id, body in plans if not body]
    own = [plan_id for plan_id, body in plans if body and _is_home(session, body)]
    return own, unrecorded


def _is_home(session: Session, body: str) -> bool:
    """Whether ``body`` names the Sở KH&CN: its full name, or any spelling stored for it."""
    if agency_key(body) == agency_key(HOME_AGENCY):
        return True
    found = find_agency(session=session, name=body)
    return found is not None and found.name == HOME_AGENCY
