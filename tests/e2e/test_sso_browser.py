"""Single sign-on (SIGN_IN=sso) in Chromium, against a real OpenID Connect provider.

The app is served with an ``[auth]`` secrets file naming tests/oidc_provider.py's provider;
"Đăng nhập" goes through st.login's whole round trip (discovery, authorisation, code for
token, signed ID token). The identity is matched to an account by its name: a known
editor gets the upload page, an unknown person reads as a viewer, a disabled account acts
as nobody. Streamlit's identity cookie keeps the sign-in across a reload.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session

from data_access.accounts import SHELL_ADMIN, add_account, disable
from data_access.db import get_engine
from data_access.kinds import Role
from data_access.schema import upgrade_schema
from tests.e2e.conftest import REPO_ROOT, free_port, streamlit_server, wait_for_app
from tests.oidc_provider import CLIENT_ID, CLIENT_SECRET, OidcProvider, running_provider
from ui.sign_in import SSO_DISABLED

pytestmark = pytest.mark.e2e

EDITOR = "bien.tap"
SIDEBAR = "[data-testid='stSidebar']"
METRIC = "[data-testid='stMetric']"
SLOW = 120_000  # ms: the first visit loads the sample data


@pytest.fixture(scope="module")
def provider() -> Iterator[OidcProvider]:
    with running_provider() as provider:
        yield provider


@pytest.fixture(scope="module")
def sso_app(
    provider: OidcProvider, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """server.py with SIGN_IN=sso over a new database holding one single sign-on editor."""
    folder = tmp_path_factory.mktemp("sso")
    port = free_port()
    secrets_file = folder / "secrets.toml"
    secrets_file.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_urlsafe(32)}"\n'
        f'client_id = "{CLIENT_ID}"\n'
        f'client_secret = "{CLIENT_SECRET}"\n'
        f'server_metadata_url = "{provider.metadata_url}"\n',
        encoding="utf-8",
    )
    url = f"sqlite:///{folder / 'nq57.sqlite'}"
    upgrade_schema(get_engine(url))  # the server loads the samples into it as it starts
    with Session(get_engine(url)) as session:
        add_account(
            session=session, actor=SHELL_ADMIN, username=EDITOR, role=Role.EDITOR,
            display_name="Trần Văn Biên", single_sign_on=True,
        )  # fmt: skip
        session.commit()
    with streamlit_server(
        REPO_ROOT / "server.py",
        url,
        folder / "streamlit.log",
        port=port,
        options=[f"--secrets.files={secrets_file}"],
        SIGN_IN="sso",
    ) as (app_url, _):
        yield app_url, url


@pytest.fixture(scope="module")
def app_url(sso_app: tuple[str, str]) -> str:
    return sso_app[0]


@pytest.fixture(scope="module")
def database(sso_app: tuple[str, str]) -> str:
    return sso_app[1]


def menu(page: Page) -> list[str]:
    """The sidebar links' titles (each link's text starts with its icon's name)."""
    return [text.split("\n")[-1] for text in page.locator(f"{SIDEBAR} a").all_inner_texts()]


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    page.wait_for_selector(METRIC, timeout=SLOW)


def sign_in_through_provider(page: Page, app_url: str) -> None:
    page.locator(SIDEBAR).get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{app_url}/**", timeout=SLOW)  # back from the provider
    wait_for_app(page)
    page.locator(SIDEBAR).get_by_text("Đang đăng nhập").wait_for(timeout=SLOW)
    page.wait_for_selector(METRIC, timeout=SLOW)
    wait_for_app(page)


def test_a_known_editor_signs_in_through_the_provider_and_stays_signed_in(
    page: Page, app_url: str, database: str, provider: OidcProvider
) -> None:
    provider.user = {"sub": "u-1", "preferred_username": EDITOR, "name": "Trần Văn Biên"}
    open_app(page, app_url)
    assert "Cập nhật dữ liệu" not in menu(page)
    sign_in_through_provider(page, app_url)
    expect(page.locator(SIDEBAR)).to_contain_text("Trần Văn Biên (bien.tap, biên tập của Sở)")
    assert "Cập nhật dữ liệu" in menu(page)
    open_app(page, app_url)  # a reload: Streamlit's cookie keeps the identity
    expect(page.locator(SIDEBAR)).to_contain_text("bien.tap, biên tập của Sở")


def test_someone_without_an_account_reads_as_a_viewer(
    page: Page, app_url: str, database: str, provider: OidcProvider
) -> None:
    provider.user = {"sub": "u-2", "email": "khach@tinh.gov.vn", "name": "Khách"}
    open_app(page, app_url)
    sign_in_through_provider(page, app_url)
    expect(page.locator(SIDEBAR)).to_contain_text("Khách (khach@tinh.gov.vn, người xem)")
    assert "Cập nhật dữ liệu" not in menu(page)
    assert "Tổng quan" in menu(page)


def test_a_disabled_account_acts_as_nobody_and_can_sign_out(
    page: Page, app_url: str, database: str, provider: OidcProvider
) -> None:
    provider.user = {"sub": "u-1", "preferred_username": EDITOR, "name": "Trần Văn Biên"}
    open_app(page, app_url)
    sign_in_through_provider(page, app_url)
    with Session(get_engine(database)) as session:
        disable(session=session, actor=SHELL_ADMIN, username=EDITOR)
        session.commit()
    open_app(page, app_url)
    expect(page.locator(SIDEBAR)).to_contain_text(SSO_DISABLED)
    assert "Cập nhật dữ liệu" not in menu(page)
    page.locator(SIDEBAR).get_by_role("button", name="Đăng xuất").click()
    page.locator(SIDEBAR).get_by_role("button", name="Đăng nhập").wait_for(timeout=SLOW)
