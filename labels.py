"""Vietnamese labels and number/date formatting shared by charts, exports and pages.

Pure module: no Streamlit import, so builders and exporters can use it too.
Codes (statuses, agency kinds, roles, deadline kinds) stay English in code and
the database; this is the one place that turns them into words on screen.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

from data_access.kinds import ANY_ROLE, AgencyKind, AgencyRole
from data_access.queries.statuses import MilestoneState, TaskStatus
from data_access.rules import AGEING_EDGES_DAYS, LONG_OVERDUE_DAYS
from loaders.numbers import vietnamese_number, vietnamese_percent
from loaders.records import DeadlineKind

ILLUSTRATIVE_NOTE = (
    "Số liệu tiến độ và kết quả chỉ tiêu là dữ liệu MINH HỌA, không phải số liệu thực tế."
)
EMPTY_VALUE = "—"  # shown where a number or rate is unknown

# --- Dates: one shape, 30/06/2026, in the syntax of each tool that draws it ---
DATE_FORMAT_PY = "%d/%m/%Y"  # Python's strftime
DATE_FORMAT_WIDGET = "DD/MM/YYYY"  # Streamlit's date_input and DateColumn (moment.js)
DATE_FORMAT_EXCEL = "dd/mm/yyyy"  # an Excel cell's number_format
DATE_FORMAT_D3 = "%d/%m/%Y"  # Vega-Lite's axes and tooltips (d3-time-format)
MONTH_FORMAT_PY = "%m/%Y"  # 06/2026
MONTH_SHORT_FORMAT_PY = "%m/%y"  # 06/26: a month column's label, narrow enough for every month
DAY_MONTH_FORMAT_PY = "%d/%m"  # 30/06: a week column's label (the week's Monday)

# Streamlit draws the file picker's own words in English and offers no way to change them
# (README, "Giao diện / Interface language"): the help says what they mean.
FILE_PICKER_HELP = (
    "Kéo tệp thả vào khung bên dưới, hoặc bấm nút “Upload” để chọn tệp trên máy. Dòng "
    "“Limit … per file” là giới hạn chung của máy chủ; giới hạn của mục này ghi ở nhãn trên."
)

# --- Changes from one period to the next ---
# The true minus sign (U+2212), not the hyphen: it is as wide as "+", so signed columns
# line up, and a line never breaks after it as it may after a hyphen. st.metric is the
# exception: it reads a decrease only from an ASCII "-" (see ui.common.metric_delta).
MINUS = "\u2212"
NO_CHANGE = "0"  # no change (st.metric shows exactly this string grey, without an arrow)
POINTS_UNIT = " điểm %"  # a change of a rate, in percentage points
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

# --- An agency's role in a task, by AgencyRole code ("any": either) ---
ROLE_WORDS: dict[str, str] = {
    AgencyRole.LEAD: "chủ trì",
    AgencyRole.COORDINATING: "phối hợp",
    ANY_ROLE: "chủ trì hoặc phối hợp",
}
LEAD_AGENCY_HEADING = f"Cơ quan {ROLE_WORDS[AgencyRole.LEAD]}"
# An agency roll-up's columns: its number of tasks and its rates (``queries.status``).
TOTAL_HEADING = "Tổng số"
RATE_HEADINGS = {"completion": "Tỷ lệ hoàn thành", "on_time": "Tỷ lệ đúng hạn"}
COORDINATING_AGENCY_HEADING = f"Cơ quan {ROLE_WORDS[AgencyRole.COORDINATING]}"

# --- A KPI's verdict against its target ---
KPI_MET, KPI_NOT_MET, KPI_NO_DATA = "Đạt", "Chưa đạt", "Chưa có số liệu"
KPI_VERDICTS = (KPI_MET, KPI_NOT_MET, KPI_NO_DATA)

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
# Codes and labels of the ageing buckets, from their edges: "1–30" … ">180".
AGEING_BUCKETS: tuple[str, ...] = (
    *(
        f"{low + 1}–{high}"
        for low, high in zip((0, *AGEING_EDGES_DAYS[:-1]), AGEING_EDGES_DAYS, strict=True)
    ),
    f">{LONG_OVERDUE_DAYS}",
)
AGEING_BUCKET_LABELS: dict[str, str] = {
    **{code: f"{code} ngày" for code in AGEING_BUCKETS[:-1]},
    AGEING_BUCKETS[-1]: f"Trên {LONG_OVERDUE_DAYS} ngày",
}

# A due date the plan itself calls indicative ("Theo hướng dẫn của Bộ … (31/10/2025)").
INDICATIVE_DUE_NOTE = "hạn dự kiến"
INDICATIVE_SWITCH = f"Gồm nhiệm vụ có {INDICATIVE_DUE_NOTE}"  # the filter that keeps them

# What a date on the deadline calendar is (the ``kind`` column of its input).
CALENDAR_KIND_DUE = "Hạn nhiệm vụ"
CALENDAR_KIND_MILESTONE = "Mốc"
CALENDAR_KIND_MISSED = MILESTONE_STATE_LABELS[MilestoneState.MISSED]  # a milestone passed, not met


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


def format_decimal(x: float | None, decimals: int = 1, *, fixed: bool = False) -> str:
    """Vietnamese style: "." between thousands, "," before decimals, trailing zeros dropped
    (in a sentence) or kept when ``fixed`` (a column: one number of decimals in every cell);
    EMPTY_VALUE when unknown: 1234.5 -> "1.234,5"."""
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return EMPTY_VALUE
    return vietnamese_number(x, decimals, fixed)


def format_int(n: float | None) -> str:
    """A whole number with "." between thousands: 1234567 -> "1.234.567"."""
    return format_decimal(n, decimals=0)


def format_percent(x: float | None, decimals: int = 1, *, fixed: bool = False) -> str:
    """A fraction as a percentage: 0.725 -> "72,5%", 1.0 -> "100%" ("100,0%" when ``fixed``,
    for a column's cells), None -> "—"."""
    if x is None or not math.isfinite(x):
        return EMPTY_VALUE
    return vietnamese_percent(x, decimals, fixed)


def format_target(operator: str | None, value: float | None, unit: str = "") -> str:
    """A KPI target as read on screen: (">=", 80, "%") -> "≥ 80%"."""
    if value is None:
        return EMPTY_VALUE
    symbol = TARGET_OPERATOR_SYMBOLS.get(operator or "", operator or "")
    number = format_decimal(value) + unit
    return f"{symbol} {number}" if symbol else number


def kpi_targets(kpis: pd.DataFrame) -> list[str]:
    """Each KPI's target as every page reads it, from ``operator``, ``target_value``,
    ``unit`` and ``target_text``: "> 80%"; the text as written when it has no number."""
    rows = zip(
        kpis["operator"], kpis["target_value"], kpis["unit"], kpis["target_text"], strict=True
    )
    return [
        format_target(op if isinstance(op, str) else None, float(value), str(unit or ""))
        if pd.notna(value)
        else str(text or "")
        for op, value, unit, text in rows
    ]


def kpi_verdict(met: object) -> str:
    """KPI_MET / KPI_NOT_MET for a KPI's ``met`` flag; KPI_NO_DATA when it is None or NA."""
    if met is None or pd.isna(met):
        return KPI_NO_DATA
    return KPI_MET if bool(met) else KPI_NOT_MET


def signed_change(delta: float, unit: str = "", decimals: int = 1) -> str:
    """A change with its sign: "+3", "−2,5 điểm %"; NO_CHANGE when it shows as 0."""
    shown = format_decimal(abs(delta), decimals)
    if shown == "0":
        return NO_CHANGE
    return f"{'+' if delta > 0 else MINUS}{shown}{unit}"


def points_change(now: float | None, before: float | None) -> str | None:
    """Two rates' difference in percentage points: "+2,5 điểm %"; None when one is unknown."""
    if now is None or before is None:
        return None
    return signed_change((now - before) * 100, POINTS_UNIT)
