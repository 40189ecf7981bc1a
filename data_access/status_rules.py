"""The plans' own rules the status engine applies on top of dates and completions.

Each takes whole columns and returns whole columns (vectorised pandas, no per-task
loop); ``status.compute_statuses`` combines them. The rules (told to users in
``RULES_HELP_VI``, the end of ``status.RATE_HELP_VI``):

- A recurring task is judged by its periodic report. "Kỳ này" is the latest
  reporting period whose report day is before the as-of day (the report day itself
  is not yet late), by the task's cadence (monthly when none is stated) and its
  report day (``reporting_calendar``: the 20th; the 12th inside the Sở). The task
  has reported for it when its latest report was sent after the report day of the
  period before (a late report still counts once it arrives). Before the first
  report day on or after its first due date (the date the plan gives, if any) it
  has nothing to report yet.
- A task reported to the central committee (BC BCĐTW) counts as done only with
  evidence in the report that completes it (a document number and date, or an
  attached proof). Without it, blank or a placeholder such as "Không có", it is
  "Hoàn thành – thiếu minh chứng": not done, listed for follow-up. A plan's own
  "Đã hoàn thành" note is no evidence.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import pandas as pd

from data_access.reporting_calendar import REPORT_DAYS_VI, report_windows
from data_access.statuses import TaskStatus
from labels import STATUS_LABELS
from loaders.text import fold

_REPORTED, _NOT_REPORTED, _NOT_DUE, _NO_EVIDENCE = (
    STATUS_LABELS[TaskStatus.RECURRING_REPORTED],
    STATUS_LABELS[TaskStatus.RECURRING_NOT_REPORTED],
    STATUS_LABELS[TaskStatus.RECURRING_NOT_DUE],
    STATUS_LABELS[TaskStatus.DONE_NO_EVIDENCE],
)
# Evidence cells that say there is none (folded, punctuation stripped).
_NONE_WRITTEN = frozenset({"", "0", "khong", "khong co", "chua", "chua co", "n/a", "na"})
RULES_HELP_VI = f"""\
- Nhiệm vụ thường xuyên (thời hạn ghi "Thường xuyên", hoặc tên ghi "(nhiệm vụ thường \
xuyên)", bắt đầu bằng "Thường xuyên", "định kỳ hằng tháng/quý/năm") không tính vào hai tỷ \
lệ trên và không bao giờ quá hạn; được theo dõi theo báo cáo định kỳ, theo tần suất ghi \
trong kế hoạch (không ghi thì hằng tháng): {REPORT_DAYS_VI}. Nội bộ Sở là các nhiệm vụ trong \
kế hoạch do Sở ban hành, và nhiệm vụ do phòng, đơn vị thuộc Sở chủ trì trong kế hoạch không \
ghi cơ quan ban hành. "Kỳ này" là kỳ báo cáo gần nhất đã hết hạn gửi tính đến ngày đã chọn \
(hạn gửi đúng vào ngày tính thì vẫn là kỳ trước). "{_REPORTED}": có báo cáo gửi sau hạn \
của kỳ liền trước (gửi muộn vẫn được tính khi đã đến); nếu không là "{_NOT_REPORTED}", số \
ngày quá hạn tính từ hạn gửi. Ngày kế hoạch ghi cho nhiệm vụ thường xuyên là hạn đầu tiên: \
trước hạn gửi báo cáo đầu tiên kể từ ngày đó, nhiệm vụ là "{_NOT_DUE}".
- Nhiệm vụ phải báo cáo Ban Chỉ đạo Trung ương (BC BCĐTW) chỉ được tính hoàn thành khi báo \
cáo hoàn thành có minh chứng (số, ngày văn bản hoặc tài liệu kèm theo). Thiếu minh chứng \
(để trống hoặc ghi "Không có") là "{_NO_EVIDENCE}": không tính vào số đã hoàn thành và các \
tỷ lệ hoàn thành, được liệt kê để đôn đốc bổ sung. Ghi chú "Đã hoàn thành" trong kế hoạch \
không phải là minh chứng.
"""


class RecurringJudgement(NamedTuple):
    """Per recurring task: before its first report is due, reported for "kỳ này", days late."""

    not_due: pd.Series  # bool
    reported: pd.Series  # bool
    days_late: pd.Series  # int64: days since the missed report day (0 when reported)


def judge_recurring(
    *,
    cadence: pd.Series,
    internal: pd.Series,
    first_due: pd.Series,
    last_report: pd.Series,
    as_of: date,
) -> RecurringJudgement:
    """The recurring rule on aligned columns (dates as datetime64, NaT when missing)."""
    windows, day = report_windows(cadence, internal, as_of), pd.Timestamp(as_of)
    not_due = (windows["report_day"] < first_due).fillna(False).astype(bool)
    sent = (last_report > windows["opened_on"]) & (last_report <= day)  # a later one: unknown
    reported = sent.fillna(False).astype(bool)
    late = (day - windows["report_day"]).dt.days.astype("int64")
    days_late = late.where(~reported & ~not_due, 0)
    return RecurringJudgement(not_due, reported, days_late)


def lacks_evidence(evidence: pd.Series) -> pd.Series:
    """Whether each evidence cell is blank or says there is none; folds each distinct text once."""
    text = evidence.fillna("").astype("str")
    empty = [value for value in text.unique() if fold(value).strip(" .,;:-–—…/") in _NONE_WRITTEN]
    return text.isin(empty)
