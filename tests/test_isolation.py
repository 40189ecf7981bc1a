"""The worker process that reads a file: real children, real limits, real signals.

The functions the child runs live at module level (the child imports this module to
find them) and tell the test what it needs through the runner's own progress channel.
"""

from __future__ import annotations

import os
import signal
from functools import partial
from pathlib import Path

import pytest

from benchmarks.make_big_workbook import write_workbook
from loaders.isolation import ChildError, ReadCancelled, run_isolated
from loaders.limits import MEGABYTE
from loaders.load import load_file
from loaders.problems import unreadable_message
from loaders.records import UnreadableFileError

NAME = "ke_hoach.xlsx"
CAP = 256 * MEGABYTE
CHUNK = 8 * MEGABYTE


class StopAsked(Exception):
    """Raised by a caller's should_stop, as Streamlit raises when a session goes away."""


# --- What the child runs ---


def spin(*, progress: partial[None]) -> None:
    """Tell the parent its pid, then loop for ever (a read that never ends).

    The time limit counts from the child's start (a fresh interpreter: ~1 s), so the
    limit in the tests leaves it time to tell its pid first.
    """
    progress(os.getpid())
    while True:
        pass


def allocate(*, progress: partial[None]) -> None:
    """Touch memory in 8 MB chunks until refused (at most 4 GB); tell resident KB before/after."""
    progress(_status_kb("VmRSS"))
    chunks = []
    try:
        for _ in range(4096 * MEGABYTE // CHUNK):
            chunks.append(b"\x01" * CHUNK)  # written, so resident
    except MemoryError:
        chunks.clear()
        progress(_status_kb("VmHWM"))  # not ru_maxrss: that keeps the forking parent's peak
        raise


def allocate_as_a_reader_would(*, progress: partial[None]) -> None:
    """A reader that takes any failure for a broken file (as xlsx_reader's broad except)."""
    try:
        allocate(progress=lambda _: None)
    except Exception as error:
        raise UnreadableFileError(unreadable_message("corrupt", NAME)) from error


def exit_at_once(*, progress: partial[None]) -> None:
    os._exit(3)


def segfault(*, progress: partial[None]) -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def count_rows(*, progress: partial[None]) -> str:
    for rows in (1000, 2000, 3000):
        progress(rows)
    return "đã đọc"


def refuse(*, progress: partial[None]) -> None:
    raise UnreadableFileError(unreadable_message("corrupt", NAME))


def fail(*, progress: partial[None]) -> None:
    raise ValueError("giá trị sai")


def _status_kb(field: str) -> int:
    """VmRSS (resident now) or VmHWM (resident at most) of this process, in KB."""
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith(f"{field}:"))
    return int(line.split()[1])


def _alive(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists()


# --- Limits ---


def test_a_read_past_the_time_limit_is_stopped_with_a_sentence() -> None:
    pids: list[int] = []
    with pytest.raises(UnreadableFileError) as caught:
        run_isolated(spin, file_name=NAME, seconds=4, progress=pids.append)
    assert str(caught.value) == unreadable_message("too_slow", NAME, seconds="4")
    assert not _alive(pids[0])


def test_a_read_past_the_memory_cap_is_stopped_with_a_sentence() -> None:
    told: list[int] = []
    with pytest.raises(UnreadableFileError) as caught:
        run_isolated(allocate, file_name=NAME, memory_bytes=CAP, progress=told.append)
    assert str(caught.value) == unreadable_message("too_much_memory", NAME, megabytes="256")
    start_kb, peak_kb = told
    grown = (peak_kb - start_kb) * 1024
    # It did use nearly all the cap (the refusal is the cap, not something else), and
    # no more than the cap plus one chunk: address space reserved before the read
    # (malloc arenas, BLAS buffers) does not let it grow past the cap.
    assert CAP - 2 * CHUNK <= grown <= CAP + CHUNK


def test_running_out_of_memory_is_named_even_when_a_reader_calls_the_file_broken() -> None:
    with pytest.raises(UnreadableFileError) as caught:
        run_isolated(allocate_as_a_reader_would, file_name=NAME, memory_bytes=CAP)
    assert str(caught.value) == unreadable_message("too_much_memory", NAME, megabytes="256")


@pytest.mark.parametrize("crash", [exit_at_once, segfault])
def test_a_child_that_dies_is_a_sentence(crash: partial[None]) -> None:
    with pytest.raises(UnreadableFileError) as caught:
        run_isolated(crash, file_name=NAME)
    assert str(caught.value) == unreadable_message("crashed", NAME)


# --- Stopping ---


def test_should_stop_ends_the_child() -> None:
    pids: list[int] = []
    with pytest.raises(ReadCancelled):
        run_isolated(spin, file_name=NAME, progress=pids.append, should_stop=lambda: bool(pids))
    assert not _alive(pids[0])


def test_an_exception_in_the_caller_ends_the_child() -> None:
    pids: list[int] = []

    def stop_asked() -> bool:
        if pids:
            raise StopAsked
        return False

    with pytest.raises(StopAsked):
        run_isolated(spin, file_name=NAME, progress=pids.append, should_stop=stop_asked)
    assert not _alive(pids[0])


# --- What comes back ---


def test_progress_reaches_the_caller_before_the_result() -> None:
    told: list[int] = []
    assert run_isolated(count_rows, file_name=NAME, progress=told.append) == "đã đọc"
    assert told == [1000, 2000, 3000]


def test_unreadable_file_error_passes_through_unchanged() -> None:
    with pytest.raises(UnreadableFileError) as caught:
        run_isolated(refuse, file_name=NAME)
    assert str(caught.value) == unreadable_message("corrupt", NAME)


def test_another_exception_passes_through_with_the_child_traceback_in_its_cause() -> None:
    with pytest.raises(ValueError, match="giá trị sai") as caught:
        run_isolated(fail, file_name=NAME)
    assert isinstance(caught.value.__cause__, ChildError)
    assert "in fail" in str(caught.value.__cause__)


def test_a_real_workbook_reads_the_same_in_the_worker(tmp_path: Path) -> None:
    path = tmp_path / NAME
    write_workbook(path, 3_000)
    told: list[int] = []
    isolated = run_isolated(partial(load_file, path), file_name=NAME, progress=told.append)
    counted: list[int] = []
    assert isolated.to_json() == load_file(path, progress=counted.append).to_json()
    assert told == counted and len(told) >= 3  # 3,000 tasks: at least 3,000 rows
