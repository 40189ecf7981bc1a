"""Recent and default periods, progress reports per period and the agencies whose report has
not arrived."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import Session

from data_access.queries.filters import TaskFilters
from data_access.queries.reporting import (
    REPORT_COLUMNS,
    default_period,
    missing_reporters,
    period_inputs,
    progress_reports,
    recent_periods,
    task_documents,
)
from data_access.queries.reporting_calendar import PERIOD_KINDS, PeriodKind, ReportingPeriod
from data_access.queries.status import compute_statuses
from data_access.queries.tasks import task_agency_frame, task_frame
from tests.dashboard_db import POLICE, SKHCN

APRIL = ReportingPeriod("month", 2026, 4)


def test_recent_periods_newest_first() -> None:
    periods = recent_periods("quarter", date(2026, 11, 23), count=3)
    assert [p.code for p in periods] == ["2026-Q4", "2026-Q3", "2026-Q2"]
    assert [p.as_of for p in periods] == [date(2026, 11, 23), date(2026, 9, 30), date(2026, 6, 30)]
    assert periods[0].until == date(2026, 11, 23)  # the current quarter, as of today


# --- The period a report is for by default: never a day still to come ---
@pytest.mark.parametrize(
    ("kind", "today", "expected"),
    [
        # 06/12/2026, the issue's day: Q4's report falls due by 10/12, so Q4 as of today
        ("quarter", date(2026, 12, 6), ReportingPeriod("quarter", 2026, 4, date(2026, 12, 6))),
        ("quarter", date(2026, 12, 1), ReportingPeriod("quarter", 2026, 4, date(2026, 12, 1))),
        # in November Q4's report is not yet due: Q3, ended 30/09
        ("quarter", date(2026, 11, 23), ReportingPeriod("quarter", 2026, 3)),
        ("quarter", date(2026, 12, 31), ReportingPeriod("quarter", 2026, 4)),  # ends today
        # half-years by 10/6 and 10/12; a year by 30/11; a month by the 20th
        ("half", date(2026, 12, 6), ReportingPeriod("half", 2026, 2, date(2026, 12, 6))),
        ("half", date(2026, 5, 15), ReportingPeriod("half", 2025, 2)),
        ("year", date(2026, 12, 6), ReportingPeriod("year", 2026, 1, date(2026, 12, 6))),
        ("year", date(2026, 10, 15), ReportingPeriod("year", 2025)),
        ("month", date(2026, 12, 6), ReportingPeriod("month", 2026, 12, date(2026, 12, 6))),
    ],
)
def test_default_period(kind: PeriodKind, today: date, expected: ReportingPeriod) -> None:
    assert default_period(kind, today) == expected


@given(st.sampled_from(PERIOD_KINDS), st.dates(date(2000, 1, 1), date(2100, 12, 31)))
def test_the_default_is_offered_and_never_after_today(kind: PeriodKind, today: date) -> None:
    chosen = default_period(kind, today)
    assert chosen.as_of <= today
    assert chosen in recent_periods(kind, today, count=2)


# --- Progress reports in a period ---
@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # March: the report with no batch counts
        (date(2026, 3, 1), date(2026, 3, 31), [(1, date(2026, 3, 1))]),
        # April: two reports on 10/4
        (date(2026, 4, 1), date(2026, 4, 30), [(2, date(2026, 4, 10))]),
        # May: the only report comes from an undone import
        (date(2026, 5, 1), date(2026, 5, 31), []),
    ],
)
def test_progress_reports_per_task(
    session: Session, ids: dict[str, int], start: date, end: date, expected: list[tuple[int, date]]
) -> None:
    reports = progress_reports(session=session, start=start, end=end)
    got = [
        (int(r.reports), r.last_reported_on.date())
        for r in reports.itertuples()
        if r.task_id == ids["strategy"]
    ]
    assert got == expected
    assert set(reports["task_id"]) <= {ids["strategy"]}


# --- Agencies whose report has not arrived ---
@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # March: the strategy report covers both its leads; Sở Nội vụ's task was done in January
        (date(2026, 3, 1), date(2026, 3, 31), []),
        # April: strategy was done on 30/3, before the period; the recurring task has no report
        (date(2026, 4, 1), date(2026, 4, 30), [(SKHCN, 1)]),
        # May: the undone import does not count
        (date(2026, 5, 1), date(2026, 5, 31), [(SKHCN, 1)]),
    ],
)
def test_missing_reporters(
    session: Session, ids: dict[str, int], start: date, end: date, expected: list[tuple[str, int]]
) -> None:
    statuses = compute_statuses(task_frame(session=session, as_of=end), end)
    missing = missing_reporters(
        statuses,
        task_agency_frame(session=session),
        progress_reports(session=session, start=start, end=end),
        ReportingPeriod.containing("month", start),
    )
    assert list(missing.columns) == ["agency", "tasks"]
    assert list(missing.itertuples(index=False, name=None)) == expected


def test_a_task_done_without_its_evidence_still_awaits_a_report(
    session: Session, ids: dict[str, int]
) -> None:
    # strategy (BC BCĐTW, led by SKHCN and the police) was done on 30/3 with evidence
    # "QĐ 2": nothing left to report in April. Without the evidence it is not done.
    end = APRIL.end
    tasks = task_frame(session=session, as_of=end)
    unproven = tasks.assign(evidence=tasks["evidence"].where(tasks["task_id"] != ids["strategy"]))
    links, no_reports = task_agency_frame(session=session), pd.DataFrame(columns=REPORT_COLUMNS)

    def owed(frame: pd.DataFrame) -> dict[str, int]:
        statuses = compute_statuses(frame, end)
        return dict(missing_reporters(statuses, links, no_reports, APRIL).values)

    assert owed(tasks) == {SKHCN: 1}  # the recurring task
    assert owed(unproven) == {SKHCN: 2, POLICE: 1}


def test_collective_leads_are_never_listed(session: Session, ids: dict[str, int]) -> None:
    end = date(2026, 7, 31)
    statuses = compute_statuses(task_frame(session=session, as_of=end), end)
    reports = pd.DataFrame(columns=["task_id", "reports", "last_reported_on"])
    july = ReportingPeriod("month", 2026, 7)
    missing = missing_reporters(statuses, task_agency_frame(session=session), reports, july)
    assert "Các sở, ban, ngành, địa phương" not in set(missing["agency"])
    assert SKHCN in set(missing["agency"])


def test_period_inputs_are_taken_at_the_period_ends(session: Session, ids: dict[str, int]) -> None:
    period = ReportingPeriod("quarter", 2026, 1)
    filters = TaskFilters(as_of=date(2026, 11, 23), plan_codes=("92A/KH-UBND",))
    inputs = period_inputs(session=session, filters=filters, period=period)
    assert inputs.filters == TaskFilters(as_of=date(2026, 3, 31), plan_codes=("92A/KH-UBND",))
    assert set(inputs.statuses["plan_code"]) == {"92A/KH-UBND"}
    strategy = inputs.statuses.set_index("task_id").loc[ids["strategy"]]
    before = inputs.previous_statuses.set_index("task_id").loc[ids["strategy"]]
    # Done on 30/3 (reported 10/4): done at the end of Q1; in progress at the end of 2025.
    assert (strategy["status"], before["status"]) == ("done_on_time", "in_progress")
    assert list(inputs.reports["task_id"]) == [ids["strategy"]]  # the report of 1/3
    assert set(inputs.kpis["period"].dropna()) == {"2026-Q1"}


def test_period_inputs_of_a_period_to_date_stop_at_its_day(
    session: Session, ids: dict[str, int]
) -> None:
    period = ReportingPeriod("quarter", 2026, 2, until=date(2026, 4, 5))  # before the April reports
    inputs = period_inputs(
        session=session, filters=TaskFilters(as_of=date(2026, 11, 23)), period=period
    )
    assert inputs.filters.as_of == date(2026, 4, 5)
    strategy = inputs.statuses.set_index("task_id").loc[ids["strategy"]]
    assert strategy["status"] == "done_on_time"  # done on 30/3: it counts from that day
    assert inputs.reports.empty  # the April reports came on 10/4, after the day
    assert set(inputs.kpis["period"].dropna()) == {"2026-Q1"}


def test_task_documents(session: Session, ids: dict[str, int]) -> None:
    documents = task_documents(session=session)
    assert set(documents["task_id"]) == set(ids.values())
    assert list(documents.columns) == ["task_id", "basis"]
