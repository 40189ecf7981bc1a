"""Báo cáo và xuất: the meeting pack, reminder letters and the periodic report, for the filters."""

from __future__ import annotations

from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from data_access.clock import vietnam_today
from data_access.queries.filters import TaskFilters
from data_access.queries.reporting import default_period, recent_periods
from data_access.queries.reporting_calendar import PERIOD_KIND_LABELS, PERIOD_KINDS, ReportingPeriod
from data_access.rules import DUE_SOON_DAYS
from exports.chart_images import export_file_name
from exports.reminder_docx import letter_file_name
from exports.reminder_letters import GROUPS_NOTE
from labels import as_of_words, format_date
from ui import report_files
from ui.cache import database_url
from ui.common import filtered_tasks_or_stop, illustrative_notice, page_header
from ui.data import (
    has_illustrative_data,
    load_agency_links,
    load_filter_options,
    load_latest_kpis,
    load_missed_reports,
    load_reminder_recipients,
    load_summary,
)
from ui.discipline_section import discipline_section
from ui.downloads import deferred_download
from ui.filters import page_filters
from ui.report_files import PageData
from ui.state import StateKey

PERIODS_OFFERED = 12
PACK_HELP = (
    "Trang tiêu đề (kế hoạch, ngày tính), số liệu tổng quan, tiến độ theo cơ quan, bản đồ hạn "
    "hoàn thành, chỉ tiêu và danh sách nhiệm vụ quá hạn — theo bộ lọc đang chọn."
)
LETTER_HELP = (
    f"Văn bản Word soạn sẵn theo thể thức hành chính, liệt kê nhiệm vụ quá hạn, nhiệm vụ đến "
    f"hạn trong {DUE_SOON_DAYS} ngày tới và nhiệm vụ cần bổ sung báo cáo (chậm mốc, thiếu minh "
    "chứng, chưa gửi báo cáo định kỳ) của cơ quan chủ trì, và báo cáo tháng gần nhất đã đến hạn "
    "mà cơ quan chưa gửi; sửa được trước khi ký, gửi. Đơn vị thuộc Sở nhận phiếu nhắc việc nội "
    "bộ của Sở thay cho công văn."
)
REPORT_HELP = (
    "Báo cáo Word: số liệu đến hết kỳ so với kỳ trước, nhiệm vụ theo trạng thái, theo cơ quan, "
    "chỉ tiêu, tình hình gửi báo cáo, nhiệm vụ quá hạn, cơ quan chưa gửi báo cáo tiến độ, nhiệm "
    "vụ trọng tâm kỳ tới."
)
PERIOD_HELP = (
    "Số liệu tính đến hết ngày cuối kỳ (kỳ chưa kết thúc: đến ngày tính), so với hết ngày cuối "
    "kỳ trước. Mặc định là kỳ đang đến hạn gửi báo cáo, nếu chưa đến thì kỳ vừa kết thúc."
)


def page_data(filters: TaskFilters, statuses: pd.DataFrame) -> PageData:
    """The frames the page's loaders already hold (cached) for the buttons to build from."""
    return PageData(
        url=database_url(),
        filters=filters,
        statuses=statuses,
        load_links=load_agency_links,
        kpis=load_latest_kpis(filters.as_of, known_by=filters.known_by),
        metrics=load_summary(filters),
        plan_titles=load_filter_options(filters.as_of).plans,
        illustrative=has_illustrative_data(),
        missed=load_missed_reports(filters),
    )


def meeting_pack(page: PageData) -> None:
    st.subheader("Bộ tài liệu họp")
    st.caption(PACK_HELP)
    with st.container(horizontal=True, gap="small"):
        for ext, label, build in (
            ("pptx", "Tải bản trình chiếu (PowerPoint)", report_files.pack_pptx),
            ("pdf", "Tải bản PDF", report_files.pack_pdf),
        ):
            deferred_download(
                label,
                partial(build, page),
                file_name=export_file_name("tai-lieu-hop", page.filters.as_of, ext),
                key=f"{StateKey.REPORT_PACK}_{ext}",
                icon=":material/co_present:" if ext == "pptx" else ":material/picture_as_pdf:",
                kind="primary" if ext == "pptx" else "secondary",
            )


