"""The one filter sidebar every dashboard page shares, bound to the URL.

``app.py`` draws it once per run, before the page, and leaves the result in
``st.session_state[StateKey.ACTIVE_FILTERS]``; a page calls ``page_filters()``,
which returns that, or draws the sidebar itself when the page runs on its own
(``AppTest.from_file("app_pages/…")``). Each widget is bound to a query parameter
named after its key, so a copied link reproduces the view, and keeps its value
for the whole session (``persist_state``) while other pages are open.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from data_access.clock import vietnam_today
from data_access.db_errors import DataUnavailableError
from data_access.kinds import AgencyRole
from data_access.queries.filter_options import FilterOptions
from data_access.queries.filters import ROLES, TaskFilters
from labels import (
    DATE_FORMAT_WIDGET,
    INDICATIVE_SWITCH,
    KNOWN_BY_HELP,
    KNOWN_BY_LABEL,
    ROLE_WORDS,
    STATUS_ORDER,
    status_label,
)
from ui.data import load_filter_options
from ui.state import StateKey

FIRST_DAY = date(2015, 1, 1)  # range of every date picker
LAST_DAY = date(2040, 12, 31)
RESET_LABEL = "Đặt lại bộ lọc"
PLANS_LABEL = "Kế hoạch, văn bản"
ALL_PLACEHOLDER = "Tất cả"  # an empty choice keeps everything
# A search over task names (``rollups.search_tasks``), as Quá hạn and Công khai offer it.
SEARCH_LABEL = "Tìm theo tên nhiệm vụ (gõ có dấu hoặc không dấu)"
SEARCH_PLACEHOLDER = "Ví dụ: chuyen doi so"
ROLE_CHOICES = {role: words.capitalize() for role, words in ROLE_WORDS.items()}
STATUS_CODES = tuple(str(s) for s in STATUS_ORDER)
_BOUND: dict[str, Any] = {"bind": "query-params", "persist_state": "session"}


def page_filters() -> TaskFilters:
    """The filters of this run: those app.py drew, or the sidebar drawn now."""
    active = st.session_state.get(StateKey.ACTIVE_FILTERS)
    return active if isinstance(active, TaskFilters) else render_filter_sidebar()


def render_filter_sidebar() -> TaskFilters:
    """Draw the filters in the sidebar and return what they select."""
    with st.sidebar:
        st.header("Bộ lọc")
        reset_button(StateKey.RESET_FILTERS)
        as_of = date_picker("Tính đến ngày", StateKey.AS_OF_DATE, vietnam_today(), AS_OF_HELP)
        known_only = st.checkbox(
            KNOWN_BY_LABEL, value=False, key=StateKey.KNOWN_ONLY, help=KNOWN_BY_HELP, **_BOUND
        )
        options = _options(as_of)
        filters = TaskFilters(
            as_of=as_of or vietnam_today(),
            known_only=known_only,
            plan_codes=_pick_many(PLANS_LABEL, StateKey.PLANS, list(options.plans)),
            agencies=_pick_many("Cơ quan", StateKey.AGENCIES, list(options.agencies)),
            role=_role(),
            include_units=st.checkbox(
                UNITS_LABEL, value=False, key=StateKey.INCLUDE_UNITS, help=UNITS_HELP, **_BOUND
            ),
            sections=_pick_many("Mục", StateKey.SECTIONS, list(options.sections), SECTION_HELP),
            statuses=_pick_many("Trạng thái", StateKey.STATUSES, list(STATUS_CODES)),
            due_from=date_picker("Hạn từ ngày", StateKey.DUE_FROM, None),
            due_to=date_picker("Hạn đến ngày", StateKey.DUE_TO, None),
            include_recurring=st.checkbox(
                "Gồm nhiệm vụ thường xuyên", value=True, key=StateKey.INCLUDE_RECURRING, **_BOUND
            ),
            include_indicative=st.checkbox(
                INDICATIVE_SWITCH,
                value=True,
                key=StateKey.INCLUDE_INDICATIVE,
                help=INDICATIVE_HELP,
                **_BOUND,
            ),
        )
    return filters


def reset_button(key: str) -> None:
    """The "Đặt lại bộ lọc" button; any page may show one more (with its own key)."""
    st.button(RESET_LABEL, key=key, on_click=reset_filters, icon=":material/restart_alt:")


def reset_filters() -> None:
    """Put every filter back to its default (a callback: it runs before the widgets).

    Values are set, not deleted: a deleted key would be seeded again from the URL.
    """
    for key, value in filter_defaults().items():
        st.session_state[key] = value


def filter_defaults() -> dict[str, object]:
    """Each filter widget's key and its default value."""
    return {
        StateKey.AS_OF_DATE: vietnam_today(),
        StateKey.KNOWN_ONLY: False,
        StateKey.PLANS: [],
        StateKey.AGENCIES: [],
        StateKey.ROLE: AgencyRole.LEAD,
        StateKey.INCLUDE_UNITS: False,
        StateKey.SECTIONS: [],
        StateKey.STATUSES: [],
        StateKey.DUE_FROM: None,
        StateKey.DUE_TO: None,
        StateKey.INCLUDE_RECURRING: True,
        StateKey.INCLUDE_INDICATIVE: True,
    }


