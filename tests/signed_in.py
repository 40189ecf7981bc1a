"""Accounts for the page tests: made in the test's database, signed in in an AppTest."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from data_access.accounts import SHELL_ADMIN, add_account, find_account
from data_access.db import get_engine
from data_access.kinds import Role
from data_access.models import Account, utc_now
from ui.session import SignedIn
from ui.state import StateKey

PASSWORD = "mật khẩu đủ dài 2026"
EDITOR = "bien.tap"
ADMIN = "quan.tri"
VIEWER = "lanh.dao"


def account_in(url: str, username: str, role: Role, agency: str | None = None) -> Account:
    """The account ``username`` in ``url``'s database, added with PASSWORD if missing."""
    with Session(get_engine(url), expire_on_commit=False) as session:
        account = find_account(session=session, username=username)
        if account is None:
            made = add_account(
                session=session,
                actor=SHELL_ADMIN,
                username=username,
                role=role,
                display_name=f"Người dùng {username}",
                agency_name=agency,
                password=PASSWORD,
            )
            account = made.account
            session.commit()
        return account


def sign_in_as(
    at: AppTest, url: str, username: str, role: Role, agency: str | None = None
) -> AppTest:
    """``at`` with ``username`` signed in, as the sign-in form leaves it (not yet run)."""
    account = account_in(url, username, role, agency)
    assert account.id is not None
    now = utc_now()
    at.session_state[StateKey.SIGNED_IN] = SignedIn(account.id, now, now)
    return at


@contextmanager
def signed_in_here(url: str, username: str, role: Role) -> Iterator[Account]:
    """``username`` signed in for the ui functions a test calls with no page running
    (Streamlit's bare mode keeps one session state for the process)."""
    account = account_in(url, username, role)
    assert account.id is not None
    now = utc_now()
    st.session_state[StateKey.SIGNED_IN] = SignedIn(account.id, now, now)
    try:
        yield account
    finally:
        st.session_state.pop(StateKey.SIGNED_IN, None)
