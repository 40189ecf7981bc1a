"""``python -m data_access``: import (with --dry-run), history and undo, run as IT staff would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from benchmarks.make_big_workbook import write_workbook
from data_access.db import get_engine
from loaders.problems import unreadable_message
from tests.data_access_cli import FAILED, OK, USAGE, run_data_access, sentence_and_log
from tests.upload_db import (
    PLAN_CODE,
    TASKS,
    dump,
    edit_cell,
    plan_file,
    progress_file,
    report,
)


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite'}"


@pytest.fixture(scope="module")
def big_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """10,000 tasks: 1.5 s and 75 MB to read (benchmarks/RESULTS.md), legitimately."""
    path = tmp_path_factory.mktemp("big") / "ke_hoach_lon.xlsx"
    write_workbook(path, 10_000)
    return path


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "ke_hoach.xlsx"
    path.write_bytes(plan_file())
    return path


def _engine(url: str) -> Engine:
    return get_engine(url)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- import ---


def test_dry_run_reports_and_writes_nothing(url: str, plan_path: Path) -> None:
    run = run_data_access(url, "import", plan_path, "--dry-run", "--plan", PLAN_CODE)
    assert run.returncode == OK, run.stderr
    assert "Loại: Kế hoạch (danh mục nhiệm vụ, chỉ tiêu), kế hoạch KH-01." in run.stdout
    assert "Kiểm tra: 0 lỗi, 0 cảnh báo." in run.stdout
    assert f"Thay đổi: Mới: {len(TASKS) + 2}; Thay đổi: 0;" in run.stdout
    assert "Chạy thử: chưa ghi dữ liệu nào." in run.stdout
    assert all(not rows for rows in dump(_engine(url)).values())


def test_import_then_the_same_file_again(url: str, plan_path: Path) -> None:
    first = run_data_access(url, "import", plan_path, "--plan", PLAN_CODE, "--by", "Nguyễn Văn An")
    assert first.returncode == OK, first.stderr
    assert (
        "Đã nạp lần số 1: 4 nhiệm vụ, 2 chỉ tiêu, 0 báo cáo tiến độ nhiệm vụ, 0 kết quả chỉ tiêu."
        in first.stdout
    )
    assert len(dump(_engine(url))["task"]) == len(TASKS)
    again = run_data_access(url, "import", plan_path)
    assert again.returncode == FAILED
    assert "Lưu ý: tệp này đã được nạp lúc " in again.stdout
    assert "(lần nạp số 1)." in again.stdout
    assert "không có thay đổi nào" in again.stderr


def test_progress_changes_are_listed_before_and_after(
    url: str, plan_path: Path, tmp_path: Path
) -> None:
    assert run_data_access(url, "import", plan_path, "--plan", PLAN_CODE).returncode == OK
    done = report("I", "1", "Đã hoàn thành", day=date(2026, 11, 2), done_on=date(2026, 11, 1))
    path = _write(tmp_path, "tien_do.xlsx", progress_file([done]))
    run = run_data_access(url, "import", path)
    assert run.returncode == OK, run.stderr
    assert "Thay đổi: Nhiệm vụ số 1 mục I KH-01 (dòng 2). Ngày báo cáo: — → 02/11/2026;" in (
        run.stdout
    )
    assert "Tình trạng: — → Đã hoàn thành" in run.stdout
    assert len(dump(_engine(url))["progressupdate"]) == 1


def test_one_blocking_error_exits_non_zero_and_writes_nothing(
    url: str, plan_path: Path, tmp_path: Path
) -> None:
    assert run_data_access(url, "import", plan_path, "--plan", PLAN_CODE).returncode == OK
    before = dump(_engine(url))
    data = edit_cell(progress_file([report("I", "1", "Đã hoàn thành")]), "Tiến độ", "G2", "32/1")
    run = run_data_access(url, "import", _write(tmp_path, "loi.xlsx", data))
    assert run.returncode == FAILED
    assert "Kiểm tra: 1 lỗi, 0 cảnh báo." in run.stdout
    assert "[LỖI] Trang tính “Tiến độ”, dòng 2, cột “Ngày hoàn thành”" in run.stdout
    assert "Có 1 lỗi cần sửa; chưa ghi dữ liệu nào." in run.stdout
    assert dump(_engine(url)) == before


@pytest.mark.parametrize(
    ("name", "data", "message", "cause"),
    [
        ("ke_hoach.xlsm", plan_file(), "có macro", ""),
        ("ghi_chu.txt", b"STT;Ten", "không phải bảng tính Excel", ""),
        # 500 bytes of a workbook: the zip's central directory, at its end, is cut off,
        # which Python's zipfile reports as "File is not a zip file".
        ("hong.xlsx", plan_file()[:500], "bị hỏng", "zipfile.BadZipFile: File is not a zip file"),
    ],
)
def test_a_bad_file_is_refused_in_one_sentence(
    url: str, tmp_path: Path, name: str, data: bytes, message: str, cause: str
) -> None:
    run = run_data_access(url, "import", _write(tmp_path, name, data))
    assert run.returncode == FAILED
    sentence, log = sentence_and_log(run.stderr)
    assert message in sentence
    # A refusal the app decides on has no technical cause; a broken zip logs the zip error,
    # as the worker process that read the file (loaders.isolation) reported it.
    reported = "ERROR data_access: UnreadableFileError; cause: loaders.isolation.ChildError: "
    assert log == (reported + cause if cause else "")
    assert "Traceback" not in run.stderr
    assert run.stdout == ""


def test_issued_by_names_the_body_whose_units_the_plan_names(url: str, tmp_path: Path) -> None:
    tasks = [(*TASKS[0][:3], "Văn phòng Sở", "", "30/6/2026")]
    path = _write(tmp_path, "kh_so.xlsx", plan_file(tasks, with_kpis=False))
    run = run_data_access(url, "import", path, "--plan", "KH-SO", "--issued-by", "Sở KH&CN")
    assert run.returncode == OK, run.stderr
    tables = dump(_engine(url))
    assert [row[3] for row in tables["plan"]] == ["Sở Khoa học và Công nghệ"]  # its full name
    assert "Văn phòng Sở (Sở KH&CN)" in {row[1] for row in tables["agency"]}


def test_a_unit_given_as_issuing_body_is_refused_in_one_sentence(url: str, plan_path: Path) -> None:
    run = run_data_access(
        url, "import", plan_path, "--plan", PLAN_CODE, "--issued-by", "Văn phòng Sở"
    )
    assert run.returncode == FAILED
    assert run.stderr.strip() == (
        "“Văn phòng Sở” là đơn vị thuộc một cơ quan hoặc một nhóm cơ quan, không thể là "
        "cơ quan ban hành kế hoạch; chưa nạp dữ liệu nào."
    )
    assert all(not rows for rows in dump(_engine(url)).values())


@pytest.mark.parametrize(
    ("setting", "reason", "detail"),
    [
        ({"UPLOAD_PARSE_SECONDS": "0.3"}, "too_slow", {"seconds": "0,3"}),
        ({"UPLOAD_PARSE_MEMORY_MB": "16"}, "too_much_memory", {"megabytes": "16"}),
    ],
)
def test_a_file_past_the_worker_limits_is_one_sentence_and_writes_nothing(
    url: str,
    big_workbook: Path,
    setting: dict[str, str],
    reason: str,
    detail: dict[str, str],
) -> None:
    run = run_data_access(url, "import", big_workbook, "--plan", PLAN_CODE, **setting)
    assert run.returncode == FAILED  # a refused file, like any other
    assert run.stderr == unreadable_message(reason, big_workbook.name, **detail) + "\n"
    assert run.stdout == ""
    assert all(not rows for rows in dump(_engine(url)).values())


def test_a_missing_file(url: str, tmp_path: Path) -> None:
    run = run_data_access(url, "import", tmp_path / "khong_co.xlsx")
    assert (run.returncode, run.stderr.strip()) == (
        FAILED,
        f"Không tìm thấy tệp “{tmp_path / 'khong_co.xlsx'}”.",
    )


# --- history and undo ---


def test_history_and_undo(url: str, plan_path: Path, tmp_path: Path) -> None:
    assert run_data_access(url, "history").stdout.strip() == "Chưa có lần nạp nào."
    assert (
        run_data_access(url, "import", plan_path, "--plan", PLAN_CODE, "--by", "An").returncode
        == OK
    )
    empty_plan = dump(_engine(url))
    reports = progress_file(
        [report("I", "1", "Đang thực hiện"), report("I", "2", "Chưa thực hiện")]
    )
    assert run_data_access(url, "import", _write(tmp_path, "bc.xlsx", reports)).returncode == OK
    lines = run_data_access(url, "history").stdout.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("2. ")
    assert "bc.xlsx (progress) nhiệm vụ 2, báo cáo 2, chỉ tiêu 0; người nạp: —;" in lines[0]
    assert "ke_hoach.xlsx (plan)" in lines[1]
    assert "người nạp: An;" in lines[1]
    undo = run_data_access(url, "undo")
    assert (undo.returncode, undo.stdout.strip()) == (OK, "Đã hoàn tác lần nạp số 2 (bc.xlsx).")
    assert dump(_engine(url)) == empty_plan
    assert ", đã hoàn tác lúc " in run_data_access(url, "history").stdout.splitlines()[0]
    assert run_data_access(url, "undo").returncode == OK
    assert all(not rows for rows in dump(_engine(url)).values())
    nothing = run_data_access(url, "undo")
    assert (nothing.returncode, nothing.stderr.strip()) == (
        FAILED,
        "Chưa có lần nạp dữ liệu nào để hoàn tác.",
    )


@pytest.mark.parametrize(
    "args",
    [(), ("export",), ("import",), ("import", "a.xlsx", "--kind", "khac"), ("history", "--limit")],
)
def test_a_wrong_command_line_exits_2(url: str, args: tuple[str, ...]) -> None:
    assert run_data_access(url, *args).returncode == USAGE


def test_an_unreachable_database(tmp_path: Path) -> None:
    run = run_data_access(f"sqlite:///{tmp_path / 'khong' / 'co' / 'db.sqlite'}", "history")
    assert run.returncode == FAILED
    sentence, log = sentence_and_log(run.stderr)
    assert sentence == "Không truy cập được cơ sở dữ liệu; hãy kiểm tra DATABASE_URL."
    # SQLite's own words for a file it cannot create (SQLITE_CANTOPEN), kept for IT staff
    assert "(sqlite3.OperationalError) unable to open database file" in log
