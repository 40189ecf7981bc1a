"""Entry point: page setup, first-run sample data, and the navigation menu."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import streamlit as st

from data_access.db_errors import DataUnavailableError
from data_access.models import Account
from data_access.permissions import Action
from data_access.settings import get_settings
from errors import UserFacingError, log_cause
from ui.filters import render_filter_sidebar
from ui.presentation import PAGE_CSS, carried, presentation_bar
from ui.safe_text import literal
from ui.session import acting_account, may
from ui.sign_in import draw_account_box, refuse_page
from ui.startup import prepare_database
from ui.state import StateKey
from ui.task_links import TASK_RECORD_PATH
from ui.task_record import RECORD_TITLE
from ui.task_register import REGISTER_TITLE

DASHBOARDS = "Bảng điều khiển"
DATA = "Dữ liệu"
ADMINISTRATION = "Quản trị"
PUBLIC = "Thông tin công khai"
SECTIONS = (DASHBOARDS, DATA, ADMINISTRATION, PUBLIC)  # menu order
UNEXPECTED = "Chưa chuẩn bị được cơ sở dữ liệu do một lỗi không lường trước; hãy báo quản trị viên."
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageEntry:
    path: str  # relative to this file
    title: str
    icon: str
    section: str
    # The page's URL. The page files live in app_pages/, not pages/: Streamlit treats a
    # folder named pages/ beside the main script as its legacy page list until the first
    # st.navigation call of the process, and would run a page file without this script
    # (no sign-in, no role check) or say "Page not found" for a shared link.
    url_path: str
    # Also served at the app's root ("/"), by a hidden twin: Streamlit serves a default
    # page at "/" only, so the page keeps its own address in the menu and the links.
    home: bool = False
    # What the visitor's role must allow for the page to open and show in the menu (the
    # data layer checks every write again; this only keeps pages out of sight).
    needs: Action = Action.VIEW
    # False: the page opens from links only (a task's record), never from the menu.
    in_menu: bool = True


# The page registry: add one entry per page, in menu order within its section.
PAGES: list[PageEntry] = [
    PageEntry(
        "app_pages/1_Tong_quan.py",
        "Tổng quan",
        ":material/dashboard:",
        DASHBOARDS,
        "tong-quan",
        home=True,
    ),
    PageEntry(
        "app_pages/2_Theo_co_quan.py",
        "Theo cơ quan",
        ":material/account_balance:",
        DASHBOARDS,
        "theo-co-quan",
    ),
    PageEntry(
        "app_pages/3_Han_hoan_thanh.py",
        "Hạn hoàn thành",
        ":material/event:",
        DASHBOARDS,
        "han-hoan-thanh",
    ),
    PageEntry("app_pages/4_Chi_tieu.py", "Chỉ tiêu", ":material/flag:", DASHBOARDS, "chi-tieu"),
    PageEntry("app_pages/5_Qua_han.py", "Quá hạn", ":material/alarm:", DASHBOARDS, "qua-han"),
    PageEntry(
        "app_pages/12_Danh_muc_nhiem_vu.py",
        REGISTER_TITLE,
        ":material/list_alt:",
        DASHBOARDS,
        "danh-muc-nhiem-vu",
    ),
    PageEntry(
        "app_pages/13_Ho_so_nhiem_vu.py",
        RECORD_TITLE,
        ":material/description:",
        DASHBOARDS,
        TASK_RECORD_PATH,
        in_menu=False,
    ),
    PageEntry(
        "app_pages/6_Cap_nhat_du_lieu.py",
        "Cập nhật dữ liệu",
        ":material/upload_file:",
        DATA,
        "cap-nhat-du-lieu",
        needs=Action.IMPORT_PROGRESS,
    ),
    PageEntry(
        "app_pages/9_Nhiem_vu_don_vi.py",
        "Nhiệm vụ của đơn vị",
        ":material/assignment_ind:",
        DATA,
        "nhiem-vu-don-vi",
        needs=Action.SUBMIT_PROGRESS,
    ),
    PageEntry(
        "app_pages/10_Duyet_bao_cao.py",
        "Duyệt báo cáo",
        ":material/fact_check:",
        DATA,
        "duyet-bao-cao",
        needs=Action.APPROVE_SUBMISSION,
    ),
    PageEntry("app_pages/7_Bao_cao.py", "Báo cáo và xuất", ":material/summarize:", DATA, "bao-cao"),
    PageEntry(
        "app_pages/8_Tai_khoan.py",
        "Tài khoản",
        ":material/manage_accounts:",
        ADMINISTRATION,
        "tai-khoan",
        needs=Action.MANAGE_ACCOUNTS,
    ),
    PageEntry(
        "app_pages/11_Cong_khai.py",
        "Công khai",
        ":material/public:",
        PUBLIC,
        "cong-khai",
        needs=Action.VIEW_PUBLIC,
    ),
]
NEEDS = {entry.title: entry.needs for entry in PAGES}  # titles are unique
OFF_MENU = {entry.title for entry in PAGES if not entry.in_menu}
HOME_URL_PATH = "trang-chu"  # the hidden twin's own (unused) address; it is served at "/"


def shown(step: Callable[[], object]) -> UserFacingError | None:
    """Run ``step``; the one place where an error users may read is shown (and returned).

    The sentence is shown exactly as written, never as Markdown; the log keeps the cause.
    """
    try:
        step()
    except UserFacingError as error:
        show_error(error)
        return error
    return None


def show_error(error: UserFacingError) -> None:
    log_cause(_log, error)
    st.error(literal(str(error)))


def navigation_menu() -> dict[str, list[st.Page]]:
    menu: dict[str, list[st.Page]] = {section: [] for section in SECTIONS}
    for entry in PAGES:
        page = st.Page(entry.path, title=entry.title, icon=entry.icon, url_path=entry.url_path)
        menu.setdefault(entry.section, []).append(page)
        if entry.home:
            twin = st.Page(
                entry.path,
                title=entry.title,
                icon=entry.icon,
                url_path=HOME_URL_PATH,
                default=True,
                visibility="hidden",
            )
            menu[entry.section].append(twin)
    return {section: pages for section, pages in menu.items() if pages}


def draw_menu(menu: dict[str, list[st.Page]], actor: Account | None) -> None:
    """The sidebar menu of the pages ``actor`` may open (Streamlit's own menu is hidden).

    Links to dashboard pages keep presentation mode.
    """
    with st.sidebar:
        for section, pages in menu.items():
            allowed = listed(pages, actor)
            if allowed:
                st.caption(section)
            for page in allowed:
                st.page_link(page, query_params=carried() if section == DASHBOARDS else None)


def listed(pages: list[st.Page], actor: Account | None) -> list[st.Page]:
    """The menu's pages ``actor`` may open, in menu order: no hidden twin, no page that
    opens from links only."""
    return [
        page
        for page in pages
        if page.visibility == "visible"
        and page.title not in OFF_MENU
        and may(actor, NEEDS[page.title])
    ]


def frame_dashboard(
    menu: dict[str, list[st.Page]], current: st.Page, actor: Account | None
) -> None:
    """On a dashboard page, before the page runs: the shared filter sidebar, drawn once,
    and the presentation switch (with the previous / next page buttons while presenting).

    The page reads the filters from session state (``ui.filters.page_filters``);
    other pages get no filters, and the widgets keep their values meanwhile.
    """
    dashboards = menu.get(DASHBOARDS, [])
    if current.url_path in {page.url_path for page in dashboards}:
        st.session_state[StateKey.ACTIVE_FILTERS] = render_filter_sidebar()
        presentation_bar(listed(dashboards, actor), current)
    else:
        st.session_state.pop(StateKey.ACTIVE_FILTERS, None)


st.set_page_config(page_title="Theo dõi Nghị quyết 57", page_icon="📊", layout="wide")

menu = navigation_menu()
current_page = st.navigation(menu, position="hidden")

settings = get_settings()
try:
    failure = shown(partial(prepare_database, settings.database_url, settings.load_sample_data))
except Exception:  # a user never sees a traceback; the log keeps it
    _log.exception("database preparation failed")
    st.error(UNEXPECTED)
else:
    # The samples failed to load (BootstrapError): the page still runs and offers the upload.
    # The database itself cannot be used: the page would only say so again.
    if isinstance(failure, DataUnavailableError):
        st.stop()

try:
    actor = acting_account()
except UserFacingError as error:  # the accounts cannot be read: nothing else can be
    show_error(error)
    st.stop()
st.html(PAGE_CSS)
draw_account_box(actor)
draw_menu(menu, actor)
if may(actor, NEEDS[current_page.title]):
    frame_dashboard(menu, current_page, actor)
    shown(current_page.run)
else:
    refuse_page(actor, NEEDS[current_page.title])
