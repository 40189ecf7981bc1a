"""The summary rates: what each counts, its denominator, and the help text naming them."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest

from data_access.queries.status import (
    RATE_HELP_VI,
    SummaryMetrics,
    compute_statuses,
    summary_metrics,
)
from data_access.queries.statuses import RECURRING_STATUSES, TaskStatus
from labels import STATUS_LABELS
from tests.status_rows import AS_OF, metrics_of, recurring, task


def test_rates_count_what_the_help_text_says() -> None:
    done_on_time = task(
        due_date=date(2026, 6, 1),
        reported_status="Hoàn thành",
        completion_date=date(2026, 5, 20),
        reported_on=date(2026, 5, 20),
    )
    done_late = task(
        due_date=date(2026, 6, 1),
        reported_status="Hoàn thành",
        completion_date=date(2026, 6, 20),
        reported_on=date(2026, 6, 20),
    )
    done_early = task(
        due_date=date(2026, 9, 1),
        reported_status="Hoàn thành",
        completion_date=date(2026, 6, 20),
        reported_on=date(2026, 6, 20),
    )
    overdue = task(due_date=date(2026, 6, 1))
    due_soon = task(due_date=date(2026, 7, 15))
    later = task(due_date=date(2026, 12, 31))
    unparsed = task(due_date=None, deadline_kind="unparsed")
    rows = [done_on_time, done_late, done_early, overdue, due_soon, later, recurring(), unparsed]
    assert metrics_of(rows) == SummaryMetrics(
        total=8,
        with_due_date=6,
        completed=3,
        completed_on_time=1,  # the early one is not due yet
        due_by_as_of=3,
        completion_rate=0.5,
        on_time_rate=1 / 3,
        overdue=1,
        milestone_late=0,
        due_soon=1,
        missing_evidence=0,
        recurring=1,
        recurring_reported=0,
        recurring_not_reported=1,  # no report, and June's was due 20/06
        no_deadline=1,
    )


def test_due_soon_window_includes_its_last_day() -> None:
    assert metrics_of([task(due_date=date(2026, 7, 10))], window_days=10).due_soon == 1
    assert metrics_of([task(due_date=date(2026, 7, 11))], window_days=10).due_soon == 0


@pytest.mark.parametrize(
    "rows",
    [
        [],  # nothing at all
        [recurring(), task(due_date=None, deadline_kind="")],
    ],
)
def test_rates_are_none_without_a_denominator(rows: list[dict[str, Any]]) -> None:
    frame = pd.DataFrame(rows, columns=list(task()))
    metrics = summary_metrics(compute_statuses(frame, AS_OF), AS_OF)
    assert metrics.completion_rate is None
    assert metrics.on_time_rate is None


def test_on_time_rate_is_none_when_nothing_is_due_yet() -> None:
    metrics = metrics_of([task(due_date=date(2026, 12, 1))])
    assert (metrics.completion_rate, metrics.on_time_rate) == (0.0, None)


def test_help_text_names_every_rate_and_the_plans_own_rules() -> None:
    for phrase in (
        "Tỷ lệ hoàn thành =",
        "Tỷ lệ hoàn thành đúng hạn =",
        "Quá hạn",
        "Đã hoàn thành",
        "ngày ban hành",
        "Các sở, ban, ngành, địa phương",
        # recurring tasks: what "kỳ này" is, the report days, the three states
        '"Kỳ này" là kỳ báo cáo gần nhất đã hết hạn gửi',
        "đến hết ngày 20",
        "ngày 12",
        "đến ngày 10 tháng cuối quý",
        "10/6",
        "30/11",
        "(nhiệm vụ thường xuyên)",
        *(STATUS_LABELS[s] for s in RECURRING_STATUSES),
        # milestones
        STATUS_LABELS[TaskStatus.MILESTONE_LATE],
        "mốc đầu tiên",
        # BC BCĐTW tasks: evidence
        "BC BCĐTW",
        "minh chứng",
        STATUS_LABELS[TaskStatus.DONE_NO_EVIDENCE],
    ):
        assert phrase in RATE_HELP_VI
