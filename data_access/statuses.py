"""The status categories of the national monitoring system, as stable codes.

Vietnamese labels and colours live with the UI (``labels.py``); code and
database use these values.
"""

from enum import StrEnum


class TaskStatus(StrEnum):
    DONE_ON_TIME = "done_on_time"  # Hoàn thành đúng hạn
    DONE_LATE = "done_late"  # Hoàn thành quá hạn
    IN_PROGRESS = "in_progress"  # Đang thực hiện trong hạn
    OVERDUE = "overdue"  # Quá hạn
    RECURRING = "recurring"  # Thường xuyên
    NO_DEADLINE = "no_deadline"  # Chưa xác định hạn


COMPLETED_STATUSES = frozenset({TaskStatus.DONE_ON_TIME, TaskStatus.DONE_LATE})
