"""Who may do what (issue 14's table), refused below the UI with one sentence and no change."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from data_access.accounts import SHELL_ADMIN, add_account, disable, find_account
from data_access.agency_store import find_agency
from data_access.db import session_scope
from data_access.imports import agencies, read, write
from data_access.imports.history import undo_latest_import
from data_access.kinds import AgencyKind, Role
from data_access.models import Account
from data_access.permissions import Action, NotAllowedError, require
from tests.backends import ON_BOTH_DATABASES
from tests.upload_db import (
    HOME,
    SKHCN,
    TODAY,
    dump,
    planned_engine,
    progress_file,
    report,
)

pytestmark = ON_BOTH_DATABASES

# Issue 14, "Roles, enforced below the UI", read as a list per role. Anyone signed in
# views; the Sở editor imports plans, progress and KPI results, approves and undoes; the
# administrator keeps accounts and agency names, and does what an editor does (the
# command line, run by the server's administrator, imports and undoes). Evidence files are
# private to the agency that sent them and the Sở: a viewer (and the public) never reads one.
VIEW_ONLY = {Action.VIEW}
CAN = {
    Role.VIEWER: VIEW_ONLY,
    Role.AGENCY_REPORTER: {Action.VIEW, Action.SUBMIT_PROGRESS, Action.READ_EVIDENCE},
    Role.EDITOR: {
        Action.VIEW,
        Action.IMPORT_PLAN,
        Action.IMPORT_PROGRESS,
        Action.IMPORT_KPI,
        Action.APPROVE_SUBMISSION,
        Action.UNDO_IMPORT,
        Action.READ_EVIDENCE,
    },
    Role.ADMIN: {
        Action.VIEW,
        Action.IMPORT_PLAN,
        Action.IMPORT_PROGRESS,
        Action.IMPORT_KPI,
        Action.APPROVE_SUBMISSION,
        Action.UNDO_IMPORT,
        Action.READ_EVIDENCE,
        Action.MANAGE_ACCOUNTS,
        Action.MANAGE_ALIASES,
    },
}
PROGRESS = progress_file([report("I", "1", "Đang thực hiện")])


def refused_names() -> pytest.RaisesExc[NotAllowedError]:
    return pytest.raises(NotAllowedError, match="không có quyền quản lý tên gọi của cơ quan")


@pytest.fixture
def engine_and_accounts() -> tuple[Engine, dict[Role, Account]]:
    """Plan KH-01 and one account per role, read back from the database."""
    engine = planned_engine()
    with session_scope(engine, write=True) as session:
        for role in Role:
            add_account(
                session=session,
                actor=SHELL_ADMIN,
                username=f"tk-{role}",
                role=role,
                agency_name=SKHCN if role is Role.AGENCY_REPORTER else None,
            )
    with session_scope(engine) as session:
        accounts = {role: find_account(session=session, username=f"tk-{role}") for role in Role}
    assert all(accounts.values())
    return engine, {role: account for role, account in accounts.items() if account}


def _agency_id(engine: Engine, name: str) -> int:
    with session_scope(engine) as session:
        agency = find_agency(session=session, name=name)
    assert agency is not None and agency.id is not None
    return agency.id


def _allowed(account: Account, action: Action, agency_id: int) -> bool:
    try:
        require(account, action, agency_id=agency_id)
    except NotAllowedError as refused:
        assert str(refused).startswith(f"Tài khoản {account.username} (")
        assert str(refused).endswith("; chưa có gì thay đổi.")
        return False
    return True


@pytest.mark.parametrize("role", list(Role))
def test_each_role_may_do_exactly_what_the_table_says(
    engine_and_accounts: tuple[Engine, dict[Role, Account]], role: Role
) -> None:
    """Every action, for the reporter's own agency (the other roles have none)."""
    engine, accounts = engine_and_accounts
    own = _agency_id(engine, SKHCN)
    allowed = {action: _allowed(accounts[role], action, own) for action in Action}
    assert allowed == {action: action in CAN[role] for action in Action}


def test_an_agency_reporter_submits_for_its_own_agency_only(
    engine_and_accounts: tuple[Engine, dict[Role, Account]],
) -> None:
    engine, accounts = engine_and_accounts
    reporter = accounts[Role.AGENCY_REPORTER]
    require(reporter, Action.SUBMIT_PROGRESS, agency_id=_agency_id(engine, SKHCN))
    for other in (_agency_id(engine, HOME), None):
        with pytest.raises(NotAllowedError) as refused:
            require(reporter, Action.SUBMIT_PROGRESS, agency_id=other)
        assert str(refused.value) == (
            "Tài khoản tk-agency_reporter (cán bộ đầu mối) chỉ gửi báo cáo tiến độ cho cơ quan "
            "của mình, không cho cơ quan khác; chưa có gì thay đổi."
        )


def test_a_disabled_account_may_do_nothing_and_nobody_acts_unsigned() -> None:
    engine = planned_engine()
    with session_scope(engine, write=True) as session:
        add_account(session=session, actor=SHELL_ADMIN, username="sua", role=Role.ADMIN)
        disable(session=session, actor=SHELL_ADMIN, username="sua")
    with session_scope(engine) as session:
        account = find_account(session=session, username="sua")
    for action in Action:
        with pytest.raises(NotAllowedError, match="đã bị vô hiệu hoá"):
            require(account, action)
    with pytest.raises(NotAllowedError) as refused:
        require(None, Action.UNDO_IMPORT)
    assert str(refused.value) == "Cần đăng nhập để hoàn tác lần nạp; chưa có gì thay đổi."


def test_a_refused_import_or_undo_changes_nothing(
    engine_and_accounts: tuple[Engine, dict[Role, Account]],
) -> None:
    engine, accounts = engine_and_accounts
    before = dump(engine, with_history=True)
    with session_scope(engine) as session:
        upload = read.prepare(session=session, data=PROGRESS, file_name="tien_do.xlsx", today=TODAY)
    for role in (Role.VIEWER, Role.AGENCY_REPORTER):
        with pytest.raises(NotAllowedError) as refused, session_scope(engine, write=True) as s:
            write.commit(session=s, actor=accounts[role], upload=upload)
        assert "không có quyền nạp tiến độ; chưa có gì thay đổi." in str(refused.value)
        undo_refused = pytest.raises(NotAllowedError, match="không có quyền hoàn tác lần nạp")
        with undo_refused, session_scope(engine, write=True) as s:
            undo_latest_import(session=s, actor=accounts[role])
    assert dump(engine, with_history=True) == before


def test_agency_names_are_kept_by_administrators_only(
    engine_and_accounts: tuple[Engine, dict[Role, Account]],
) -> None:
    engine, accounts = engine_and_accounts
    before = dump(engine, with_history=True)
    editor = accounts[Role.EDITOR]
    with refused_names(), session_scope(engine, write=True) as session:
        agencies.map_spelling(session=session, actor=editor, spelling="SKH", agency_name=SKHCN)
    with refused_names(), session_scope(engine, write=True) as session:
        agencies.add_agency(session=session, actor=editor, name="Sở Mới", kind=AgencyKind.OTHER)
    assert dump(engine, with_history=True) == before