def reminder_letters(page: PageData) -> None:
    st.subheader("Văn bản đôn đốc")
    st.caption(LETTER_HELP)
    filters = page.filters
    recipients = load_reminder_recipients(filters)
    if recipients.groups:
        st.info(GROUPS_NOTE)
        st.text("; ".join(recipients.groups))
    agencies = recipients.agencies
    if not agencies:
        st.info(
            f"Không có cơ quan chủ trì nào có nhiệm vụ quá hạn, đến hạn trong {DUE_SOON_DAYS} "
            f"ngày tới hoặc cần bổ sung báo cáo, tính đến {format_date(filters.as_of)}."
        )
        return
    agency = st.selectbox(
        "Cơ quan nhận văn bản (xếp theo số nhiệm vụ quá hạn)",
        agencies,
        key=StateKey.REPORT_AGENCY,
    )
    chosen = agency or agencies[0]
    with st.container(horizontal=True, gap="small"):
        deferred_download(
            "Tải văn bản cho cơ quan đã chọn",
            partial(report_files.letter_docx, page, chosen),
            file_name=letter_file_name(chosen, filters.as_of),
            key=f"{StateKey.REPORT_AGENCY}_docx",
            icon=":material/mail:",
        )
        deferred_download(
            f"Tải tất cả ({len(agencies)} cơ quan, tệp .zip)",
            partial(report_files.letters_zip, page),
            file_name=export_file_name("don-doc", filters.as_of, "zip"),
            key=f"{StateKey.REPORT_AGENCY}_zip",
            icon=":material/folder_zip:",
        )


def period_title(period: ReportingPeriod, day: date) -> str:
    """ "Quý III/2026"; a period not yet ended says its figures' day: "Quý IV/2026, tính đến
    hôm nay" (``day`` is today)."""
    label = period.label_vi()
    return f"{label}, {as_of_words(period.as_of, day)}" if period.until else label


def periodic_report(page: PageData) -> tuple[ReportingPeriod, date]:
    """The period chooser and its report's button; the chosen period and the day it is seen."""
    st.subheader("Báo cáo định kỳ")
    st.caption(REPORT_HELP)
    kind_col, period_col = st.columns(2)
    kind = (
        kind_col.segmented_control(
            "Loại kỳ báo cáo",
            PERIOD_KINDS,
            default="quarter",
            required=True,
            format_func=PERIOD_KIND_LABELS.__getitem__,
            key=StateKey.REPORT_PERIOD_KIND,
        )
        or "quarter"
    )
    now = vietnam_today()
    day = min(page.filters.as_of, now)  # never figures of a day still to come
    periods = recent_periods(kind, day, PERIODS_OFFERED)
    period = period_col.selectbox(
        "Kỳ",
        periods,
        index=periods.index(default_period(kind, day)),
        format_func=lambda p: (
            f"{period_title(p, now)} ({format_date(p.start)} – {format_date(p.as_of)})"
        ),
        key=f"{StateKey.REPORT_PERIOD}_{kind}",
        help=PERIOD_HELP,
    )
    chosen = period or periods[0]
    deferred_download(
        f"Tải báo cáo {period_title(chosen, now)}",
        partial(report_files.periodic_docx, page, chosen),
        file_name=export_file_name(f"bao-cao {chosen.code}", chosen.as_of, "docx"),
        key=f"{StateKey.REPORT_PERIOD}_docx",
        icon=":material/summarize:",
    )
    return chosen, day


filters = page_filters()
page_header("Báo cáo và xuất", filters)
statuses = filtered_tasks_or_stop(filters)
illustrative_notice()
page = page_data(filters, statuses)
meeting_pack(page)
reminder_letters(page)
discipline_section(filters, *periodic_report(page))
