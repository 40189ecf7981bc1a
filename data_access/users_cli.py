"""``python -m data_access users add|list|disable|reset-password``: accounts from the shell.

Whoever runs it at the server acts as accounts.SHELL_ADMIN. A one-time password is
printed once, on stdout, and never stored in clear.
"""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from data_access.accounts import (
    SHELL_ADMIN,
    NewPassword,
    add_account,
    disable,
    list_accounts,
    reset_password,
)
from data_access.clock import local_time_text
from data_access.db import session_scope
from data_access.kinds import Role
from data_access.models import Account, Agency, utc_now
from data_access.permissions import ROLE_LABELS

USERS_COMMAND = "users"
ADDED = "Đã thêm tài khoản {username} ({role})."
DISABLED = "Đã vô hiệu hoá tài khoản {username}; tài khoản này không đăng nhập được nữa."
RESET = "Đã đặt lại mật khẩu của tài khoản {username}."
ONE_TIME = "Mật khẩu dùng một lần (chỉ in lần này, hãy trao tận tay): {password}"
NO_ACCOUNTS = "Chưa có tài khoản nào."
ACTIVE, DISABLED_STATE, LOCKED = "đang dùng", "đã vô hiệu hoá", "tạm khoá đến {until}"


def add_users_command(commands: Any) -> None:
    """The ``users`` command and its four sub-commands on ``commands`` (argparse's)."""
    users = commands.add_parser(USERS_COMMAND, help="quản lý tài khoản đăng nhập")
    actions = users.add_subparsers(dest="users_command", required=True)
    add = actions.add_parser("add", help="thêm tài khoản; in mật khẩu dùng một lần")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=[str(role) for role in Role])
    add.add_argument("--agency", default=None, help="cơ quan của cán bộ đầu mối")
    add.add_argument("--name", default="", help="họ tên")
    add.add_argument(
        "--sso", action="store_true", help="đăng nhập một lần qua hệ thống của tỉnh; không mật khẩu"
    )
    actions.add_parser("list", help="danh sách tài khoản")
    for name, help_text in (
        ("disable", "vô hiệu hoá tài khoản"),
        ("reset-password", "đặt lại mật khẩu; in mật khẩu dùng một lần"),
    ):
        actions.add_parser(name, help=help_text).add_argument("username")


def run_users_command(engine: Engine, args: argparse.Namespace) -> int:
    """One ``users`` sub-command; exit status 0 (a refusal raises a UserFacingError)."""
    if args.users_command == "list":
        with session_scope(engine) as session:
            lines = [_describe(session, account) for account in list_accounts(session=session)]
        print("\n".join(lines) or NO_ACCOUNTS)
        return 0
    with session_scope(engine, write=True) as session:
        if args.users_command == "add":
            made = add_account(
                session=session,
                actor=SHELL_ADMIN,
                username=args.username,
                role=Role(args.role),
                display_name=args.name,
                agency_name=args.agency,
                single_sign_on=args.sso,
            )
            role = ROLE_LABELS[made.account.role]
            _print(made, ADDED.format(username=made.account.username, role=role))
        elif args.users_command == "disable":
            account = disable(session=session, actor=SHELL_ADMIN, username=args.username)
            print(DISABLED.format(username=account.username))
        else:
            made = reset_password(session=session, actor=SHELL_ADMIN, username=args.username)
            _print(made, RESET.format(username=made.account.username))
    return 0


def _print(made: NewPassword, done: str) -> None:
    print(done)
    if made.one_time_password is not None:
        print(ONE_TIME.format(password=made.one_time_password))


def _describe(session: Session, account: Account) -> str:
    """One line: name, role, agency, state."""
    agency = session.get(Agency, account.agency_id) if account.agency_id is not None else None
    if account.is_disabled:
        state = DISABLED_STATE
    elif account.locked_until is not None and account.locked_until > utc_now():
        state = LOCKED.format(until=local_time_text(account.locked_until))
    else:
        state = ACTIVE
    parts = [account.username, account.display_name, ROLE_LABELS[account.role]]
    return " — ".join(part for part in (*parts, agency.name if agency else "", state) if part)
