"""Sign-in through app.py under AppTest: anonymous reading, the form, the menu by role,
pages refused by role, session expiry, a disabled account, changing one's password."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from data_access.accounts import SHELL_ADMIN, SIGN_IN_FAILED, authenticate, disable
from data_access.db import get_engine
from data_access.kinds import Role
from data_access.models import utc_now
from loaders.limits import SESSION_IDLE_MINUTES, SESSION_MAX_HOURS
from tests.pages_db import APP, page_test
from tests.signed_in import ADMIN, EDITOR, PASSWORD, VIEWER, account_in, sign_in_as
from ui.safe_text import literal
from ui.session import SESSION_EXPIRED, SignedIn
from ui.sign_in import NEEDS_SIGN_IN, NOT_FOR_ROLE
from ui.state import StateKey

DASHBOARDS = [
    *("Tổng quan", "Theo cơ quan", "Hạn hoàn thành", "Chỉ tiêu", "Quá hạn"),
    "Danh mục nhiệm vụ",
]
REPORTS = "Báo cáo và xuất"
UPLOAD_PAGE = "app_pages/6_Cap_nhat_du_lieu.py"
ACCOUNTS_PAGE = "app_pages/8_Tai_khoan.py"


def menu(at: AppTest) -> list[str]:
    return [link.proto.label for link in at.sidebar.get("page_link")]


def app(monkeypatch: pytest.MonkeyPatch, url: str) -> AppTest:
    return page_test(monkeypatch, url, APP)


def submit_sign_in(at: AppTest, username: str, password: str, place: str = "sidebar") -> AppTest:
    at.text_input(key=f"username_{place}").input(username)
    at.text_input(key=f"password_{place}").input(password)
    form_button = next(b for b in at.button if b.form_id == f"{StateKey.SIGN_IN_FORM}_{place}")
    return form_button.click().run()


def test_anonymous_visitors_read_the_dashboards_and_reports_only(
    sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = app(monkeypatch, sample_url).run()
    assert not at.exception
    assert menu(at) == [*DASHBOARDS, REPORTS]
    assert at.metric  # Tổng quan's figures are there without signing in
    at.switch_page(UPLOAD_PAGE).run()
    assert [info.value for info in at.info] == [NEEDS_SIGN_IN]
    assert not at.get("file_uploader")
    assert at.text_input(key="username_page").label == "Tên đăng nhập"


def test_with_anonymous_view_off_every_page_asks_for_sign_in(
    sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLOW_ANONYMOUS_VIEW", "0")
    at = app(monkeypatch, sample_url).run()
    assert menu(at) == []
    assert not at.metric
    assert [info.value for info in at.info] == [NEEDS_SIGN_IN]


def test_an_editor_signs_in_with_the_form_and_gets_the_upload_page(
    sample_copy_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    account_in(sample_copy_url, EDITOR, Role.EDITOR)
    at = submit_sign_in(app(monkeypatch, sample_copy_url).run(), EDITOR, PASSWORD)
    assert not at.exception
    assert menu(at) == [*DASHBOARDS, "Cập nhật dữ liệu", "Duyệt báo cáo", REPORTS]
    assert f"Người dùng {EDITOR} ({EDITOR}, biên tập của Sở)" in [t.value for t in at.sidebar.text]
    at.switch_page(UPLOAD_PAGE).run()
    assert at.get("file_uploader")
    at.switch_page(ACCOUNTS_PAGE).run()
    assert [warning.value for warning in at.warning] == [NOT_FOR_ROLE]


def test_a_wrong_password_gets_the_one_sentence_and_signs_nobody_in(
    sample_copy_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    account_in(sample_copy_url, EDITOR, Role.EDITOR)
    at = submit_sign_in(app(monkeypatch, sample_copy_url).run(), EDITOR, PASSWORD + "x")
    assert [error.value for error in at.error] == [literal(SIGN_IN_FAILED)]
    assert menu(at) == [*DASHBOARDS, REPORTS]
    at = submit_sign_in(at, "khong.co.ai", PASSWORD)
    assert [error.value for error in at.error] == [literal(SIGN_IN_FAILED)]


def test_a_viewer_reads_everything_but_writes_nothing(
    sample_copy_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = sign_in_as(app(monkeypatch, sample_copy_url), sample_copy_url, VIEWER, Role.VIEWER).run()
    assert menu(at) == [*DASHBOARDS, REPORTS]
    at.switch_page(UPLOAD_PAGE).run()
    assert [warning.value for warning in at.warning] == [NOT_FOR_ROLE]


@pytest.mark.parametrize(
    ("idle", "since_start"),
    [
        (timedelta(minutes=SESSION_IDLE_MINUTES, seconds=1), timedelta(hours=1)),
        (timedelta(minutes=1), timedelta(hours=SESSION_MAX_HOURS, seconds=1)),
    ],
    ids=["idle", "too long"],
)
def test_a_session_expires_when_left_idle_or_after_a_working_day(
    sample_copy_url: str, monkeypatch: pytest.MonkeyPatch, idle: timedelta, since_start: timedelta
) -> None:
    account = account_in(sample_copy_url, EDITOR, Role.EDITOR)
    assert account.id is not None
    at = app(monkeypatch, sample_copy_url)
    now = utc_now()
    at.session_state[StateKey.SIGNED_IN] = SignedIn(account.id, now - since_start, now - idle)
    at.run()
    assert menu(at) == [*DASHBOARDS, REPORTS]
    assert SESSION_EXPIRED in [info.value for info in at.sidebar.info]


def test_a_session_still_in_use_is_kept_and_its_clock_moves_on(
    sample_copy_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = account_in(sample_copy_url, EDITOR, Role.EDITOR)
    assert account.id is not None
    at = app(monkeypatch, sample_copy_url)
    before = utc_now() - timedelta(minutes=SESSION_IDLE_MINUTES - 1)
    at.session_state[StateKey.SIGNED_IN] = SignedIn(account.id, before, before)
    at.run()
    assert "Cập nhật dữ liệu" in menu(at)
    assert at.session_state[StateKey.SIGNED_IN].last_seen > before


def test_disabling_an_account_ends_its_open_sessions(
    sample_copy_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = sign_in_as(app(monkeypatch, sample_copy_url), sample_copy_url, EDITOR, Role.EDITOR).run()
    assert "Cập nhật dữ liệu" in menu(at)
    with Session(get_engine(sample_copy_url)) as session:
        disable(session=session, actor=SHELL_ADMIN, username=EDITOR)
        session.commit()
    at.run()
    assert menu(at) == [*DASHBOARDS, REPORTS]


def test_signing_out_returns_to_anonymous_reading(
    sample_copy_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = sign_in_as(app(monkeypatch, sample_copy_url), sample_copy_url, ADMIN, Role.ADMIN).run()
    assert menu(at) == [*DASHBOARDS, "Cập nhật dữ liệu", "Duyệt báo cáo", REPORTS, "Tài khoản"]
    at.button(key="sign_out").click().run()
    assert menu(at) == [*DASHBOARDS, REPORTS]
    assert StateKey.SIGNED_IN not in at.session_state


def test_a_signed_in_account_changes_its_own_password(
    sample_copy_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = sign_in_as(app(monkeypatch, sample_copy_url), sample_copy_url, VIEWER, Role.VIEWER).run()
    new = "một mật khẩu mới thật dài"
    at.text_input(key="password_current").input(PASSWORD)
    at.text_input(key="password_new").input(new)
    at.text_input(key="password_again").input(new + "!")
    at.button(key="FormSubmitter:change_password-Đổi mật khẩu").click().run()
    assert [error.value for error in at.sidebar.error] == [
        "Hai lần nhập mật khẩu mới không giống nhau; mật khẩu chưa được đổi."
    ]
    at.text_input(key="password_current").input(PASSWORD)
    at.text_input(key="password_new").input(new)
    at.text_input(key="password_again").input(new)
    at.button(key="FormSubmitter:change_password-Đổi mật khẩu").click().run()
    assert [success.value for success in at.sidebar.success] == ["Đã đổi mật khẩu."]
    with Session(get_engine(sample_copy_url)) as session:
        assert authenticate(session=session, username=VIEWER, password=new, now=utc_now())


def test_an_agency_reporter_gets_its_own_page_and_no_other_write(
    sample_copy_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = app(monkeypatch, sample_copy_url)
    at = sign_in_as(at, sample_copy_url, "dm.stc", Role.AGENCY_REPORTER, "Sở Tài chính").run()
    assert menu(at) == [*DASHBOARDS, "Nhiệm vụ của đơn vị", REPORTS]
    at.switch_page("app_pages/9_Nhiem_vu_don_vi.py").run()
    assert not at.exception
    assert "Sở Tài chính" in [text.value for text in at.text]
    for page in (UPLOAD_PAGE, ACCOUNTS_PAGE, "app_pages/10_Duyet_bao_cao.py"):
        at.switch_page(page).run()
        assert [warning.value for warning in at.warning] == [NOT_FOR_ROLE]
