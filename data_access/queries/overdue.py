"""The Quá hạn page's lists: tasks of one follow-up status, most days late first."""

from __future__ import annotations

import pandas as pd

from data_access.queries import rollups


def overdue_list(
    statuses: pd.DataFrame, links: pd.DataFrame, status: str, role: str
) -> pd.DataFrame:
    """The tasks of ``status`` (a FOLLOW_UP_STATUSES code), most days late first.

    Ties go in plan order (plan code, then the task's position in its plan).
    Adds ``bucket`` (the AGEING_BUCKETS code of ``days_overdue``) and ``agencies``
    (the task's agencies in ``role`` from ``links``, "; "-joined).
    """
    chosen = statuses[statuses["status"] == status]
    chosen = chosen.sort_values(
        ["days_overdue", "plan_code", "position"], ascending=[False, True, True]
    )
    return chosen.assign(
        bucket=rollups.ageing_bucket(chosen["days_overdue"]).astype("str"),
        agencies=rollups.agency_names(links, chosen["task_id"], role),
    )
