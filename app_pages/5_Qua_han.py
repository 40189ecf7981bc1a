"""Quá hạn: overdue tasks by how long and by agency, searchable lists of what to chase
(overdue, late on a milestone, done without evidence, recurring and unreported), and one
task's record."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from charts import ageing_bars, compose_subtitle, overdue_by_agency
from charts.ageing import AGENCY_PICK
from data_access.queries.filters import TaskFilters
from data_access.queries.rollups import (
    UNASSIGNED_AGENCY,
    overdue_ageing,
    search_tasks,
)
from data_access.queries.statuses import FOLLOW_UP_STATUSES, TaskStatus
from data_access.rules import LONG_OVERDUE_DAYS
from labels import AGEING_BUCKET_LABELS, ROLE_WORDS, format_date, format_int, status_label
from ui.common import (
    DUE_NOTE_HEADING,
    MAX_TABLE_ROWS,
    chart_pick,
    date_column,
    filtered_tasks_or_stop,
    illustrative_notice,
    page_header,
    picked_row,
    show_chart,
    show_table,
    with_due_note,
)
from ui.data import (
    has_illustrative_data,
    load_overdue,
    load_overdue_by_agency,
    load_overdue_of_agency,
    load_task_detail,
)
from ui.downloads import offer_table
from ui.filters import SEARCH_LABEL, SEARCH_PLACEHOLDER, page_filters
from ui.plan_numbers import NUMBER_HEADING, sortable_numbers
from ui.state import StateKey
from ui.task_record import task_record

TOP_AGENCIES = 15
TABLE_COLUMNS = {
    "plan_code": "Kế hoạch",
    "number": NUMBER_HEADING,
    "name": "Nhiệm vụ",
    "agencies": "Cơ quan",
    "due_date": "Hạn hoàn thành",
    "due_note": DUE_NOTE_HEADING,
    "days_overdue": "Số ngày quá hạn",
    "bucket_label": "Nhóm",
    "deadline_text": "Thời hạn (theo văn bản)",
}
FOLLOW_UP_CODES = [str(s) for s in FOLLOW_UP_STATUSES]
FOLLOW_UP_NOTES = {
    TaskStatus.OVERDUE: "chưa hoàn thành, hạn đã qua",
    TaskStatus.MILESTONE_LATE: "một mốc trước hạn cuối đã qua mà nhiệm vụ chưa hoàn thành",
    TaskStatus.DONE_NO_EVIDENCE: "nhiệm vụ báo cáo Ban Chỉ đạo Trung ương đã báo cáo hoàn "
    "thành nhưng chưa có minh chứng",
    TaskStatus.RECURRING_NOT_REPORTED: "đã hết hạn gửi báo cáo kỳ gần nhất mà chưa có báo cáo",
}
FOLLOW_UP_HELP = " ".join(f"{status_label(s)}: {note}." for s, note in FOLLOW_UP_NOTES.items()) + (
    " Số ngày tính từ hạn, từ mốc đầu tiên hoặc từ hạn gửi báo cáo."
)


def headline_numbers(filters: TaskFilters) -> tuple[str, str, str, str]:
    """Overdue tasks, those long overdue, the median days overdue, agencies concerned."""
    overdue, by_agency = load_overdue(filters), load_overdue_by_agency(filters)
    days = overdue["days_overdue"]
    named = by_agency.loc[~by_agency["agency"].isin(UNASSIGNED_AGENCY.values()), "agency"]
    return (
        format_int(len(overdue)),
        format_int(int((days > LONG_OVERDUE_DAYS).sum())),
        format_int(float(days.median())),
        format_int(named.nunique()),
    )


def headline(filters: TaskFilters) -> None:
    labels = (
        "Nhiệm vụ quá hạn",
        f"Quá hạn trên {LONG_OVERDUE_DAYS} ngày",
        "Số ngày quá hạn trung vị",
        "Cơ quan có nhiệm vụ quá hạn",
    )
    numbers = headline_numbers(filters)
    for column, label, number in zip(st.columns(4), labels, numbers, strict=True):
        column.metric(label, number)


def ageing_of(filters: TaskFilters) -> pd.DataFrame:
    """The ageing chart's input: overdue tasks per bucket."""
    return overdue_ageing(load_overdue(filters))


def charts_row(filters: TaskFilters, by_agency: pd.DataFrame) -> str | None:
    """The ageing and per-agency charts; the agency clicked in the second, if any."""
    subtitle = compose_subtitle(filters.describe_vi(), illustrative=has_illustrative_data())
    show_chart(ageing_bars, ageing_of(filters), "Theo thời gian quá hạn", subtitle)
    picked = chart_pick(
        overdue_by_agency,
        by_agency,
        f"Theo cơ quan {ROLE_WORDS.get(filters.role, '')}",
        subtitle,
        key=StateKey.OVERDUE_AGENCY_CHART,
        param=AGENCY_PICK,
        top_n=TOP_AGENCIES,
    ).get("agency")
    return str(picked) if picked is not None and (by_agency["agency"] == picked).any() else None


