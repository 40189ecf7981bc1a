"""The staff's reading of an uploaded file: its kind and plan, and the dates it lacks."""

from __future__ import annotations

from datetime import date

import streamlit as st

from data_access.clock import vietnam_today
from data_access.imports.new_plan import has_done_marks
from data_access.imports.read import PreparedUpload, undated_reports
from data_access.kinds import ImportKind
from ui import upload as ui
from ui.filters import date_picker

NEW_PLAN = "Kế hoạch mới"


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
