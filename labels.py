"""Vietnamese labels and number/date formatting shared by charts, exports and pages.

Pure module: no Streamlit import, so builders and exporters can use it too.
Codes (statuses, agency kinds, roles, deadline kinds) stay English in code and
the database; this is the one place that turns them into words on screen.
"""

from __future__ import annotations

import math
from datetime import date

from data_access.models import AgencyKind
from data_access.queries.statuses import MilestoneState, TaskStatus
from loaders.numbers import vietnamese_number
from loaders.records import DeadlineKind

ILLUSTRATIVE_NOTE = (
    "Số liệu tiến độ và kết quả chỉ tiêu là dữ liệu MINH HỌA, không phải số liệu thực tế."
)
EMPTY_VALUE = "—"  # shown where a number or rate is unknown
# The as-of option "what we knew then": only data imported by the end of the chosen day.
KNOWN_BY_LABEL = "Chỉ tính dữ liệu đã có đến ngày đó"
KNOWN_BY_HELP = (
    "Mặc định, số liệu là những gì đúng vào ngày đã chọn theo mọi dữ liệu hiện có (một "
    f"báo cáo hoàn thành nạp sau vẫn tính từ ngày hoàn thành). Chọn “{KNOWN_BY_LABEL.lower()}” "
    "để chỉ dùng dữ liệu đã nạp đến hết ngày đó, ví dụ để tái hiện số liệu của một cuộc họp "
    "trước."
)

# --- Task statuses, in the order used by legends, stacks and tables ---
STATUS_LABELS: dict[str, str] = {
    TaskStatus.DONE_ON_TIME: "Hoàn thành đúng hạn",
    TaskStatus.DONE_LATE: "Hoàn thành quá hạn",
    TaskStatus.DONE_NO_EVIDENCE: "Hoàn thành – thiếu minh chứng",
    TaskStatus.IN_PROGRESS: "Đang thực hiện trong hạn",
    TaskStatus.MILESTONE_LATE: "Chậm mốc",
    TaskStatus.OVERDUE: "Quá hạn",
    TaskStatus.RECURRING_REPORTED: "Thường xuyên – đã báo cáo kỳ này",
    TaskStatus.RECURRING_NOT_REPORTED: "Thường xuyên – chưa báo cáo kỳ này",
    TaskStatus.RECURRING_NOT_DUE: "Thường xuyên – chưa đến kỳ báo cáo",
    TaskStatus.NO_DEADLINE: "Chưa xác định hạn",
}
STATUS_ORDER: tuple[TaskStatus, ...] = (
    TaskStatus.DONE_ON_TIME,
    TaskStatus.DONE_LATE,
    TaskStatus.DONE_NO_EVIDENCE,
    TaskStatus.IN_PROGRESS,
    TaskStatus.MILESTONE_LATE,
    TaskStatus.OVERDUE,
    TaskStatus.RECURRING_REPORTED,
    TaskStatus.RECURRING_NOT_REPORTED,
    TaskStatus.RECURRING_NOT_DUE,
    TaskStatus.NO_DEADLINE,
)

MILESTONE_STATE_LABELS: dict[str, str] = {
    MilestoneState.MET: "Đã đạt",
    MilestoneState.MET_LATE: "Đạt muộn",
    MilestoneState.MISSED: STATUS_LABELS[TaskStatus.MILESTONE_LATE],
    MilestoneState.PENDING: "Chưa đến mốc",
}

AGENCY_KIND_LABELS: dict[str, str] = {
    AgencyKind.DEPARTMENT: "Sở, ban, ngành",
    AgencyKind.COMMUNE: "Cấp xã",
    AgencyKind.INTERNAL_UNIT: "Đơn vị thuộc Sở",
    AgencyKind.COLLECTIVE: "Nhóm (tập thể)",
    AgencyKind.OTHER: "Khác",
}

# A plan whose document does not name its issuing body: said so, never guessed.
ISSUER_UNKNOWN = "(chưa rõ cơ quan ban hành)"
UNKNOWN_ISSUER_BODY = "đơn vị ban hành {plan_code}"  # that body, after its units' names


