"""Tài khoản under AppTest, through app.py as an administrator: the table, adding accounts
(a one-time password shown once, and it signs in), resetting a password, disabling."""

from __future__ import annotations

import pytest
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from data_access.accounts import SignInError, authenticate, find_account
from data_access.db import get_engine
from data_access.kinds import Role
from data_access.models import utc_now
from data_access.permissions import NotAllowedError
from tests.pages_db import APP, page_test, use_database
from tests.signed_in import ADMIN, EDITOR, PASSWORD, account_in, sign_in_as, signed_in_here
from ui import accounts as ui_accounts

PAGE = "app_pages/8_Tai_khoan.py"
AGENCY = "Sở Tài chính"  # leads tasks in the sample plans


def open_as_admin(monkeypatch: pytest.MonkeyPatch, url: str) -> AppTest:
    at = sign_in_as(page_test(monkeypatch, url, APP), url, ADMIN, Role.ADMIN).run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def accounts_shown(at: AppTest) -> list[list[str]]:
    table = next(frame.value for frame in at.dataframe if "Tên đăng nhập" in frame.value)
    return table[["Tên đăng nhập", "Vai trò", "Cơ quan", "Trạng thái"]].values.tolist()


def add(at: AppTest, username: str, role: Role, agency: str | None, password: str = "") -> AppTest:
    form = [field for field in at.text_input if field.form_id == "add_account"]
    form[0].input(username)
    form[1].input(f"Cán bộ {username}")
    form[2].input(password)
    boxes = [box for box in at.selectbox if box.form_id == "add_account"]
    boxes[0].set_value(role)
    boxes[1].set_value(agency)
    next(b for b in at.button if b.form_id == "add_account").click()
    return at.run()


def signs_in(url: str, username: str, password: str) -> bool:
    with Session(get_engine(url)) as session:
        try:
            authenticate(session=session, username=username, password=password, now=utc_now())
        except SignInError:
            return False
    return True


def test_an_administrator_adds_a_reporter_whose_one_time_password_signs_in(
    sample_copy_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = open_as_admin(monkeypatch, sample_copy_url)
    assert accounts_shown(at) == [[ADMIN, "quản trị", "", "Đang dùng"]]
    at = add(at, "nva.taichinh", Role.AGENCY_REPORTER, AGENCY)
    assert not at.exception
    assert accounts_shown(at) == [
        ["nva.taichinh", "cán bộ đầu mối", AGENCY, "Đang dùng"],
        [ADMIN, "quản trị", "", "Đang dùng"],
    ]
    (password,) = [code.value for code in at.code]
    assert signs_in(sample_copy_url, "nva.taichinh", password)
    at.run()  # shown once: gone on the next run
    assert not at.code


def test_a_chosen_password_is_not_shown_and_a_bad_account_gets_one_sentence(
    sample_copy_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = add(open_as_admin(monkeypatch, sample_copy_url), "lanh.dao", Role.VIEWER, None, PASSWORD)
    assert not at.code
    assert signs_in(sample_copy_url, "lanh.dao", PASSWORD)
    at = add(at, "nguoi.khac", Role.AGENCY_REPORTER, None)
    assert [error.value for error in at.error] == [
        "Tài khoản cán bộ đầu mối phải gắn với một cơ quan\\; chưa có gì thay đổi\\."
    ]
    with Session(get_engine(sample_copy_url)) as session:
        assert find_account(session=session, username="nguoi.khac") is None


def test_reset_gives_a_new_one_time_password_and_disable_stops_sign_in(
    sample_copy_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    account_in(sample_copy_url, EDITOR, Role.EDITOR)
    at = open_as_admin(monkeypatch, sample_copy_url)
    at.selectbox(key="account_to_change").set_value(EDITOR).run()
    at.button(key="reset_password").click().run()
    (password,) = [code.value for code in at.code]
    assert not signs_in(sample_copy_url, EDITOR, PASSWORD)
    assert signs_in(sample_copy_url, EDITOR, password)
    at.selectbox(key="account_to_change").set_value(EDITOR).run()
    at.checkbox(key="disable_confirm").check().run()
    at.button(key="disable").click().run()
    assert [EDITOR, "biên tập của Sở", "", "Đã vô hiệu hoá"] in accounts_shown(at)
    assert not signs_in(sample_copy_url, EDITOR, password)


def test_the_page_functions_refuse_anyone_but_an_administrator(
    sample_copy_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_database(monkeypatch, sample_copy_url)
    with signed_in_here(sample_copy_url, EDITOR, Role.EDITOR), pytest.raises(NotAllowedError):
        ui_accounts.add("moi", "", Role.VIEWER, None, "")
    with signed_in_here(sample_copy_url, EDITOR, Role.EDITOR), pytest.raises(NotAllowedError):
        ui_accounts.account_table()
    with Session(get_engine(sample_copy_url)) as session:
        assert find_account(session=session, username="moi") is None
