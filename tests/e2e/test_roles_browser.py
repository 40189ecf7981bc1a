"""Sign-in and roles in Chromium, through the real forms: the menu each role gets, pages a
role may not open, what an editor and an administrator see, a wrong password, signing
out, and a server that lets nobody read without signing in (ALLOW_ANONYMOUS_VIEW=0)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from data_access.accounts import SIGN_IN_FAILED
from data_access.clock import vietnam_today
from data_access.kinds import Role
from tests.e2e.accounts import (
    ON_REFUSED_PAGE,
    expect_menu,
    open_from_menu,
    sign_in,
    sign_in_button,
    sign_out_button,
    signed_in,
)
from tests.e2e.conftest import (
    METRIC,
    REPO_ROOT,
    SLOW,
    script_run,
    streamlit_server,
    wait_for_app,
)
from tests.signed_in import ADMIN, EDITOR, PASSWORD, VIEWER, account_in
from tests.upload_db import sample_with_statuses_done
from ui.sign_in import NEEDS_SIGN_IN, NOT_FOR_ROLE

pytestmark = pytest.mark.e2e

DASHBOARDS = [
    *("Tổng quan", "Theo cơ quan", "Hạn hoàn thành", "Chỉ tiêu", "Quá hạn"),
    "Danh mục nhiệm vụ",
]
UPLOAD, REPORTS, ACCOUNTS = "Cập nhật dữ liệu", "Báo cáo và xuất", "Tài khoản"
OWN_TASKS, APPROVALS = "Nhiệm vụ của đơn vị", "Duyệt báo cáo"
REPORTER, REPORTER_AGENCY = "dau.moi.stc", "Sở Tài chính"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FILE_INPUT = "input[type='file']"
DATA_FRAME = "[data-testid='stDataFrame']"
# The menu of each kind of visitor, from issue 14's table of roles (the public page is
# off unless PUBLIC_VIEW turns it on).
MENUS = {
    None: [*DASHBOARDS, REPORTS],
    Role.VIEWER: [*DASHBOARDS, REPORTS],
    Role.AGENCY_REPORTER: [*DASHBOARDS, OWN_TASKS, REPORTS],
    Role.EDITOR: [*DASHBOARDS, UPLOAD, APPROVALS, REPORTS],
    Role.ADMIN: [*DASHBOARDS, UPLOAD, APPROVALS, REPORTS, ACCOUNTS],
}
ACCOUNT = {  # username and agency of the account signed in with each role
    Role.VIEWER: (VIEWER, None),
    Role.AGENCY_REPORTER: (REPORTER, REPORTER_AGENCY),
    Role.EDITOR: (EDITOR, None),
    Role.ADMIN: (ADMIN, None),
}


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)


def sign_in_as(page: Page, app_url: str, database_url: str, role: Role) -> None:
    username, agency = ACCOUNT[role]
    signed_in(page, app_url, database_url, username, role, agency)


@pytest.mark.parametrize("role", MENUS, ids=lambda role: str(role or "anonymous"))
def test_each_visitor_gets_exactly_the_pages_of_its_role(
    page: Page, app_url: str, database_url: str, role: Role | None
) -> None:
    if role is None:
        open_app(page, app_url)
        expect(sign_in_button(page)).to_be_visible()
    else:
        sign_in_as(page, app_url, database_url, role)
    expect_menu(page, MENUS[role])


@pytest.mark.parametrize(
    ("role", "url_path", "refusal"),
    [
        (None, "cap-nhat-du-lieu", NEEDS_SIGN_IN),
        (None, "tai-khoan", NEEDS_SIGN_IN),
        (Role.VIEWER, "cap-nhat-du-lieu", NOT_FOR_ROLE),
        (Role.AGENCY_REPORTER, "cap-nhat-du-lieu", NOT_FOR_ROLE),
        (Role.EDITOR, "tai-khoan", NOT_FOR_ROLE),
    ],
    ids=["anonymous-upload", "anonymous-accounts", "viewer", "reporter", "editor"],
)
def test_a_page_the_role_may_not_open_is_refused(
    page: Page, app_url: str, database_url: str, role: Role | None, url_path: str, refusal: str
) -> None:
    """Typing the address is a new, anonymous session: the refused page's own form signs in."""
    open_app(page, f"{app_url}/{url_path}")
    if role is not None:
        expect(page.get_by_text(NEEDS_SIGN_IN)).to_be_visible()
        username, agency = ACCOUNT[role]
        account_in(database_url, username, role, agency)
        sign_in(page, username, PASSWORD, ON_REFUSED_PAGE)
        expect(sign_out_button(page)).to_be_visible()
    expect(page.get_by_text(refusal, exact=True)).to_be_visible()
    expect(page.locator(FILE_INPUT)).to_have_count(0)
    expect(page.locator(DATA_FRAME)).to_have_count(0)  # no accounts table, no import history
    expect_menu(page, MENUS[role])