DEADLINE_KIND_LABELS: dict[str, str] = {
    DeadlineKind.DATE: "Ngày cụ thể",
    DeadlineKind.MONTH: "Trong tháng",
    DeadlineKind.QUARTER: "Trong quý",
    DeadlineKind.HALF_YEAR: "Trong 6 tháng",
    DeadlineKind.YEAR: "Trong năm",
    DeadlineKind.INDICATIVE: "Thời hạn dự kiến (theo hướng dẫn, lộ trình)",
    DeadlineKind.MILESTONES: "Nhiều mốc thời gian",
    DeadlineKind.RECURRING: "Thường xuyên",
    DeadlineKind.UNPARSED: "Chưa đọc được thời hạn",
    DeadlineKind.MISSING: "Không ghi thời hạn",
}

# --- Days overdue, bucketed: codes (data) and their display labels ---
AGEING_BUCKETS: tuple[str, ...] = ("1–30", "31–90", "91–180", ">180")
AGEING_BUCKET_LABELS: dict[str, str] = {
    "1–30": "1–30 ngày",
    "31–90": "31–90 ngày",
    "91–180": "91–180 ngày",
    ">180": "Trên 180 ngày",
}

# A due date the plan itself calls indicative ("Theo hướng dẫn của Bộ … (31/10/2025)").
INDICATIVE_DUE_NOTE = "hạn dự kiến"
INDICATIVE_SWITCH = f"Gồm nhiệm vụ có {INDICATIVE_DUE_NOTE}"  # the filter that keeps them

# What a date on the deadline calendar is (the ``kind`` column of its input).
CALENDAR_KIND_DUE = "Hạn nhiệm vụ"
CALENDAR_KIND_MILESTONE = "Mốc"
CALENDAR_KIND_MISSED = MILESTONE_STATE_LABELS[MilestoneState.MISSED]  # a milestone passed, not met

WEEKDAY_LABELS: tuple[str, ...] = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")  # Monday first

TARGET_OPERATOR_SYMBOLS: dict[str, str] = {">": ">", ">=": "≥", "=": "=", "<": "<", "<=": "≤"}


def unit_name(unit: str, body: str) -> str:
    """An internal unit named with the body it belongs to: "Văn phòng Sở (Sở KH&CN)"."""
    return f"{unit} ({body})"


def status_label(code: str) -> str:
    """The Vietnamese label of a status code; an unknown code is shown as is."""
    return STATUS_LABELS.get(code, code)


def format_date(d: date | None) -> str:
    """dd/mm/yyyy, or "" when there is no date."""
    return "" if d is None else f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def as_of_words(day: date, today: date | None = None) -> str:
    """The day figures are taken, inside a sentence: "tính đến ngày 06/12/2026", or "tính đến
    hôm nay" on screen when ``day`` is ``today`` (a document keeps the date)."""
    return "tính đến hôm nay" if day == today else f"tính đến ngày {format_date(day)}"


def format_month(d: date | None) -> str:
    """mm/yyyy, or "" when there is no date."""
    return "" if d is None else f"{d.month:02d}/{d.year:04d}"


def format_number(x: float | None, decimals: int = 1) -> str:
    """Vietnamese style: "." between thousands, "," before decimals, trailing zeros dropped."""
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return EMPTY_VALUE
    return vietnamese_number(x, decimals)


def format_int(n: float | None) -> str:
    """Whole number with "." thousands separator: 1234567 -> "1.234.567"."""
    return format_number(n, decimals=0)


def format_percent(x: float | None, decimals: int = 1) -> str:
    """A fraction as a percentage: 0.725 -> "72,5%", 1.0 -> "100%", None -> "—"."""
    if x is None or not math.isfinite(x * 100):
        return EMPTY_VALUE
    return f"{format_number(x * 100, decimals)}%"


def format_target(operator: str | None, value: float | None, unit: str = "") -> str:
    """A KPI target as read on screen: (">=", 80, "%") -> "≥ 80%"."""
    if value is None:
        return EMPTY_VALUE
    symbol = TARGET_OPERATOR_SYMBOLS.get(operator or "", operator or "")
    number = format_number(value) + unit
    return f"{symbol} {number}" if symbol else number
