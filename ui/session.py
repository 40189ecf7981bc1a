"""Who is using the app in this browser session: sign-in, sign-out, and session expiry.

The signed-in account is kept in ``st.session_state`` by its id and re-read from the
database on every use, so a disabled account or a changed role takes effect at once.
A session ends after SESSION_IDLE_MINUTES without use or SESSION_MAX_HOURS in all;
closing or reloading the tab ends it too (the app's own accounts set no cookie). With
single sign-on (``SIGN_IN=sso``) the provider's identity comes from ``st.user``
(Streamlit keeps it in its own cookie) and is matched to an account by name.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

import streamlit as st

from data_access.accounts import authenticate, find_account
from data_access.kinds import Role
from data_access.models import Account, utc_now
from data_access.permissions import ROLE_LABELS, Action, allows
from data_access.settings import SignInMethod, get_settings
from loaders.limits import SESSION_IDLE_MINUTES, SESSION_MAX_HOURS
from ui.cache import database_url, reading, writing
from ui.state import StateKey

SESSION_EXPIRED = "Phiên đăng nhập đã hết hạn; hãy đăng nhập lại."
IDLE_LIMIT = timedelta(minutes=SESSION_IDLE_MINUTES)
SESSION_LIMIT = timedelta(hours=SESSION_MAX_HOURS)
# The identity claims an account name is read from, in order (the provider's first one set).
SSO_NAME_CLAIMS = ("preferred_username", "email", "sub")


@dataclass(frozen=True)
class SignedIn:
    """A local account signed in in this browser session."""

    account_id: int
    started_at: datetime
    last_seen: datetime

    def expired(self, now: datetime) -> bool:
        return now - self.last_seen > IDLE_LIMIT or now - self.started_at > SESSION_LIMIT


def sign_in(username: str, password: str) -> Account:
    """Check the password (SignInError otherwise) and remember the account in this session."""
    now = utc_now()
    with writing(data_changes=False) as session:
        account = authenticate(session=session, username=username, password=password, now=now)
    assert account.id is not None
    st.session_state[StateKey.SIGNED_IN] = SignedIn(account.id, now, now)
    st.session_state.pop(StateKey.SESSION_EXPIRED, None)
    return account


def sign_out() -> None:
    st.session_state.pop(StateKey.SIGNED_IN, None)


def single_sign_on() -> bool:
    return get_settings().sign_in_method is SignInMethod.SSO


def acting_account() -> Account | None:
    """The signed-in account every write of this session is made as; None when nobody is."""
    if single_sign_on():
        return _sso_account()
    signed: SignedIn | None = st.session_state.get(StateKey.SIGNED_IN)
    if signed is None:
        return None
    now = utc_now()
    if signed.expired(now):
        st.session_state.pop(StateKey.SIGNED_IN, None)
        st.session_state[StateKey.SESSION_EXPIRED] = True
        return None
    with reading(database_url()) as session:
        account = _usable(session.get(Account, signed.account_id))
    if account is None:
        st.session_state.pop(StateKey.SIGNED_IN, None)
        return None
    st.session_state[StateKey.SIGNED_IN] = replace(signed, last_seen=now)
    return account


def may(actor: Account | None, action: Action) -> bool:
    """Whether ``actor`` may open what needs ``action``; nobody signed in may only view,
    and only while ALLOW_ANONYMOUS_VIEW is on. The public page is everyone's exactly while
    PUBLIC_VIEW is on, whatever ALLOW_ANONYMOUS_VIEW says."""
    if action is Action.VIEW_PUBLIC:
        return get_settings().public_view
    if actor is None:
        return action is Action.VIEW and get_settings().allow_anonymous_view
    return allows(actor, action)


def person_label(account: Account) -> str:
    """How a person is named on screen and in the imports they make: name (account, role)."""
    name = account.display_name or account.username
    return f"{name} ({account.username}, {ROLE_LABELS[account.role]})"


def _sso_account() -> Account | None:
    """The account of the identity the provider signed in; a viewer when it has none."""
    if not st.user.is_logged_in:
        return None
    name = next((str(st.user[claim]) for claim in SSO_NAME_CLAIMS if st.user.get(claim)), "")
    with reading(database_url()) as session:
        account = find_account(session=session, username=name) if name else None
        if account is not None:
            return _usable(account)
    display = str(st.user.get("name") or name)
    return Account(username=name, display_name=display, role=Role.VIEWER)


def _usable(account: Account | None) -> Account | None:
    return None if account is None or account.is_disabled else account
