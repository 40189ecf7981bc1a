"""Reporting discipline of 11/2026 on the sample data, with dated reports added to it.

The calendar (DOMAIN.md, reporting_calendar): a month's report is due by the 20th, inside
the Sở KH&CN by the 12th; a report counts for the month from its first day to the next
month's due day (20/12/2026, or 12/12 inside the Sở). The sample's own reports in
November 2026 (its last is on 19/11) come from Công an tỉnh (PL-II 1, 08/11) and the
Sở's units; none from the four agencies below, whose reports the tests add:

- Sở Tài chính: 18/11 on DM-BS III.3 (it alone leads it): on time;
- Sở Nội vụ: 25/11 on PL-II 9: late;
- Văn phòng UBND tỉnh: 18/11 on 92A II.30, from an import undone since, and 21/12, after
  the window closed: neither counts, so no report;
- Phòng Kế hoạch - Tài chính (Sở KH&CN), a unit of the Sở (its plan KH-SKHCN-2025 is the
  Sở's own): 15/11 on its task 12, after the 12th: late, where any other agency would be on
  time.
Each still leads a task awaiting a report in November: 92A III.1 (recurring) for the first
two, II.30 (recurring) for the third, task 12 (due 31/10/2025, not done) for the unit.
"""

from __future__ import annotations

import random
from datetime import date, datetime

import pandas as pd
import pytest
from sqlmodel import Session

from data_access.clock import LOCAL_TIME
from data_access.db import get_engine, session_scope
from data_access.queries.discipline import (
    DISCIPLINE_COLUMNS,
    Verdict,
    arrivals,
    discipline_table,
    reporting_discipline,
)
from data_access.queries.reporting_calendar import ReportingPeriod
from data_access.queries.status import compute_statuses
from data_access.queries.tasks import task_agency_frame, task_frame
from data_access.submissions.form import SubmissionForm
from data_access.submissions.review import submit
from tests.discipline_sample import (
    FINANCE,
    HOME_AFFAIRS,
    NOVEMBER,
    OFFICE,
    POLICE,
    UNIT,
    add_reports,
    task_id,
)
from tests.submission_db import SKHCN, staff_on_sample
from tests.submission_db import task_id as submission_task

D = date  # brevity in the tables below


@pytest.fixture
def url(sample_copy_url: str) -> str:
    add_reports(sample_copy_url)
    return sample_copy_url


def discipline(url: str, seen_by: date, period: ReportingPeriod = NOVEMBER) -> pd.DataFrame:
    with Session(get_engine(url)) as session:
        statuses = compute_statuses(task_frame(session=session, as_of=period.end), period.end)
        links = task_agency_frame(session=session)
        return reporting_discipline(
            session=session, period=period, statuses=statuses, agency_links=links, seen_by=seen_by
        )


def rows(table: pd.DataFrame, agencies: list[str]) -> dict[str, tuple[date, date | None, str]]:
    chosen = table[table["agency"].isin(agencies)]
    return {
        r.agency: (
            r.report_due.date(),
            None if pd.isna(r.first_report) else r.first_report.date(),
            r.verdict,
        )
        for r in chosen.itertuples()
    }


AGENCIES = [FINANCE, HOME_AFFAIRS, OFFICE, UNIT, POLICE]


# --- 11/2026 with one agency on time, one late, one missing; the Sở's unit by the 12th ---
@pytest.mark.parametrize(
    ("seen_by", "expected"),
    [
        # the window's last day: every report of November is in
        (
            D(2026, 12, 20),
            {
                FINANCE: (D(2026, 11, 20), D(2026, 11, 18), Verdict.ON_TIME),
                HOME_AFFAIRS: (D(2026, 11, 20), D(2026, 11, 25), Verdict.LATE),
                OFFICE: (D(2026, 11, 20), None, Verdict.MISSING),
                UNIT: (D(2026, 11, 12), D(2026, 11, 15), Verdict.LATE),
                POLICE: (D(2026, 11, 20), D(2026, 11, 8), Verdict.ON_TIME),
            },
        ),
        # on 15/11: the 20th has not come, so no report is not yet missing; the unit's 12th has
        (
            D(2026, 11, 15),
            {
                FINANCE: (D(2026, 11, 20), None, Verdict.NOT_DUE),
                HOME_AFFAIRS: (D(2026, 11, 20), None, Verdict.NOT_DUE),
                OFFICE: (D(2026, 11, 20), None, Verdict.NOT_DUE),
                UNIT: (D(2026, 11, 12), D(2026, 11, 15), Verdict.LATE),
                POLICE: (D(2026, 11, 20), D(2026, 11, 8), Verdict.ON_TIME),
            },
        ),
    ],
)
def test_november_2026(url: str, seen_by: date, expected: dict[str, tuple[object, ...]]) -> None:
    table = discipline(url, seen_by)
    assert list(table.columns) == DISCIPLINE_COLUMNS
    assert table["agency"].is_unique
    assert rows(table, AGENCIES) == expected
    assert not table["agency"].str.startswith("Các sở").any()  # groups never report


