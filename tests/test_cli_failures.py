"""Both command lines, as subprocesses: a reader that leaves, a read-only database, long options.

Never a traceback: stderr holds one sentence or nothing, and after the sentence the
logged cause when there is one (SQLite's own words). A read-only database is
made two real ways (the tests run as root, whom file permissions do not stop):
SQLite's own read-only open (URI ``mode=ro``) and a read-only bind mount of the
folder in a private mount namespace (``unshare --mount``), gone when it exits.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from data_access.db import get_engine
from data_access.db_errors import READ_ONLY
from data_access.imports.write import TOO_LONG
from labels import format_int
from loaders.limits import MAX_AGENCY_CHARS, MAX_PERSON_CHARS, MAX_PLAN_CODE_CHARS
from tests.data_access_cli import FAILED, OK, REPO_ROOT, run_data_access, sentence_and_log
from tests.upload_db import PLAN_CODE, dump, plan_file, progress_file, report


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "ke_hoach.xlsx"
    path.write_bytes(plan_file())
    return path


@pytest.fixture
def url(tmp_path: Path, plan_path: Path) -> str:
    """A database holding plan KH-01 and one progress import (something to list and undo)."""
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    progress = tmp_path / "tien_do.xlsx"
    progress.write_bytes(progress_file([report("I", "1", "Đang thực hiện")]))
    assert run_data_access(url, "import", plan_path, "--plan", PLAN_CODE).returncode == OK
    assert run_data_access(url, "import", progress).returncode == OK
    return url


def run_into_closed_pipe(url: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """``python -m …`` writing to a pipe whose read end is already closed (``… | head``)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    env = {**os.environ, "DATABASE_URL": url, "PYTHONIOENCODING": "utf-8"}
    try:
        return subprocess.run(
            [sys.executable, "-m", *map(str, args)],
            cwd=REPO_ROOT,
            env=env,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write_end)


# --- A reader that leaves early ---


@pytest.mark.parametrize(
    "args",
    [
        ("data_access", "history"),
        ("data_access", "statuses", "--as-of", "23/11/2026"),
        ("data_access", "statuses", "--as-of", "23/11/2026", "--json"),
        ("data_access", "import", "{plan}", "--dry-run"),
        ("data_access", "--help"),
        ("loaders", "{plan}"),
        ("loaders", "{plan}", "--json"),
    ],
)
def test_a_closed_pipe_ends_quietly(url: str, plan_path: Path, args: tuple[str, ...]) -> None:
    run = run_into_closed_pipe(url, *(arg.format(plan=plan_path) for arg in args))
    assert (run.returncode, run.stderr) == (OK, "")


def test_an_undo_into_a_closed_pipe_still_undoes(url: str) -> None:
    before = run_data_access(url, "history").stdout
    run = run_into_closed_pipe(url, "data_access", "undo")
    assert (run.returncode, run.stderr) == (OK, "")
    assert run_data_access(url, "history").stdout != before
    assert ", đã hoàn tác lúc " in run_data_access(url, "history").stdout.splitlines()[0]


def test_an_import_into_a_closed_pipe_still_imports(tmp_path: Path, plan_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    run = run_into_closed_pipe(url, "data_access", "import", plan_path, "--plan", PLAN_CODE)
    assert (run.returncode, run.stderr) == (OK, "")
    assert dump(get_engine(url))["task"]


# --- A database that cannot be written ---


def test_a_read_only_database_file(url: str) -> None:
    path = url.removeprefix("sqlite:///")
    before = dump(get_engine(url))
    run = run_data_access(f"sqlite:///file:{path}?mode=ro&uri=true", "undo")
    sentence, log = sentence_and_log(run.stderr)
    assert (run.returncode, sentence) == (FAILED, READ_ONLY.format(path=path))
    # The cause, logged for IT staff: SQLite's message for SQLITE_READONLY (sqlite.org/rescode).
    assert log.startswith("ERROR data_access: DataUnavailableError; cause: ")
    assert "(sqlite3.OperationalError) attempt to write a readonly database" in log
    assert "Traceback" not in run.stderr
    assert dump(get_engine(url)) == before


def test_a_database_in_a_read_only_folder(url: str, tmp_path: Path) -> None:
    """The folder is bind-mounted read-only in the command's own mount namespace."""
    folder = Path(url.removeprefix("sqlite:///")).parent
    mounted = tmp_path / "chi_doc"
    mounted.mkdir()
    before = dump(get_engine(url))
    get_engine(url).dispose()  # the -wal and -shm files are folded in and removed
    script = f'mount --bind -o ro "{folder}" "{mounted}" && exec "$@"'
    command = ["unshare", "--mount", "sh", "-c", script, "sh"]
    command += [sys.executable, "-m", "data_access", "undo"]
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{mounted / 'cli.sqlite'}"}
    assert shutil.which("unshare")
    run = subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True)
    sentence, log = sentence_and_log(run.stderr)
    assert (run.returncode, sentence) == (FAILED, READ_ONLY.format(path=mounted / "cli.sqlite"))
    assert "sqlite3.OperationalError" in log
    assert dump(get_engine(url)) == before


# --- Options typed by staff ---


@pytest.mark.parametrize(
    ("option", "label", "limit"),
    [
        ("--by", "Người nạp", MAX_PERSON_CHARS),
        ("--plan", "Mã kế hoạch", MAX_PLAN_CODE_CHARS),
        ("--issued-by", "Cơ quan ban hành", MAX_AGENCY_CHARS),
    ],
)
def test_an_over_long_option_is_refused(
    tmp_path: Path, plan_path: Path, option: str, label: str, limit: int
) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    options = {"--plan": PLAN_CODE, option: "x" * (limit + 1)}
    run = run_data_access(url, "import", plan_path, *(part for o in options.items() for part in o))
    expected = TOO_LONG.format(label=label, length=format_int(limit + 1), limit=format_int(limit))
    assert (run.returncode, run.stderr.strip()) == (FAILED, expected)
    assert all(not rows for rows in dump(get_engine(url)).values())
