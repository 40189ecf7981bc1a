"""The status engine: each task's status as of a date, and the rates built on it.

Pure pandas and vectorised: one pass over whole columns, never a Python loop
per task, so 100,000 tasks take milliseconds on a cached frame.

Rules (also explained to users in ``RATE_HELP_VI``):

- ``deadline_kind == "recurring"`` -> one of RECURRING_STATUSES, by whether its
  periodic report for the current period has arrived (``status_rules``); its
  ``due_date``, when the plan gives one, is its first due date. Otherwise no due
  date (unparsed or missing deadline) -> NO_DEADLINE, even when completed: a
  missing deadline is a data problem to fix, and such tasks stay out of every
  rate. Their ``completed`` flag still says whether they are done.
- A progress report counts from the day the fact it reports happened, whatever
  day the file arrived: from its ``completion_date`` when it gives one on or
  before its ``reported_on``, else from its ``reported_on`` (the query,
  ``latest_reports.latest_report_frame``, picks each task's report on those terms).
  It says "completed" when its status text reads as done (folded text contains
  "hoan thanh" without "chua"/"khong", or a completion note such as "Đã thực
  hiện"), or when its status is blank but it gives a completion date. The
  completion date is the report's ``completion_date``, else its ``reported_on``;
  a completion date after ``as_of`` means not completed yet on that day.
- A task the plan itself marks done (``completed_in_source``, e.g. note "Đã hoàn
  thành") counts as completed from the plan's issue date (``plan_issued_on``;
  never the day it was imported) and, with no completion date to judge
  lateness, as on time. Imports refuse such a plan without an issue date; one
  stored without it anyway counts as done on every day. A report with an
  explicit completion date takes precedence.
- Completed: DONE_NO_EVIDENCE for a BC BCĐTW task without evidence
  (``status_rules``), else DONE_ON_TIME when ``completed_on <= due_date`` (the due
  day itself is on time), else DONE_LATE. Not completed: OVERDUE when ``due_date < as_of``
  (``days_overdue = as_of - due_date``), else MILESTONE_LATE when an earlier
  milestone has passed (``status_rules``), else IN_PROGRESS (due today is not late).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from data_access.queries.status_rules import RULES_HELP_VI, judge_recurring, lacks_evidence
from data_access.queries.statuses import RECURRING_STATUSES, TaskStatus
from data_access.rules import DUE_SOON_DAYS
from labels import KNOWN_BY_HELP
from loaders.records import DeadlineKind
from loaders.text import fold, is_completion_note

DATE_COLUMNS = ("due_date", "completion_date", "reported_on", "plan_issued_on", "first_milestone")
DATED_STATUSES = (
    TaskStatus.DONE_ON_TIME,
    TaskStatus.DONE_LATE,
    TaskStatus.DONE_NO_EVIDENCE,
    TaskStatus.IN_PROGRESS,
    TaskStatus.MILESTONE_LATE,
    TaskStatus.OVERDUE,
)
DONE_STATUSES = (TaskStatus.DONE_ON_TIME, TaskStatus.DONE_LATE)
METRIC_COLUMNS = (
    "total",
    "with_due_date",
    "completed",
    "completed_on_time",
    "due_by_as_of",
    "overdue",
    "milestone_late",
    "due_soon",
    "missing_evidence",
    "recurring",
    "recurring_reported",
    "recurring_not_reported",
    "no_deadline",
)

_DONE_WORDS = re.compile(r"\bhoan thanh\b")
_NEGATION = re.compile(r"\b(?:chua|khong)\b")

RATE_HELP_VI = (
    f"""\
