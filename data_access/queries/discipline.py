"""Reporting discipline: which agencies sent a period's report on time, late, or not at all.

Who is expected: the lead agencies with a task awaiting a report in the period
(``expected_reporters``, the agencies ``reporting.missing_reporters`` checks
too). Their due day is the period's (``reporting_calendar``): an agency whose
every task in scope reports inside the Sở KH&CN (``plan_facts.internal_reporting``:
its units, and the Sở's own plans) sends its monthly report by the 12th, any
other by the 20th.

The window: a report counts for the period when it arrives from the period's
first day to the next period's due day, both included. A month's report (due
20/11 for 11/2026) sent on 18/11 is on time, on 25/11 or up to 20/12 late;
after that it is the next month's. An agency's first report is the earliest
arrival (``arrivals``) of any of its expected tasks within the window, up to the
day the table is taken (``seen_by``): before the due day has passed, an agency
without a report is not yet late.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

import pandas as pd
from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from data_access.clock import LOCAL_TIME, end_of_day_utc
from data_access.kinds import AgencyRole
from data_access.models import ProgressUpdate, Submission
from data_access.queries.latest_reports import in_force
from data_access.queries.reporting_calendar import ReportingPeriod
from data_access.queries.status import DONE_STATUSES
from data_access.queries.tasks import links_for_role, read_frame
from labels import EMPTY_VALUE, format_date

ARRIVAL_COLUMNS = ["task_id", "reported_on"]
DISCIPLINE_COLUMNS = ["agency", "internal", "report_due", "first_report", "verdict"]


class Verdict(StrEnum):
    MISSING = "missing"
    LATE = "late"
    NOT_DUE = "not_due"  # no report yet, and its due day has not passed
    ON_TIME = "on_time"


VERDICT_ORDER = tuple(Verdict)  # the table's order: who to chase first
VERDICT_LABELS: dict[str, str] = {
    Verdict.ON_TIME: "Đúng hạn",
    Verdict.LATE: "Muộn",
    Verdict.MISSING: "Chưa báo cáo",
    Verdict.NOT_DUE: "Chưa đến hạn",
}
DISCIPLINE_TITLE = "Tình hình gửi báo cáo"
NO_REPORTER = "Không có cơ quan chủ trì nào phải gửi báo cáo tiến độ trong kỳ."
VIEW_HEADERS = ("Cơ quan", "Hạn gửi báo cáo", "Ngày gửi báo cáo", "Tình hình")


def window_end(period: ReportingPeriod, *, internal: bool = False) -> date:
    """The last day a report counts for ``period``: the next period's due day."""
    return period.following().report_due(internal=internal)


def arrivals(*, session: Session, start: date, end: date) -> pd.DataFrame:
    """Per task: the first day a report on it arrived from ``start`` to ``end`` (ARRIVAL_COLUMNS).

    A progress update in force (its import not undone) arrived on its
    ``reported_on``. An agency's report sent through the app arrived on the day it was
    sent (Vietnam time), whatever the Sở has done with it since: waiting for approval,
    approved (then also a progress update dated that day) or returned for a correction.
    """
    update = ProgressUpdate
    imported = (
        sa_select(col(update.task_id), func.min(col(update.reported_on)))
        .where(
            col(update.reported_on) >= start,
            col(update.reported_on) <= end,
            in_force(col(update.import_batch_id)),
        )
        .group_by(col(update.task_id))
    )
    sent = sa_select(col(Submission.task_id), col(Submission.submitted_at)).where(
        col(Submission.submitted_at) >= end_of_day_utc(start - timedelta(days=1)),
        col(Submission.submitted_at) < end_of_day_utc(end),
    )
    submitted = read_frame(session, sent, ARRIVAL_COLUMNS)
    submitted_on = pd.to_datetime(submitted["reported_on"], utc=True).dt.tz_convert(LOCAL_TIME)
    frames = [
        read_frame(session, imported, ARRIVAL_COLUMNS),
        submitted.assign(reported_on=submitted_on.dt.tz_localize(None).dt.normalize()),
    ]
    both = pd.concat(
        [frame.assign(reported_on=pd.to_datetime(frame["reported_on"])) for frame in frames],
        ignore_index=True,
    )
    first = both.groupby("task_id", as_index=False)["reported_on"].min()
    return first.astype({"reported_on": "datetime64[s]"})[ARRIVAL_COLUMNS]


