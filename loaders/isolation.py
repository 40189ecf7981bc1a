"""Read a file in a child process: a memory cap, a time limit, progress, and a way to stop it.

A hostile or huge file then costs the child, never the caller: the page's server
keeps serving other people, and the command lines print a sentence instead of
dying. The child is a fresh interpreter (``python -m loaders.worker``), never a
fork: the caller (a Streamlit server) is multi-threaded, and multiprocessing's
own children (spawn or forkserver) run the caller's ``__main__`` again first,
which under Streamlit is the app's script. Starting one costs its imports
(data_access.uploads: ~1 s of CPU), measured in benchmarks/RESULTS.md.

The child is killed with SIGKILL and reaped on every way out: a result, the time
limit, ``should_stop``, an exception in the caller. It also limits its own CPU
time to the time limit, so it cannot outlive a caller that was itself killed.
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from multiprocessing import Pipe
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

from loaders import worker
from loaders.limits import MEGABYTE, PARSE_MEMORY_BYTES, PARSE_SECONDS
from loaders.numbers import vietnamese_number
from loaders.problems import unreadable_message
from loaders.records import UnreadableFileError

T = TypeVar("T")
POLL_SECONDS = 0.2  # ``should_stop`` is asked at least this often, and at each progress
CPU_SIGNALS = (signal.SIGXCPU, signal.SIGKILL)  # soft and hard RLIMIT_CPU
# One BLAS thread and one malloc arena: threads would reserve address space (64 MB
# per glibc arena) before the cap is measured and fill it after, past the cap.
CHILD_SETTINGS = {
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "MALLOC_ARENA_MAX": "1",
}


class ReadCancelled(Exception):
    """``should_stop`` asked to stop the read; the child is gone."""


class ChildError(Exception):
    """What the child knew of an error, as text, kept as the cause for the log.

    The whole traceback of an unexpected error; for a UserFacingError only the error
    behind it (``zipfile.BadZipFile: …``), since its own traceback tells nothing more.
    """


def run_isolated(
    call: Callable[..., T],
    *,
    file_name: str,
    progress: Callable[[int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    seconds: float = PARSE_SECONDS,
    memory_bytes: int = PARSE_MEMORY_BYTES,
) -> T:
    """``call(progress=...)`` in a child process, returning its result.

    ``call`` must pickle (a module-level function, or a ``functools.partial`` of one)
    and return a picklable value; it is given ``progress``, which passes row counts
    to the caller's ``progress``. ``should_stop`` is asked every POLL_SECONDS; True
    stops the child and raises ReadCancelled, and whatever it raises (a Streamlit
    rerun) stops the child and propagates. Running out of time or memory, or a
    child that dies, raises UnreadableFileError naming ``file_name``; an exception
    raised by ``call`` (UnreadableFileError included) is raised here unchanged.
    """
    payload = pickle.dumps(call)
    reader, writer = Pipe(duplex=False)
    command = [sys.executable, "-m", worker.__name__, str(writer.fileno())]
    command += [str(memory_bytes), str(seconds)]
    try:
        with subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,  # the caller's output (a CLI's JSON) is the caller's
            pass_fds=[writer.fileno()],
            env=_child_environment(),
        ) as child:
            try:
                writer.close()  # the child holds the only writer: its death ends the pipe
                _send(child, payload)
                limits = (seconds, memory_bytes)
                result: T = _follow(child, reader, file_name, progress, should_stop, limits)
                return result
            finally:
                child.kill()  # a no-op once it has exited; Popen's exit reaps it
    finally:
        reader.close()
        writer.close()


def _send(child: subprocess.Popen[bytes], payload: bytes) -> None:
    """The call to the child's stdin; a child that died first is found by ``_follow``."""
    assert child.stdin is not None
    try:
        child.stdin.write(payload)
        child.stdin.close()
    except BrokenPipeError:
        pass


def _follow(
    child: subprocess.Popen[bytes],
    reader: Connection,
    file_name: str,
    progress: Callable[[int], None] | None,
    should_stop: Callable[[], bool] | None,
    limits: tuple[float, int],
) -> Any:
    """Relay progress until the child sends its outcome, dies, runs out of time or is stopped."""
    seconds, memory_bytes = limits
    deadline = time.monotonic() + seconds
    while True:
        if should_stop is not None and should_stop():
            raise ReadCancelled(file_name)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise UnreadableFileError(_too_slow(file_name, seconds))
        if not wait([reader], timeout=min(POLL_SECONDS, remaining)):
            continue
        try:
            kind, payload = reader.recv()
        except EOFError:  # died without a word (os._exit, a signal, a C library's abort)
            died = _too_slow(file_name, seconds) if -child.wait() in CPU_SIGNALS else None
            raise UnreadableFileError(died or unreadable_message("crashed", file_name)) from None
        if kind == worker.PROGRESS:
            if progress is not None:
                progress(payload)
        elif kind == worker.DONE:
            return payload
        elif kind == worker.MEMORY:
            megabytes = str(memory_bytes // MEGABYTE)
            raise UnreadableFileError(
                unreadable_message("too_much_memory", file_name, megabytes=megabytes)
            )
        else:
            error, detail = payload
            raise error from (None if detail is None else ChildError(detail))


def _too_slow(file_name: str, seconds: float) -> str:
    return unreadable_message("too_slow", file_name, seconds=vietnamese_number(seconds))


def _child_environment() -> dict[str, str]:
    """The caller's environment, its import path, and the settings above."""
    path = os.pathsep.join(entry or os.getcwd() for entry in sys.path)
    return {**os.environ, "PYTHONPATH": path, **CHILD_SETTINGS}
