"""The sign-in box at the top of the sidebar, and what a page shows to someone who may not
open it. Writing is never protected here: the data layer checks the role of every write."""

from __future__ import annotations

import streamlit as st

from data_access.models import Account
from data_access.permissions import Action
from errors import UserFacingError
from ui.accounts import change_own_password
from ui.safe_text import literal
from ui.session import SESSION_EXPIRED, person_label, sign_in, sign_out, single_sign_on
from ui.state import StateKey

SIGN_IN = "Đăng nhập"
SIGN_OUT = "Đăng xuất"
USERNAME_LABEL = "Tên đăng nhập"
PASSWORD_LABEL = "Mật khẩu"
SIGNED_IN_AS = "Đang đăng nhập"
NEEDS_SIGN_IN = "Trang này cần đăng nhập."
NOT_FOR_ROLE = "Tài khoản đang đăng nhập không có quyền mở trang này."
PUBLIC_VIEW_OFF = "Trang công khai chưa được bật trên hệ thống này."
SSO_DISABLED = "Tài khoản của người đang đăng nhập đã bị vô hiệu hoá trong ứng dụng này."
CHANGE_PASSWORD = "Đổi mật khẩu"
PASSWORDS_DIFFER = "Hai lần nhập mật khẩu mới không giống nhau; mật khẩu chưa được đổi."
PASSWORD_CHANGED = "Đã đổi mật khẩu."


def draw_account_box(actor: Account | None) -> None:
    """Who is signed in and a sign-out button, or the way to sign in."""
    with st.sidebar:
        if st.session_state.pop(StateKey.SESSION_EXPIRED, False):
            st.info(SESSION_EXPIRED)
        if actor is not None:
            st.caption(SIGNED_IN_AS)
            st.text(person_label(actor))
            if not single_sign_on():
                with st.popover(CHANGE_PASSWORD, icon=":material/password:"):
                    change_password_form()
            sign_out_button()
        elif single_sign_on() and st.user.is_logged_in:  # signed in there, disabled here
            st.warning(SSO_DISABLED)
            sign_out_button()
        elif single_sign_on():
            st.button(SIGN_IN, key="sso_sidebar", on_click=st.login, icon=":material/login:")
        else:
            with st.popover(SIGN_IN, icon=":material/login:"):
                sign_in_form("sidebar")


def sign_out_button() -> None:
    """Single sign-on: Streamlit clears its identity cookie; local: this session forgets."""
    leave = st.logout if single_sign_on() else sign_out
    st.button(SIGN_OUT, key="sign_out", on_click=leave, icon=":material/logout:")


def refuse_page(actor: Account | None, needs: Action) -> None:
    """Instead of a page the visitor may not open: why, and the way to sign in (the public
    page is refused to everyone alike: it is turned off)."""
    if needs is Action.VIEW_PUBLIC:
        st.info(PUBLIC_VIEW_OFF)
        return
    if actor is not None:
        st.warning(NOT_FOR_ROLE)
        return
    st.info(NEEDS_SIGN_IN)
    if single_sign_on() and not st.user.is_logged_in:
        st.button(SIGN_IN, key="sso_page", on_click=st.login, type="primary")
    elif not single_sign_on():
        sign_in_form("page")


def sign_in_form(place: str) -> None:
    """Name and password; a wrong one gets the one sentence that never says which was wrong."""
    with st.form(f"{StateKey.SIGN_IN_FORM}_{place}", clear_on_submit=True):
        username = st.text_input(USERNAME_LABEL, key=f"username_{place}")
        password = st.text_input(PASSWORD_LABEL, type="password", key=f"password_{place}")
        submitted = st.form_submit_button(SIGN_IN, type="primary")
    if not submitted:
        return
    try:
        sign_in(username, password)
    except UserFacingError as error:
        st.error(literal(str(error)))
        return
    st.rerun()


def change_password_form() -> None:
    with st.form("change_password", clear_on_submit=True):
        current = st.text_input("Mật khẩu hiện tại", type="password", key="password_current")
        new = st.text_input("Mật khẩu mới", type="password", key="password_new")
        again = st.text_input("Nhập lại mật khẩu mới", type="password", key="password_again")
        if not st.form_submit_button(CHANGE_PASSWORD):
            return
    if new != again:
        st.error(PASSWORDS_DIFFER)
        return
    try:
        change_own_password(current, new)
    except UserFacingError as error:
        st.error(literal(str(error)))
        return
    st.success(PASSWORD_CHANGED)
