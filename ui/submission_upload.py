""" "Nộp theo mẫu" on Nhiệm vụ của đơn vị: the agency's template, filled in and uploaded back.

The file goes through the Sở's progress upload: checked by content and size, read in a
worker (ui.upload_read), the same problems table (ui.upload_preview); then the rows it
may send and the rows refused (data_access.submissions.from_file), and one button that
sends them all as pending reports in one transaction. Text from the file is shown through
st.dataframe only.
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from data_access.clock import vietnam_today
from data_access.imports.read import PreparedUpload
from data_access.kinds import ImportKind
from data_access.models import Submission
from data_access.submissions.current import FIELD_LABELS
from data_access.submissions.form import COMPLETION_DATE_LABEL, EVIDENCE_NUMBER_LABEL
from data_access.submissions.from_file import AcceptedRow, SortedRows, sort_rows, submit_rows
from errors import UserFacingError
from labels import FILE_PICKER_HELP, format_date
from loaders.isolation import ReadCancelled
from loaders.records import UnreadableFileError
from ui import upload, upload_read
from ui.cache import database_url, reading, writing
from ui.downloads import deferred_download
from ui.session import acting_account
from ui.upload_preview import show_problems

FILE = "report_file"  # the uploader's key, with its round: an empty one after sending
ROUND = "report_file_round"
SEND = "report_send"
READ_AGAIN = "report_read_again"
ROW, TASK, PLAN = "Dòng trong tệp", "Nhiệm vụ", "Kế hoạch"
ACCEPTED_COLUMNS = (
    ROW, PLAN, TASK, FIELD_LABELS["status"], COMPLETION_DATE_LABEL, EVIDENCE_NUMBER_LABEL,
    FIELD_LABELS["description"], "Thay đổi so với hồ sơ (trước → sau)",
)  # fmt: skip
REFUSED_COLUMNS = (ROW, PLAN, TASK, "Lý do")
SENT = "Đã gửi {count} báo cáo (số {numbers}); các báo cáo chờ Sở Khoa học và Công nghệ duyệt."
NOT_SENT = "Chưa gửi được; chưa có báo cáo nào được gửi."


def report_file_tab(agency: str, agency_id: int, flash_key: str) -> None:
    """The template to download, the upload, its check and preview, and the send button."""
    st.caption(
        "Tải mẫu báo cáo tiến độ có sẵn các nhiệm vụ cơ quan chủ trì, điền Tình trạng, Ngày "
        "hoàn thành, Minh chứng, Mô tả rồi tải lên lại. Tệp được kiểm tra như tệp Sở nạp; mỗi "
        "nhiệm vụ có thay đổi thành một báo cáo chờ Sở duyệt."
    )
    deferred_download(
        "Tải mẫu báo cáo tiến độ của cơ quan (.xlsx)",
        partial(upload.template_for, agency),
        file_name=upload.template_file_name(agency),
        key="agency_template",
        icon=":material/download:",
    )
    file = st.file_uploader(
        f"Chọn tệp mẫu đã điền (.xlsx, tối đa {upload.max_upload_mb()} MB)",
        type=["xlsx"],
        help=FILE_PICKER_HELP,
        key=f"{FILE}_{st.session_state.get(ROUND, 0)}",
        on_change=upload_read.read_again,
    )
    if file is None:
        return
    data = file.getvalue()
    try:
        prepared = upload_read.prepared(data, file.name, ImportKind.PROGRESS, "")
    except UnreadableFileError as error:
        st.error("Không nhận tệp này; chưa có báo cáo nào được gửi.")
        st.text(str(error))
        return
    except ReadCancelled:
        st.info(upload_read.CANCELLED)
        st.button("Đọc lại", key=READ_AGAIN, on_click=upload_read.read_again)
        return
    show_problems(prepared, data)
    rows = sorted_rows(agency_id, prepared)
    show_rows(rows)
    blocked = bool(prepared.errors) or not rows.accepted
    label = f"Gửi {len(rows.accepted)} báo cáo"
    clicked = st.button(label, type="primary", disabled=blocked, key=SEND)
    if clicked and not blocked:  # a crafted click on the disabled button sends nothing
        send(rows.accepted, flash_key)


def sorted_rows(agency_id: int, prepared: PreparedUpload) -> SortedRows:
    with reading(database_url()) as session:
        return sort_rows(session, agency_id, prepared, vietnam_today())


def show_rows(rows: SortedRows) -> None:
    st.subheader("Báo cáo sẽ gửi")
    if rows.accepted:
        st.dataframe(accepted_table(rows), hide_index=True, key="report_rows")
    else:
        st.info("Tệp không có nhiệm vụ nào do cơ quan chủ trì có thay đổi để gửi.")
    if rows.refused:
        st.subheader(f"Dòng không được gửi: {len(rows.refused)}")
        st.dataframe(refused_table(rows), hide_index=True, key="refused_rows")


def accepted_table(rows: SortedRows) -> pd.DataFrame:
    lines = [
        (
            row.row,
            row.plan_code,
            row.task,
            row.form.status,
            format_date(row.form.completion_date),
            row.form.evidence_number,
            row.form.description,
            row.changes,
        )
        for row in rows.accepted
    ]
    return pd.DataFrame(lines, columns=list(ACCEPTED_COLUMNS)).astype({ROW: "Int64"})


def refused_table(rows: SortedRows) -> pd.DataFrame:
    lines = [(row.row, row.plan_code, row.task, row.reason) for row in rows.refused]
    return pd.DataFrame(lines, columns=list(REFUSED_COLUMNS)).astype({ROW: "Int64"})


def send(accepted: tuple[AcceptedRow, ...], flash_key: str) -> None:
    try:
        sent = send_rows(accepted)
    except UserFacingError as error:
        st.error(NOT_SENT)
        st.text(str(error))
        return
    numbers = ", ".join(str(submission.id) for submission in sent)
    st.session_state[flash_key] = SENT.format(count=len(sent), numbers=numbers)
    st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1
    st.rerun()


def send_rows(accepted: tuple[AcceptedRow, ...]) -> list[Submission]:
    """All the rows as the signed-in account, in one transaction: all sent or none."""
    actor = acting_account()
    with writing(data_changes=False) as session:
        return submit_rows(session, actor, accepted)
