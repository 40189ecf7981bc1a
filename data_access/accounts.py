"""Accounts kept in the app's database: add, sign in, disable, reset a password, list.

Passwords are hashed with argon2 (``argon2.PasswordHasher``'s defaults, argon2id); a
password an administrator did not choose is a one-time password from ``secrets``, shown
once. Changing an account needs an administrator (``actor``, permissions.py). Wrong
passwords are counted in the database, so the lock-out after MAX_FAILED_SIGN_INS holds
across app processes.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, col, select

from data_access.agency_store import find_agency
from data_access.kinds import Role
from data_access.models import Account, Agency, utc_now
from data_access.permissions import Action, require
from errors import UserFacingError
from loaders.limits import (
    LOCKOUT_MINUTES,
    MAX_FAILED_SIGN_INS,
    MAX_PERSON_CHARS,
    MAX_USERNAME_CHARS,
    MIN_PASSWORD_CHARS,
)

ONE_TIME_PASSWORD_BYTES = 12  # 16 URL-safe characters
# An e-mail address is a name too: the province's single sign-on may identify people by it.
USERNAME = re.compile(rf"[a-z0-9][a-z0-9._@-]{{0,{MAX_USERNAME_CHARS - 1}}}")
# Whoever runs the command line or the first-run bootstrap at the server already holds the
# database itself: they act as this administrator, which is never stored.
SHELL_ADMIN = Account(username="shell", display_name="Quản trị hệ thống", role=Role.ADMIN)

SIGN_IN_FAILED = (
    "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khoá; hãy thử lại sau "
    f"{LOCKOUT_MINUTES} phút hoặc liên hệ quản trị viên."
)
BAD_USERNAME = (
    "Tên đăng nhập “{username}” không hợp lệ: chỉ dùng chữ không dấu, chữ số và . _ - @, "
    f"tối đa {MAX_USERNAME_CHARS} ký tự; chưa có gì thay đổi."
)
USERNAME_TAKEN = "Tên đăng nhập “{username}” đã có; chưa có gì thay đổi."
NO_SUCH_ACCOUNT = "Không có tài khoản “{username}”; chưa có gì thay đổi."
NAME_TOO_LONG = f"Họ tên dài quá {MAX_PERSON_CHARS} ký tự; chưa có gì thay đổi."
AGENCY_NEEDED = "Tài khoản cán bộ đầu mối phải gắn với một cơ quan; chưa có gì thay đổi."
AGENCY_NOT_ALLOWED = "Chỉ tài khoản cán bộ đầu mối mới gắn với một cơ quan; chưa có gì thay đổi."
PASSWORD_TOO_SHORT = f"Mật khẩu phải có ít nhất {MIN_PASSWORD_CHARS} ký tự; chưa có gì thay đổi."
UNKNOWN_AGENCY = "Chưa có cơ quan “{agency}” trong danh mục; chưa có gì thay đổi."
NO_OWN_PASSWORD = (
    "Tài khoản này đăng nhập qua hệ thống đăng nhập một lần nên không có mật khẩu ở đây."
)
WRONG_CURRENT_PASSWORD = "Mật khẩu hiện tại không đúng; mật khẩu chưa được đổi."

_hasher = PasswordHasher()
# Verified when there is no hash to check, so that an unknown name costs the same time.
_STAND_IN_HASH = _hasher.hash(secrets.token_urlsafe(ONE_TIME_PASSWORD_BYTES))


class AccountError(UserFacingError):
    """An account could not be added or changed; nothing was."""


class SignInError(UserFacingError):
    """Sign-in refused; the one sentence never says whether the name exists."""


@dataclass(frozen=True)
class NewPassword:
    """An account and its one-time password (None when the administrator chose one)."""

    account: Account
    one_time_password: str | None


def username_key(username: str) -> str:
    """How a name is stored and looked up: trimmed and case-folded ("NVA" is "nva")."""
    return username.strip().casefold()


def add_account(
    *,
    session: Session,
    actor: Account,
    username: str,
    role: Role,
    display_name: str = "",
    agency_name: str | None = None,
    password: str | None = None,
    single_sign_on: bool = False,
    now: datetime | None = None,
) -> NewPassword:
    """Add an account; without ``password``, a one-time password is made and returned.

    ``single_sign_on``: the account signs in through the province's provider (st.login),
    matched by its name; it has no password here.
    """
    require(actor, Action.MANAGE_ACCOUNTS)
    key = username_key(username)
    if USERNAME.fullmatch(key) is None:
        raise AccountError(BAD_USERNAME.format(username=username.strip()))
    if find_account(session=session, username=key) is not None:
        raise AccountError(USERNAME_TAKEN.format(username=key))
    if len(display_name.strip()) > MAX_PERSON_CHARS:
        raise AccountError(NAME_TOO_LONG)
    account = Account(
        username=key,
        display_name=display_name.strip(),
        role=role,
        agency_id=_agency_id(session, role, agency_name),
        created_at=now or utc_now(),
    )
    if single_sign_on:
        session.add(account)
        session.flush()
        return NewPassword(account=account, one_time_password=None)
    return _set_password(session, account, password, now)


def reset_password(
    *, session: Session, actor: Account, username: str, now: datetime | None = None
) -> NewPassword:
    """Give the account a new one-time password, and lift a lock-out."""
    require(actor, Action.MANAGE_ACCOUNTS)
    return _set_password(session, _existing(session, username), None, now)


def disable(*, session: Session, actor: Account, username: str) -> Account:
    """The account can no longer sign in or act; its history keeps its name."""
    require(actor, Action.MANAGE_ACCOUNTS)
    account = _existing(session, username)
    account.is_disabled = True
    session.add(account)
    session.flush()
    return account


def change_own_password(
    *, session: Session, actor: Account, current: str, new: str, now: datetime
) -> None:
    """The signed-in account chooses its own password (after a one-time one, say)."""
    account = session.get(Account, actor.id) if actor.id is not None else None
    if account is None or account.password_hash is None:
        raise AccountError(NO_OWN_PASSWORD)
    if not _matches(account.password_hash, current):
        raise AccountError(WRONG_CURRENT_PASSWORD)
    _set_password(session, account, new, now)


def list_accounts(*, session: Session) -> list[Account]:
    """Every account, by name."""
    return list(session.exec(select(Account).order_by(col(Account.username))).all())


def agency_names_of(*, session: Session, accounts: list[Account]) -> dict[int, str]:
    """The name of each agency the given reporters belong to, by id."""
    ids = {account.agency_id for account in accounts if account.agency_id is not None}
    if not ids:
        return {}
    rows = session.exec(select(Agency.id, Agency.name).where(col(Agency.id).in_(ids))).all()
    return {agency_id: name for agency_id, name in rows if agency_id is not None}


def find_account(*, session: Session, username: str) -> Account | None:
    statement = select(Account).where(Account.username == username_key(username))
    return session.exec(statement).first()


def authenticate(*, session: Session, username: str, password: str, now: datetime) -> Account:
    """The account whose password this is; SignInError otherwise, after counting the failure.

    Run in a write session: a failure is committed before SignInError is raised, so the
    count holds although the caller's session then rolls back. The MAX_FAILED_SIGN_INS-th
    failure in a row locks the account for LOCKOUT_MINUTES; a success resets the count.
    """
    account = find_account(session=session, username=username)
    usable = account is not None and not account.is_disabled and account.password_hash
    locked = account is not None and account.locked_until is not None and account.locked_until > now
    if account is None or not usable or locked:
        _matches(_STAND_IN_HASH, password)
        raise SignInError(SIGN_IN_FAILED)
    assert account.password_hash is not None
    if not _matches(account.password_hash, password):
        account.failed_attempts += 1
        if account.failed_attempts >= MAX_FAILED_SIGN_INS:
            account.failed_attempts = 0
            account.locked_until = now + timedelta(minutes=LOCKOUT_MINUTES)
        session.add(account)
        session.commit()
        raise SignInError(SIGN_IN_FAILED)
    account.failed_attempts, account.locked_until = 0, None
    if _hasher.check_needs_rehash(account.password_hash):  # argon2's defaults moved on
        account.password_hash = _hasher.hash(password)
    session.add(account)
    session.flush()
    return account


def _matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _set_password(
    session: Session, account: Account, password: str | None, now: datetime | None
) -> NewPassword:
    if password is not None and len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(PASSWORD_TOO_SHORT)
    chosen = secrets.token_urlsafe(ONE_TIME_PASSWORD_BYTES) if password is None else password
    account.password_hash = _hasher.hash(chosen)
    account.password_changed_at = now or utc_now()
    account.failed_attempts, account.locked_until = 0, None
    session.add(account)
    session.flush()
    return NewPassword(account=account, one_time_password=chosen if password is None else None)


def _existing(session: Session, username: str) -> Account:
    account = find_account(session=session, username=username)
    if account is None:
        raise AccountError(NO_SUCH_ACCOUNT.format(username=username_key(username)))
    return account


def _agency_id(session: Session, role: Role, agency_name: str | None) -> int | None:
    """The agency of an agency reporter; no other role has one."""
    if role is not Role.AGENCY_REPORTER:
        if agency_name:
            raise AccountError(AGENCY_NOT_ALLOWED)
        return None
    if not agency_name:
        raise AccountError(AGENCY_NEEDED)
    agency = find_agency(session=session, name=agency_name)
    if agency is None:
        raise AccountError(UNKNOWN_AGENCY.format(agency=agency_name.strip()))
    return agency.id
