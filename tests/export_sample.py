"""The frames the export pages gather from the sample database (``sample_url`` in conftest)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Engine
from sqlmodel import Session

from data_access.queries import plans, tasks
from data_access.queries.filters import TaskFilters
from data_access.queries.kpis import kpi_frame, kpi_latest
from data_access.queries.reporting import task_documents

AS_OF = date(2026, 11, 23)  # a fixed day: the sample's progress runs to 19/11/2026


@dataclass(frozen=True)
class Frames:
    statuses: pd.DataFrame  # filtered
    links: pd.DataFrame
    documents: pd.DataFrame
    kpis: pd.DataFrame  # kpi_latest
    plan_titles: dict[str, str]


def gather(engine: Engine, filters: TaskFilters) -> Frames:
    with Session(engine) as session:
        overview = plans.plan_overview(session=session)
        return Frames(
            statuses=tasks.filtered_statuses(session=session, filters=filters),
            links=tasks.task_agency_frame(session=session),
            documents=task_documents(session=session),
            kpis=kpi_latest(kpi_frame(session=session, as_of=filters.as_of)),
            plan_titles=dict(zip(overview["code"], overview["title"], strict=True)),
        )
