"""Reporting periods, progress reports per period and the agencies whose report has not arrived."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import Session

from data_access.dashboard import task_agency_frame, task_frame
from data_access.filters import TaskFilters
from data_access.reporting import (
    PERIOD_KINDS,
    PeriodKind,
    ReportingPeriod,
    default_period,
    missing_reporters,
    period_inputs,
    progress_reports,
    recent_periods,
    task_documents,
)
from data_access.status import compute_statuses
from tests.dashboard_db import SKHCN


# --- Periods ---
@pytest.mark.parametrize(
    ("period", "start", "end", "code", "label", "due"),
    [
        # months
        (ReportingPeriod("month", 2026, 2), date(2026, 2, 1), date(2026, 2, 28), "2026-02",
         "Tháng 02/2026", date(2026, 2, 20)),
        (ReportingPeriod("month", 2024, 2), date(2024, 2, 1), date(2024, 2, 29), "2024-02",
         "Tháng 02/2024", date(2024, 2, 20)),
        # quarters: reports due the 10th of the quarter's last month
        (ReportingPeriod("quarter", 2026, 2), date(2026, 4, 1), date(2026, 6, 30), "2026-Q2",
         "Quý II/2026", date(2026, 6, 10)),
        (ReportingPeriod("quarter", 2026, 4), date(2026, 10, 1), date(2026, 12, 31), "2026-Q4",
         "Quý IV/2026", date(2026, 12, 10)),
        # halves: the first half's report is due 10/6
        (ReportingPeriod("half", 2026, 1), date(2026, 1, 1), date(2026, 6, 30), "2026-H1",
         "6 tháng đầu năm 2026", date(2026, 6, 10)),
        (ReportingPeriod("half", 2026, 2), date(2026, 7, 1), date(2026, 12, 31), "2026-H2",
         "6 tháng cuối năm 2026", date(2026, 12, 10)),
        # the year's report is due 30/11
        (ReportingPeriod("year", 2026), date(2026, 1, 1), date(2026, 12, 31), "2026",
         "Năm 2026", date(2026, 11, 30)),
    ],
)  # fmt: skip
def test_period_bounds_codes_labels_and_report_dates(
    period: ReportingPeriod, start: date, end: date, code: str, label: str, due: date
) -> None:
    assert (period.start, period.end, period.code) == (start, end, code)
    assert period.label_vi() == label
    assert period.report_due() == due


@pytest.mark.parametrize(
    ("period", "previous"),
    [
        (ReportingPeriod("month", 2026, 1), ReportingPeriod("month", 2025, 12)),
        (ReportingPeriod("month", 2026, 7), ReportingPeriod("month", 2026, 6)),
        (ReportingPeriod("quarter", 2026, 1), ReportingPeriod("quarter", 2025, 4)),
        (ReportingPeriod("half", 2026, 2), ReportingPeriod("half", 2026, 1)),
        (ReportingPeriod("year", 2026), ReportingPeriod("year", 2025)),
    ],
)
def test_previous_and_following_period(period: ReportingPeriod, previous: ReportingPeriod) -> None:
    assert period.previous() == previous
    assert previous.following() == period
    assert previous.end < period.start


@pytest.mark.parametrize(
    ("kind", "index"),
    [("month", 0), ("month", 13), ("quarter", 5), ("half", 3), ("year", 2), ("week", 1)],
)
def test_impossible_periods_are_refused(kind: PeriodKind, index: int) -> None:
    with pytest.raises(ValueError):
        ReportingPeriod(kind, 2026, index)


@given(st.sampled_from(PERIOD_KINDS), st.dates(date(2000, 1, 1), date(2100, 12, 31)))
def test_the_containing_period_holds_the_day(kind: PeriodKind, day: date) -> None:
    period = ReportingPeriod.containing(kind, day)
    assert period.start <= day <= period.end
    assert period.previous().end.toordinal() + 1 == period.start.toordinal()


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


def test_a_period_is_cut_only_inside_itself() -> None:
    quarter = ReportingPeriod("quarter", 2026, 4)
    assert quarter.to_date(date(2026, 12, 6)).as_of == date(2026, 12, 6)
    assert quarter.to_date(date(2026, 12, 31)) == quarter
    with pytest.raises(ValueError, match="does not cut"):
        ReportingPeriod("quarter", 2026, 4, until=date(2026, 9, 30))


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
        start,
    )
    assert list(missing.columns) == ["agency", "tasks"]
    assert list(missing.itertuples(index=False, name=None)) == expected


def test_collective_leads_are_never_listed(session: Session, ids: dict[str, int]) -> None:
    end = date(2026, 7, 31)
    statuses = compute_statuses(task_frame(session=session, as_of=end), end)
    reports = pd.DataFrame(columns=["task_id", "reports", "last_reported_on"])
    missing = missing_reporters(statuses, task_agency_frame(session=session), reports, end)
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
