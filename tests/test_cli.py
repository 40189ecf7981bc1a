"""The command line contract: JSON shape, exit codes, never a traceback, the cause logged."""

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from benchmarks.make_big_workbook import write_workbook
from loaders import __main__ as cli
from loaders.cli_output import write_json
from loaders.load import load_file
from loaders.problems import unreadable_message
from sample_data.manifest import PLANS_DIR

REPO = Path(__file__).resolve().parents[1]
PLAN_004 = PLANS_DIR / "004_dieu_chinh_chi_tieu_nhiem_vu_2026.xlsx"


def run_cli(*args: str, **settings: str) -> subprocess.CompletedProcess[str]:
    """``settings``: more environment variables (UPLOAD_PARSE_SECONDS, …)."""
    return subprocess.run(
        [sys.executable, "-m", "loaders", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"PATH": "/usr/bin:/bin", "LC_ALL": "C", **settings},  # Vietnamese prints even so
        check=False,
    )


def test_json_output_is_the_load_result() -> None:
    done = run_cli(str(PLAN_004), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert list(data) == ["file", "title", "issue_date", "tasks", "kpis", "problems"]
    assert (len(data["tasks"]), len(data["kpis"])) == (21, 6)
    assert data == load_file(PLAN_004).to_json()
    assert "Văn phòng Sở" in done.stdout  # not \\u-escaped
    task = next(t for t in data["tasks"] if t["deadline_kind"] == "month")
    assert task["due_date"].count("-") == 2  # YYYY-MM-DD


def test_summary_in_vietnamese() -> None:
    done = run_cli(str(PLANS_DIR / "001_ke_hoach_92A_KH-UBND.xlsx"))
    assert done.returncode == 0
    assert "Nhiệm vụ: 35 (đã hoàn thành: 3)" in done.stdout
    assert "Vấn đề: 1 (0 lỗi, 1 cảnh báo)" in done.stdout


@pytest.mark.parametrize(
    ("name", "content"),
    [("rong.xlsx", b""), ("cu.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
     ("anh.png", b"\x89PNG")],
)  # fmt: skip
def test_unreadable_file_exits_2_with_one_sentence(
    tmp_path: Path, name: str, content: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    done = run_cli(str(path), "--json")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and f"“{name}”" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_broken_workbook_logs_the_zip_error_after_its_sentence(tmp_path: Path) -> None:
    path = tmp_path / "hong.xlsx"
    # The first 500 bytes of a real workbook: it starts as a zip (PK) but the central
    # directory, at the end, is gone, which Python's zipfile reports as "not a zip file".
    path.write_bytes(PLAN_004.read_bytes()[:500])
    done = run_cli(str(path))
    assert done.returncode == 2
    sentence, log = done.stderr.rstrip("\n").split("\n")
    assert sentence == unreadable_message("corrupt", path.name)
    assert log == (
        "ERROR loaders: UnreadableFileError; cause: "
        "loaders.isolation.ChildError: zipfile.BadZipFile: File is not a zip file"
    )


@pytest.mark.parametrize(
    ("setting", "reason", "detail"),
    [
        ({"UPLOAD_PARSE_SECONDS": "0.3"}, "too_slow", {"seconds": "0,3"}),
        ({"UPLOAD_PARSE_MEMORY_MB": "16"}, "too_much_memory", {"megabytes": "16"}),
    ],
)
def test_a_read_past_the_worker_limits_exits_2_with_one_sentence(
    tmp_path: Path, setting: dict[str, str], reason: str, detail: dict[str, str]
) -> None:
    path = tmp_path / "ke_hoach_lon.xlsx"
    write_workbook(path, 10_000)  # 1.5 s and 75 MB to read (benchmarks/RESULTS.md)
    done = run_cli(str(path), "--json", **setting)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == unreadable_message(reason, path.name, **detail) + "\n"


def test_missing_path_exits_2() -> None:
    done = run_cli("/khong/co/tep.xlsx")
    assert done.returncode == 2 and "Không tìm thấy tệp “tep.xlsx”" in done.stderr


def broken(path: Path, *, as_json: bool, progress: object) -> None:
    """A reader that fails as a bug would (module level: the worker process imports it)."""
    raise RuntimeError("hỏng bất ngờ")


def test_unexpected_failure_exits_1_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "render", broken)
    assert cli.main([str(PLAN_004)]) == 1
    err = capsys.readouterr().err
    assert "RuntimeError: hỏng bất ngờ" in err and "Traceback" not in err


@pytest.mark.parametrize("tasks", [0, 1, 1_201])  # 0: an empty form is read, not refused
def test_streamed_json_equals_to_json_across_chunks(tmp_path: Path, tasks: int) -> None:
    path = tmp_path / "big.xlsx"
    write_workbook(path, tasks)
    result = load_file(path)
    stream = io.StringIO()
    write_json(result, stream)
    assert json.loads(stream.getvalue()) == result.to_json()
    assert len(result.tasks) == tasks


def test_openpyxl_warnings_do_not_reach_stderr(tmp_path: Path) -> None:
    source = tmp_path / "plain.xlsx"
    write_workbook(source, 3)
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = next(name for name in members if name.startswith("xl/worksheets/sheet"))
    extension = b'<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"/></extLst>'
    members[sheet] = members[sheet].replace(b"</worksheet>", extension + b"</worksheet>")
    path = tmp_path / "conditional_formatting.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    done = run_cli(str(path))
    assert done.returncode == 0 and "Nhiệm vụ: 3" in done.stdout
    assert done.stderr == ""
