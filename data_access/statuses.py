"""The status categories of the national monitoring system, as stable codes.

Vietnamese labels and colours live with the UI (``labels.py``); code and
database use these values. Recurring tasks ("Thường xuyên") are split by
whether their periodic report for the current period has arrived, and a task
reported to the central committee that is done without evidence is not done
(``status_rules``).
"""

from enum import StrEnum


class TaskStatus(StrEnum):
    DONE_ON_TIME = "done_on_time"  # Hoàn thành đúng hạn
    DONE_LATE = "done_late"  # Hoàn thành quá hạn
    DONE_NO_EVIDENCE = "done_no_evidence"  # Hoàn thành – thiếu minh chứng (BC BCĐTW tasks)
    IN_PROGRESS = "in_progress"  # Đang thực hiện trong hạn
    OVERDUE = "overdue"  # Quá hạn
    RECURRING_REPORTED = "recurring_reported"  # Thường xuyên – đã báo cáo kỳ này
    RECURRING_NOT_REPORTED = "recurring_not_reported"  # Thường xuyên – chưa báo cáo kỳ này
    RECURRING_NOT_DUE = "recurring_not_due"  # Thường xuyên – chưa đến kỳ báo cáo
    NO_DEADLINE = "no_deadline"  # Chưa xác định hạn


COMPLETED_STATUSES = frozenset({TaskStatus.DONE_ON_TIME, TaskStatus.DONE_LATE})
RECURRING_STATUSES = (
    TaskStatus.RECURRING_REPORTED,
    TaskStatus.RECURRING_NOT_REPORTED,
    TaskStatus.RECURRING_NOT_DUE,
)
