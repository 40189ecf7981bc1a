"""Cập nhật dữ liệu: upload a file, check it, preview the change, commit; history, undo, templates.

Nothing is written until staff press the confirm button; text from uploads is
shown only through st.text and st.dataframe (see ui.upload).
"""

from __future__ import annotations

from datetime import date
from functools import partial

import streamlit as st

from data_access.changes import CHANGE_LABELS, ChangeKind
from data_access.clock import vietnam_today
from data_access.db_errors import DataUnavailableError
from data_access.history import UndoRefused
from data_access.importer import ImportRefused, has_done_marks
from data_access.models import AgencyKind, ImportKind
from data_access.uploads import (
    IMPORTED_BY_LABEL,
    ISSUER_LABEL,
    PLAN_TITLE_LABEL,
    SPELLING_LABEL,
    PreparedUpload,
    undated_reports,
)
from loaders.isolation import ReadCancelled
from loaders.records import UnreadableFileError
from ui import upload as ui
from ui import upload_read as reading
from ui.downloads import deferred_download
from ui.filters import date_picker

NEW_PLAN = "Kế hoạch mới"
CHANGE_WIDTHS = {
    "Tên": st.column_config.TextColumn(width="medium"),
    "Thay đổi (trước → sau)": st.column_config.TextColumn(width="large"),
}
MAP, ADD = "Là tên khác của một cơ quan đã có", "Thêm cơ quan mới"
ISSUER_HELP = (
    "Ghi như văn bản ghi (ví dụ Sở Khoa học và Công nghệ); để trống nếu văn bản không ghi rõ. "
    "Các đơn vị thuộc Sở có trong kế hoạch (Văn phòng Sở, Phòng…) được hiểu là đơn vị của "
    "cơ quan này."
)


def show_flash() -> None:
    flash = st.session_state.pop(ui.UploadKey.FLASH, None)
    if flash:
        st.success(flash)


def choose(upload: PreparedUpload, key: str) -> tuple[ImportKind, str]:
    """Staff confirm or correct the recognised kind and plan."""
    st.info(f"Nhận dạng: {ui.kind_label(upload.guess.kind)}.")
    st.text(upload.guess.reason)
    left, right = st.columns(2)
    kind = left.selectbox(
        "Loại tệp",
        ui.UPLOAD_KINDS,
        index=ui.UPLOAD_KINDS.index(upload.guess.kind),
        format_func=ui.kind_label,
        key=f"kind_{key}",
    )
    codes = ui.plan_codes()
    options = [NEW_PLAN, *codes] if kind is ImportKind.PLAN else ["", *codes]
    guessed = upload.guess.plan_code if upload.guess.plan_code in codes else options[0]
    plan = right.selectbox(
        "Thuộc kế hoạch",
        options,
        index=options.index(guessed),
        format_func=lambda code: code or "Theo cột Kế hoạch trong tệp",
        key=f"plan_{kind}_{key}",
    )
    if plan == NEW_PLAN:
        plan = right.text_input(
            "Mã kế hoạch mới", value=upload.guess.plan_code, key=f"new_code_{key}"
        )
    return kind, plan


def choose_dates(
    upload: PreparedUpload, kind: ImportKind, plan: str, key: str
) -> tuple[date | None, date | None]:
    """The report date of undated progress rows, or a new plan's issue date (None: as found)."""
    if kind is not ImportKind.PLAN:
        undated = undated_reports(upload.result)
        if not undated:
            st.caption("Ngày báo cáo của từng dòng lấy từ cột “Ngày báo cáo” trong tệp.")
            return None, None
        reported_on = date_picker(
            f"Ngày báo cáo cho {undated} dòng không ghi ngày báo cáo",
            f"reported_on_{key}",
            vietnam_today(),
            ui.REPORTED_ON_HELP,
            bound=False,
        )
        return reported_on, None
    if plan in ui.plan_codes():
        return None, None
    stated = upload.result.issue_date
    issued_on = date_picker(
        "Ngày ban hành kế hoạch",
        f"issued_on_{key}",
        stated.day if stated else None,
        ui.ISSUED_ON_HELP,
        bound=False,
    )
    if stated is not None:
        st.caption("Ngày ban hành đọc từ dòng:")
        st.text(stated.line)
        if not stated.exact:
            st.warning(ui.INEXACT_ISSUE_DATE)
    elif has_done_marks(upload.result) and issued_on is None:
        st.warning(ui.NEEDS_ISSUE_DATE)
    return None, issued_on


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
    except (ImportRefused, DataUnavailableError) as error:
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