def test_an_editor_previews_an_upload_and_may_commit_it(
    page: Page, app_url: str, database_url: str
) -> None:
    sign_in_as(page, app_url, database_url, Role.EDITOR)
    open_from_menu(page, UPLOAD)
    data = sample_with_statuses_done(1, vietnam_today())
    with script_run(page):
        page.locator(FILE_INPUT).set_input_files(
            files=[{"name": "tien_do.xlsx", "mimeType": XLSX, "buffer": data}]
        )
    expect(page.get_by_role("button", name="Xác nhận nạp dữ liệu")).to_be_enabled(timeout=SLOW)
    history = "Lịch sử nạp và hoàn tác"
    page.get_by_role("tab", name=history).click()
    expect(page.get_by_role("tabpanel", name=history).locator(DATA_FRAME)).to_be_visible()


def test_an_administrator_gets_the_account_forms(
    page: Page, app_url: str, database_url: str
) -> None:
    account_in(database_url, VIEWER, Role.VIEWER)
    sign_in_as(page, app_url, database_url, Role.ADMIN)
    open_from_menu(page, ACCOUNTS)
    expect(page.locator(DATA_FRAME).filter(has_text=VIEWER)).to_be_visible()
    expect(page.get_by_role("button", name="Thêm tài khoản")).to_be_visible()
    page.get_by_role("tab", name="Đặt lại mật khẩu, vô hiệu hoá").click()
    expect(page.get_by_role("button", name="Đặt lại mật khẩu")).to_be_visible()
    expect(page.get_by_role("button", name="Vô hiệu hoá")).to_be_disabled()


def test_a_wrong_password_gets_one_sentence_and_signs_nobody_in(
    page: Page, app_url: str, database_url: str
) -> None:
    username = "go.sai"
    account_in(database_url, username, Role.EDITOR)
    open_app(page, app_url)
    sign_in(page, username, PASSWORD + "!")
    expect(page.get_by_text(SIGN_IN_FAILED, exact=True)).to_be_visible()
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(1)
    expect(sign_in_button(page)).to_be_visible()
    expect(sign_out_button(page)).to_have_count(0)
    expect_menu(page, MENUS[None])


def test_signing_out_returns_to_the_anonymous_menu(
    page: Page, app_url: str, database_url: str
) -> None:
    sign_in_as(page, app_url, database_url, Role.ADMIN)
    expect_menu(page, MENUS[Role.ADMIN])
    sign_out_button(page).click()
    expect(sign_in_button(page)).to_be_visible(timeout=SLOW)
    wait_for_app(page)
    expect_menu(page, MENUS[None])


@pytest.fixture(scope="module")
def closed_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """A second server, with ALLOW_ANONYMOUS_VIEW=0, on its own new database: URL and
    database URL."""
    folder = tmp_path_factory.mktemp("closed")
    database_url = f"sqlite:///{folder / 'nq57.sqlite'}"
    server = REPO_ROOT / "server.py"
    log = folder / "streamlit.log"
    with streamlit_server(server, database_url, log, ALLOW_ANONYMOUS_VIEW="0") as (url, _):
        yield url, database_url


def test_without_anonymous_reading_the_first_page_is_the_sign_in_form(
    page: Page, closed_app: tuple[str, str]
) -> None:
    url, database_url = closed_app
    open_app(page, url)
    expect(page.get_by_text(NEEDS_SIGN_IN, exact=True)).to_be_visible()
    expect(page.locator(METRIC)).to_have_count(0)
    expect_menu(page, [])
    account_in(database_url, VIEWER, Role.VIEWER)  # the visit made the tables
    sign_in(page, VIEWER, PASSWORD, ON_REFUSED_PAGE)
    expect(page.locator(METRIC).first).to_be_visible(timeout=SLOW)
    expect_menu(page, MENUS[Role.VIEWER])
