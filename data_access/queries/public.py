"""The public page's frames (issue 14 §5, "Ba công khai"), built from a WHITELIST of columns.

Only the columns named here leave this module, each made from a known input
column: a column added upstream (a note, an evidence file, a reporter's or
importer's name, the Sở's comment, a report's free text) never reaches the
public, by construction. Input: a status frame (``compute_statuses``) and the
task-agency links (``task_agency_frame``).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from data_access.kinds import AgencyRole
from data_access.queries.rollups import (
    STATUS_COLUMNS,
    agency_names,
    agency_summary,
    search_tasks,
    tasks_of_agency,
)
from labels import DATE_FORMAT_PY, status_label

# One row per task: plan, section, STT, name, lead agencies, deadline, status, completion.
PUBLIC_TASK_COLUMNS = [
    "plan_code",
    "plan_title",
    "section_code",
    "number",
    "name",
    "lead_agencies",
    "deadline",  # the due date as dd/mm/yyyy, else the plan's deadline text
    "status",  # the status word
    "completed_on",  # dd/mm/yyyy for a completed task, else ""
]
# One row per lead agency: tasks per status code, total, completion rate (0-1, NaN if none).
PUBLIC_AGENCY_COLUMNS = ["agency", *STATUS_COLUMNS, "total", "completion_rate"]
_TEXT_COLUMNS = ["plan_code", "plan_title", "section_code", "number", "name"]


def public_agency_progress(
    statuses: pd.DataFrame, agency_links: pd.DataFrame, plan_codes: Sequence[str] = ()
) -> pd.DataFrame:
    """Each lead agency's tasks by status and completion rate, as Theo cơ quan counts them."""
    summary = agency_summary(_of_plans(statuses, plan_codes), agency_links, AgencyRole.LEAD)
    return summary[PUBLIC_AGENCY_COLUMNS].reset_index(drop=True)


def public_task_list(
    statuses: pd.DataFrame,
    agency_links: pd.DataFrame,
    *,
    plan_codes: Sequence[str] = (),
    agency: str | None = None,
    query: str = "",
) -> pd.DataFrame:
    """``public_tasks`` of the tasks of ``plan_codes`` (all without) led by ``agency`` (any
    without) whose name, STT or plan code holds every word of ``query``, diacritics aside."""
    chosen = _of_plans(statuses, plan_codes)
    if agency:
        chosen = tasks_of_agency(chosen, agency_links, agency, AgencyRole.LEAD)
    return public_tasks(search_tasks(chosen, query), agency_links)


def public_tasks(statuses: pd.DataFrame, agency_links: pd.DataFrame) -> pd.DataFrame:
    """PUBLIC_TASK_COLUMNS of each row of ``statuses``, every value text, in their order."""
    due = pd.to_datetime(statuses["due_date"])
    done_on = pd.to_datetime(statuses["completed_on"]).where(statuses["completed"].astype(bool))
    columns = {name: _text(statuses[name]) for name in _TEXT_COLUMNS}
    columns |= {
        "lead_agencies": agency_names(agency_links, statuses["task_id"], AgencyRole.LEAD),
        "deadline": due.dt.strftime(DATE_FORMAT_PY).where(
            due.notna(), _text(statuses["deadline_text"])
        ),
        "status": statuses["status"].astype("str").map(status_label),
        "completed_on": done_on.dt.strftime(DATE_FORMAT_PY).where(done_on.notna(), ""),
    }
    return pd.DataFrame(columns, index=statuses.index)[PUBLIC_TASK_COLUMNS].reset_index(drop=True)


def _of_plans(statuses: pd.DataFrame, plan_codes: Sequence[str]) -> pd.DataFrame:
    return statuses[statuses["plan_code"].isin(list(plan_codes))] if plan_codes else statuses


def _text(values: pd.Series) -> pd.Series:
    return values.fillna("").astype("str")