def show_commit(upload: PreparedUpload, confirmed: list[int]) -> None:
    key = upload.content_hash[:12]
    title = issuer = ""
    if upload.changes.new_plan:
        title = st.text_input(PLAN_TITLE_LABEL, value=upload.result.title, key=f"title_{key}")
        issuer = st.text_input(ISSUER_LABEL, key=f"issuer_{key}", help=ISSUER_HELP)
    by = st.text_input(IMPORTED_BY_LABEL, key=ui.UploadKey.BY)
    blocked = bool(upload.errors) or not (
        upload.changes.to_write(confirmed) or upload.changes.new_plan
    )
    if not st.button("Xác nhận nạp dữ liệu", type="primary", disabled=blocked, key="commit"):
        return
    try:
        batch = ui.commit_upload(upload, confirmed, by, title, issuer)
    except (ImportRefused, DataUnavailableError) as error:
        st.error("Chưa nạp được; cơ sở dữ liệu không thay đổi.")
        st.text(str(error))
        return
    st.session_state[ui.UploadKey.FLASH] = (
        f"Đã nạp lần số {batch.id}: {batch.task_count} nhiệm vụ, "
        f"{batch.progress_count} báo cáo tiến độ, {batch.kpi_count} chỉ tiêu."
    )
    ui.forget_choices(key)  # the file is read again against what it just wrote
    st.rerun()


def upload_section() -> None:
    file = st.file_uploader(
        f"Chọn tệp .xlsx hoặc .docx (tối đa {ui.max_upload_mb()} MB)",
        key=ui.UploadKey.FILE,
        on_change=reading.read_again,
    )
    if file is None:
        return
    data = file.getvalue()
    try:
        guess = reading.prepared(data, file.name)
        key = guess.content_hash[:12]
        kind, plan = choose(guess, key)
        reported_on, issued_on = choose_dates(guess, kind, plan, key)
        # dates left as prefilled (today, the issue date the title states) read the same
        same = (
            (kind, plan) == (guess.guess.kind, guess.guess.plan_code)
            and reported_on in (None, guess.report_day)
            and issued_on in (None, guess.issued_on)
        )
        dates = {"reported_on": reported_on, "issued_on": issued_on}
        upload = guess if same else reading.prepared(data, file.name, kind, plan, **dates)
    except UnreadableFileError as error:
        st.error("Không nhận tệp này; dữ liệu không thay đổi.")
        st.text(str(error))
        return
    except ReadCancelled:
        st.info(reading.CANCELLED)
        st.button("Đọc lại", key=ui.UploadKey.READ_AGAIN, on_click=reading.read_again)
        return
    for earlier in upload.earlier:
        st.warning(
            f"Tệp này (cùng nội dung) đã được nạp lúc {ui.local_time(earlier.imported_at)} "
            f"(lần nạp số {earlier.id})."
        )
    show_problems(upload, data)
    show_agencies(upload)
    confirmed = show_changes(upload)
    show_commit(upload, confirmed)


def history_section() -> None:
    st.dataframe(ui.history_table(), hide_index=True, key="history")
    if not ui.undo_available():
        st.caption("Không có lần nạp nào hoàn tác được (dữ liệu ban đầu không hoàn tác).")
        return
    sure = st.checkbox("Tôi muốn hoàn tác lần nạp gần nhất", key=ui.UploadKey.UNDO_CONFIRM)
    if st.button("Hoàn tác lần nạp gần nhất", disabled=not sure, key="undo"):
        try:
            batch = ui.undo_latest()
        except (UndoRefused, DataUnavailableError) as error:
            st.error("Chưa hoàn tác được; cơ sở dữ liệu không thay đổi.")
            st.text(str(error))
            return
        st.session_state[ui.UploadKey.FLASH] = f"Đã hoàn tác lần nạp số {batch.id}."
        st.session_state.pop(ui.UploadKey.UNDO_CONFIRM, None)
        st.rerun()


def template_section() -> None:
    st.write(
        "Mẫu Excel có sẵn các nhiệm vụ do cơ quan chủ trì, để cơ quan điền tiến độ và gửi lại."
    )
    agencies = ui.agency_names()
    if not agencies:
        st.info("Chưa có cơ quan nào trong danh mục.")
        return
    agency = st.selectbox("Cơ quan", agencies, key=ui.UploadKey.TEMPLATE_AGENCY)
    deferred_download(
        "Tải mẫu báo cáo tiến độ (.xlsx)",
        partial(ui.template_for, agency),
        file_name=ui.template_file_name(agency),
        key="template",
        icon=":material/download:",
    )


st.title("Cập nhật dữ liệu")
st.caption(
    f"Tải lên tệp Excel (.xlsx) hoặc Word (.docx), dung lượng tối đa {ui.max_upload_mb()} MB. "
    "Dữ liệu chỉ được ghi sau khi bạn xem trước và bấm xác nhận."
)
show_flash()
upload_tab, history_tab, template_tab = st.tabs(
    ["Tải tệp lên", "Lịch sử nạp và hoàn tác", "Mẫu báo cáo tiến độ"]
)
with upload_tab:
    upload_section()
with history_tab:
    history_section()
with template_tab:
    template_section()
