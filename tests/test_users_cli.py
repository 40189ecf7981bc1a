"""``python -m data_access users …`` run as IT staff would, on both kinds of database."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from data_access.accounts import authenticate
from data_access.db import get_engine, session_scope
from data_access.models import Account
from tests.data_access_cli import FAILED, OK, USAGE, run_data_access
from tests.migration_databases import NewUrl
from tests.upload_db import PLAN_CODE, plan_file

ONE_TIME = re.compile(r"^Mật khẩu dùng một lần \(chỉ in lần này, hãy trao tận tay\): (\S+)$")
NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def _one_time_password(stdout: str) -> str:
    """The password on the output's second line (the first says what was done)."""
    lines = stdout.splitlines()
    assert len(lines) == 2
    match = ONE_TIME.fullmatch(lines[1])
    assert match is not None, stdout
    return match.group(1)


def _signs_in(url: str, username: str, password: str) -> Account:
    with session_scope(get_engine(url), write=True) as session:
        return authenticate(session=session, username=username, password=password, now=NOW)


def test_users_add_list_disable_and_reset_password(new_url: NewUrl, tmp_path: Path) -> None:
    url = new_url()
    plan = tmp_path / "ke_hoach.xlsx"
    plan.write_bytes(plan_file())
    assert run_data_access(url, "import", plan, "--plan", PLAN_CODE).returncode == OK

    added = run_data_access(url, "users", "add", "Admin", "--role", "admin", "--name", "Trần An")
    assert (added.returncode, added.stderr) == (OK, "")
    assert added.stdout.splitlines()[0] == "Đã thêm tài khoản admin (quản trị)."
    first_password = _one_time_password(added.stdout)
    assert _signs_in(url, "admin", first_password).display_name == "Trần An"

    reporter = run_data_access(
        url, "users", "add", "dau-moi", "--role", "agency_reporter", "--agency", "Sở KH&CN"
    )
    assert reporter.returncode == OK, reporter.stderr
    listed = run_data_access(url, "users", "list")
    assert (listed.returncode, listed.stderr) == (OK, "")
    assert listed.stdout.splitlines() == [
        "admin — Trần An — quản trị — đang dùng",
        "dau-moi — cán bộ đầu mối — Sở Khoa học và Công nghệ — đang dùng",
    ]

    reset = run_data_access(url, "users", "reset-password", "ADMIN")
    assert reset.returncode == OK
    assert reset.stdout.splitlines()[0] == "Đã đặt lại mật khẩu của tài khoản admin."
    new_password = _one_time_password(reset.stdout)
    assert new_password != first_password
    assert _signs_in(url, "admin", new_password).username == "admin"

    disabled = run_data_access(url, "users", "disable", "dau-moi")
    assert (disabled.returncode, disabled.stdout) == (
        OK,
        "Đã vô hiệu hoá tài khoản dau-moi; tài khoản này không đăng nhập được nữa.\n",
    )
    listed = run_data_access(url, "users", "list")
    assert listed.stdout.splitlines()[1].endswith("— đã vô hiệu hoá")


def test_users_refusals_are_one_sentence(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tk.sqlite'}"
    empty = run_data_access(url, "users", "list")
    assert (empty.returncode, empty.stdout) == (OK, "Chưa có tài khoản nào.\n")
    for args, sentence in (
        (
            ("add", "dau-moi", "--role", "agency_reporter"),
            "Tài khoản cán bộ đầu mối phải gắn với một cơ quan; chưa có gì thay đổi.",
        ),
        (("disable", "khong-co"), "Không có tài khoản “khong-co”; chưa có gì thay đổi."),
        (("reset-password", "khong-co"), "Không có tài khoản “khong-co”; chưa có gì thay đổi."),
    ):
        run = run_data_access(url, "users", *args)
        assert (run.returncode, run.stdout, run.stderr) == (FAILED, "", sentence + "\n")
    wrong_role = run_data_access(url, "users", "add", "x", "--role", "chu-tich")
    assert wrong_role.returncode == USAGE