def expected_reporters(
    statuses: pd.DataFrame, agency_links: pd.DataFrame, period: ReportingPeriod
) -> pd.DataFrame:
    """The lead links (task_id, agency, …) of the tasks that await a report in ``period``.

    ``statuses``: the tasks in scope as of the period's end; a task done before
    the period started (or on a day unknown: a plan's done mark without an issue
    date) has nothing left to report; one done without the evidence it needs
    still has. A task of a plan issued after the period ended owes no report for
    it. Collective groups cannot send a report and are left out.
    """
    start = pd.Timestamp(period.start)
    completed_on = statuses["completed_on"]
    done_early = completed_on.isna() | (completed_on < start)
    done = statuses["status"].isin([str(s) for s in DONE_STATUSES])
    issued_later = pd.to_datetime(statuses["plan_issued_on"]) > pd.Timestamp(period.end)
    open_ids = statuses.loc[~(done & done_early) & ~issued_later, "task_id"]
    leads = links_for_role(agency_links, AgencyRole.LEAD)
    return leads[leads["task_id"].isin(open_ids) & ~leads["is_collective"].astype(bool)]


def reporting_discipline(
    *,
    session: Session,
    period: ReportingPeriod,
    statuses: pd.DataFrame,
    agency_links: pd.DataFrame,
    seen_by: date,
) -> pd.DataFrame:
    """``discipline_table`` of ``period`` with the arrivals read from the database."""
    last = max(window_end(period, internal=inside) for inside in (False, True))
    arrived = arrivals(session=session, start=period.start, end=min(last, seen_by))
    return discipline_table(statuses, agency_links, arrived, period, seen_by)


def discipline_table(
    statuses: pd.DataFrame,
    agency_links: pd.DataFrame,
    arrived: pd.DataFrame,
    period: ReportingPeriod,
    seen_by: date,
) -> pd.DataFrame:
    """One row per expected agency (DISCIPLINE_COLUMNS), the ones to chase first, then by name.

    ``statuses``: the tasks in scope as of the period's end (with ``internal_reporting``);
    ``agency_links``: ``task_agency_frame``; ``arrived``: ``arrivals`` (any order, any days).
    """
    expected = expected_reporters(statuses, agency_links, period)
    internal_ids = statuses.loc[statuses["internal_reporting"].astype(bool), "task_id"]
    links = expected[["task_id", "agency"]].assign(internal=expected["task_id"].isin(internal_ids))
    agencies = links.groupby("agency", as_index=False)["internal"].all()
    due = {inside: period.report_due(internal=inside) for inside in (False, True)}
    ends = {inside: min(window_end(period, internal=inside), seen_by) for inside in (False, True)}
    agencies = agencies.assign(
        report_due=pd.to_datetime(agencies["internal"].map(due)).astype("datetime64[s]"),
        window_end=pd.to_datetime(agencies["internal"].map(ends)).astype("datetime64[s]"),
    )
    sent = links[["task_id", "agency"]].merge(agencies, on="agency").merge(arrived, on="task_id")
    sent = sent[
        (sent["reported_on"] >= pd.Timestamp(period.start))
        & (sent["reported_on"] <= sent["window_end"])
    ]
    first = sent.groupby("agency")["reported_on"].min().rename("first_report")
    table = agencies.merge(first, on="agency", how="left")
    table = table.assign(
        first_report=table["first_report"].astype("datetime64[s]"),
        verdict=[
            _verdict(sent_on, due_on, seen_by)
            for sent_on, due_on in zip(table["first_report"], table["report_due"], strict=True)
        ],
    )
    rank = table["verdict"].map({v: i for i, v in enumerate(VERDICT_ORDER)})
    table = table.assign(rank=rank).sort_values(["rank", "agency"], ignore_index=True)
    return table[DISCIPLINE_COLUMNS]


def _verdict(sent_on: pd.Timestamp, due_on: pd.Timestamp, seen_by: date) -> Verdict:
    if pd.isna(sent_on):
        return Verdict.MISSING if pd.Timestamp(seen_by) > due_on else Verdict.NOT_DUE
    return Verdict.ON_TIME if sent_on <= due_on else Verdict.LATE


def discipline_view(table: pd.DataFrame) -> pd.DataFrame:
    """``discipline_table`` as shown and printed: Vietnamese headers, dates as dd/mm/yyyy."""
    return pd.DataFrame(
        {
            VIEW_HEADERS[0]: table["agency"].astype(str),
            VIEW_HEADERS[1]: [_day(d) for d in table["report_due"]],
            VIEW_HEADERS[2]: [_day(d) for d in table["first_report"]],
            VIEW_HEADERS[3]: table["verdict"].map(VERDICT_LABELS),
        }
    )


def verdict_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Agencies per verdict, every verdict listed in VERDICT_ORDER: verdict, label, count."""
    counts = table["verdict"].value_counts()
    return pd.DataFrame(
        {
            "verdict": [str(v) for v in VERDICT_ORDER],
            "label": [VERDICT_LABELS[v] for v in VERDICT_ORDER],
            "count": [int(counts.get(v, 0)) for v in VERDICT_ORDER],
        }
    )


def _day(value: pd.Timestamp) -> str:
    return EMPTY_VALUE if pd.isna(value) else format_date(value.date())
