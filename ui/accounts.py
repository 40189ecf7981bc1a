"""Helpers of the "Tài khoản" page: the accounts table and the account writes, made as the
signed-in account (the data layer refuses them unless it is an administrator)."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from data_access import accounts
from data_access.clock import local_time_text
from data_access.kinds import Role
from data_access.models import Account, utc_now
from data_access.permissions import NOT_SIGNED_IN, ROLE_LABELS, Action, NotAllowedError, require
from ui.cache import database_url, reading, writing
from ui.session import acting_account, single_sign_on

STATE_ACTIVE = "Đang dùng"
STATE_DISABLED = "Đã vô hiệu hoá"
STATE_LOCKED = "Tạm khoá đến {until}"
CHANGE_PASSWORD = "đổi mật khẩu"
COLUMNS = ("Tên đăng nhập", "Họ tên", "Vai trò", "Cơ quan", "Trạng thái", "Đổi mật khẩu lúc")


def account_table(now: datetime | None = None) -> pd.DataFrame:
    """Every account, one row each, in Vietnamese; shown with st.dataframe only."""
    _allowed()
    moment = now or utc_now()
    with reading(database_url()) as session:
        rows = accounts.list_accounts(session=session)
        agencies = accounts.agency_names_of(session=session, accounts=rows)
    return pd.DataFrame(
        [
            (
                account.username,
                account.display_name,
                ROLE_LABELS[account.role],
                agencies.get(account.agency_id or 0, ""),
                _state(account, moment),
                local_time_text(account.password_changed_at) if account.password_changed_at else "",
            )
            for account in rows
        ],
        columns=list(COLUMNS),
    )


def usernames() -> list[str]:
    _allowed()
    with reading(database_url()) as session:
        return [account.username for account in accounts.list_accounts(session=session)]


def add(
    username: str, display_name: str, role: Role, agency: str | None, password: str
) -> accounts.NewPassword:
    actor = acting_account()
    with writing(data_changes=False) as session:
        return accounts.add_account(
            session=session,
            actor=actor,
            username=username,
            role=role,
            display_name=display_name,
            agency_name=agency if role is Role.AGENCY_REPORTER else None,
            password=password or None,
            single_sign_on=single_sign_on(),
        )


def reset_password(username: str) -> accounts.NewPassword:
    actor = acting_account()
    with writing(data_changes=False) as session:
        return accounts.reset_password(session=session, actor=actor, username=username)


def disable(username: str) -> None:
    actor = acting_account()
    with writing(data_changes=False) as session:
        accounts.disable(session=session, actor=actor, username=username)


def change_own_password(current: str, new: str) -> None:
    actor = acting_account()
    if actor is None:
        raise NotAllowedError(NOT_SIGNED_IN.format(action=CHANGE_PASSWORD))
    with writing(data_changes=False) as session:
        accounts.change_own_password(
            session=session, actor=actor, current=current, new=new, now=utc_now()
        )


def _allowed() -> None:
    """Reading the accounts is an administrator's too: the page is not the protection."""
    require(acting_account(), Action.MANAGE_ACCOUNTS)


def _state(account: Account, now: datetime) -> str:
    if account.is_disabled:
        return STATE_DISABLED
    if account.locked_until is not None and account.locked_until > now:
        return STATE_LOCKED.format(until=local_time_text(account.locked_until))
    return STATE_ACTIVE