AS_OF_HELP = (
    "Trạng thái nhiệm vụ tại ngày này: một nhiệm vụ đã hoàn thành từ ngày hoàn thành ghi trong "
    "báo cáo, dù báo cáo được nạp sau. Chọn một ngày đã qua để xem tình hình tại ngày đó."
)
SECTION_HELP = "Mục (số La Mã) trong kế hoạch; cùng số mục ở các kế hoạch khác nhau đều được chọn."
ROLE_HELP = "Cơ quan đã chọn ở trên được tìm trong vai trò này."
INDICATIVE_HELP = (
    'Hạn mà kế hoạch chỉ ghi theo hướng dẫn, lộ trình của Bộ, ngành (ví dụ "Theo hướng dẫn của '
    'Bộ Khoa học và Công nghệ (31/10/2025)"). Bỏ chọn để các danh sách, số liệu quá hạn '
    "không tính các nhiệm vụ này."
)
UNITS_LABEL = "Gồm các đơn vị thuộc Sở"
UNITS_HELP = (
    "Cơ quan đã chọn được tính cả nhiệm vụ của các đơn vị thuộc cơ quan đó (Văn phòng Sở, "
    "các phòng, trung tâm… trong kế hoạch do cơ quan ban hành). Trang Theo cơ quan cộng nhiệm "
    "vụ của đơn vị vào cơ quan và liệt kê các đơn vị ngay dưới cơ quan."
)


def _options(as_of: date | None) -> FilterOptions:
    try:
        return load_filter_options(as_of or vietnam_today())
    except DataUnavailableError:  # the page shows the error; the filters stay usable
        return FilterOptions(plans={}, agencies=(), sections=())


def _pick_many(
    label: str, key: str, options: list[str], help: str | None = None
) -> tuple[str, ...]:
    format_func = status_label if key == StateKey.STATUSES else str
    chosen = st.multiselect(
        label,
        options,
        key=key,
        format_func=format_func,
        placeholder=ALL_PLACEHOLDER,
        help=help,
        **_BOUND,
    )
    return tuple(chosen)


def _role() -> str:
    role = st.radio(
        "Vai trò cơ quan",
        ROLES,
        key=StateKey.ROLE,
        format_func=ROLE_CHOICES.__getitem__,
        help=ROLE_HELP,
        **_BOUND,
    )
    return role or AgencyRole.LEAD


def date_picker(
    label: str, key: str, default: date | str | None, help: str | None = None, *, bound: bool = True
) -> Any:
    """A dd/mm/yyyy date field; ``bound`` ties it to the URL like the shared filters."""
    return st.date_input(
        label,
        value=default,
        min_value=FIRST_DAY,
        max_value=LAST_DAY,
        key=key,
        format=DATE_FORMAT_WIDGET,
        help=help,
        **(_BOUND if bound else {}),
    )
