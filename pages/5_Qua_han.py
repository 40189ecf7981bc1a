"""Quá hạn: overdue tasks by how long and by agency, a searchable list, and one task's record."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from charts import ageing_bars, compose_subtitle, overdue_by_agency
from charts.ageing import AGENCY_PICK
from data_access.filters import TaskFilters
from data_access.rollups import (
    UNASSIGNED_AGENCY,
    overdue_ageing,
    search_tasks,
)
from data_access.task_detail import TaskDetail
from labels import (
    AGEING_BUCKET_LABELS,
    DEADLINE_KIND_LABELS,
    EMPTY_VALUE,
    ISSUER_UNKNOWN,
    format_date,
    format_int,
    status_label,
)
from ui.common import (
    MAX_TABLE_ROWS,
    chart_pick,
    date_column,
    filtered_tasks_or_stop,
    illustrative_notice,
    page_header,
    picked_row,
    show_chart,
    show_table,
)
from ui.data import (
    has_illustrative_data,
    load_overdue,
    load_overdue_by_agency,
    load_overdue_of_agency,
    load_task_detail,
    per_revision,
)
from ui.downloads import offer_table
from ui.filters import ROLE_CHOICES, page_filters
from ui.state import StateKey

TOP_AGENCIES = 15
TABLE_COLUMNS = {
    "plan_code": "Kế hoạch",
    "number": "STT",
    "name": "Nhiệm vụ",
    "agencies": "Cơ quan",
    "due_date": "Hạn hoàn thành",
    "days_overdue": "Số ngày quá hạn",
    "bucket_label": "Nhóm",
    "deadline_text": "Thời hạn (theo văn bản)",
}
PROGRESS_COLUMNS = {
    "reported_on": "Ngày báo cáo",
    "status": "Tình trạng",
    "completion_date": "Ngày hoàn thành",
    "evidence": "Minh chứng",
    "description": "Mô tả",
    "evaluation": "Đánh giá",
    "illustrative": "Dữ liệu",
    "source": "Nguồn",
}


def headline_numbers(filters: TaskFilters) -> tuple[str, str, str, str]:
    """Overdue tasks, those over 180 days, the median days overdue, agencies concerned."""
    overdue, by_agency = load_overdue(filters), load_overdue_by_agency(filters)
    days = overdue["days_overdue"]
    named = by_agency.loc[~by_agency["agency"].isin(UNASSIGNED_AGENCY.values()), "agency"]
    return (
        format_int(len(overdue)),
        format_int(int((days > 180).sum())),
        format_int(float(days.median())),
        format_int(named.nunique()),
    )


def headline(filters: TaskFilters) -> None:
    labels = (
        "Nhiệm vụ quá hạn",
        "Quá hạn trên 180 ngày",
        "Số ngày quá hạn trung vị",
        "Cơ quan có nhiệm vụ quá hạn",
    )
    numbers = per_revision(headline_numbers, filters)
    for column, label, number in zip(st.columns(4), labels, numbers, strict=True):
        column.metric(label, number)


def ageing_of(filters: TaskFilters) -> pd.DataFrame:
    """The ageing chart's input: overdue tasks per bucket."""
    return overdue_ageing(load_overdue(filters))


def charts_row(filters: TaskFilters, by_agency: pd.DataFrame) -> str | None:
    """The ageing and per-agency charts; the agency clicked in the second, if any."""
    subtitle = compose_subtitle(filters.describe_vi(), illustrative=has_illustrative_data())
    show_chart(ageing_bars, per_revision(ageing_of, filters), "Theo thời gian quá hạn", subtitle)
    picked = chart_pick(
        overdue_by_agency,
        by_agency,
        f"Theo cơ quan {ROLE_CHOICES.get(filters.role, '').lower()}",
        subtitle,
        key=StateKey.OVERDUE_AGENCY_CHART,
        param=AGENCY_PICK,
        top_n=TOP_AGENCIES,
    ).get("agency")
    return str(picked) if picked is not None and (by_agency["agency"] == picked).any() else None


def listed_tasks(filters: TaskFilters, agency: str | None, query: str) -> pd.DataFrame:
    """The overdue tasks of the chosen agency (all without) whose text matches ``query``."""
    tasks = load_overdue_of_agency(filters, agency) if agency else load_overdue(filters)
    return search_tasks(tasks, query)


def list_display(
    filters: TaskFilters, agency: str | None, query: str
) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """The rows shown (at most MAX_TABLE_ROWS), their table as displayed, and a fingerprint."""
    shown = listed_tasks(filters, agency, query).head(MAX_TABLE_ROWS)
    table = shown.assign(bucket_label=shown["bucket"].map(AGEING_BUCKET_LABELS))
    fingerprint = hashlib.blake2b(shown["task_id"].to_numpy().tobytes(), digest_size=4).hexdigest()
    columns = TABLE_COLUMNS | {"agencies": f"Cơ quan {ROLE_CHOICES.get(filters.role, '').lower()}"}
    return shown, table[list(columns)].rename(columns=columns), fingerprint


def task_list(filters: TaskFilters, agency: str | None, query: str, total: int) -> int | None:
    """The sortable list of overdue tasks; the task_id of the clicked row, if any."""
    shown, display, fingerprint = per_revision(list_display, filters, agency, query)
    if total > len(shown):
        st.caption(f"Hiển thị {format_int(len(shown))} trên {format_int(total)} nhiệm vụ.")
    event = show_table(
        display,
        key=f"{StateKey.OVERDUE_TABLE}_{fingerprint}",  # a new list starts unselected
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        column_config={
            TABLE_COLUMNS["name"]: st.column_config.TextColumn(width="large"),
            TABLE_COLUMNS["due_date"]: date_column(TABLE_COLUMNS["due_date"]),
        },
    )
    offer_table(display, title="Danh sách nhiệm vụ quá hạn", key=StateKey.OVERDUE_TABLE)
    row = picked_row(event)
    return None if row is None or row >= len(shown) else int(shown["task_id"].iloc[row])


