"""The pages' queries, one cached function each (``ui.cache.query``); results are read-only."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from charts.status import AgencySort, agency_order
from data_access.kinds import AgencyRole
from data_access.queries import plans, rollups
from data_access.queries import tasks as dashboard
from data_access.queries.calendar import deadline_calendar, timeline_segments
from data_access.queries.discipline import reporting_discipline
from data_access.queries.filter_options import FilterOptions, filter_options
from data_access.queries.filters import TaskFilters
from data_access.queries.kpis import kpi_frame, kpi_latest
from data_access.queries.latest_reports import latest_report_frame
from data_access.queries.overdue import overdue_list
from data_access.queries.reporting_calendar import ReportingPeriod
from data_access.queries.status import SummaryMetrics, compute_statuses, summary_metrics
from data_access.queries.statuses import TaskStatus
from data_access.queries.task_record import TaskDetail, task_detail
from data_access.rules import DUE_SOON_DAYS
from exports.reminder_letters import (
    MissedReport,
    Recipients,
    letters_period,
    missed_reports,
    reminder_recipients,
)
from ui.cache import database_url, query, reading

# --- Reads ---


@query(max_entries=4)
def load_tasks() -> pd.DataFrame:
    """Tasks with plan and section, read once whatever the as-of day."""
    with reading(database_url()) as session:
        return dashboard.task_base_frame(session=session)


@query(max_entries=8)
def load_reports(as_of: date, known_by: date | None) -> pd.DataFrame:
    with reading(database_url()) as session:
        return latest_report_frame(session=session, as_of=as_of, known_by=known_by)


@query(max_entries=8)
def load_role_links(role: str = "any") -> pd.DataFrame:
    """Task-agency links (``dashboard.AGENCY_LINK_COLUMNS``) of ``role``; "any": all of them."""
    with reading(database_url()) as session:
        return dashboard.task_agency_frame(session=session, role=role)


def load_agency_links() -> pd.DataFrame:
    """Every task-agency link (``dashboard.AGENCY_LINK_COLUMNS``, read-only)."""
    return load_role_links("any")


@query(max_entries=4)
def load_milestones() -> pd.DataFrame:
    with reading(database_url()) as session:
        return dashboard.milestone_frame(session=session)


@query(max_entries=8)
def load_kpis(as_of: date, known_by: date | None = None) -> pd.DataFrame:
    """``kpi_queries.kpi_frame``: actuals of periods ended by ``as_of``, known by ``known_by``."""
    with reading(database_url()) as session:
        return kpi_frame(session=session, as_of=as_of, known_by=known_by)


@query(max_entries=4)
def has_illustrative_data() -> bool:
    with reading(database_url()) as session:
        return plans.has_illustrative_data(session=session)


@query(max_entries=8)
def load_filter_options(as_of: date) -> FilterOptions:
    """The filter choices; they depend on the data only, not on ``as_of``."""
    with reading(database_url()) as session:
        agencies = dashboard.linked_agency_names(session=session)
    return filter_options(load_tasks(), agencies)


@query(max_entries=64)
def load_task_detail(task_id: int) -> TaskDetail | None:
    with reading(database_url()) as session:
        return task_detail(session=session, task_id=task_id)


# --- Statuses and what is computed from them ---


@query(max_entries=8, spinner="Đang tính trạng thái nhiệm vụ…")
def load_all_statuses(as_of: date, known_by: date | None = None) -> pd.DataFrame:
    """Every task's status as of ``as_of`` (known by ``known_by``), no filter."""
    tasks = dashboard.known_tasks(load_tasks(), known_by)
    reports = load_reports(as_of, known_by)
    return compute_statuses(dashboard.with_reports(tasks, reports), as_of)


@query(max_entries=32)
def load_statuses(filters: TaskFilters) -> pd.DataFrame:
    """Task statuses as of ``filters.as_of`` for the tasks the filters keep."""
    statuses = load_all_statuses(filters.as_of, filters.known_by)
    links = load_role_links(filters.role) if filters.agencies else None
    return dashboard.apply_filters(statuses, links, filters)


