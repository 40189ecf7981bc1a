"""Cập nhật dữ liệu: upload a file, check it, preview the change, commit; history, undo, templates.

Nothing is written until staff press the confirm button; text from uploads is
shown only through st.text and st.dataframe (see ui.upload). The choices about a
file are in ui.upload_choices, its check and preview in ui.upload_preview.
"""

from __future__ import annotations

import streamlit as st

from data_access.db_errors import DataUnavailableError
from data_access.imports.new_plan import ImportRefused
from data_access.imports.read import PreparedUpload
from data_access.imports.write import ISSUER_LABEL, PLAN_TITLE_LABEL
from data_access.permissions import NotAllowedError
from labels import FILE_PICKER_HELP
from loaders.isolation import ReadCancelled
from loaders.records import UnreadableFileError
from ui import upload as ui
from ui import upload_read as reading
from ui import upload_sections as sections
from ui.upload_choices import choose, choose_dates
from ui.upload_preview import show_agencies, show_changes, show_problems

ISSUER_HELP = (
    "Ghi như văn bản ghi (ví dụ Sở Khoa học và Công nghệ); để trống nếu văn bản không ghi rõ. "
    "Các đơn vị thuộc Sở có trong kế hoạch (Văn phòng Sở, Phòng…) được hiểu là đơn vị của "
    "cơ quan này."
)


def show_commit(upload: PreparedUpload, confirmed: list[int]) -> None:
    key = upload.content_hash[:12]
    title = issuer = ""
    if upload.changes.new_plan:
        title = st.text_input(PLAN_TITLE_LABEL, value=upload.result.title, key=f"title_{key}")
        issuer = st.text_input(ISSUER_LABEL, key=f"issuer_{key}", help=ISSUER_HELP)
    blocked = bool(upload.errors) or not (
        upload.changes.to_write(confirmed) or upload.changes.new_plan
    )
    if not st.button("Xác nhận nạp dữ liệu", type="primary", disabled=blocked, key="commit"):
        return
    try:
        summary = ui.commit_upload(upload, confirmed, title, issuer)
    except (ImportRefused, NotAllowedError, DataUnavailableError) as error:
        st.error("Chưa nạp được; cơ sở dữ liệu không thay đổi.")
        st.text(str(error))
        return
    st.session_state[ui.UploadKey.FLASH] = summary
    ui.forget_choices(key)  # the file is read again against what it just wrote
    st.rerun()


def upload_section() -> None:
    file = st.file_uploader(
        f"Chọn tệp .xlsx hoặc .docx (tối đa {ui.max_upload_mb()} MB)",
        help=FILE_PICKER_HELP,
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


st.title("Cập nhật dữ liệu")
st.caption(
    f"Tải lên tệp Excel (.xlsx) hoặc Word (.docx), dung lượng tối đa {ui.max_upload_mb()} MB. "
    "Dữ liệu chỉ được ghi sau khi bạn xem trước và bấm xác nhận."
)
sections.show_flash()
upload_tab, history_tab, template_tab = st.tabs(
    ["Tải tệp lên", "Lịch sử nạp và hoàn tác", "Mẫu báo cáo tiến độ"]
)
with upload_tab:
    upload_section()
with history_tab:
    sections.history_section()
with template_tab:
    sections.template_section()
