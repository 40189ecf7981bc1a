"""Parts of a task's record: its lineage (links to the tasks it names and that name it)
and the imports that touched it. Text from the data is shown as plain text or escaped."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.clock import local_time_text
from data_access.imports.kind import KIND_LABELS
from data_access.kinds import ImportKind
from data_access.queries.lineage import Lineage, LinkedTask
from labels import EMPTY_VALUE
from loaders.lineage import Change, TaskReference
from ui.common import show_table
from ui.safe_text import literal
from ui.task_links import task_record_url

CHANGE_LABELS = {
    Change.RENAMED: "cập nhật lại tên",
    Change.RESCHEDULED: "điều chỉnh thời gian hoàn thành",
    Change.ADDED: "nhiệm vụ bổ sung",
    Change.ADJUSTED: "điều chỉnh",
    Change.NUMBERED: "số thứ tự ở văn bản khác",
}
IMPORT_COLUMNS = {
    "batch_id": "Lần nạp",
    "imported_at": "Thời điểm",
    "file_name": "Tệp",
    "kind": "Loại",
    "imported_by": "Người nạp",
    "state": "Tình trạng",
}
OPEN_RECORD = "Mở hồ sơ riêng"
OPEN_RECORD_HELP = "Mở hồ sơ ở trang riêng, trong thẻ mới: địa chỉ trang gửi được cho người khác."
NOT_LOADED = "chưa có trong dữ liệu đã nạp"


def open_record_button(task_id: int) -> None:
    """The "Mở hồ sơ riêng" button: the record at its own, shareable address."""
    st.link_button(
        OPEN_RECORD, task_record_url(task_id), icon=":material/open_in_new:", help=OPEN_RECORD_HELP
    )


def task_line(task: LinkedTask) -> str:
    """ "DM-BS-2026, mục I, nhiệm vụ 1: Tổ Giúp việc…" """
    section = f", mục {task.section_code}" if task.section_code else ""
    return f"{task.plan_code}{section}, nhiệm vụ {task.number}: {task.name}"


def reference_text(reference: TaskReference) -> str:
    """ "Nhiệm vụ số 122 Phụ lục II (cập nhật lại tên, theo Kế hoạch số 07-KH/BCĐ)";
    for a number in another document "STT 1 tại văn bản TB02"."""
    if reference.change is Change.NUMBERED:
        where = f" tại văn bản {reference.document}" if reference.document else ""
        return f"STT {reference.task_number}{where}"
    named = " ".join(
        part for part in (f"Nhiệm vụ số {reference.task_number}", reference.document) if part
    )
    why = ", ".join(part for part in (CHANGE_LABELS[reference.change], reference.basis) if part)
    return f"{named} ({why})" if reference.task_number else why.capitalize()


def lineage_section(lineage: Lineage) -> None:
    """What this task names and what names it: links when loaded, the text when not."""
    if not lineage.references and not lineage.named_by:
        return
    st.caption("Liên hệ với nhiệm vụ ở văn bản khác")
    for reference, named in lineage.references:
        numbered = reference.change is Change.NUMBERED
        if named is not None:
            st.text(
                f"Là nhiệm vụ {reference_text(reference)}:"
                if numbered
                else f"Điều chỉnh nhiệm vụ ({CHANGE_LABELS[reference.change]}):"
            )
            task_link(named)
        elif numbered:
            st.text(f"Là nhiệm vụ {reference_text(reference)} — {NOT_LOADED}.")
        elif reference.task_number:
            st.text(f"Điều chỉnh: {reference_text(reference)} — {NOT_LOADED}.")
        else:
            st.text(f"Theo văn bản: {reference_text(reference)}.")
    for task, reference in lineage.named_by:
        st.text(
            f"Kế hoạch sau dẫn chiếu nhiệm vụ này ({reference_text(reference)}):"
            if reference.change is Change.NUMBERED
            else f"Được điều chỉnh bởi ({CHANGE_LABELS[reference.change]}):"
        )
        task_link(task)


def task_link(task: LinkedTask) -> None:
    st.link_button(
        literal(task_line(task)),
        task_record_url(task.task_id),
        icon=":material/link:",
        type="tertiary",
    )


def imports_section(imports: pd.DataFrame) -> None:
    """The imports of the task's plan and reports: which file, who, when, undone or not."""
    st.caption("Các lần nạp dữ liệu liên quan")
    if imports.empty:
        st.text("Không có lần nạp nào được ghi lại cho nhiệm vụ này.")
        return
    states = [
        f"Đã hoàn tác lúc {local_time_text(undone)}" if pd.notna(undone) else "Đang áp dụng"
        for undone in imports["undone_at"]
    ]
    table = imports.assign(
        imported_at=imports["imported_at"].map(local_time_text),
        kind=imports["kind"].map(lambda k: KIND_LABELS.get(ImportKind(k), k)),
        imported_by=imports["imported_by"].fillna("").replace("", EMPTY_VALUE),
        state=states,
    )
    show_table(table[list(IMPORT_COLUMNS)].rename(columns=IMPORT_COLUMNS), hide_index=True)
