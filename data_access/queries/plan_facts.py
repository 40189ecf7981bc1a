"""What the plans' own status rules need besides a task's row, read for every task at once.

``first_milestone``: the earliest of a task's dated milestones, for a task with
several (its last is its due date); NaT otherwise. Passed without the task being
done, it makes the task late on a milestone (``status_rules``).

``internal_reporting``: a task reports inside the Sở KH&CN, monthly by the 12th
(``reporting_calendar``) instead of the 20th. It does when its plan was issued
by the Sở KH&CN, or when it is led by one of the Sở's internal units (phòng, đơn
vị thuộc Sở: ``AgencyUnit`` ties each unit to its body). Another body's units
(the "Văn phòng Sở" of a plan the Sở KH&CN did not issue) report to that body,
which reports by the 20th.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from data_access.agency_store import find_agency
from data_access.kinds import AgencyRole
from data_access.models import AgencyUnit, Plan, Task, TaskAgency, TaskMilestone
from data_access.queries.reporting_calendar import HOME_AGENCY
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
    inside = [col(Task.plan_id).in_(_own_plans(session))]
    home = find_agency(session=session, name=HOME_AGENCY)
    if home is not None:
        units = sa_select(col(AgencyUnit.agency_id)).where(col(AgencyUnit.parent_id) == home.id)
        unit_leads = sa_select(col(TaskAgency.task_id)).where(
            col(TaskAgency.role) == AgencyRole.LEAD, col(TaskAgency.agency_id).in_(units)
        )
        inside.append(col(Task.id).in_(unit_leads))
    statement = sa_select(col(Task.id)).where(or_(*inside))
    return [task_id for task_id in session.connection().execute(statement).scalars() if task_id]


def _own_plans(session: Session) -> list[int]:
    """Ids of the plans the Sở KH&CN issued (any known spelling of it)."""
    statement = sa_select(col(Plan.id), col(Plan.issuing_body))
    rows = session.connection().execute(statement).all()
    return [plan_id for plan_id, body in rows if plan_id is not None and _is_home(session, body)]


def _is_home(session: Session, body: str) -> bool:
    """Whether ``body`` names the Sở KH&CN: its full name, or any spelling stored for it."""
    if not body.strip():
        return False
    if agency_key(body) == agency_key(HOME_AGENCY):
        return True
    found = find_agency(session=session, name=body)
    return found is not None and found.name == HOME_AGENCY