def test_the_undone_import_does_not_arrive(url: str) -> None:
    with Session(get_engine(url)) as session:
        office_task = task_id(session, "KH-92A-UBND", "II", "30")
        arrived = arrivals(session=session, start=D(2026, 11, 1), end=D(2026, 12, 31))
    # only the report of 21/12 on II.30 is in force
    assert arrived.loc[arrived["task_id"] == office_task, "reported_on"].tolist() == [
        pd.Timestamp(2026, 12, 21)
    ]


def test_the_next_month_counts_what_this_one_did_not(url: str) -> None:
    # 21/12 is after November's window but within December's (due 20/12: late)
    table = discipline(url, D(2027, 1, 20), ReportingPeriod("month", 2026, 12))
    assert rows(table, [OFFICE]) == {OFFICE: (D(2026, 12, 20), D(2026, 12, 21), Verdict.LATE)}


def test_the_order_of_the_inputs_does_not_matter(url: str) -> None:
    seen_by = D(2026, 12, 20)
    with Session(get_engine(url)) as session:
        statuses = compute_statuses(task_frame(session=session, as_of=NOVEMBER.end), NOVEMBER.end)
        links = task_agency_frame(session=session)
        arrived = arrivals(session=session, start=NOVEMBER.start, end=seen_by)
    table = discipline_table(statuses, links, arrived, NOVEMBER, seen_by)
    shuffle = random.Random(14)
    for _ in range(3):
        again = discipline_table(
            statuses.sample(frac=1, random_state=shuffle.randrange(1000)),
            links.sample(frac=1, random_state=shuffle.randrange(1000)),
            arrived.sample(frac=1, random_state=shuffle.randrange(1000)),
            NOVEMBER,
            seen_by,
        )
        pd.testing.assert_frame_equal(again, table)
    # the ones to chase first: no report, then late, then not due, then on time; by name within
    verdicts = table["verdict"].tolist()
    assert verdicts == sorted(verdicts, key=[str(v) for v in Verdict].index)
    for _, group in table.groupby("verdict"):
        assert group["agency"].tolist() == sorted(group["agency"])


@pytest.mark.parametrize(
    ("sent_at", "first", "verdict"),
    [
        ((15, 23, 30), D(2026, 11, 15), Verdict.ON_TIME),  # 16:30 UTC: still the 15th here
        ((21, 0, 30), D(2026, 11, 21), Verdict.LATE),  # 17:30 UTC on the 20th: the 21st here
    ],
    ids=["late evening", "just after midnight"],
)
def test_a_report_sent_through_the_app_counts_on_the_day_it_was_sent(
    sample_copy_url: str,
    sent_at: tuple[int, int, int],
    first: date,
    verdict: Verdict,
) -> None:
    """The Sở KH&CN itself (not its units) has no report in November 2026 in the sample; its
    reporter sends one on PL-II-2026 task 13, which the Sở has not yet approved."""
    staff = staff_on_sample(sample_copy_url)
    assert rows(discipline(sample_copy_url, D(2026, 12, 6)), [SKHCN])[SKHCN][2] == Verdict.MISSING
    day, hour, minute = sent_at
    moment = datetime(2026, 11, day, hour, minute, tzinfo=LOCAL_TIME)
    form = SubmissionForm(status="Đang thực hiện", description="Đang triển khai.")
    with session_scope(staff.engine, write=True) as session:
        submit(session, staff.skhcn, submission_task(staff.engine, "13"), form, now=moment)
    assert rows(discipline(sample_copy_url, D(2026, 12, 6)), [SKHCN]) == {
        SKHCN: (D(2026, 11, 20), first, verdict)
    }
