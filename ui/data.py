"""Cached loaders for pages: query results keyed on the database URL, its data revision, filters.

Each public loader reads the cheap revision token first, then calls a cached
function whose arguments start with (url, revision): an import or an undo
changes the token, so pages never show stale numbers and never re-query while
nothing changed. Results are kept once per process with ``st.cache_resource``:
no copy per rerun (``st.cache_data`` unpickles its value on every call, which
costs whole-table frames at 100,000 tasks, and even small roll-ups a
millisecond each in a page that calls a dozen). Treat everything a loader
returns as read-only (derive with ``assign``, never set columns in place).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any, TypeVar

import numpy as np
import pandas as pd
import streamlit as st
from sqlalchemy import Engine, event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session

from charts.status import AgencySort, agency_order
from data_access.db import create_schema, data_revision, get_engine, session_scope
from data_access.db_errors import READ_FAILED, DataUnavailableError, failure_message
from data_access.queries import plans, rollups
from data_access.queries import tasks as dashboard
from data_access.queries.filters import TaskFilters
from data_access.queries.kpis import kpi_frame, kpi_latest
from data_access.queries.latest_reports import latest_report_frame
from data_access.queries.status import (
    DUE_SOON_DAYS,
    SummaryMetrics,
    compute_statuses,
    summary_metrics,
)
from data_access.queries.status_rules import milestone_states
from data_access.queries.statuses import RECURRING_STATUSES, MilestoneState, TaskStatus
from data_access.queries.task_record import TaskDetail, task_detail
from data_access.settings import get_settings
from exports.reminder_letters import Recipients, reminder_recipients
from labels import CALENDAR_KIND_DUE, CALENDAR_KIND_MILESTONE, CALENDAR_KIND_MISSED
from loaders.text import fold, roman_to_int

T = TypeVar("T")
# Filters are part of most cache keys: their repr (all fields) hashes 30x faster than
# Streamlit's generic hashing of a dataclass, which every rerun pays per cached call.
FILTERS_HASH: dict[type | str, Callable[[Any], Any]] = {TaskFilters: repr}
# Every cached loader below: no spinner (pages show their own), filters hashed by repr.
_cached = partial(st.cache_resource, show_spinner=False, hash_funcs=FILTERS_HASH)
# A page calls a dozen loaders per run; each would read the revision (~5 ms) without this.
REVISION_TTL = 1.0  # seconds
_revisions: dict[str, tuple[float, str]] = {}  # url -> (time read, token)
_REVISION_LOCK = threading.Lock()


@dataclass(frozen=True)
class FilterOptions:
    """The choices the filter sidebar offers, from the data in force."""

    plans: dict[str, str]  # plan code -> title, in import order (plans with tasks)
    agencies: tuple[str, ...]  # every agency linked to a task, alphabetical
    sections: tuple[str, ...]  # section codes (Roman numerals), in numeric order


def database_url() -> str:
    return get_settings().database_url


def current_revision(url: str) -> str:
    """The data revision of ``url``, read at most once per REVISION_TTL (one rerun's loaders)."""
    now = time.monotonic()
    with _REVISION_LOCK:
        known = _revisions.get(url)
    if known is not None and now - known[0] < REVISION_TTL:
        return known[1]
    with reading(url) as session:
        token = data_revision(session)
    with _REVISION_LOCK:
        _revisions[url] = (now, token)
    return token


@event.listens_for(OrmSession, "after_flush")
def _forget_revisions(*_: object) -> None:
    """A write from this process makes the next loader read the revision again."""
    with _REVISION_LOCK:
        _revisions.clear()


@contextmanager
def reading(url: str) -> Iterator[Session]:
    """A session on ``url``; database failures become DataUnavailableError."""
    try:
        with session_scope(_ready_engine(url)) as session:
            yield session
    except SQLAlchemyError as exc:
        raise DataUnavailableError(failure_message(exc, url, otherwise=READ_FAILED)) from exc


# --- Public loaders (each call checks the data revision) ---


def load_statuses(filters: TaskFilters) -> pd.DataFrame:
    """Task statuses as of ``filters.as_of`` for the tasks the filters keep (read-only)."""
    url = database_url()
    return _filtered(url, current_revision(url), filters)


def load_all_statuses(as_of: date, known_by: date | None = None) -> pd.DataFrame:
    """Every task's status as of ``as_of`` (known by ``known_by``), no filter (read-only)."""
    url = database_url()
    return _statuses(url, current_revision(url), as_of, known_by)


def load_agency_links() -> pd.DataFrame:
    """Every task-agency link (``dashboard.AGENCY_LINK_COLUMNS``, read-only)."""
    url = database_url()
    return _links(url, current_revision(url))


def load_summary(filters: TaskFilters) -> SummaryMetrics:
    url = database_url()
    return _summary(url, current_revision(url), filters)


def load_agency_summary(filters: TaskFilters, role: str) -> pd.DataFrame:
    """``rollups.agency_summary`` of the filtered tasks, agencies taken in ``role``."""
    url = database_url()
    return _agency_summary(url, current_revision(url), filters, role)


@dataclass(frozen=True)
class AgencyView:
    """Theo cơ quan's data: the roll-up, its long form (the chart's input), agencies in order.

    With ``filters.include_units`` a body's row counts its units' tasks too and
    its units come right after it in ``order``.
    """

    summary: pd.DataFrame
    long: pd.DataFrame
    order: list[str]


def load_agency_view(filters: TaskFilters, role: str, sort_by: AgencySort) -> AgencyView:
    """``load_agency_summary`` with its chart input and agency order (read-only)."""
    url = database_url()
    return _agency_view(url, current_revision(url), filters, role, sort_by)


def load_month_matrix(filters: TaskFilters, role: str) -> pd.DataFrame:
    url = database_url()
    return _month_matrix(url, current_revision(url), filters, role)


def load_upcoming(filters: TaskFilters, days: int = DUE_SOON_DAYS) -> pd.DataFrame:
    url = database_url()
    return _upcoming(url, current_revision(url), filters, days)


def load_agency_tasks(filters: TaskFilters, role: str, agency: str) -> pd.DataFrame:
    """The filtered tasks of one agency (or of the "no agency" row) in ``role``."""
    url = database_url()
    links = _role_links(url, current_revision(url), role)
    statuses = load_statuses(filters)
    return rollups.tasks_of_agency(statuses, links, agency, role, filters.include_units)


def load_cell_tasks(filters: TaskFilters, role: str, agency: str, month_key: str) -> pd.DataFrame:
    """The filtered tasks of ``agency`` due in month ``month_key`` ("2026-06")."""
    tasks = load_agency_tasks(filters, role, agency)
    return tasks[tasks["due_date"].dt.strftime("%Y-%m") == month_key]


def load_day_tasks(filters: TaskFilters, day: str) -> pd.DataFrame:
    """Tasks due or with a milestone on ``day`` ("2026-06-30"): ``kind``, ``milestone``, status."""
    dates = load_calendar(filters)
    on_day = dates.loc[dates["due_date"] == pd.Timestamp(day), ["task_id", "kind", "milestone"]]
    return on_day.merge(load_statuses(filters), on="task_id")


def load_calendar(filters: TaskFilters) -> pd.DataFrame:
    """Dates on the deadline calendar: task_id, due_date, count (1), kind, milestone, label.

    A task's due date is one row; a multi-milestone task adds its earlier
    milestones as rows of their own (its last milestone is its due date), of kind
    CALENDAR_KIND_MISSED when passed without the task done (``status_rules``).
    Recurring tasks do not fall due on a day (``rollups.deadline_month_matrix``).
    ``milestone`` is the milestone's label ("" on a due date); ``label`` names the task.
    """
    url = database_url()
    return _calendar(url, current_revision(url), filters)


def load_kpis(as_of: date, known_by: date | None = None) -> pd.DataFrame:
    """``kpi_queries.kpi_frame``: actuals of periods ended by ``as_of``, known by ``known_by``."""
    url = database_url()
    return _kpis(url, current_revision(url), as_of, known_by)


def load_latest_kpis(
    as_of: date, plan_codes: tuple[str, ...] = (), known_by: date | None = None
) -> pd.DataFrame:
    """One row per KPI (of ``plan_codes``; all without) with its latest actual by ``as_of``."""
    url = database_url()
    return _latest_kpis(url, current_revision(url), as_of, plan_codes, known_by)


def load_status_counts(filters: TaskFilters) -> pd.DataFrame:
    """Tasks per status code: ``status, count`` (the status chart's input)."""
    url = database_url()
    return _status_counts(url, current_revision(url), filters)


def load_reminder_recipients(filters: TaskFilters) -> Recipients:
    """Lead agencies with tasks overdue or due soon, most overdue first (reminder letters)."""
    url = database_url()
    return _reminder_recipients(url, current_revision(url), filters)


def has_illustrative_data() -> bool:
    url = database_url()
    return _illustrative(url, current_revision(url))


def per_revision(build: Callable[..., T], *args: Hashable) -> T:
    """``build(*args)``, kept until the data changes; the result is read-only.

    For a page's display tables: the shaping (labels, formats, column names)
    then runs once per filters instead of on every rerun. ``build`` is a plain
    function, known by its file, line and name (page scripts all run as
    ``__main__``), and reads the database only through these loaders.
    """
    url = database_url()
    code = build.__code__
    name = f"{code.co_filename}:{code.co_firstlineno}:{build.__qualname__}"
    return _per_revision(build, name, url, current_revision(url), args)


def load_filter_options(as_of: date) -> FilterOptions:
    """The filter choices; they depend on the data only, not on ``as_of``."""
    url = database_url()
    return _filter_options(url, current_revision(url))


def load_task_detail(task_id: int) -> TaskDetail | None:
    url = database_url()
    return _task_detail(url, current_revision(url), task_id)


# --- Cached work; ``revision`` is part of every cache key ---


@_cached()
def _ready_engine(url: str) -> Engine:
    engine = get_engine(url)
    create_schema(engine)
    return engine


@st.cache_resource(show_spinner="Đang tính trạng thái nhiệm vụ…", max_entries=8)
def _statuses(url: str, revision: str, as_of: date, known_by: date | None) -> pd.DataFrame:
    tasks = dashboard.known_tasks(_tasks(url, revision), known_by)
    reports = _reports(url, revision, as_of, known_by)
    return compute_statuses(dashboard.with_reports(tasks, reports), as_of)


@_cached(max_entries=4)
def _tasks(url: str, revision: str) -> pd.DataFrame:
    """Tasks with plan and section, read once per revision whatever the as-of day."""
    with reading(url) as session:
        return dashboard.task_base_frame(session=session)


@_cached(max_entries=8)
def _reports(url: str, revision: str, as_of: date, known_by: date | None) -> pd.DataFrame:
    with reading(url) as session:
        return latest_report_frame(session=session, as_of=as_of, known_by=known_by)


@_cached(max_entries=4)
def _links(url: str, revision: str) -> pd.DataFrame:
    with reading(url) as session:
        return dashboard.task_agency_frame(session=session)


@_cached(max_entries=8)
def _role_links(url: str, revision: str, role: str) -> pd.DataFrame:
    """The links of one role; lead or coordinating alone are read without the others."""
    if role == "any":
        return _links(url, revision)
    with reading(url) as session:
        return dashboard.task_agency_frame(session=session, role=role)


@_cached(max_entries=4)
def _milestones(url: str, revision: str) -> pd.DataFrame:
    with reading(url) as session:
        return dashboard.milestone_frame(session=session)


@_cached(max_entries=32)
def _filtered(url: str, revision: str, filters: TaskFilters) -> pd.DataFrame:
    statuses = _statuses(url, revision, filters.as_of, filters.known_by)
    links = _role_links(url, revision, filters.role) if filters.agencies else None
    return dashboard.apply_filters(statuses, links, filters)


@_cached(max_entries=64)
def _summary(url: str, revision: str, filters: TaskFilters) -> SummaryMetrics:
    return summary_metrics(_filtered(url, revision, filters), filters.as_of, DUE_SOON_DAYS)


@_cached(max_entries=32)
def _agency_summary(url: str, revision: str, filters: TaskFilters, role: str) -> pd.DataFrame:
    statuses = _filtered(url, revision, filters)
    links = _role_links(url, revision, role)
    return rollups.agency_summary(statuses, links, role, DUE_SOON_DAYS, filters.include_units)


@_cached(max_entries=128)
def _per_revision(
    _build: Callable[..., T],  # not hashed: ``name`` stands for it
    name: str,
    url: str,
    revision: str,
    args: tuple[Hashable, ...],
) -> T:
    return _build(*args)


@_cached(max_entries=32)
def _agency_view(
    url: str, revision: str, filters: TaskFilters, role: str, sort_by: AgencySort
) -> AgencyView:
    summary = _agency_summary(url, revision, filters, role)
    long = rollups.agency_summary_long(summary)
    order = agency_order(long, sort_by)
    if filters.include_units:  # each body's units listed just below it
        order = rollups.units_beneath(summary, order)
    return AgencyView(summary, long, order)


@_cached(max_entries=32)
def _month_matrix(url: str, revision: str, filters: TaskFilters, role: str) -> pd.DataFrame:
    statuses = _filtered(url, revision, filters)
    links = _role_links(url, revision, role)
    return rollups.deadline_month_matrix(statuses, links, role, filters.include_units)


@_cached(max_entries=32)
def _upcoming(url: str, revision: str, filters: TaskFilters, days: int) -> pd.DataFrame:
    return rollups.upcoming(_filtered(url, revision, filters), filters.as_of, days)


@_cached(max_entries=32)
def _calendar(url: str, revision: str, filters: TaskFilters) -> pd.DataFrame:
    statuses = _filtered(url, revision, filters)
    recurring = statuses["status"].isin([str(s) for s in RECURRING_STATUSES])
    dated = statuses["due_date"].notna() & ~recurring
    tasks = statuses.loc[dated, ["task_id", "due_date", "name", "completed", "completed_on"]]
    milestones = _milestones(url, revision).merge(
        tasks.rename(columns={"due_date": "task_due"}), on="task_id"
    )
    milestones = milestones[milestones["due_date"] != milestones["task_due"]]
    milestone = milestones["label"].fillna("").astype(str)
    state = milestone_states(
        milestones["due_date"], milestones["completed"], milestones["completed_on"], filters.as_of
    )
    rows = pd.concat(
        [
            tasks.assign(kind=CALENDAR_KIND_DUE, milestone="", label=tasks["name"]),
            milestones.assign(
                kind=np.where(
                    state == MilestoneState.MISSED, CALENDAR_KIND_MISSED, CALENDAR_KIND_MILESTONE
                ),
                milestone=milestone,
                label=milestone + " — " + milestones["name"],
            ),
        ],
        ignore_index=True,
    )
    return rows.assign(count=1)[["task_id", "due_date", "count", "kind", "milestone", "label"]]


@_cached(max_entries=8)
def _kpis(url: str, revision: str, as_of: date, known_by: date | None) -> pd.DataFrame:
    with reading(url) as session:
        return kpi_frame(session=session, as_of=as_of, known_by=known_by)


@_cached(max_entries=16)
def _latest_kpis(
    url: str, revision: str, as_of: date, plan_codes: tuple[str, ...], known_by: date | None
) -> pd.DataFrame:
    latest = kpi_latest(_kpis(url, revision, as_of, known_by))
    return latest[latest["plan_code"].isin(plan_codes)] if plan_codes else latest


@_cached(max_entries=32)
def _status_counts(url: str, revision: str, filters: TaskFilters) -> pd.DataFrame:
    counts = _filtered(url, revision, filters)["status"].value_counts()
    return pd.DataFrame({"status": counts.index.astype(str), "count": counts.to_numpy()})


@_cached(max_entries=32)
def _reminder_recipients(url: str, revision: str, filters: TaskFilters) -> Recipients:
    statuses = _filtered(url, revision, filters)
    return reminder_recipients(statuses, _role_links(url, revision, "lead"), filters.as_of)


@_cached(max_entries=4)
def _illustrative(url: str, revision: str) -> bool:
    with reading(url) as session:
        return plans.has_illustrative_data(session=session)


@_cached(max_entries=8)
def _filter_options(url: str, revision: str) -> FilterOptions:
    tasks = _tasks(url, revision)  # in plan import order
    plan_rows = tasks[["plan_code", "plan_title"]].drop_duplicates("plan_code")
    with reading(url) as session:
        agencies = dashboard.linked_agency_names(session=session)
    sections = tasks["section_code"].fillna("").astype(str).unique().tolist()
    return FilterOptions(
        plans=dict(zip(plan_rows["plan_code"], plan_rows["plan_title"], strict=True)),
        agencies=tuple(sorted(agencies, key=lambda name: (fold(name), name))),
        sections=tuple(sorted((s for s in sections if s), key=_section_order)),
    )


@_cached(max_entries=64)
def _task_detail(url: str, revision: str, task_id: int) -> TaskDetail | None:
    with reading(url) as session:
        return task_detail(session=session, task_id=task_id)


def _section_order(code: str) -> tuple[int, str]:
    return (roman_to_int(code) or 10_000, code)


# --- Quá hạn: overdue tasks and their ageing, and the other lists to chase (5_Qua_han.py) ---


def load_overdue(filters: TaskFilters, status: str = TaskStatus.OVERDUE) -> pd.DataFrame:
    """The filtered tasks of ``status`` (FOLLOW_UP_STATUSES) as of ``filters.as_of``, most
    days late first.

    Adds ``bucket`` (an AGEING_BUCKETS code of ``days_overdue``) and ``agencies``
    (the task's agencies in ``filters.role``, "; "-joined).
    """
    url = database_url()
    return _overdue(url, current_revision(url), filters, status)


def load_overdue_of_agency(
    filters: TaskFilters, agency: str, status: str = TaskStatus.OVERDUE
) -> pd.DataFrame:
    """``load_overdue`` narrowed to one agency (or the "no agency" row) in ``filters.role``."""
    url = database_url()
    links = _role_links(url, current_revision(url), filters.role)
    return rollups.tasks_of_agency(load_overdue(filters, status), links, agency, filters.role)


def load_overdue_by_agency(filters: TaskFilters) -> pd.DataFrame:
    """``rollups.overdue_ageing_by_agency`` of the filtered tasks, agencies in ``filters.role``."""
    url = database_url()
    return _overdue_by_agency(url, current_revision(url), filters)


@_cached(max_entries=32)
def _overdue(url: str, revision: str, filters: TaskFilters, status: str) -> pd.DataFrame:
    statuses = _filtered(url, revision, filters)
    overdue = statuses[statuses["status"] == status]
    overdue = overdue.sort_values(
        ["days_overdue", "plan_code", "position"], ascending=[False, True, True]
    )
    return overdue.assign(
        bucket=rollups.ageing_bucket(overdue["days_overdue"]).astype("str"),
        agencies=rollups.agency_names(
            _role_links(url, revision, filters.role), overdue["task_id"], filters.role
        ),
    )


@_cached(max_entries=32)
def _overdue_by_agency(url: str, revision: str, filters: TaskFilters) -> pd.DataFrame:
    statuses = _filtered(url, revision, filters)
    links = _role_links(url, revision, filters.role)
    return rollups.overdue_ageing_by_agency(statuses, links, filters.role)
