"""A checked upload on screen: its problems, the agency names to settle, the change preview."""

from __future__ import annotations

from functools import partial

import streamlit as st

from data_access.db_errors import DataUnavailableError
from data_access.imports.change_set import CHANGE_LABELS, ChangeKind
from data_access.imports.new_plan import ImportRefused
from data_access.imports.read import PreparedUpload
from data_access.imports.write import SPELLING_LABEL
from data_access.kinds import AgencyKind
from data_access.permissions import Action, NotAllowedError
from ui import upload as ui
from ui.downloads import deferred_download
from ui.session import acting_account, may

CHANGE_WIDTHS = {
    "Tên": st.column_config.TextColumn(width="medium"),
    "Thay đổi (trước → sau)": st.column_config.TextColumn(width="large"),
}
MAP, ADD = "Là tên khác của một cơ quan đã có", "Thêm cơ quan mới"
ALIASES_NEED_ADMIN = (
    "Chỉ quản trị viên lưu được tên cơ quan mới hoặc tên gọi khác; hãy gửi danh sách trên "
    "cho quản trị viên rồi tải tệp lên lại."
)


def show_problems(upload: PreparedUpload, data: bytes) -> None:
    st.subheader("Kết quả kiểm tra")
    errors = len(upload.errors)
    warnings = len(upload.problems) - errors
    st.write(f"{errors} lỗi (chặn việc nạp), {warnings} cảnh báo (không chặn).")
    if upload.problems:
        st.dataframe(ui.problem_table(upload), hide_index=True, key="problems")
        deferred_download(
            "Tải báo cáo kiểm tra (.xlsx, ô có vấn đề được tô màu và ghi chú)",
            partial(ui.problem_report, upload, data),
            file_name="bao_cao_kiem_tra.xlsx",
            key="problem_report",
            icon=":material/download:",
        )
    if errors:
        st.error(f"Tệp còn {errors} lỗi; hãy sửa các ô tô đỏ rồi tải lên lại. Chưa ghi gì.")
    if upload.number_clash:
        st.error("Tệp có nhiệm vụ mới trùng số thứ tự với nhiệm vụ đã có; sẽ không nạp được.")
        st.text(upload.number_clash)


def show_agencies(upload: PreparedUpload) -> None:
    spellings = upload.unknown_agencies
    if not spellings:
        return
    st.subheader("Tên cơ quan chưa có trong danh mục")
    st.dataframe({SPELLING_LABEL: spellings}, hide_index=True, key="unknown_agencies")
    if not may(acting_account(), Action.MANAGE_ALIASES):
        st.info(ALIASES_NEED_ADMIN)
        return
    with st.form("agency_form"):
        spelling = st.selectbox(SPELLING_LABEL, spellings, key=ui.UploadKey.SPELLING)
        action = st.radio("Xử lý", [MAP, ADD], horizontal=True, key=ui.UploadKey.SPELLING_ACTION)
        agency = st.selectbox("Cơ quan đã có", ui.agency_names(), key=ui.UploadKey.SPELLING_AGENCY)
        name = st.text_input(
            "Tên chuẩn của cơ quan mới (để trống: dùng tên trong tệp)",
            key=ui.UploadKey.SPELLING_NAME,
        )
        kind = st.selectbox(
            "Loại cơ quan mới",
            list(AgencyKind),
            format_func=ui.agency_kind_label,
            key=ui.UploadKey.SPELLING_KIND,
        )
        if st.form_submit_button("Lưu tên cơ quan"):
            save_agency(spelling, action, agency, name or spelling, kind)


def save_agency(
    spelling: str, action: str, agency: str | None, name: str, kind: AgencyKind
) -> None:
    try:
        if action == MAP and agency:
            ui.map_spelling(spelling, agency)
            st.session_state[ui.UploadKey.FLASH] = "Đã lưu tên gọi khác của cơ quan."
        else:
            ui.add_agency(name, kind, spelling)
            st.session_state[ui.UploadKey.FLASH] = "Đã thêm cơ quan mới vào danh mục."
    except (ImportRefused, NotAllowedError, DataUnavailableError) as error:
        st.error("Chưa lưu được tên cơ quan.")
        st.text(str(error))
        return
    st.rerun()


def show_changes(upload: PreparedUpload) -> list[int]:
    """The preview; returns the suggested matches staff confirmed."""
    st.subheader("Xem trước thay đổi")
    counts = upload.changes.counts()
    for column, kind in zip(st.columns(len(counts)), counts, strict=True):
        column.metric(CHANGE_LABELS[kind], counts[kind])
    written = [ChangeKind.NEW, ChangeKind.CHANGED]
    st.dataframe(
        ui.change_table(upload, written),
        hide_index=True,
        key="changes",
        column_config=CHANGE_WIDTHS,
    )
    suggestions = [row for row in upload.changes.rows if row.needs_confirmation]
    confirmed: list[int] = []
    if suggestions:
        st.warning("Một số dòng chỉ khớp gần đúng theo tên; chỉ các dòng được chọn sẽ được nạp.")
        labels = {row.index: ui.suggestion_label(row) for row in suggestions}
        confirmed = st.multiselect(
            "Xác nhận các cặp khớp theo tên",
            list(labels),
            format_func=labels.__getitem__,
            placeholder="Chọn các cặp khớp đúng",
            key=f"confirm_{upload.content_hash[:12]}",
        )
    for kind, title in (
        (ChangeKind.UNMATCHED, "Dòng không khớp nhiệm vụ, chỉ tiêu nào (sẽ không được nạp)"),
        (ChangeKind.MISSING, "Có trong cơ sở dữ liệu nhưng không có trong tệp (giữ nguyên)"),
        (ChangeKind.UNCHANGED, "Không thay đổi"),
    ):
        if counts[kind]:
            with st.expander(f"{title}: {counts[kind]}"):
                st.dataframe(
                    ui.change_table(upload, [kind]), hide_index=True, column_config=CHANGE_WIDTHS
                )
    return confirmed