def follow_up_kind() -> str:
    """Which list to show: overdue tasks (the default) or another status to chase."""
    kind = st.segmented_control(
        "Danh sách",
        FOLLOW_UP_CODES,
        default=str(TaskStatus.OVERDUE),
        required=True,
        format_func=status_label,
        key=StateKey.FOLLOW_UP_KIND,
        help=FOLLOW_UP_HELP,
        bind="query-params",
    )
    return kind or str(TaskStatus.OVERDUE)


def listed_tasks(filters: TaskFilters, agency: str | None, query: str, kind: str) -> pd.DataFrame:
    """The ``kind`` tasks of the chosen agency (all without) whose text matches ``query``."""
    tasks = load_overdue_of_agency(filters, agency, kind) if agency else load_overdue(filters, kind)
    return search_tasks(tasks, query)


def list_display(
    filters: TaskFilters, agency: str | None, query: str, kind: str
) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """The rows shown (at most MAX_TABLE_ROWS), their table as displayed, and a fingerprint."""
    shown = listed_tasks(filters, agency, query, kind).head(MAX_TABLE_ROWS)
    table = with_due_note(shown).assign(bucket_label=shown["bucket"].map(AGEING_BUCKET_LABELS))
    fingerprint = hashlib.blake2b(shown["task_id"].to_numpy().tobytes(), digest_size=4).hexdigest()
    columns = TABLE_COLUMNS | {"agencies": f"Cơ quan {ROLE_WORDS.get(filters.role, '')}"}
    return shown, table[list(columns)].rename(columns=columns), fingerprint


def task_list(
    filters: TaskFilters, agency: str | None, query: str, kind: str, total: int
) -> int | None:
    """The sortable list of ``kind`` tasks; the task_id of the clicked row, if any."""
    shown, display, fingerprint = list_display(filters, agency, query, kind)
    if total > len(shown):
        st.caption(f"Hiển thị {format_int(len(shown))} trên {format_int(total)} nhiệm vụ.")
    event = show_table(
        sortable_numbers(display),
        key=f"{StateKey.OVERDUE_TABLE}_{fingerprint}",  # a new list starts unselected
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        column_config={
            TABLE_COLUMNS["name"]: st.column_config.TextColumn(width="large"),
            TABLE_COLUMNS["due_date"]: date_column(TABLE_COLUMNS["due_date"]),
        },
    )
    offer_table(display, title=list_title(kind), key=StateKey.OVERDUE_TABLE)
    row = picked_row(event)
    return None if row is None or row >= len(shown) else int(shown["task_id"].iloc[row])


def list_title(kind: str) -> str:
    """ "Danh sách nhiệm vụ quá hạn", "Danh sách nhiệm vụ chậm mốc", …"""
    return f"Danh sách nhiệm vụ {status_label(kind).lower()}"


filters = page_filters()
page_header("Quá hạn", filters)
filtered_tasks_or_stop(filters)
illustrative_notice()
agency = None
if load_overdue(filters).empty:
    st.success(
        f"Không có nhiệm vụ nào quá hạn tính đến {format_date(filters.as_of)} với bộ lọc đang "
        "chọn. Chọn ngày tính khác hoặc nới bộ lọc để xem thêm.",
        icon=":material/task_alt:",
    )
else:
    headline(filters)
    agency = charts_row(filters, load_overdue_by_agency(filters))

st.subheader("Danh sách cần đôn đốc")
kind = follow_up_kind()
if agency:
    st.text(f"Cơ quan đã chọn: {agency}")
    st.caption("Bấm lại vào thanh của cơ quan trên biểu đồ để bỏ chọn.")
query = st.text_input(
    SEARCH_LABEL,
    key=StateKey.OVERDUE_SEARCH,
    placeholder=SEARCH_PLACEHOLDER,
    bind="query-params",
)
tasks = listed_tasks(filters, agency, query or "", kind)
if tasks.empty:
    label = status_label(kind).lower()
    searched = " khớp từ khóa — hãy thử từ khóa khác hoặc bỏ chọn cơ quan" if query else ""
    st.info(f"Không có nhiệm vụ {label} nào{searched}.")
    st.stop()
task_id = task_list(filters, agency, query or "", kind, len(tasks))
if task_id is None:
    st.caption("Bấm vào một dòng để xem toàn bộ hồ sơ của nhiệm vụ.")
    st.stop()
detail = load_task_detail(task_id)
if detail is None:
    st.warning("Không tìm thấy nhiệm vụ này nữa; dữ liệu có thể vừa được cập nhật.")
    st.stop()
task_record(detail, tasks.loc[tasks["task_id"] == task_id].iloc[0], filters.as_of, open_link=True)
