"""Keys of ``st.session_state`` and widget keys shared between pages, in one place.

Filter widgets are bound to the URL, so their key is also the query parameter
name: ``?as_of=2026-07-01&plan=KH-92A-UBND&status=Quá hạn`` reproduces a view.
"""

from __future__ import annotations


class StateKey:
    """Session-state keys; widgets use these as their ``key=``."""

    # --- Shared filters (sidebar), bound to query parameters ---
    AS_OF_DATE = "as_of"  # the "as of" day statuses are computed for
    KNOWN_ONLY = "known"  # count only data imported by the end of the as-of day
    PLANS = "plan"  # plan codes
    AGENCIES = "agency"  # agency names
    ROLE = "role"  # how agencies are matched: lead / coordinating / any
    INCLUDE_UNITS = "units"  # an agency also matches its units' tasks
    SECTIONS = "section"  # section codes (Roman numerals)
    STATUSES = "status"  # task statuses
    DUE_FROM = "due_from"  # deadline window start
    DUE_TO = "due_to"  # deadline window end
    INCLUDE_RECURRING = "recurring"  # include recurring tasks
    INCLUDE_INDICATIVE = "indicative"  # include tasks whose due date is indicative
    RESET_FILTERS = "reset_filters"  # the "Đặt lại bộ lọc" button
    ACTIVE_FILTERS = "active_filters"  # TaskFilters set by app.py for the page of this run

    # --- Sign-in (ui.session) ---
    SIGNED_IN = "signed_in"  # SignedIn: the local account of this browser session
    SESSION_EXPIRED = "session_expired"  # the last session ended by itself: say so once
    SIGN_IN_FORM = "sign_in_form"

    # --- Tổng quan ---
    PRESENTATION = "trinh_chieu"  # presentation mode, bound to ?trinh_chieu=true

    # --- Theo cơ quan ---
    AGENCY_VIEW_ROLE = "vai_tro_xem"  # roll up by lead or coordinating agencies
    AGENCY_SORT = "sap_xep"  # sort order of the agency chart
    AGENCY_CHART = "agency_chart"  # chart selection (click a bar)
    AGENCY_TABLE = "agency_table"  # table selection (click a row)
    DRILLDOWN_CHART = "drilldown_chart"  # plotly selection (click a plan, agency, status, task)
    DRILLDOWN_TASKS = "drilldown_tasks"  # the task list of the part clicked

    # --- Hạn hoàn thành ---
    HEATMAP_COLOR = "to_mau"  # colour the heatmap by count or share overdue
    HEATMAP_CHART = "heatmap_chart"  # chart selection (click a cell)
    WEEKS_CHART = "weeks_chart"  # chart selection (click a cell: an agency's week)
    TIMELINE_CHART = "timeline_chart"  # plotly selection (click a task's bar)

    # --- Chỉ tiêu ---
    KPI_PERIOD = "ky"  # reporting period shown, bound to ?ky=Quý III/2026 (its label)
    KPI_CHART = "kpi_chart"  # bullet chart selection (click a KPI to see its trend)

    # --- Quá hạn ---
    OVERDUE_AGENCY_CHART = "overdue_agency_chart"  # chart selection (click an agency)
    OVERDUE_SEARCH = "tim"  # search text over task names, bound to ?tim=
    OVERDUE_TABLE = "overdue_table"  # table selection (click a row to open the task)
    FOLLOW_UP_KIND = "danh_sach"  # which list to chase: overdue, late on a milestone…

    # --- Danh mục nhiệm vụ ---
    REGISTER_SEARCH = "danh_muc_tim"  # search text over task names, bound to ?danh_muc_tim=
    REGISTER_TABLE = "danh_muc_bang"  # the register of tasks

    # --- Công khai (the public page), bound to query parameters ---
    PUBLIC_PLANS = "cong_khai_ke_hoach"  # plan codes
    PUBLIC_AGENCY = "cong_khai_co_quan"  # the lead agency whose tasks are listed
    PUBLIC_SEARCH = "cong_khai_tim"  # search text over task names

    # --- Báo cáo và xuất ---
    REPORT_PACK = "bao_cao_hop"  # meeting pack download buttons
    REPORT_AGENCY = "bao_cao_co_quan"  # agency a reminder letter is addressed to
    REPORT_PERIOD_KIND = "bao_cao_loai_ky"  # month / quarter / half / year
    REPORT_PERIOD = "bao_cao_ky"  # the reporting period (one selectbox per kind)
    REPORT_DISCIPLINE = "bao_cao_tinh_hinh_gui"  # the reporting-discipline table
