"""The deadline calendar's dates: each task's due date and its earlier milestones."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from data_access.queries.status_rules import milestone_states
from data_access.queries.statuses import RECURRING_STATUSES, MilestoneState
from labels import CALENDAR_KIND_DUE, CALENDAR_KIND_MILESTONE, CALENDAR_KIND_MISSED

CALENDAR_COLUMNS = ["task_id", "due_date", "count", "kind", "milestone", "label"]


def deadline_calendar(
    statuses: pd.DataFrame, milestones: pd.DataFrame, as_of: date
) -> pd.DataFrame:
    """Dates on the deadline calendar: task_id, due_date, count (1), kind, milestone, label.

    ``statuses`` is a status frame (``compute_statuses``), ``milestones`` the
    milestones of multi-milestone tasks (``dashboard.milestone_frame``). A task's
    due date is one row; a multi-milestone task adds its earlier milestones as
    rows of their own (its last milestone is its due date), of kind
    CALENDAR_KIND_MISSED when passed by ``as_of`` without the task done
    (``status_rules``). Recurring tasks do not fall due on a day
    (``rollups.deadline_month_matrix``). ``milestone`` is the milestone's label
    ("" on a due date); ``label`` names the task.
    """
    recurring = statuses["status"].isin([str(s) for s in RECURRING_STATUSES])
    dated = statuses["due_date"].notna() & ~recurring
    tasks = statuses.loc[dated, ["task_id", "due_date", "name", "completed", "completed_on"]]
    earlier = milestones.merge(tasks.rename(columns={"due_date": "task_due"}), on="task_id")
    earlier = earlier[earlier["due_date"] != earlier["task_due"]]
    milestone = earlier["label"].fillna("").astype(str)
    state = milestone_states(
        earlier["due_date"], earlier["completed"], earlier["completed_on"], as_of
    )
    missed = np.where(state == MilestoneState.MISSED, CALENDAR_KIND_MISSED, CALENDAR_KIND_MILESTONE)
    rows = pd.concat(
        [
            tasks.assign(kind=CALENDAR_KIND_DUE, milestone="", label=tasks["name"]),
            earlier.assign(
                kind=missed, milestone=milestone, label=milestone + " — " + earlier["name"]
            ),
        ],
        ignore_index=True,
    )
    return rows.assign(count=1)[CALENDAR_COLUMNS]


TIMELINE_COLUMNS = [
    "task_id",
    "agency",
    "row",
    "name",
    "status",
    "kind",
    "milestone",
    "start",
    "end",
]
LEAD_IN = pd.Timedelta(days=30)  # a bar's length when its plan's issue date is unknown or later


def timeline_segments(
    calendar: pd.DataFrame, statuses: pd.DataFrame, lead_agencies: pd.Series
) -> pd.DataFrame:
    """One bar per date of ``calendar`` (``deadline_calendar``): from the task's previous date
    (its plan's issue date before the first one) to this one.

    ``lead_agencies`` gives each task's lead agencies, "; "-joined, by task id
    (``rollups.agency_names``). ``row`` names the task's line, "PL-II-2026 · 17";
    rows run agency by agency, then by due date.
    """
    facts = ["task_id", "name", "status", "plan_code", "number", "plan_issued_on", "due_date"]
    tasks = statuses[facts].rename(columns={"due_date": "task_due"})
    rows = calendar[["task_id", "due_date", "kind", "milestone"]].merge(tasks, on="task_id")
    rows = rows.sort_values(["task_id", "due_date"], kind="stable")
    previous = rows.groupby("task_id")["due_date"].shift()
    issued = rows["plan_issued_on"].where(rows["plan_issued_on"] < rows["due_date"])
    start = previous.fillna(issued).fillna(rows["due_date"] - LEAD_IN)
    agency = rows["task_id"].map(lead_agencies).astype(object).fillna("").astype(str)
    label = rows["plan_code"].astype(str) + " · " + rows["number"].fillna("").astype(str)
    segments = rows.assign(agency=agency, row=label, start=start, end=rows["due_date"])
    segments = segments.sort_values(["agency", "task_due", "row", "end"], kind="stable")
    return segments[TIMELINE_COLUMNS].reset_index(drop=True)
