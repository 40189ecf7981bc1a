"""Accounts in the database: argon2 hashes, one-time passwords, lock-out, disabling."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from data_access.accounts import (
    SHELL_ADMIN,
    AccountError,
    SignInError,
    add_account,
    authenticate,
    change_own_password,
    disable,
    find_account,
    list_accounts,
    reset_password,
)
from data_access.db import session_scope
from data_access.kinds import Role
from data_access.models import Account
from data_access.permissions import NotAllowedError
from tests.backends import ON_BOTH_DATABASES, fresh_engine
from tests.upload_db import SKHCN, planned_engine

pytestmark = ON_BOTH_DATABASES

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
PASSWORD = "mật khẩu đủ dài 2026"
# The one sentence of every refused sign-in (it never says whether the name exists).
REFUSED = (
    "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khoá; hãy thử lại sau "
    "15 phút hoặc liên hệ quản trị viên."
)


def _with_account(engine: Engine, password: str | None = PASSWORD) -> str | None:
    """Add account "lan" (an editor); its one-time password when none was chosen."""
    with session_scope(engine, write=True) as session:
        made = add_account(
            session=session,
            actor=SHELL_ADMIN,
            username="Lan",
            role=Role.EDITOR,
            display_name="Nguyễn Thị Lan",
            password=password,
            now=NOW,
        )
    return made.one_time_password


def _sign_in(engine: Engine, username: str, password: str, now: datetime = NOW) -> Account:
    with session_scope(engine, write=True) as session:
        return authenticate(session=session, username=username, password=password, now=now)


def _refused(engine: Engine, username: str, password: str, now: datetime = NOW) -> str:
    with pytest.raises(SignInError) as refused:
        _sign_in(engine, username, password, now)
    return str(refused.value)


def test_a_password_is_stored_as_an_argon2id_hash_and_signs_in() -> None:
    engine = fresh_engine()
    assert _with_account(engine) is None
    with session_scope(engine) as session:
        account = find_account(session=session, username="LAN")
    assert account is not None and account.password_hash is not None
    assert account.password_hash.startswith("$argon2id$")
    assert PASSWORD not in account.password_hash
    assert (account.username, account.display_name) == ("lan", "Nguyễn Thị Lan")
    assert account.password_changed_at == NOW
    assert _sign_in(engine, "  LaN ", PASSWORD).username == "lan"


def test_without_a_password_a_one_time_password_is_made_and_works() -> None:
    engine = fresh_engine()
    one_time = _with_account(engine, password=None)
    assert one_time is not None and len(one_time) >= 16
    assert _sign_in(engine, "lan", one_time).role is Role.EDITOR


def test_a_wrong_password_and_an_unknown_name_get_the_same_sentence() -> None:
    engine = fresh_engine()
    _with_account(engine)
    assert _refused(engine, "lan", "sai mật khẩu") == REFUSED
    assert _refused(engine, "khong-co", PASSWORD) == REFUSED


def test_five_failures_lock_the_account_for_fifteen_minutes() -> None:
    engine = fresh_engine()
    _with_account(engine)
    for attempt in range(5):
        _refused(engine, "lan", f"sai {attempt}", NOW + timedelta(minutes=attempt))
    locked_at = NOW + timedelta(minutes=4)
    # the right password is refused while locked, with the same sentence
    assert _refused(engine, "lan", PASSWORD, locked_at + timedelta(minutes=14)) == REFUSED
    assert _sign_in(engine, "lan", PASSWORD, locked_at + timedelta(minutes=15)).username == "lan"


def test_four_failures_then_a_success_start_the_count_again() -> None:
    engine = fresh_engine()
    _with_account(engine)
    for attempt in range(4):
        _refused(engine, "lan", f"sai {attempt}")
    _sign_in(engine, "lan", PASSWORD)
    for attempt in range(4):
        _refused(engine, "lan", f"sai {attempt}")
    assert _sign_in(engine, "lan", PASSWORD).failed_attempts == 0


def test_failures_are_kept_in_the_database_although_the_session_rolls_back() -> None:
    engine = fresh_engine()
    _with_account(engine)
    _refused(engine, "lan", "sai")
    with session_scope(engine) as session:  # another session, as another process would
        account = find_account(session=session, username="lan")
    assert account is not None and account.failed_attempts == 1


def test_a_disabled_account_cannot_sign_in_and_a_reset_unlocks() -> None:
    engine = fresh_engine()
    _with_account(engine)
    for attempt in range(5):
        _refused(engine, "lan", f"sai {attempt}")
    with session_scope(engine, write=True) as session:
        made = reset_password(session=session, actor=SHELL_ADMIN, username="LAN", now=NOW)
    assert made.one_time_password is not None
    assert _refused(engine, "lan", PASSWORD) == REFUSED  # the old password is gone
    assert _sign_in(engine, "lan", made.one_time_password).locked_until is None
    with session_scope(engine, write=True) as session:
        disable(session=session, actor=SHELL_ADMIN, username="lan")
    assert _refused(engine, "lan", made.one_time_password) == REFUSED


@pytest.mark.parametrize(
    ("username", "role", "agency", "message"),
    [
        ("lan", Role.VIEWER, None, "Tên đăng nhập “lan” đã có; chưa có gì thay đổi."),
        ("LAN", Role.VIEWER, None, "Tên đăng nhập “lan” đã có; chưa có gì thay đổi."),
        ("Lê Lan", Role.VIEWER, None, "Tên đăng nhập “Lê Lan” không hợp lệ"),
        ("", Role.VIEWER, None, "Tên đăng nhập “” không hợp lệ"),
        (
            "dau-moi",
            Role.AGENCY_REPORTER,
            None,
            "Tài khoản cán bộ đầu mối phải gắn với một cơ quan",
        ),
        ("dau-moi", Role.AGENCY_REPORTER, "Sở Không Có", "Chưa có cơ quan “Sở Không Có”"),
        ("bien-tap", Role.EDITOR, SKHCN, "Chỉ tài khoản cán bộ đầu mối mới gắn với một cơ quan"),
    ],
)
def test_accounts_that_cannot_be_added(
    username: str, role: Role, agency: str | None, message: str
) -> None:
    engine = planned_engine()
    _with_account(engine)
    with pytest.raises(AccountError) as refused, session_scope(engine, write=True) as session:
        add_account(
            session=session, actor=SHELL_ADMIN, username=username, role=role, agency_name=agency
        )
    assert str(refused.value).startswith(message)
    assert str(refused.value).endswith("chưa có gì thay đổi.")
    with session_scope(engine) as session:
        assert [a.username for a in list_accounts(session=session)] == ["lan"]


def test_an_agency_reporter_belongs_to_its_agency_and_the_database_insists() -> None:
    engine = planned_engine()
    with session_scope(engine, write=True) as session:
        made = add_account(
            session=session,
            actor=SHELL_ADMIN,
            username="dau-moi",
            role=Role.AGENCY_REPORTER,
            agency_name="Sở KH&CN",  # a known spelling of SKHCN
        )
        assert made.account.agency_id is not None
    with pytest.raises(IntegrityError), session_scope(engine, write=True) as session:
        session.add(Account(username="khong-co-co-quan", role=Role.AGENCY_REPORTER))
        session.flush()


def test_only_an_administrator_changes_accounts() -> None:
    engine = fresh_engine()
    _with_account(engine)  # an editor
    with session_scope(engine) as session:
        editor = find_account(session=session, username="lan")
    assert editor is not None
    with pytest.raises(NotAllowedError) as refused, session_scope(engine, write=True) as session:
        add_account(session=session, actor=editor, username="moi", role=Role.ADMIN)
    assert str(refused.value) == (
        "Tài khoản lan (biên tập của Sở) không có quyền quản lý tài khoản; chưa có gì thay đổi."
    )


def test_a_single_sign_on_account_has_no_password_and_cannot_sign_in_here() -> None:
    engine = fresh_engine()
    with session_scope(engine, write=True) as session:
        made = add_account(
            session=session,
            actor=SHELL_ADMIN,
            username="Lan.Nguyen@SoKHCN.gov.vn",  # the provider's e-mail claim, folded
            role=Role.EDITOR,
            single_sign_on=True,
        )
    assert made.one_time_password is None
    with session_scope(engine) as session:
        account = find_account(session=session, username="lan.nguyen@sokhcn.gov.vn")
        assert account is not None and account.password_hash is None
    assert _refused(engine, "lan.nguyen@sokhcn.gov.vn", "") == REFUSED


def test_an_account_changes_its_own_password_only_with_the_current_one() -> None:
    engine = fresh_engine()
    _with_account(engine)
    lan = _sign_in(engine, "lan", PASSWORD)
    new = "một mật khẩu mới thật dài"
    with pytest.raises(AccountError) as refused, session_scope(engine, write=True) as session:
        change_own_password(session=session, actor=lan, current="sai", new=new, now=NOW)
    assert str(refused.value) == "Mật khẩu hiện tại không đúng; mật khẩu chưa được đổi."
    with pytest.raises(AccountError), session_scope(engine, write=True) as session:
        change_own_password(session=session, actor=lan, current=PASSWORD, new="ngắn", now=NOW)
    with session_scope(engine, write=True) as session:
        change_own_password(session=session, actor=lan, current=PASSWORD, new=new, now=NOW)
    assert _refused(engine, "lan", PASSWORD) == REFUSED
    assert _sign_in(engine, "lan", new).username == "lan"
