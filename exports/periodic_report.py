"""The periodic report (báo cáo định kỳ) for a month, quarter, half-year or year: its content.

Figures come from the status engine as of the period's end, or as of a day
inside a period not yet ended (``ReportingPeriod.until``), compared with the
previous period's end. exports.periodic_docx writes it as a Word document.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from data_access.kinds import AgencyRole
from data_access.queries.reporting import PeriodInputs, kpis_within, missing_reporters
from data_access.queries.reporting_calendar import ReportingPeriod
from data_access.queries.rollups import agency_summary, upcoming
from data_access.queries.status import SummaryMetrics, summary_metrics
from data_access.queries.statuses import TaskStatus
from exports.content import kpi_rows, overdue_tasks, task_list
from labels import (
    EMPTY_VALUE,
    as_of_words,
    format_int,
    format_percent,
    points_change,
    signed_change,
    status_label,
)


@dataclass(frozen=True)
class PeriodicReport:
    """The report's content; task frames are ``content.task_list`` rows with a ``status``."""

    period: ReportingPeriod
    scope: str  # TaskFilters.describe_vi() at the period's end
    illustrative: bool
    metrics: SummaryMetrics  # as of period.as_of
    previous: SummaryMetrics  # as of period.previous().end
    tasks: pd.DataFrame  # every task in scope, with status
    agencies: pd.DataFrame  # rollups.agency_summary
    kpis: pd.DataFrame  # content.kpi_rows: each KPI's latest actual by the period's end
    overdue: pd.DataFrame  # longest overdue first
    missing: pd.DataFrame  # reporting.missing_reporters
    discipline: pd.DataFrame  # discipline.reporting_discipline
    next_due: pd.DataFrame  # not done, due from period.next_day to the following period's end


def periodic_report(inputs: PeriodInputs, *, illustrative: bool) -> PeriodicReport:
    period, statuses, links = inputs.period, inputs.statuses, inputs.agency_links
    start = period.next_day
    next_rows = upcoming(statuses, start, (period.following().end - start).days)
    listed = task_list(statuses, links, inputs.documents)
    return PeriodicReport(
        period=period,
        scope=inputs.filters.describe_vi(),
        illustrative=illustrative,
        metrics=summary_metrics(statuses, period.as_of),
        previous=summary_metrics(inputs.previous_statuses, period.previous().end),
        tasks=listed.assign(status=statuses["status"].to_numpy()),
        agencies=agency_summary(statuses, links, AgencyRole.LEAD),
        kpis=kpi_rows(kpis_within(inputs.kpis, period)),
        overdue=task_list(overdue_tasks(statuses), links, inputs.documents),
        missing=missing_reporters(statuses, links, inputs.reports, period),
        discipline=inputs.discipline,
        next_due=task_list(next_rows, links, inputs.documents),
    )


def summary_rows(now: SummaryMetrics, before: SummaryMetrics) -> list[tuple[str, str, str, str]]:
    """(label, this period, previous period, change) for the summary table."""
    counts = (
        ("Tổng số nhiệm vụ", "total"),
        ("Đã hoàn thành", "completed"),
        (status_label(TaskStatus.DONE_NO_EVIDENCE), "missing_evidence"),
        ("Hoàn thành đúng hạn (đã đến hạn)", "completed_on_time"),
        ("Quá hạn", "overdue"),
        (status_label(TaskStatus.MILESTONE_LATE), "milestone_late"),
        ("Thường xuyên", "recurring"),
        (status_label(TaskStatus.RECURRING_REPORTED), "recurring_reported"),
        (status_label(TaskStatus.RECURRING_NOT_REPORTED), "recurring_not_reported"),
        ("Chưa xác định hạn", "no_deadline"),
    )
    rows = [
        (
            label,
            format_int(getattr(now, f)),
            format_int(getattr(before, f)),
            signed_change(getattr(now, f) - getattr(before, f), decimals=0),
        )
        for label, f in counts
    ]
    for label, field in (
        ("Tỷ lệ hoàn thành", "completion_rate"),
        ("Tỷ lệ hoàn thành đúng hạn", "on_time_rate"),
    ):
        a, b = getattr(now, field), getattr(before, field)
        points = points_change(a, b) or EMPTY_VALUE
        rows.append((label, format_percent(a, fixed=True), format_percent(b, fixed=True), points))
    return rows


def in_sentence(period: ReportingPeriod) -> str:
    """The period's label inside a sentence: "quý II/2026", "tháng 6/2026", "năm 2026"; a period
    not yet ended says the day its figures are taken: "quý IV/2026 (tính đến ngày 06/12/2026)"."""
    label = period.label_vi()
    cut = f" ({as_of_words(period.as_of)})" if period.until else ""
    return label[0].lower() + label[1:] + cut
