"""The reporting calendar: periods, the day each report is due, the period a day is judged on."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from data_access.queries.reporting_calendar import (
    PERIOD_KINDS,
    PeriodKind,
    ReportingPeriod,
    last_report_passed,
    report_windows,
)
from loaders.records import Cadence


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


def test_a_period_is_cut_only_inside_itself() -> None:
    quarter = ReportingPeriod("quarter", 2026, 4)
    assert quarter.to_date(date(2026, 12, 6)).as_of == date(2026, 12, 6)
    assert quarter.to_date(date(2026, 12, 31)) == quarter
    with pytest.raises(ValueError, match="does not cut"):
        ReportingPeriod("quarter", 2026, 4, until=date(2026, 9, 30))


# --- The Sở's own units report monthly by the 12th (Sở plan, part IV) ---
def test_internal_monthly_report_is_due_on_the_12th() -> None:
    june = ReportingPeriod("month", 2026, 6)
    assert june.report_due(internal=True) == date(2026, 6, 12)
    assert june.report_due() == date(2026, 6, 20)
    # only the monthly day differs: a quarter is due the 10th of its last month either way
    quarter = ReportingPeriod("quarter", 2026, 2)
    assert quarter.report_due(internal=True) == quarter.report_due() == date(2026, 6, 10)


# --- "Kỳ này": the latest period whose report day is before the as-of day ---
@pytest.mark.parametrize(
    ("kind", "as_of", "internal", "expected"),
    [
        # the 20th is the last day to send June's report: on the 20th May is still the one judged
        ("month", date(2026, 6, 20), False, ReportingPeriod("month", 2026, 5)),
        ("month", date(2026, 6, 21), False, ReportingPeriod("month", 2026, 6)),
        # inside the Sở the day is the 12th
        ("month", date(2026, 6, 12), True, ReportingPeriod("month", 2026, 5)),
        ("month", date(2026, 6, 13), True, ReportingPeriod("month", 2026, 6)),
        # January before the 20th: December of the year before
        ("month", date(2026, 1, 5), False, ReportingPeriod("month", 2025, 12)),
        # 23/11: Q4's report is due 10/12, so Q3 (due 10/9) is the latest passed
        ("quarter", date(2026, 11, 23), False, ReportingPeriod("quarter", 2026, 3)),
        # 23/11: H2 is due 10/12; H1 was due 10/6
        ("half", date(2026, 11, 23), False, ReportingPeriod("half", 2026, 1)),
        # the year's report is due 30/11: on 23/11 the latest passed is last year's
        ("year", date(2026, 11, 23), False, ReportingPeriod("year", 2025)),
        ("year", date(2026, 12, 6), False, ReportingPeriod("year", 2026)),
    ],
)
def test_last_report_passed(
    kind: PeriodKind, as_of: date, internal: bool, expected: ReportingPeriod
) -> None:
    assert last_report_passed(kind, as_of, internal=internal) == expected


@given(st.sampled_from(PERIOD_KINDS), st.dates(date(2000, 1, 1), date(2100, 12, 31)), st.booleans())
def test_the_period_judged_is_the_latest_one_due_before_the_day(
    kind: PeriodKind, day: date, internal: bool
) -> None:
    period = last_report_passed(kind, day, internal=internal)
    assert (
        period.report_due(internal=internal)
        < day
        <= period.following().report_due(internal=internal)
    )


def test_report_windows_per_row() -> None:
    cadences = pd.Series(["", Cadence.MONTHLY, Cadence.QUARTERLY, Cadence.WEEKLY, "", "?"])
    internal = pd.Series([False, True, False, False, True, False])
    windows = report_windows(cadences, internal, date(2026, 11, 23))
    day = pd.Timestamp
    assert windows["report_day"].tolist() == [
        day(2026, 11, 20),  # no cadence: monthly, by the 20th
        day(2026, 11, 12),  # monthly inside the Sở: by the 12th
        day(2026, 9, 10),  # quarterly: Q3 by 10/9
        day(2026, 11, 20),  # weekly: the plans have no weekly day, held to the monthly one
        day(2026, 11, 12),
        day(2026, 11, 20),  # an unknown cadence: monthly
    ]
    assert windows["opened_on"].tolist() == [
        day(2026, 10, 20),
        day(2026, 10, 12),
        day(2026, 6, 10),
        day(2026, 10, 20),
        day(2026, 10, 12),
        day(2026, 10, 20),
    ]


def test_report_windows_of_nothing() -> None:
    windows = report_windows(
        pd.Series([], dtype="str"), pd.Series([], dtype=bool), date(2026, 1, 1)
    )
    assert windows.empty
    assert list(windows.columns) == ["report_day", "opened_on"]
