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
  report day on or after its first due date (the date the plan gives it, else
  its plan's issue date, when known) it has nothing to report yet.
- A task reported to the central committee (BC BCĐTW) counts as done only with
  evidence in the report that completes it (a document number and date, or an
  attached proof). Without it, blank or a placeholder such as "Không có", it is
  "Hoàn thành – thiếu minh chứng": not done, listed for follow-up. A plan's own
  "Đã hoàn thành" note is no evidence.
- A task with several dated milestones is due at the last. When an earlier one has
  passed (its day is before the as-of day) and the task is not done, it is
  "Chậm mốc", late by the days since its first milestone. A milestone is met only
  by the task's completion: progress tables carry no per-milestone result, and an
  "in progress" report says nothing about a milestone's work. A completion dated
  after a milestone met it late (shown on the task's record).
- A due date the plan calls indicative ("Theo hướng dẫn của Bộ … (31/10/2025)") is
  judged like any other; it is marked wherever shown, and a shared filter
  (``TaskFilters.include_indicative``) leaves such tasks out.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import numpy as np
import pandas as pd

from data_access.queries.reporting_calendar import REPORT_DAYS_VI, report_windows
from data_access.queries.statuses import MilestoneState, TaskStatus
from labels import INDICATIVE_DUE_NOTE, INDICATIVE_SWITCH, STATUS_LABELS
from loaders.text import fold

_REPORTED, _NOT_REPORTED, _NOT_DUE, _NO_EVIDENCE, _MILESTONE_LATE = (
    STATUS_LABELS[TaskStatus.RECURRING_REPORTED],
    STATUS_LABELS[TaskStatus.RECURRING_NOT_REPORTED],
    STATUS_LABELS[TaskStatus.RECURRING_NOT_DUE],
    STATUS_LABELS[TaskStatus.DONE_NO_EVIDENCE],
    STATUS_LABELS[TaskStatus.MILESTONE_LATE],
)
# Evidence cells that say there is none (folded, punctuation stripped).
_NONE_WRITTEN = frozenset({"", "0", "khong", "khong co", "chua", "chua co", "n/a", "na"})
RULE_NOTES_VI = (  # the plans' own rules in words, one paragraph each (help texts, reports)
    f'Nhiệm vụ thường xuyên (thời hạn ghi "Thường xuyên", hoặc tên ghi "(nhiệm vụ thường '
    f'xuyên)", bắt đầu bằng "Thường xuyên", "định kỳ hằng tháng/quý/năm") không tính vào tỷ '
    f"lệ hoàn thành, tỷ lệ đúng hạn và không bao giờ quá hạn; được theo dõi theo báo cáo định "
    f"kỳ, theo tần suất ghi trong kế hoạch (không ghi thì hằng tháng): {REPORT_DAYS_VI}. Nội "
    f"bộ Sở là các nhiệm vụ trong kế hoạch do Sở ban hành và các nhiệm vụ do phòng, đơn vị "
    f'thuộc Sở chủ trì. "Kỳ này" là kỳ báo cáo gần nhất '
    f"đã hết hạn gửi tính đến ngày tính số liệu (hạn gửi đúng vào ngày tính thì vẫn là kỳ "
    f'trước). "{_REPORTED}": có báo cáo gửi sau hạn của kỳ liền trước (gửi muộn vẫn được '
    f'tính khi đã đến); nếu không là "{_NOT_REPORTED}", số ngày quá hạn tính từ hạn gửi. Ngày '
    f"kế hoạch ghi cho nhiệm vụ thường xuyên là hạn đầu tiên (không ghi ngày thì là ngày ban "
    f"hành kế hoạch, nếu biết): trước hạn gửi báo cáo đầu tiên kể từ ngày đó, nhiệm vụ là "
    f'"{_NOT_DUE}".',
    f"Nhiệm vụ phải báo cáo Ban Chỉ đạo Trung ương (BC BCĐTW) chỉ được tính hoàn thành khi "
    f"báo cáo hoàn thành có minh chứng (số, ngày văn bản hoặc tài liệu kèm theo). Thiếu minh "
    f'chứng (để trống hoặc ghi "Không có") là "{_NO_EVIDENCE}": không tính vào số đã hoàn '
    f'thành và các tỷ lệ hoàn thành, được liệt kê để đôn đốc bổ sung. Ghi chú "Đã hoàn thành" '
    f"trong kế hoạch không phải là minh chứng.",
    f"Nhiệm vụ có nhiều mốc thời gian có hạn hoàn thành là mốc cuối. Khi một mốc trước đó đã "
    f'qua mà nhiệm vụ chưa hoàn thành thì là "{_MILESTONE_LATE}" (số ngày tính từ mốc đầu '
    f"tiên); mốc chỉ được coi là đạt khi có báo cáo hoàn thành nhiệm vụ, vì báo cáo tiến độ "
    f'không ghi kết quả từng mốc ("đang thực hiện" không chứng tỏ đã đạt mốc).',
    f'Hạn mà kế hoạch ghi theo hướng dẫn, lộ trình của Bộ, ngành ("Theo hướng dẫn của Bộ … '
    f'(31/10/2025)") là {INDICATIVE_DUE_NOTE}: được tính như các hạn khác và được ghi rõ '
    f'"{INDICATIVE_DUE_NOTE}" ở mọi nơi hiện ngày đó.',
)
RULES_HELP_VI = "".join(f"- {note}\n" for note in RULE_NOTES_VI) + (
    f'- Bỏ chọn "{INDICATIVE_SWITCH}" ở bộ lọc để không tính các nhiệm vụ có '
    f"{INDICATIVE_DUE_NOTE}.\n"
)


class RecurringJudgement(NamedTuple):
    """Per recurring task: before its first report is due, reported for "kỳ này", days late."""

    not_due: pd.Series  # bool
    reported: pd.Series  # bool
    days_late: pd.Series  # int64: days since the missed report day (0 when reported)


def judge_recurring(
    *,
    recurring: pd.Series,
    cadence: pd.Series,
    internal: pd.Series,
    first_due: pd.Series,
    last_report: pd.Series,
    as_of: date,
) -> RecurringJudgement:
    """The recurring rule on aligned columns (dates as datetime64, NaT when missing).

    Worked out for the ``recurring`` rows only; the others get False and 0.
    """
    rows = recurring.index[recurring.to_numpy(bool)]
    windows, day = report_windows(cadence[rows], internal[rows], as_of), pd.Timestamp(as_of)
    not_due = (windows["report_day"] < first_due[rows]).fillna(False).astype(bool)
    sent = (last_report[rows] > windows["opened_on"]) & (last_report[rows] <= day)
    reported = sent.fillna(False).astype(bool)  # a report after the as-of day is not known
    late = (day - windows["report_day"]).dt.days.astype("int64").where(~reported & ~not_due, 0)
    return RecurringJudgement(
        not_due=not_due.reindex(recurring.index, fill_value=False),
        reported=reported.reindex(recurring.index, fill_value=False),
        days_late=late.reindex(recurring.index, fill_value=0),
    )


def lacks_evidence(evidence: pd.Series) -> pd.Series:
    """Whether each evidence cell is blank or says there is none; folds each distinct text once."""
    text = evidence.fillna("").astype("str")
    empty = [value for value in text.unique() if fold(value).strip(" .,;:-–—…/") in _NONE_WRITTEN]
    return text.isin(empty)


def milestone_states(
    milestone_days: pd.Series, completed: pd.Series, completed_on: pd.Series, as_of: date
) -> pd.Series:
    """Each milestone's MilestoneState, from its day and its task's completion (aligned).

    Met: the task was done by the milestone's day (or on an unknown day); met late: done
    after it; missed: not done and the day has passed; pending: the day has not passed.
    """
    days = pd.to_datetime(milestone_days).astype("datetime64[s]")
    done = completed.fillna(False).astype(bool)
    done_on = pd.to_datetime(completed_on).astype("datetime64[s]")
    late = done & (done_on > days).fillna(False)
    missed = ~done & (days < pd.Timestamp(as_of)).fillna(False)
    choices = [MilestoneState.MET_LATE, MilestoneState.MET, MilestoneState.MISSED]
    state = np.select([late, done, missed], [str(c) for c in choices], MilestoneState.PENDING)
    return pd.Series(state, index=milestone_days.index, dtype="str")
