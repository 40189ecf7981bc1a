"""Tài khoản: the administrator's list of accounts; add one, reset a password, disable one.

A one-time password is shown once, as literal text; the administrator passes it on and
its owner changes it after signing in ("Đổi mật khẩu" in the sidebar).
"""

from __future__ import annotations

import streamlit as st

from data_access.kinds import Role
from data_access.permissions import ROLE_LABELS
from errors import UserFacingError
from ui import accounts as ui
from ui.safe_text import literal
from ui.session import single_sign_on
from ui.upload import agency_names

ONE_TIME = "Mật khẩu dùng một lần của “{username}” (chỉ hiện lần này; hãy chuyển cho người dùng):"
FLASH = "tai_khoan_thong_bao"
SSO_NOTE = (
    "Đăng nhập qua hệ thống đăng nhập một lần của tỉnh: tài khoản thêm ở đây không có mật khẩu, "
    "tên đăng nhập phải trùng tên (hoặc thư điện tử) người đó dùng ở hệ thống của tỉnh. "
    "Người đăng nhập được mà chưa có tài khoản ở đây chỉ xem số liệu."
)


def saved(message: str, password: str | None = None) -> None:
    """Say so after the rerun that shows the table as it is now."""
    st.session_state[FLASH] = (message, password)
    st.rerun()


def show_flash() -> None:
    message, password = st.session_state.pop(FLASH, ("", None))
    if message:
        st.success(literal(message))
    if password is not None:
        st.code(password, language=None)


def add_section() -> None:
    with st.form("add_account", clear_on_submit=True):
        username = st.text_input("Tên đăng nhập (chữ không dấu, số, . _ -)")
        display_name = st.text_input("Họ tên")
        role = st.selectbox("Vai trò", list(Role), format_func=ROLE_LABELS.__getitem__)
        agency = st.selectbox(
            "Cơ quan (chỉ với cán bộ đầu mối)", agency_names(), index=None, placeholder="—"
        )
        password = st.text_input("Mật khẩu (để trống: tạo mật khẩu dùng một lần)", type="password")
        if not st.form_submit_button("Thêm tài khoản", type="primary"):
            return
    try:
        made = ui.add(username, display_name, role, agency, password)
    except UserFacingError as error:
        st.error(literal(str(error)))
        return
    username = made.account.username
    if made.one_time_password is None:
        saved(f"Đã thêm tài khoản “{username}”.")
    saved(ONE_TIME.format(username=username), made.one_time_password)


def change_section() -> None:
    names = ui.usernames()
    if not names:
        return
    username = st.selectbox("Tài khoản", names, key="account_to_change")
    left, right = st.columns(2)
    try:
        if left.button("Đặt lại mật khẩu", key="reset_password"):
            made = ui.reset_password(username)
            saved(ONE_TIME.format(username=username), made.one_time_password)
        sure = right.checkbox("Tôi muốn vô hiệu hoá tài khoản này", key="disable_confirm")
        if right.button("Vô hiệu hoá", disabled=not sure, key="disable"):
            ui.disable(username)
            saved(f"Đã vô hiệu hoá tài khoản “{username}”.")
    except UserFacingError as error:
        st.error(literal(str(error)))


st.title("Tài khoản")
if single_sign_on():
    st.caption(SSO_NOTE)
show_flash()
st.dataframe(ui.account_table(), hide_index=True, key="accounts")
tab_add, tab_change = st.tabs(["Thêm tài khoản", "Đặt lại mật khẩu, vô hiệu hoá"])
with tab_add:
    add_section()
with tab_change:
    change_section()
