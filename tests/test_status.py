"""Status engine: every category, its boundaries, and the rate definitions."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest

from data_access.queries.status import (
    RATE_HELP_VI,
    SummaryMetrics,
    compute_statuses,
    report_says_completed,
    summary_metrics,
)
from data_access.queries.statuses import RECURRING_STATUSES, TaskStatus
from labels import STATUS_LABELS

AS_OF = date(2026, 6, 30)
DUE = date(2026, 6, 30)


def task(**fields: Any) -> dict[str, Any]:
    """One task row with no report, due on DUE, overridden by ``fields``."""
    row: dict[str, Any] = {
        "due_date": DUE,
        "deadline_kind": "date",
        "reported_status": "",
        "completion_date": None,
        "reported_on": None,
        "completed_in_source": False,
        "plan_issued_on": None,
        "plan_imported_on": None,
    }
    return row | fields


def one(row: dict[str, Any], as_of: date = AS_OF) -> pd.Series:
    return compute_statuses(pd.DataFrame([row]), as_of).iloc[0]


S = TaskStatus
CASES = [
    # --- not completed ---
    ("due today is in progress", task(), S.IN_PROGRESS, 0),
    ("due tomorrow", task(due_date=date(2026, 7, 1)), S.IN_PROGRESS, 0),
    ("due yesterday is overdue by 1", task(due_date=date(2026, 6, 29)), S.OVERDUE, 1),
    ("overdue 30 days", task(due_date=date(2026, 5, 31)), S.OVERDUE, 30),
    (
        "report in progress",
        task(reported_status="Đang thực hiện", reported_on=date(2026, 6, 1)),
        S.IN_PROGRESS,
        0,
    ),
    (
        "chưa hoàn thành is not done",
        task(due_date=date(2026, 6, 1), reported_status="Chưa hoàn thành", reported_on=DUE),
        S.OVERDUE,
        29,
    ),
    # --- completed by a report ---
    (
        "done exactly on the due date is on time",
        task(reported_status="Đã hoàn thành", completion_date=DUE, reported_on=DUE),
        S.DONE_ON_TIME,
        0,
    ),
    (
        "done a day late",
        task(
            due_date=date(2026, 6, 1),
            reported_status="Hoàn thành",
            completion_date=date(2026, 6, 2),
            reported_on=date(2026, 6, 5),
        ),
        S.DONE_LATE,
        1,
    ),
    (
        "no completion date: the report date is used",
        task(
            due_date=date(2026, 6, 1),
            reported_status="Đã hoàn thành",
            reported_on=date(2026, 6, 10),
        ),
        S.DONE_LATE,
        9,
    ),
    (
        "blank status with a completion date counts as done",
        task(completion_date=date(2026, 6, 20), reported_on=date(2026, 6, 20)),
        S.DONE_ON_TIME,
        0,
    ),
    (
        "completion note wording",
        task(reported_status="(Đã thực hiện)", reported_on=date(2026, 6, 20)),
        S.DONE_ON_TIME,
        0,
    ),
    # --- as-of boundaries ---
    (
        "completion date after as-of: not completed yet",
        task(
            due_date=date(2026, 6, 1),
            reported_status="Đã hoàn thành",
            completion_date=date(2026, 7, 15),
            reported_on=date(2026, 6, 25),
        ),
        S.OVERDUE,
        29,
    ),
    (
        # DOMAIN.md: "a completion counts from its completion date, whenever the report arrived".
        "completion reported after as-of counts from its completion date",
        task(reported_status="Đã hoàn thành", completion_date=DUE, reported_on=date(2026, 7, 1)),
        S.DONE_ON_TIME,
        0,
    ),
    (
        "completion reported after as-of, completed after as-of too: not yet",
        task(
            due_date=date(2026, 6, 1),
            reported_status="Đã hoàn thành",
            completion_date=date(2026, 7, 1),
            reported_on=date(2026, 7, 2),
        ),
        S.OVERDUE,
        29,
    ),
    (
        "done without a completion date, reported after as-of: done from its report day only",
        task(reported_status="Đã hoàn thành", reported_on=date(2026, 7, 1)),
        S.IN_PROGRESS,
        0,
    ),
    # --- completed in the plan itself ---
    (
        "plan says done: on time from its issue date, even after the due date",
        task(
            due_date=date(2026, 1, 1),
            completed_in_source=True,
            plan_issued_on=date(2026, 3, 1),
        ),
        S.DONE_ON_TIME,
        0,
    ),
    (
        "plan says done, issued after as-of: not yet",
        task(due_date=date(2026, 6, 1), completed_in_source=True, plan_issued_on=date(2026, 7, 1)),
        S.OVERDUE,
        29,
    ),
    (
        # Never the import day (issue 10): imports refuse such a plan without an issue date,
        # so only data stored before that rule lacks it; it counts as done on every day.
        "plan says done, no issue date: done, the import day is not used",
        task(
            due_date=date(2026, 6, 1),
            completed_in_source=True,
            plan_imported_on=date(2026, 7, 15),
        ),
        S.DONE_ON_TIME,
        0,
    ),
    (
        "a report's explicit completion date wins over the plan's mark",
        task(
            due_date=date(2026, 6, 1),
            completed_in_source=True,
            plan_issued_on=date(2026, 5, 1),
            reported_status="Hoàn thành",
            completion_date=date(2026, 6, 11),
            reported_on=date(2026, 6, 12),
        ),
        S.DONE_LATE,
        10,
    ),
    # --- no deadline (recurring tasks: test_recurring_rules) ---
    ("unparsed deadline", task(due_date=None, deadline_kind="unparsed"), S.NO_DEADLINE, 0),
    ("missing deadline", task(due_date=None, deadline_kind="missing"), S.NO_DEADLINE, 0),
    (
        "completed without a deadline stays no-deadline",
        task(
            due_date=None,
            deadline_kind="unparsed",
            reported_status="Đã hoàn thành",
            reported_on=date(2026, 6, 1),
        ),
        S.NO_DEADLINE,
        0,
    ),
]


@pytest.mark.parametrize(
    ("row", "status", "days_overdue"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_status_rules(row: dict[str, Any], status: TaskStatus, days_overdue: int) -> None:
    result = one(row)
    assert result["status"] == status
    assert result["days_overdue"] == days_overdue


def recurring(**fields: Any) -> dict[str, Any]:
    """A recurring task ("Thường xuyên", no cadence stated: monthly) with ``fields``."""
    return task(due_date=None, deadline_kind="recurring") | fields


# (name, row, as_of, status, days_overdue): "kỳ này" is the latest period whose report
# day (the 20th; the 12th inside the Sở) is before the as-of day; a report counts for it
# when sent after the report day before.
RECURRING_CASES = [
    # --- the 20th is the report day ---
    ("sent 21/05: June's report", recurring(reported_on=date(2026, 5, 21)), AS_OF,
     S.RECURRING_REPORTED, 0),
    ("sent 20/05: May's report, June's is 10 days late", recurring(reported_on=date(2026, 5, 20)),
     AS_OF, S.RECURRING_NOT_REPORTED, 10),
    ("June's report sent on the 20th itself", recurring(reported_on=date(2026, 6, 20)),
     date(2026, 6, 21), S.RECURRING_REPORTED, 0),
    ("on the 20th May is judged: a report of 25/04 is May's",
     recurring(reported_on=date(2026, 4, 25)), date(2026, 6, 20), S.RECURRING_REPORTED, 0),
    ("on the 21st June is judged: 25/04 is not June's",
     recurring(reported_on=date(2026, 4, 25)), date(2026, 6, 21), S.RECURRING_NOT_REPORTED, 1),
    ("never reported", recurring(), AS_OF, S.RECURRING_NOT_REPORTED, 10),
    ("a report after the as-of day is not known yet", recurring(reported_on=date(2026, 7, 1)),
     AS_OF, S.RECURRING_NOT_REPORTED, 10),
    ("a done report does not end a recurring task",
     recurring(reported_status="Đã hoàn thành", reported_on=date(2026, 6, 1)), AS_OF,
     S.RECURRING_REPORTED, 0),
    # --- inside the Sở the day is the 12th ---
    ("inside the Sở, sent 12/05: May's report; June's was due 12/06",
     recurring(reported_on=date(2026, 5, 12), internal_reporting=True), date(2026, 6, 13),
     S.RECURRING_NOT_REPORTED, 1),
    ("the same report outside the Sở: May is judged until the 20th",
     recurring(reported_on=date(2026, 5, 12)), date(2026, 6, 13), S.RECURRING_REPORTED, 0),
    # --- a stated cadence ---
    ("quarterly: 15/07 is Q3's report (due 10/09)",
     recurring(reporting_cadence="hằng quý", reported_on=date(2026, 7, 15)), date(2026, 11, 23),
     S.RECURRING_REPORTED, 0),
    ("quarterly: 10/06 is Q2's; Q3's is 74 days late",
     recurring(reporting_cadence="hằng quý", reported_on=date(2026, 6, 10)), date(2026, 11, 23),
     S.RECURRING_NOT_REPORTED, 74),
    ("yearly: 2025's report (due 30/11/2025) sent 15/12/2025",
     recurring(reporting_cadence="hằng năm", reported_on=date(2025, 12, 15)),
     date(2026, 11, 23), S.RECURRING_REPORTED, 0),
    # --- a first due date (the date the plan gives a task it calls recurring) ---
    ("first due date not reached: nothing to report yet",
     recurring(due_date=date(2026, 12, 31)), AS_OF, S.RECURRING_NOT_DUE, 0),
    ("first due 25/06: the first report is July's (20/07)", recurring(due_date=date(2026, 6, 25)),
     AS_OF, S.RECURRING_NOT_DUE, 0),
    ("first due 01/06: June's report (20/06) is owed", recurring(due_date=date(2026, 6, 1)),
     AS_OF, S.RECURRING_NOT_REPORTED, 10),
    ("no date of its own: reports are owed from its plan's issue (25/06): July's first",
     recurring(plan_issued_on=date(2026, 6, 25)), AS_OF, S.RECURRING_NOT_DUE, 0),
    ("plan issued 01/06: June's report (20/06) is owed", recurring(plan_issued_on=date(2026, 6, 1)),
     AS_OF, S.RECURRING_NOT_REPORTED, 10),
    ("first due long past: judged like any recurring task, never overdue by its date",
     recurring(due_date=date(2025, 12, 31), reported_on=date(2026, 6, 2)), AS_OF,
     S.RECURRING_REPORTED, 0),
]  # fmt: skip


@pytest.mark.parametrize(
    ("row", "as_of", "status", "days_overdue"),
    [c[1:] for c in RECURRING_CASES],
    ids=[c[0] for c in RECURRING_CASES],
)
def test_recurring_rules(
    row: dict[str, Any], as_of: date, status: TaskStatus, days_overdue: int
) -> None:
    result = one(row, as_of)
    assert result["status"] == status
    assert result["days_overdue"] == days_overdue


# --- BC BCĐTW tasks count as done only with evidence ---
REPORTED_DONE = {
    "reported_status": "Đã hoàn thành",
    "completion_date": date(2026, 6, 10),
    "reported_on": date(2026, 6, 12),
}
EVIDENCE_CASES = [
    ("a document number is evidence",
     task(report_to_central=True, evidence="Văn bản số 123/BC-SKHCN ngày 10/6/2026",
          **REPORTED_DONE), S.DONE_ON_TIME, 0),
    ("blank evidence: not done", task(report_to_central=True, evidence="", **REPORTED_DONE),
     S.DONE_NO_EVIDENCE, 0),
    ("spaces are blank", task(report_to_central=True, evidence="  ", **REPORTED_DONE),
     S.DONE_NO_EVIDENCE, 0),
    ("'Không có' says there is none",
     task(report_to_central=True, evidence="Không có.", **REPORTED_DONE), S.DONE_NO_EVIDENCE, 0),
    ("'-' says there is none", task(report_to_central=True, evidence="-", **REPORTED_DONE),
     S.DONE_NO_EVIDENCE, 0),
    ("late and without evidence keeps its days late",
     task(due_date=date(2026, 6, 1), report_to_central=True, **REPORTED_DONE),
     S.DONE_NO_EVIDENCE, 9),
    ("a task not reported to the centre needs none", task(**REPORTED_DONE), S.DONE_ON_TIME, 0),
    ("the plan's own 'Đã hoàn thành' is no evidence",
     task(report_to_central=True, completed_in_source=True, plan_issued_on=date(2026, 3, 1)),
     S.DONE_NO_EVIDENCE, 0),
    ("not completed: overdue as usual",
     task(due_date=date(2026, 6, 1), report_to_central=True), S.OVERDUE, 29),
]  # fmt: skip


@pytest.mark.parametrize(
    ("row", "status", "days_overdue"),
    [c[1:] for c in EVIDENCE_CASES],
    ids=[c[0] for c in EVIDENCE_CASES],
)
def test_evidence_rule(row: dict[str, Any], status: TaskStatus, days_overdue: int) -> None:
    result = one(row)
    assert result["status"] == status
    assert result["days_overdue"] == days_overdue


def test_done_without_evidence_counts_as_due_but_not_done() -> None:
    unproven = task(report_to_central=True, **REPORTED_DONE)
    proven = task(report_to_central=True, evidence="QĐ 12/QĐ-UBND", **REPORTED_DONE)
    metrics = metrics_of([unproven, proven])
    assert (metrics.with_due_date, metrics.due_by_as_of) == (2, 2)
    assert (metrics.completed, metrics.completed_on_time, metrics.missing_evidence) == (1, 1, 1)
    assert (metrics.completion_rate, metrics.on_time_rate) == (0.5, 0.5)


# --- Several milestones: late on one before the due date ("Chậm mốc") ---
def staged(**fields: Any) -> dict[str, Any]:
    """Milestones 31/05/2026 and 31/12/2026 (its due date), with ``fields``."""
    return task(due_date=date(2026, 12, 31), first_milestone=date(2026, 5, 31)) | fields


MILESTONE_CASES = [
    ("the first milestone passed, task not done", staged(), S.MILESTONE_LATE, 30),
    ("a milestone on the as-of day has not passed", staged(first_milestone=AS_OF),
     S.IN_PROGRESS, 0),
    ("an in-progress report does not meet a milestone",
     staged(reported_status="Đang thực hiện", reported_on=date(2026, 5, 30)),
     S.MILESTONE_LATE, 30),
    ("done before the milestone", staged(reported_status="Đã hoàn thành",
     completion_date=date(2026, 5, 20), reported_on=date(2026, 5, 21)), S.DONE_ON_TIME, 0),
    ("done after the milestone, before the due date: on time", staged(
     reported_status="Đã hoàn thành", completion_date=date(2026, 6, 20),
     reported_on=date(2026, 6, 21)), S.DONE_ON_TIME, 0),
    ("the due date passed too: overdue", staged(due_date=date(2026, 6, 29)), S.OVERDUE, 1),
]  # fmt: skip


@pytest.mark.parametrize(
    ("row", "status", "days_overdue"),
    [c[1:] for c in MILESTONE_CASES],
    ids=[c[0] for c in MILESTONE_CASES],
)
def test_milestone_rule(row: dict[str, Any], status: TaskStatus, days_overdue: int) -> None:
    result = one(row)
    assert result["status"] == status
    assert result["days_overdue"] == days_overdue


def test_late_on_a_milestone_is_open_and_can_fall_due_soon() -> None:
    metrics = metrics_of([staged(due_date=date(2026, 7, 20))])
    assert (metrics.milestone_late, metrics.overdue, metrics.due_soon) == (1, 0, 1)
    assert (metrics.with_due_date, metrics.completed, metrics.due_by_as_of) == (1, 0, 0)


def test_completed_flag_and_date_for_a_task_without_deadline() -> None:
    result = one(
        task(
            due_date=None,
            deadline_kind="missing",
            reported_status="Hoàn thành",
            reported_on=date(2026, 6, 1),
        )
    )
    assert bool(result["completed"]) is True
    assert result["completed_on"] == pd.Timestamp(2026, 6, 1)


def test_plan_completion_without_any_date_is_completed_on_unknown_day() -> None:
    result = one(task(completed_in_source=True))
    assert result["status"] == TaskStatus.DONE_ON_TIME
    assert pd.isna(result["completed_on"])


@pytest.mark.parametrize(
    ("due", "days_to_due"),
    [(date(2026, 7, 10), 10), (AS_OF, 0), (date(2026, 6, 20), -10), (None, None)],
)
def test_days_to_due(due: date | None, days_to_due: int | None) -> None:
    value = one(task(due_date=due, deadline_kind="date" if due else "missing"))["days_to_due"]
    assert pd.isna(value) if days_to_due is None else value == days_to_due


def test_same_task_changes_status_with_the_as_of_date() -> None:
    row = task(
        due_date=date(2026, 6, 1),
        reported_status="Đã hoàn thành",
        completion_date=date(2026, 6, 10),
        reported_on=date(2026, 6, 12),
    )
    assert one(row, date(2026, 5, 1))["status"] == TaskStatus.IN_PROGRESS
    assert one(row, date(2026, 6, 5))["status"] == TaskStatus.OVERDUE
    # Completed on 10/6, reported on 12/6: on 11/6 it was already done, late.
    assert one(row, date(2026, 6, 11))["status"] == TaskStatus.DONE_LATE
    assert one(row, date(2026, 6, 12))["status"] == TaskStatus.DONE_LATE


def test_only_due_date_and_kind_are_required() -> None:
    frame = pd.DataFrame({"due_date": [date(2026, 1, 1)], "deadline_kind": ["date"]})
    assert compute_statuses(frame, AS_OF)["status"].tolist() == [TaskStatus.OVERDUE]


def test_empty_frame_keeps_the_output_columns() -> None:
    result = compute_statuses(pd.DataFrame([task()]).iloc[:0], AS_OF)
    assert {"status", "completed", "completed_on", "days_overdue", "days_to_due"} <= set(result)
    assert result.empty


@pytest.mark.parametrize(
    ("text", "done"),
    [
        ("Đã hoàn thành", True),
        ("Hoàn thành", True),
        ("HOÀN THÀNH QUÁ HẠN", True),
        ("hoa\u0300n tha\u0300nh", True),  # NFD
        ("Đã thực hiện", True),
        ("Chưa hoàn thành", False),
        ("Không hoàn thành", False),
        ("Đang thực hiện", False),
        ("Hoàn thiện dự thảo", False),
        ("", False),
    ],
)
def test_report_says_completed(text: str, done: bool) -> None:
    assert report_says_completed(pd.Series([text])).tolist() == [done]


# --- rates ---


def metrics_of(rows: list[dict[str, Any]], window_days: int = 30) -> SummaryMetrics:
    return summary_metrics(compute_statuses(pd.DataFrame(rows), AS_OF), AS_OF, window_days)


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