@query(max_entries=64)
def load_summary(filters: TaskFilters) -> SummaryMetrics:
    return summary_metrics(load_statuses(filters), filters.as_of, DUE_SOON_DAYS)


@query(max_entries=32)
def load_agency_summary(filters: TaskFilters, role: str) -> pd.DataFrame:
    """``rollups.agency_summary`` of the filtered tasks, agencies taken in ``role``."""
    statuses, links = load_statuses(filters), load_role_links(role)
    return rollups.agency_summary(statuses, links, role, DUE_SOON_DAYS, filters.include_units)


@dataclass(frozen=True)
class AgencyView:
    """Theo cơ quan's data: the roll-up, its long form (the chart's input), agencies in order.

    With ``filters.include_units`` a body's row counts its units' tasks too and
    its units come right after it in ``order``.
    """

    summary: pd.DataFrame
    long: pd.DataFrame
    order: list[str]


@query(max_entries=32)
def load_agency_view(filters: TaskFilters, role: str, sort_by: AgencySort) -> AgencyView:
    """``load_agency_summary`` with its chart input and agency order."""
    summary = load_agency_summary(filters, role)
    long = rollups.agency_summary_long(summary)
    order = agency_order(long, sort_by)
    if filters.include_units:  # each body's units listed just below it
        order = rollups.units_beneath(summary, order)
    return AgencyView(summary, long, order)


@query(max_entries=32)
def load_month_matrix(filters: TaskFilters, role: str) -> pd.DataFrame:
    statuses, links = load_statuses(filters), load_role_links(role)
    return rollups.deadline_month_matrix(statuses, links, role, filters.include_units)


@query(max_entries=32)
def load_upcoming(filters: TaskFilters, days: int = DUE_SOON_DAYS) -> pd.DataFrame:
    return rollups.upcoming(load_statuses(filters), filters.as_of, days)


def load_agency_tasks(filters: TaskFilters, role: str, agency: str) -> pd.DataFrame:
    """The filtered tasks of one agency (or of the "no agency" row) in ``role``."""
    statuses, links = load_statuses(filters), load_role_links(role)
    return rollups.tasks_of_agency(statuses, links, agency, role, filters.include_units)


def load_cell_tasks(filters: TaskFilters, role: str, agency: str, month_key: str) -> pd.DataFrame:
    """The filtered tasks of ``agency`` due in month ``month_key`` ("2026-06")."""
    tasks = load_agency_tasks(filters, role, agency)
    return tasks[tasks["due_date"].dt.strftime("%Y-%m") == month_key]


@query(max_entries=32)
def load_calendar(filters: TaskFilters) -> pd.DataFrame:
    """``queries.calendar.deadline_calendar`` of the filtered tasks."""
    return deadline_calendar(load_statuses(filters), load_milestones(), filters.as_of)


@query(max_entries=32)
def load_week_matrix(filters: TaskFilters, role: str) -> pd.DataFrame:
    """``rollups.deadline_week_matrix`` of the filtered tasks' due dates and milestones."""
    statuses, links = load_statuses(filters), load_role_links(role)
    return rollups.deadline_week_matrix(
        load_calendar(filters), statuses, links, role, filters.include_units
    )


def load_week_tasks(filters: TaskFilters, role: str, agency: str, week_start: date) -> pd.DataFrame:
    """``agency``'s due dates and milestones in the week from Monday ``week_start``."""
    statuses, links = load_statuses(filters), load_role_links(role)
    return rollups.tasks_in_week(
        load_calendar(filters), statuses, links, agency, week_start, role, filters.include_units
    )


