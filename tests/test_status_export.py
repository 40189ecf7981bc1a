"""End to end through the command line: import a plan and progress, then read statuses.

Everything is imported today (the test's real day); the as-of dates below are in
2026, before it. A completion counts from its own date whatever day the file
arrived; "known by" a day before the import shows what was known then: nothing.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, select

from data_access.db import get_engine
from data_access.models import ProgressUpdate
from tests.data_access_cli import FAILED, OK, USAGE, run_data_access
from tests.upload_db import PLAN_CODE, plan_file, progress_file, report, workbook

DONE_PLAN_HEADER = ("STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành", "Ghi chú")
DONE_TASK = ("1", "Lựa chọn hệ thống thông tin giải quyết TTHC", "Văn phòng UBND tỉnh", "30/9/2025")


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite'}"


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _statuses(url: str, as_of: str, *extra: str) -> dict[tuple[str, str], dict[str, Any]]:
    run = run_data_access(url, "statuses", "--as-of", as_of, "--json", *extra)
    assert run.returncode == OK, run.stderr
    return {(r["section"], r["number"]): r for r in json.loads(run.stdout)}


def _done_plan(title: str) -> bytes:
    """A one-task plan whose note says "Đã hoàn thành" (as seed 001's II.16 does)."""
    rows = [[title], [], list(DONE_PLAN_HEADER), [*DONE_TASK, "Đã hoàn thành"]]
    return workbook({"Nhiệm vụ": rows})


def test_a_completion_imported_today_counts_from_its_own_date(url: str, tmp_path: Path) -> None:
    plan = run_data_access(
        url, "import", _file(tmp_path, "kh.xlsx", plan_file()), "--plan", PLAN_CODE
    )
    assert plan.returncode == OK, plan.stderr
    # Task I.1 is due 30/6/2026; the agency says it was completed on 20/6. The file has no
    # report date for the row, so the CLI's --reported-on dates it.
    done = report("I", "1", "Đã hoàn thành", day=None, done_on=date(2026, 6, 20))
    progress = _file(tmp_path, "tien_do.xlsx", progress_file([done]))
    run = run_data_access(url, "import", progress, "--reported-on", "01/12/2026")
    assert run.returncode == OK, run.stderr
    assert "Ngày báo cáo cho 1 dòng không ghi ngày: 01/12/2026." in run.stdout
    with Session(get_engine(url)) as session:
        assert session.exec(select(ProgressUpdate.reported_on)).all() == [date(2026, 12, 1)]

    before = _statuses(url, "19/06/2026")[("I", "1")]
    assert (before["status"], before["completed_on"]) == ("in_progress", None)
    after = _statuses(url, "25/06/2026")[("I", "1")]
    assert (after["status"], after["status_label"]) == ("done_on_time", "Hoàn thành đúng hạn")
    assert after["completed_on"] == "2026-06-20"
    assert after["lead_agencies"] == ["Sở Khoa học và Công nghệ"]
    # Known by 25/6/2026, before anything was imported: nothing was known then.
    assert _statuses(url, "25/06/2026", "--known-by", "25/06/2026") == {}


def test_a_plan_with_done_marks_needs_its_issue_date(url: str, tmp_path: Path) -> None:
    path = _file(tmp_path, "kh.xlsx", _done_plan("Phụ lục: Danh mục nhiệm vụ"))
    refused = run_data_access(url, "import", path, "--plan", "KH-02")
    assert refused.returncode == FAILED
    assert "chưa có ngày ban hành" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1  # one sentence
    assert _statuses(url, "01/01/2026") == {}  # nothing written

    imported = run_data_access(url, "import", path, "--plan", "KH-02", "--issued-on", "15/10/2025")
    assert imported.returncode == OK, imported.stderr
    assert "Ngày ban hành: 15/10/2025." in imported.stdout
    # Due 30/9/2025; the plan says it is done: done from its issue date, never the import day.
    assert _statuses(url, "14/10/2025")[("", "1")]["status"] == "overdue"
    done = _statuses(url, "15/10/2025")[("", "1")]
    assert (done["status"], done["completed_on"]) == ("done_on_time", "2025-10-15")


def test_the_issue_date_stated_in_the_title_is_used(url: str, tmp_path: Path) -> None:
    title = "(Kèm theo Kế hoạch số 92A/KH-UBND ngày 01 tháng 11 năm 2025 của UBND tỉnh)"
    path = _file(tmp_path, "kh.xlsx", _done_plan(title))
    run = run_data_access(url, "import", path, "--plan", "KH-92A")
    assert run.returncode == OK, run.stderr
    assert "Ngày ban hành: 01/11/2025." in run.stdout
    assert _statuses(url, "31/10/2025")[("", "1")]["status"] == "overdue"
    assert _statuses(url, "01/11/2025")[("", "1")]["status"] == "done_on_time"


def test_a_title_that_gives_only_the_month_is_not_taken_as_the_day(
    url: str, tmp_path: Path
) -> None:
    title = "(Ban hành kèm theo Công văn số /CV-BCĐ ngày tháng 5 năm 2026 của Ban Chỉ đạo)"
    run = run_data_access(
        url, "import", _file(tmp_path, "kh.xlsx", _done_plan(title)), "--plan", "DM"
    )
    assert run.returncode == FAILED
    assert "Văn bản chỉ ghi tháng ban hành" in run.stdout
    assert "--issued-on" in run.stdout
    assert "chưa có ngày ban hành" in run.stderr


@pytest.mark.parametrize("bad", ["31/02/2026", "2026-06-30", "hôm qua"])
def test_a_date_that_is_not_dd_mm_yyyy_is_refused_with_a_sentence(url: str, bad: str) -> None:
    run = run_data_access(url, "statuses", "--as-of", bad)
    assert run.returncode == USAGE
    assert f"“{bad}” không phải một ngày dạng dd/mm/yyyy" in run.stderr
    assert "Traceback" not in run.stderr


def test_text_output_is_one_tab_separated_line_per_task(url: str, tmp_path: Path) -> None:
    path = _file(tmp_path, "kh.xlsx", plan_file())
    assert run_data_access(url, "import", path, "--plan", PLAN_CODE).returncode == OK
    run = run_data_access(url, "statuses", "--as-of", "01/10/2026")
    assert run.returncode == OK, run.stderr
    header, *lines = run.stdout.splitlines()
    assert header.split("\t")[:3] == ["Kế hoạch", "Mục", "STT"]
    assert len(lines) == 4  # the four tasks of the plan
    # I.2 "Quý III/2026" is due 30/9/2026: one day overdue on 1/10/2026.
    fields = dict(zip(header.split("\t"), lines[1].split("\t"), strict=True))
    assert (fields["Hạn"], fields["Trạng thái"], fields["Số ngày quá hạn"]) == (
        "30/09/2026",
        "Quá hạn",
        "1",
    )
