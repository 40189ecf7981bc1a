"""Helpers of the "Cập nhật dữ liệu" page: writes, and tables in Vietnamese (previews:
ui.upload_read). Every frame returned here holds upload text
and must be shown with ``st.dataframe``/``st.text`` only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

import pandas as pd
import streamlit as st

from data_access.clock import local_time_text, vietnam_today
from data_access.imports import agencies, read, write
from data_access.imports.change_set import CHANGE_LABELS, ChangeKind, RowChange
from data_access.imports.history import can_undo, import_summary, undo_latest_import
from data_access.imports.kind import KIND_LABELS
from data_access.imports.matching import MatchMethod
from data_access.kinds import AgencyKind, ImportKind
from data_access.models import ImportBatch
from exports.problem_report import problem_report_xlsx
from exports.progress_template import progress_template_xlsx
from labels import AGENCY_KIND_LABELS, format_decimal
from loaders.limits import MAX_FILE_BYTES, MEGABYTE
from loaders.text import fold
from ui.cache import database_url, query, reading, writing
from ui.session import acting_account, person_label

UPLOAD_KINDS = (ImportKind.PLAN, ImportKind.PROGRESS, ImportKind.KPI_ACTUALS)
PROBLEM_COLUMNS = {
    "level": "Mức độ",
    "sheet": "Trang tính",
    "row": "Dòng",
    "column": "Cột",
    "message": "Nội dung",
}
LEVEL_LABELS = {"error": "Lỗi", "warning": "Cảnh báo"}
CHANGE_COLUMNS = {
    "kind": "Loại",
    "object": "Đối tượng",
    "plan_code": "Kế hoạch",
    "section": "Mục",
    "number": "STT",
    "file_number": "STT trong tệp",
    "row": "Dòng trong tệp",
    "method": "Khớp theo (điểm 0–100)",
    "name": "Tên",
    "changes": "Thay đổi (trước → sau)",
}
METHOD_LABELS = {MatchMethod.NUMBER: "Số thứ tự", MatchMethod.NAME: "Tên"}


class UploadKey:
    """Session-state keys of the page; widgets tied to one file add its hash."""

    FILE = "upload_file"
    FLASH = "upload_flash"  # the result of the last commit or undo, shown once
    TEMPLATE_AGENCY = "upload_template_agency"
    UNDO_CONFIRM = "upload_undo_confirm"
    SPELLING = "upload_spelling"
    SPELLING_ACTION = "upload_spelling_action"
    SPELLING_AGENCY = "upload_spelling_agency"
    SPELLING_KIND = "upload_spelling_kind"
    SPELLING_NAME = "upload_spelling_name"
    PREPARED = "upload_prepared"  # {(file hash, choices…, data revision): PreparedUpload}
    CANCEL = "upload_cancel"
    READ_AGAIN = "upload_read_again"
    CANCELLED = "upload_cancelled"  # "Hủy" was pressed: do not read again until asked


REPORTED_ON_HELP = (
    "Ngày các dòng tiến độ trong tệp phản ánh (không phải ngày nạp). Dòng có cột "
    "“Ngày báo cáo” giữ ngày của mình; ngày hoàn thành ghi trong tệp luôn được tính từ "
    "chính ngày đó."
)
ISSUED_ON_HELP = (
    "Nhiệm vụ mà kế hoạch ghi “Đã hoàn thành” được tính hoàn thành từ ngày này, không "
    "phải từ ngày nạp."
)
INEXACT_ISSUE_DATE = (
    "Văn bản để trống ngày ban hành, chỉ ghi tháng; ngày điền sẵn là ngày cuối tháng đó. "
    "Hãy sửa nếu biết ngày chính xác."
)
NEEDS_ISSUE_DATE = (
    "Kế hoạch có nhiệm vụ ghi “Đã hoàn thành” nhưng văn bản không ghi ngày ban hành; hãy "
    "nhập ngày ban hành để nạp."
)


def max_upload_mb() -> int:
    """The app's own limit (Streamlit's server.maxUploadSize is set above it, see config.toml)."""
    return MAX_FILE_BYTES // MEGABYTE


def forget_choices(key: str) -> None:
    """Drop the widgets tied to one file (``kind_<key>``, ``plan_…_<key>``…): after a commit
    they start again from what the file is now recognised as (its plan is stored)."""
    for name in [name for name in st.session_state if str(name).endswith(f"_{key}")]:
        del st.session_state[name]


def local_time(moment: datetime | pd.Timestamp | None) -> str:
    """dd/mm/yyyy HH:MM in Vietnam time, "" for none."""
    if moment is None or pd.isna(moment):
        return ""
    return local_time_text(moment)


def commit_upload(
    upload: read.PreparedUpload,
    confirmed: Sequence[int],
    plan_title: str,
    issued_by: str = "",
) -> str:
    """Write the upload as the signed-in account, which is named as who imported it; what
    was written, as one sentence."""
    actor = acting_account()
    with writing() as session:
        batch = write.commit(
            session=session,
            actor=actor,
            upload=upload,
            confirmed=confirmed,
            imported_by=person_label(actor) if actor is not None else "",
            plan_title=plan_title,
            issued_by=issued_by,
        )
        return import_summary(session=session, batch=batch)


def undo_latest() -> ImportBatch:
    actor = acting_account()
    with writing() as session:
        return undo_latest_import(session=session, actor=actor)


def map_spelling(spelling: str, agency_name: str) -> None:
    actor = acting_account()
    with writing() as session:
        agencies.map_spelling(
            session=session, actor=actor, spelling=spelling, agency_name=agency_name
        )


def add_agency(name: str, kind: AgencyKind, spelling: str) -> None:
    actor = acting_account()
    with writing() as session:
        agencies.add_agency(session=session, actor=actor, name=name, kind=kind, spelling=spelling)


@query(max_entries=4)
def agency_names() -> list[str]:
    with reading(database_url()) as session:
        return agencies.agency_names(session=session)


def plan_codes() -> list[str]:
    with reading(database_url()) as session:
        return agencies.plan_codes(session=session)


@query(max_entries=4)
def undo_available() -> bool:
    with reading(database_url()) as session:
        return can_undo(session=session)


def problem_table(upload: read.PreparedUpload) -> pd.DataFrame:
    frame = pd.DataFrame(
        [p.to_json() for p in upload.problems], columns=[*PROBLEM_COLUMNS, "code", "value"]
    )
    frame = frame.assign(level=frame["level"].map(LEVEL_LABELS), row=frame["row"].astype("Int64"))
    return frame[list(PROBLEM_COLUMNS)].rename(columns=PROBLEM_COLUMNS)


def problem_report(upload: read.PreparedUpload, data: bytes) -> bytes:
    is_xlsx = upload.file_name.lower().endswith((".xlsx", ".xltx"))
    return problem_report_xlsx(data, upload.problems, is_xlsx=is_xlsx)


def change_table(upload: read.PreparedUpload, kinds: Sequence[ChangeKind]) -> pd.DataFrame:
    """The preview rows of ``kinds`` with Vietnamese headers and labels."""
    frame = upload.changes.frame()
    frame = frame[frame["kind"].isin([str(k) for k in kinds])]
    frame = frame.assign(
        kind=frame["kind"].map(lambda k: CHANGE_LABELS[ChangeKind(k)]),
        method=[_match_text(m, s) for m, s in zip(frame["method"], frame["score"], strict=True)],
        row=frame["row"].astype("Int64"),
    )
    return frame[list(CHANGE_COLUMNS)].rename(columns=CHANGE_COLUMNS)


def _match_text(method: str, score: float | None) -> str:
    """ "Tên, điểm 85,5" / "Số thứ tự, điểm 100"; "" for a row matched to nothing."""
    if not method or score is None or pd.isna(score):
        return ""
    return f"{METHOD_LABELS[MatchMethod(method)]}, điểm {format_decimal(score)}"


def suggestion_label(row: RowChange) -> str:
    """One line for a match staff must confirm: file row -> stored row, with its score."""
    where = f"dòng {row.row}: " if row.row is not None else ""
    score = format_decimal(row.match.score) if row.match else ""
    return f"{where}số {row.number} “{row.name}” ↔ {row.plan_code} (điểm {score})"


def kind_label(kind: ImportKind) -> str:
    return KIND_LABELS[kind]


def template_for(agency: str) -> bytes:
    with reading(database_url()) as session:
        tasks = agencies.agency_tasks(session=session, agency_name=agency)
    return progress_template_xlsx(tasks, agency=agency, created_on=vietnam_today())


def template_file_name(agency: str) -> str:
    """mau-bao-cao-tien-do_so-khoa-hoc-va-cong-nghe.xlsx: ASCII, safe on every system."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(agency)).strip("-") or "co-quan"
    return f"mau-bao-cao-tien-do_{slug}.xlsx"


def agency_kind_label(kind: AgencyKind) -> str:
    return AGENCY_KIND_LABELS[kind]