Cách tính (tính đến ngày đã chọn):
- Tỷ lệ hoàn thành = số nhiệm vụ đã hoàn thành (đúng hạn hoặc quá hạn) / số nhiệm vụ \
có thời hạn xác định. Nhiệm vụ thường xuyên và nhiệm vụ chưa xác định hạn không tính vào tỷ lệ.
- Tỷ lệ hoàn thành đúng hạn = số nhiệm vụ đã đến hạn (hạn không muộn hơn ngày tính) và \
hoàn thành đúng hạn / số nhiệm vụ đã đến hạn.
- Quá hạn: chưa hoàn thành và hạn đã qua; số ngày quá hạn = ngày tính − ngày hạn. \
Nhiệm vụ có hạn đúng vào ngày tính vẫn là đang thực hiện trong hạn.
- Sắp đến hạn: chưa hoàn thành, hạn rơi vào số ngày tới đã chọn (mặc định {DUE_SOON_DAYS} ngày).
- Hoàn thành: tính từ ngày hoàn thành ghi trong báo cáo tiến độ, dù tệp báo cáo được nạp \
sau đó; báo cáo không ghi ngày hoàn thành thì tính từ ngày báo cáo. Hoàn thành đến hết ngày \
hạn là đúng hạn.
- Nhiệm vụ mà kế hoạch ghi sẵn "Đã hoàn thành" hoặc "(Đã thực hiện)" được tính hoàn thành \
từ ngày ban hành kế hoạch (không bao giờ từ ngày nạp dữ liệu) và được coi là hoàn thành \
đúng hạn, vì không có ngày hoàn thành để so với hạn.
- {KNOWN_BY_HELP}
- Nhiệm vụ có nhiều cơ quan chủ trì được tính cho từng cơ quan. Nhóm cơ quan (ví dụ \
"Các sở, ban, ngành, địa phương") được hiện thành một dòng riêng.
"""
    + RULES_HELP_VI
)  # the plans' own rules: status_rules


@dataclass(frozen=True)
class SummaryMetrics:
    """Headline numbers; a rate is None when its denominator is 0."""

    total: int
    with_due_date: int  # done, in progress or overdue: not recurring, deadline known
    completed: int  # done on time or late
    completed_on_time: int  # due by as-of and done on time: on_time_rate's numerator
    due_by_as_of: int  # deadline known and due_date <= as_of
    completion_rate: float | None  # completed / with_due_date
    on_time_rate: float | None  # completed_on_time / due_by_as_of
    overdue: int
    milestone_late: int  # not overdue, but an earlier milestone passed without completion
    due_soon: int  # not completed, due within window_days from as-of
    missing_evidence: int  # BC BCĐTW tasks done without evidence: not in ``completed``
    recurring: int  # every recurring task: reported, not reported, or not due yet
    recurring_reported: int  # its report for the current period has arrived
    recurring_not_reported: int  # it has not, and the report day has passed
    no_deadline: int


def compute_statuses(tasks: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """``tasks`` with status, completed, completed_on, days_overdue, days_to_due added.

    Needs ``due_date`` and ``deadline_kind``; reads, when present,
    ``reported_status``, ``completion_date``, ``reported_on``,
    ``completed_in_source``, ``plan_issued_on``, ``reporting_cadence``,
    ``internal_reporting``, ``report_to_central``, ``evidence``,
    ``first_milestone``. Date columns come back as datetime64 (NaT when missing);
    ``days_to_due`` is a nullable integer, missing without a due date.
    ``days_overdue``: days past the due date of an overdue task or of a late
    completion (evidence or not), days past the missed report day of a recurring
    one, days past the first milestone of one late on a milestone.
    """
    frame = tasks.assign(**{c: _dates(tasks, c) for c in DATE_COLUMNS if c in tasks})
    day = pd.Timestamp(as_of)
    completed, completed_on, judged = _completion(frame, day)
    due = frame["due_date"]
    late = judged & due.notna() & completed_on.notna() & (completed_on > due)
    unproven = _flag(frame, "report_to_central") & lacks_evidence(_text(frame, "evidence"))
    milestone = _dates(frame, "first_milestone")
    recurring = _text(frame, "deadline_kind") == DeadlineKind.RECURRING
    periodic = judge_recurring(
        recurring=recurring,
        cadence=_text(frame, "reporting_cadence"),
        internal=_flag(frame, "internal_reporting"),
        first_due=due.fillna(_dates(frame, "plan_issued_on")),  # undated: from its plan's issue
        last_report=_dates(frame, "reported_on"),
        as_of=as_of,
    )
    conditions = [recurring & periodic.not_due, recurring & periodic.reported, recurring]
    conditions += [due.isna(), completed & unproven, completed & late, completed, due < day]
    conditions += [milestone < day]  # an earlier milestone passed, the task not done
    choices = [TaskStatus.RECURRING_NOT_DUE, TaskStatus.RECURRING_REPORTED]
    choices += [TaskStatus.RECURRING_NOT_REPORTED, TaskStatus.NO_DEADLINE]
    choices += [TaskStatus.DONE_NO_EVIDENCE, TaskStatus.DONE_LATE, TaskStatus.DONE_ON_TIME]
    choices += [TaskStatus.OVERDUE, TaskStatus.MILESTONE_LATE]
    status = np.select(conditions, [str(c) for c in choices], str(TaskStatus.IN_PROGRESS))
    days_to_due = (due - day).dt.days.astype("Int64")
    days_late = (completed_on - due).dt.days.fillna(0).astype("int64")
    days_overdue = np.select(
        [
            status == TaskStatus.OVERDUE,
            (status == TaskStatus.DONE_LATE) | ((status == TaskStatus.DONE_NO_EVIDENCE) & late),
            status == TaskStatus.RECURRING_NOT_REPORTED,
            status == TaskStatus.MILESTONE_LATE,
        ],
        [
            (-days_to_due).fillna(0).to_numpy("int64"),
            days_late.to_numpy(),
            periodic.days_late.to_numpy("int64"),
            (day - milestone).dt.days.fillna(0).to_numpy("int64"),
        ],
        0,
    )
    return frame.assign(
        status=pd.Series(status, index=frame.index, dtype="str"),
        completed=completed,
        completed_on=completed_on,
        days_overdue=pd.Series(days_overdue, index=frame.index, dtype="int64"),
        days_to_due=days_to_due,
    )


def summary_metrics(
    statuses: pd.DataFrame, as_of: date, window_days: int = DUE_SOON_DAYS
) -> SummaryMetrics:
    """The headline counts and rates of a status frame (see ``RATE_HELP_VI``)."""
    days = (statuses["due_date"] - pd.Timestamp(as_of)).dt.days
    counts = metric_flags(statuses, days, window_days).sum()
    values = {name: int(counts[name]) for name in METRIC_COLUMNS}
    return SummaryMetrics(
        **values,
        completion_rate=_ratio(values["completed"], values["with_due_date"]),
        on_time_rate=_ratio(values["completed_on_time"], values["due_by_as_of"]),
    )


def metric_flags(statuses: pd.DataFrame, days_to_due: pd.Series, window_days: int) -> pd.DataFrame:
    """One 0/1 column per METRIC_COLUMNS entry, per row: sum them (grouped or not)."""
    status = statuses["status"]
    dated = status.isin([str(s) for s in DATED_STATUSES])
    due_by = dated & (days_to_due <= 0).fillna(False).astype(bool)
    in_time = status.isin([str(TaskStatus.IN_PROGRESS), str(TaskStatus.MILESTONE_LATE)])
    flags = {
        "total": pd.Series(True, index=statuses.index),
        "with_due_date": dated,
        "completed": status.isin([str(s) for s in DONE_STATUSES]),
        "completed_on_time": due_by & (status == TaskStatus.DONE_ON_TIME),
        "due_by_as_of": due_by,
        "overdue": status == TaskStatus.OVERDUE,
        "milestone_late": status == TaskStatus.MILESTONE_LATE,
        "due_soon": in_time & (days_to_due <= window_days).fillna(False).astype(bool),
        "missing_evidence": status == TaskStatus.DONE_NO_EVIDENCE,
        "recurring": status.isin([str(s) for s in RECURRING_STATUSES]),
        "recurring_reported": status == TaskStatus.RECURRING_REPORTED,
        "recurring_not_reported": status == TaskStatus.RECURRING_NOT_REPORTED,
        "no_deadline": status == TaskStatus.NO_DEADLINE,
    }
    return pd.DataFrame(flags, index=statuses.index).astype("int64")


def add_rates(counts: pd.DataFrame) -> pd.DataFrame:
    """``completion_rate`` and ``on_time_rate`` columns (NaN when the denominator is 0)."""
    return counts.assign(
        completion_rate=counts["completed"] / counts["with_due_date"].where(lambda s: s > 0),
        on_time_rate=counts["completed_on_time"] / counts["due_by_as_of"].where(lambda s: s > 0),
    )


def report_says_completed(status_text: pd.Series) -> pd.Series:
    """Whether each reported status reads as done; folds each distinct text once."""
    text = status_text.fillna("").astype(str)
    done_texts = [value for value in text.unique() if _is_done_text(value)]
    return text.isin(done_texts)


def _completion(frame: pd.DataFrame, day: pd.Timestamp) -> tuple[pd.Series, pd.Series, pd.Series]:
    """(completed, completed_on, judged): judged = its date comes from a report."""
    reported_on, completion_date = _dates(frame, "reported_on"), _dates(frame, "completion_date")
    status_text = _text(frame, "reported_status")
    says_done = report_says_completed(status_text)
    says_done |= (status_text.str.strip() == "") & completion_date.notna()
    report_date = completion_date.fillna(reported_on)
    in_force = reported_on.isna() | (reported_on <= day) | (completion_date <= day)
    report_done = in_force & says_done & (report_date.isna() | (report_date <= day))
    source_date = _dates(frame, "plan_issued_on")
    source_flag = _flag(frame, "completed_in_source")
    source_done = source_flag & (source_date.isna() | (source_date <= day))
    explicit = report_done & completion_date.notna()
    from_source = ~explicit & source_done
    from_report = ~explicit & ~source_done & report_done
    completed_on = (
        completion_date.where(explicit)
        .fillna(source_date.where(from_source))
        .fillna(reported_on.where(from_report))
    )
    return explicit | from_source | from_report, completed_on, explicit | from_report


def _dates(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame:
        return pd.Series(pd.NaT, index=frame.index, dtype="datetime64[s]")
    return pd.to_datetime(frame[column], errors="coerce").astype("datetime64[s]")


def _text(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame:
        return pd.Series("", index=frame.index, dtype="str")
    return frame[column].fillna("").astype("str")


def _flag(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame:
        return pd.Series(False, index=frame.index)
    return frame[column].fillna(False).astype(bool)


def _is_done_text(text: str) -> bool:
    key = fold(text)
    return is_completion_note(text) or (
        _DONE_WORDS.search(key) is not None and _NEGATION.search(key) is None
    )


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None
