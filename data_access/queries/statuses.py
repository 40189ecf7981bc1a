"""The status categories of the national monitoring system, as stable codes.

Vietnamese labels and colours live with the UI (``labels.py``); code and
database use these values. Recurring tasks ("Thường xuyên") are split by
whether their periodic report for the current period has arrived; a task
reported to the central committee that is done without evidence is not done; a
task with several milestones can be late on one before its due date
(``status_rules``).
"""

from enum import StrEnum


class TaskStatus(StrEnum):
    DONE_ON_TIME = "done_on_time"  # Hoàn thành đúng hạn
    DONE_LATE = "done_late"  # Hoàn thành quá hạn
    DONE_NO_EVIDENCE = "done_no_evidence"  # Hoàn thành – thiếu minh chứng (BC BCĐTW tasks)
    IN_PROGRESS = "in_progress"  # Đang thực hiện trong hạn
    MILESTONE_LATE = "milestone_late"  # Chậm mốc: in time overall, an earlier milestone missed
    OVERDUE = "overdue"  # Quá hạn
    RECURRING_REPORTED = "recurring_reported"  # Thường xuyên – đã báo cáo kỳ này
    RECURRING_NOT_REPORTED = "recurring_not_reported"  # Thường xuyên – chưa báo cáo kỳ này
    RECURRING_NOT_DUE = "recurring_not_due"  # Thường xuyên – chưa đến kỳ báo cáo
    NO_DEADLINE = "no_deadline"  # Chưa xác định hạn


class MilestoneState(StrEnum):
    """Where one milestone of a task stands (``status_rules.milestone_states``)."""

    MET = "met"  # the task was done by its day
    MET_LATE = "met_late"  # done, after its day
    MISSED = "missed"  # its day has passed, the task is not done
    PENDING = "pending"  # its day has not come


# What the Sở chases (đôn đốc): late, late on a milestone, done without evidence, unreported.
FOLLOW_UP_STATUSES = (
    TaskStatus.OVERDUE,
    TaskStatus.MILESTONE_LATE,
    TaskStatus.DONE_NO_EVIDENCE,
    TaskStatus.RECURRING_NOT_REPORTED,
)
COMPLETED_STATUSES = frozenset({TaskStatus.DONE_ON_TIME, TaskStatus.DONE_LATE})
RECURRING_STATUSES = (
    TaskStatus.RECURRING_REPORTED,
    TaskStatus.RECURRING_NOT_REPORTED,
    TaskStatus.RECURRING_NOT_DUE,
)