def field(label: str, value: str) -> None:
    """One labelled field of the record; the value is plain text, line breaks kept."""
    st.caption(label)
    st.text(value or EMPTY_VALUE)


def deadline_fields(detail: TaskDetail) -> None:
    task = detail.task
    field("Thời hạn (theo văn bản)", task.deadline_text)
    kind = DEADLINE_KIND_LABELS.get(task.deadline_kind, task.deadline_kind)
    indicative = " (dự kiến)" if task.deadline_indicative else ""
    field("Hạn hoàn thành (đã đọc)", f"{format_date(task.due_date)}{indicative} — {kind}")
    if len(detail.milestones) > 1:
        lines = [f"{format_date(m.due_date) or EMPTY_VALUE}: {m.label}" for m in detail.milestones]
        field("Các mốc thời gian", "\n".join(lines))


def progress_history(progress: pd.DataFrame) -> None:
    st.caption("Lịch sử báo cáo tiến độ")
    if progress.empty:
        st.text("Chưa có báo cáo tiến độ nào.")
        return
    history = progress.assign(
        reported_on=progress["reported_on"].map(format_date),
        completion_date=progress["completion_date"].map(format_date),
        illustrative=progress["is_illustrative"].map({True: "Minh họa", False: "Thực tế"}),
    )
    display = history[list(PROGRESS_COLUMNS)].rename(columns=PROGRESS_COLUMNS)
    show_table(display, hide_index=True)
    offer_table(display, title="Lịch sử báo cáo tiến độ", key="progress_history")


def task_record(detail: TaskDetail, days_overdue: int, filters: TaskFilters) -> None:
    """Everything stored about one task, as plain text."""
    task = detail.task
    with st.container(border=True):
        st.subheader("Hồ sơ nhiệm vụ")
        field("Tên nhiệm vụ", task.name)
        field(
            "Trạng thái",
            f"{status_label('overdue')} {format_int(days_overdue)} ngày "
            f"(tính đến {format_date(filters.as_of)})",
        )
        left, right = st.columns(2)
        with left:
            field("Kế hoạch", f"{detail.plan_code} — {detail.plan_title}")
            field("Cơ quan ban hành", detail.plan_issuer or ISSUER_UNKNOWN)
            section = f"{task.section_code}. {detail.section_title}" if task.section_code else ""
            field("Mục", section)
            field("Số thứ tự", task.number)
            field("Cơ quan chủ trì", "\n".join(detail.lead_agencies))
            field("Cơ quan phối hợp", "\n".join(detail.coordinating_agencies))
        with right:
            deadline_fields(detail)
            field("Văn bản giao", task.basis)
            field("Sản phẩm, yêu cầu kết quả", task.expected_output)
        extra_fields(detail)
        progress_history(detail.progress)


def extra_fields(detail: TaskDetail) -> None:
    """Fields only some plans carry, shown when filled."""
    task = detail.task
    extras = {
        "Ghi chú": task.notes,
        "Lãnh đạo theo dõi": task.leader,
        "Báo cáo Ban Chỉ đạo Trung ương": "Có" if task.report_to_central else "",
        "Tần suất báo cáo": task.reporting_cadence,
        "Đánh giá": task.evaluation,
        "Mô tả": task.description,
        "Nội dung điều chỉnh": task.adjustment,
        "Số thứ tự ở văn bản khác": task.reference_number,
    }
    for label, value in extras.items():
        if label == "Ghi chú" or value:
            field(label, value)


filters = page_filters()
page_header("Quá hạn", filters)
filtered_tasks_or_stop(filters)
illustrative_notice()
overdue = load_overdue(filters)
if overdue.empty:
    st.success(
        f"Không có nhiệm vụ nào quá hạn tính đến {format_date(filters.as_of)} với bộ lọc đang "
        "chọn. Chọn ngày tính khác hoặc nới bộ lọc để xem thêm.",
        icon=":material/task_alt:",
    )
    st.stop()

headline(filters)
agency = charts_row(filters, load_overdue_by_agency(filters))

st.subheader("Danh sách nhiệm vụ quá hạn")
if agency:
    st.text(f"Cơ quan đã chọn: {agency}")
    st.caption("Bấm lại vào thanh của cơ quan trên biểu đồ để bỏ chọn.")
query = st.text_input(
    "Tìm theo tên nhiệm vụ (gõ có dấu hoặc không dấu)",
    key=StateKey.OVERDUE_SEARCH,
    placeholder="Ví dụ: chuyen doi so",
    bind="query-params",
)
tasks = per_revision(listed_tasks, filters, agency, query or "")
if tasks.empty:
    st.info(
        "Không có nhiệm vụ quá hạn nào khớp từ khóa — hãy thử từ khóa khác hoặc bỏ chọn cơ quan."
    )
    st.stop()
task_id = task_list(filters, agency, query or "", len(tasks))
if task_id is None:
    st.caption("Bấm vào một dòng để xem toàn bộ hồ sơ của nhiệm vụ.")
    st.stop()
detail = load_task_detail(task_id)
if detail is None:
    st.warning("Không tìm thấy nhiệm vụ này nữa; dữ liệu có thể vừa được cập nhật.")
    st.stop()
task_record(detail, int(tasks.loc[tasks["task_id"] == task_id, "days_overdue"].iloc[0]), filters)