@query(max_entries=32)
def load_timeline(filters: TaskFilters, agency: str | None = None) -> pd.DataFrame:
    """``calendar.timeline_segments`` of the filtered tasks (of lead ``agency`` if given)."""
    statuses, links = load_statuses(filters), load_role_links(AgencyRole.LEAD)
    if agency is not None:
        statuses = rollups.tasks_of_agency(
            statuses, links, agency, AgencyRole.LEAD, filters.include_units
        )
    leads = rollups.agency_names(links, statuses["task_id"])
    lead_by_task = pd.Series(leads.to_numpy(), index=statuses["task_id"].to_numpy())
    return timeline_segments(load_calendar(filters), statuses, lead_by_task)


@query(max_entries=32)
def load_drilldown(filters: TaskFilters, role: str) -> pd.DataFrame:
    """``rollups.task_agency_rows`` of the filtered tasks: the treemap's leaves."""
    statuses, links = load_statuses(filters), load_role_links(role)
    return rollups.task_agency_rows(statuses, links, role, filters.include_units)


@query(max_entries=16)
def load_latest_kpis(
    as_of: date, plan_codes: tuple[str, ...] = (), known_by: date | None = None
) -> pd.DataFrame:
    """One row per KPI (of ``plan_codes``; all without) with its latest actual by ``as_of``."""
    latest = kpi_latest(load_kpis(as_of, known_by))
    return latest[latest["plan_code"].isin(plan_codes)] if plan_codes else latest


@query(max_entries=32)
def load_status_counts(filters: TaskFilters) -> pd.DataFrame:
    """Tasks per status code: ``status, count`` (the status chart's input)."""
    counts = load_statuses(filters)["status"].value_counts()
    return pd.DataFrame({"status": counts.index.astype(str), "count": counts.to_numpy()})


@query(max_entries=32)
def load_reminder_recipients(filters: TaskFilters) -> Recipients:
    """Lead agencies with tasks overdue or due soon, most overdue first, then those that only
    missed the latest monthly report (reminder letters)."""
    return reminder_recipients(
        load_statuses(filters),
        load_role_links(AgencyRole.LEAD),
        filters.as_of,
        load_missed_reports(filters),
    )


@query(max_entries=32)
def load_discipline(filters: TaskFilters, period: ReportingPeriod, seen_by: date) -> pd.DataFrame:
    """``discipline.reporting_discipline`` of the tasks the filters keep at the period's end."""
    statuses = load_statuses(replace(filters, as_of=period.as_of))
    with reading(database_url()) as session:
        return reporting_discipline(
            session=session,
            period=period,
            statuses=statuses,
            agency_links=load_role_links(AgencyRole.LEAD),
            seen_by=seen_by,
        )


def load_missed_reports(filters: TaskFilters) -> dict[str, MissedReport]:
    """The agencies that have not sent the month's report letters on ``filters.as_of`` chase."""
    period = letters_period(filters.as_of)
    return missed_reports(load_discipline(filters, period, filters.as_of), period)


# --- Quá hạn: overdue tasks and their ageing, and the other lists to chase (5_Qua_han.py) ---


@query(max_entries=32)
def load_overdue(filters: TaskFilters, status: str = TaskStatus.OVERDUE) -> pd.DataFrame:
    """``queries.overdue.overdue_list`` of the filtered tasks, agencies in ``filters.role``."""
    links = load_role_links(filters.role)
    return overdue_list(load_statuses(filters), links, status, filters.role)


def load_overdue_of_agency(
    filters: TaskFilters, agency: str, status: str = TaskStatus.OVERDUE
) -> pd.DataFrame:
    """``load_overdue`` narrowed to one agency (or the "no agency" row) in ``filters.role``."""
    links = load_role_links(filters.role)
    return rollups.tasks_of_agency(load_overdue(filters, status), links, agency, filters.role)


@query(max_entries=32)
def load_overdue_by_agency(filters: TaskFilters) -> pd.DataFrame:
    """``rollups.overdue_ageing_by_agency`` of the filtered tasks, agencies in ``filters.role``."""
    statuses, links = load_statuses(filters), load_role_links(filters.role)
    return rollups.overdue_ageing_by_agency(statuses, links, filters.role)
