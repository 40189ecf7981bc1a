"""Signing in in Chromium: accounts in the app's database, the real sign-in forms, the menu.

The sign-in lives in the browser tab's Streamlit session: a full page load (``page.goto``)
starts a new, anonymous one. Once signed in, move between pages by the sidebar's links.
"""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from data_access.accounts import SIGN_IN_FAILED
from data_access.kinds import Role
from tests.e2e.conftest import SLOW, script_run, wait_for_app
from tests.signed_in import PASSWORD, account_in
from ui.sign_in import PASSWORD_LABEL, SIGN_IN, SIGN_OUT, USERNAME_LABEL

# Where a sign-in form is (ui.sign_in.sign_in_form's ``place``).
IN_SIDEBAR = "sidebar"
ON_REFUSED_PAGE = "page"


def sidebar(page: Page) -> Locator:
    return page.get_by_test_id("stSidebar")


def sign_out_button(page: Page) -> Locator:
    return sidebar(page).get_by_role("button", name=SIGN_OUT)


def sign_in_button(page: Page) -> Locator:
    """The sidebar's "Đăng nhập", which opens the sign-in form."""
    return sidebar(page).get_by_test_id("stPopoverButton").filter(has_text=SIGN_IN)


def expect_menu(page: Page, titles: list[str]) -> None:
    """The sidebar's page links are exactly ``titles``, in order, once drawn (a link shows
    a placeholder until its part of Streamlit's frontend has loaded)."""
    labels = sidebar(page).get_by_test_id("stPageLink-NavLink").get_by_role("paragraph")
    expect(labels).to_have_text(titles)


def sign_in(page: Page, username: str, password: str, place: str = IN_SIDEBAR) -> None:
    """Fill and send a real sign-in form; return once the app shows the outcome: the
    account signed in ("Đăng xuất" in the sidebar) or the refusal's one sentence."""
    if place == IN_SIDEBAR:
        sign_in_button(page).click()
    form = page.get_by_test_id("stForm").filter(has=page.locator(f".st-key-username_{place}"))
    form.get_by_label(USERNAME_LABEL, exact=True).fill(username)
    form.get_by_label(PASSWORD_LABEL, exact=True).fill(password)
    with script_run(page):
        form.get_by_role("button", name=SIGN_IN).click()
    # A successful sign-in reruns the script once more (st.rerun): wait for what it draws.
    outcome = sign_out_button(page).or_(page.get_by_text(SIGN_IN_FAILED))
    expect(outcome).to_be_visible(timeout=SLOW)
    wait_for_app(page)


def signed_in(
    page: Page,
    app_url: str,
    database_url: str,
    username: str,
    role: Role,
    agency: str | None = None,
) -> None:
    """Open the app and sign in as ``username`` (made with ``role`` if missing) by the
    sidebar's form."""
    account_in(database_url, username, role, agency)
    page.goto(app_url)
    wait_for_app(page)
    sign_in(page, username, PASSWORD)
    expect(sign_out_button(page)).to_be_visible()


def open_from_menu(page: Page, title: str) -> None:
    """Go to the page ``title`` by clicking its sidebar link (the session stays)."""
    with script_run(page):
        sidebar(page).get_by_role("link", name=title).click()
