"""The queries behind periodic reports and reminder letters.

Agencies report monthly, quarterly, half-yearly and yearly (the periods and
their report days are in ``reporting_calendar``). A
period's progress has "arrived" from an agency when one of its tasks in scope
got a progress update reported within the period, from an import that has not
been undone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd
from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from data_access.models import ProgressUpdate, Task
from data_access.queries.discipline import expected_reporters, reporting_discipline
from data_access.queries.filters import TaskFilters
from data_access.queries.kpis import kpi_frame
from data_access.queries.latest_reports import in_force
from data_access.queries.reporting_calendar import PeriodKind, ReportingPeriod
from data_access.queries.tasks import (
    filtered_statuses,
    read_frame,
    task_agency_frame,
)

REPORT_COLUMNS = ["task_id", "reports", "last_reported_on"]
MISSING_COLUMNS = ["agency", "tasks"]


@dataclass(frozen=True)
class PeriodInputs:
    """What a periodic report is built from, for the tasks the filters keep."""

    period: ReportingPeriod
    filters: TaskFilters  # as_of = period.as_of
    statuses: pd.DataFrame  # as of period.as_of
    previous_statuses: pd.DataFrame  # as of the previous period's end
    agency_links: pd.DataFrame
    documents: pd.DataFrame  # task_documents
    kpis: pd.DataFrame  # kpi_frame with the actuals of periods ended by period.as_of
    reports: pd.DataFrame  # progress_reports from the period's start to period.as_of
    discipline: pd.DataFrame  # discipline.reporting_discipline, seen by the filters' day


def period_inputs(
    *,
    session: Session,
    filters: TaskFilters,
    period: ReportingPeriod,
    agency_links: pd.DataFrame | None = None,
) -> PeriodInputs:
    """Everything a periodic report needs; ``filters.as_of`` is replaced by ``period.as_of``.

    ``agency_links`` (``task_agency_frame``) is read here unless the caller has it already.
    Reports arrived after the period's end, up to ``filters.as_of``, count for its
    reporting discipline.
    """
    at_end = replace(filters, as_of=period.as_of)
    before = replace(filters, as_of=period.previous().end)
    statuses = filtered_statuses(session=session, filters=at_end)
    links = task_agency_frame(session=session) if agency_links is None else agency_links
    return PeriodInputs(
        period=period,
        filters=at_end,
        statuses=statuses,
        previous_statuses=filtered_statuses(session=session, filters=before),
        agency_links=links,
        documents=task_documents(session=session),
        kpis=kpi_frame(session=session, as_of=period.as_of, known_by=at_end.known_by),
        reports=progress_reports(session=session, start=period.start, end=period.as_of),
        discipline=reporting_discipline(
            session=session,
            period=period,
            statuses=statuses,
            agency_links=links,
            seen_by=max(filters.as_of, period.as_of),
        ),
    )


def recent_periods(kind: PeriodKind, today: date, count: int = 12) -> list[ReportingPeriod]:
    """The period containing ``today``, as of today, and the ``count - 1`` before it, newest
    first: no figure is ever taken on a day still to come."""
    periods = [ReportingPeriod.containing(kind, today).to_date(today)]
    while len(periods) < count:
        periods.append(periods[-1].previous())
    return periods


def default_period(kind: PeriodKind, today: date) -> ReportingPeriod:
    """The period a report written ``today`` is most likely for.

    The plans' rhythm has a period's report fall due inside it (a quarter's by
    the 10th of its last month, a year's by 30/11, a month's by the 20th): from
    the first day of that month the report is the current period's, as of
    today; before it, the latest period that has ended.
    """
    current = ReportingPeriod.containing(kind, today)
    due = current.report_due()
    if (today.year, today.month) >= (due.year, due.month):
        return current.to_date(today)
    return current.previous()


def progress_reports(*, session: Session, start: date, end: date) -> pd.DataFrame:
    """Per task: progress updates reported from ``start`` to ``end`` (in force) and the last day."""
    update = ProgressUpdate
    statement = (
        sa_select(
            col(update.task_id),
            func.count(col(update.id)),
            func.max(col(update.reported_on)),
        )
        .where(
            col(update.reported_on) >= start,
            col(update.reported_on) <= end,
            in_force(col(update.import_batch_id)),
        )
        .group_by(col(update.task_id))
    )
    frame = read_frame(session, statement, REPORT_COLUMNS)
    return frame.assign(
        last_reported_on=pd.to_datetime(frame["last_reported_on"]).astype("datetime64[s]")
    )


def task_documents(*, session: Session) -> pd.DataFrame:
    """Each task's assigning document as written (văn bản giao / căn cứ giao): task_id, basis."""
    statement = sa_select(col(Task.id), col(Task.basis))
    return read_frame(session, statement, ["task_id", "basis"])


def kpis_within(kpis: pd.DataFrame, period: ReportingPeriod) -> pd.DataFrame:
    """One row per KPI: its latest actual whose period ends within ``period``, else its
    latest earlier one (its own period says which: the dashboard carries it forward
    too), else none.
    """
    ends = kpis["period_end"]
    by_end = ends <= pd.Timestamp(period.end)
    inside = by_end & (ends >= pd.Timestamp(period.start))
    earlier = by_end & ~inside
    latest = kpis[inside.fillna(False)].drop_duplicates("kpi_id", keep="last")
    before = kpis[earlier.fillna(False) & ~kpis["kpi_id"].isin(latest["kpi_id"])]
    latest = pd.concat([latest, before.drop_duplicates("kpi_id", keep="last")])
    rest = kpis[~kpis["kpi_id"].isin(latest["kpi_id"])].drop_duplicates("kpi_id")
    rest = rest.assign(value=float("nan"), period=None, met=pd.NA)
    order = kpis.drop_duplicates("kpi_id")["kpi_id"].tolist()
    rows = pd.concat([latest, rest]).set_index("kpi_id").loc[order].reset_index()
    return rows


def missing_reporters(
    statuses: pd.DataFrame,
    agency_links: pd.DataFrame,
    reports: pd.DataFrame,
    period: ReportingPeriod,
) -> pd.DataFrame:
    """Lead agencies with tasks to report on (``expected_reporters``) and no report in the period.

    Columns: agency, tasks (how many of its tasks await a report), most tasks first.
    """
    leads = expected_reporters(statuses, agency_links, period)
    reported = leads.merge(reports, on="task_id", how="left")
    per_agency = reported.groupby("agency", sort=False).agg(
        tasks=("task_id", "nunique"),
        reports=("reports", "sum"),
    )
    missing = per_agency[per_agency["reports"] == 0].reset_index()
    ordered = missing.sort_values(["tasks", "agency"], ascending=[False, True])
    return ordered[MISSING_COLUMNS].reset_index(drop=True)
