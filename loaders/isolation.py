"""Read a file in a child process: a memory cap, a time limit, progress, and a way to stop it.

A hostile or huge file then costs the child, never the caller: the page's server
keeps serving other people, and the command lines print a sentence instead of
dying. The caller (a Streamlit server) is multi-threaded, so children are never
forked from it: a forkserver imports the reading code once (the first read of a
process pays ~1 s for it) and forks each child from itself (~15 ms a read after).

The child is killed with SIGKILL and reaped on every way out: a result, the time
limit, ``should_stop``, an exception in the caller. It also limits its own CPU
time to the time limit, so it cannot outlive a caller that was itself killed.
"""

from __future__ import annotations

import functools
import multiprocessing
import pickle
import resource
import signal
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkServerContext
from typing import Any, TypeVar

from loaders.limits import MEGABYTE, PARSE_MEMORY_BYTES, PARSE_SECONDS
from loaders.problems import unreadable_message
from loaders.records import UnreadableFileError

T = TypeVar("T")
POLL_SECONDS = 0.2  # ``should_stop`` is asked at least this often, and at each progress
BOOT_MODULE = "loaders.worker_boot"
CPU_SIGNALS = (signal.SIGXCPU, signal.SIGKILL)  # soft and hard RLIMIT_CPU


class ReadCancelled(Exception):
    """``should_stop`` asked to stop the read; the child is gone."""


class ChildTraceback(Exception):
    """The traceback of an exception raised in the child, kept as the cause for the log."""


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
    context = _context(_module_of(call))
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(
        target=_child_main, args=(call, writer, memory_bytes, seconds), daemon=True
    )
    try:
        child.start()
        writer.close()  # the child holds the only writer: its death ends the pipe
        result: T = _follow(child, reader, file_name, progress, should_stop, seconds, memory_bytes)
        return result
    finally:
        _stop(child)
        reader.close()
        writer.close()


def _follow(
    child: Any,
    reader: Connection,
    file_name: str,
    progress: Callable[[int], None] | None,
    should_stop: Callable[[], bool] | None,
    seconds: float,
    memory_bytes: int,
) -> Any:
    """Relay progress until the child sends its outcome, dies, runs out of time or is stopped."""
    deadline = time.monotonic() + seconds
    while True:
        if should_stop is not None and should_stop():
            raise ReadCancelled(file_name)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise UnreadableFileError(_too_slow(file_name, seconds))
        ready = wait([reader, child.sentinel], timeout=min(POLL_SECONDS, remaining))
        if reader in ready:
            try:
                kind, payload = reader.recv()
            except EOFError:  # died without a word (os._exit, a signal, a C library's abort)
                raise UnreadableFileError(_died(child, file_name, seconds)) from None
            if kind == "progress":
                if progress is not None:
                    progress(payload)
                continue
            return _outcome(kind, payload, file_name, memory_bytes)
        if child.sentinel in ready:
            raise UnreadableFileError(_died(child, file_name, seconds))


def _outcome(kind: str, payload: Any, file_name: str, memory_bytes: int) -> Any:
    if kind == "done":
        return payload
    if kind == "memory":
        megabytes = str(memory_bytes // MEGABYTE)
        raise UnreadableFileError(
            unreadable_message("too_much_memory", file_name, megabytes=megabytes)
        )
    error, remote_traceback = payload
    raise error from ChildTraceback(remote_traceback)


def _died(child: Any, file_name: str, seconds: float) -> str:
    child.join()
    if child.exitcode is not None and -child.exitcode in CPU_SIGNALS:
        return _too_slow(file_name, seconds)
    return unreadable_message("crashed", file_name)


def _too_slow(file_name: str, seconds: float) -> str:
    return unreadable_message("too_slow", file_name, seconds=f"{seconds:g}".replace(".", ","))


def _stop(child: Any) -> None:
    """SIGKILL the child if it still runs, and reap it (its forkserver reports the exit)."""
    if child.pid is None:  # never started
        return
    if child.exitcode is None:
        child.kill()
    child.join()
    child.close()


def preload(module: str) -> None:
    """Have the forkserver import ``module`` when it starts (before the process's first read).

    A child then starts with it imported; one the forkserver lacks costs each read its
    import again (data_access.uploads: 0.9 s).
    """
    _preloaded.append(module)


_preloaded: list[str] = [BOOT_MODULE]


@functools.cache
def _context(module: str) -> ForkServerContext:
    """The forkserver context; the first read of a process starts it, preloading ``module`` too."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([*_preloaded, module])
    return context


def _module_of(call: Callable[..., Any]) -> str:
    function = call.func if isinstance(call, functools.partial) else call
    return str(function.__module__)


# --- In the child ---


def _child_main(
    call: Callable[..., Any], writer: Connection, memory_bytes: int, seconds: float
) -> None:
    _limit(resource.RLIMIT_AS, _address_space() + memory_bytes)
    _limit(resource.RLIMIT_CPU, int(seconds) + 1)

    def tell(rows: int) -> None:
        writer.send(("progress", rows))

    # Sent after the except blocks: by then the read's frames and their memory are freed.
    outcome: tuple[str, Any]
    try:
        outcome = ("done", call(progress=tell))
    except MemoryError:
        outcome = ("memory", None)
    except Exception as error:
        remote_traceback = traceback.format_exc()
        outcome = ("failed", (_portable(error), remote_traceback))
        if _out_of_memory(error):  # a reader that took it for a broken file
            outcome = ("memory", None)
    try:
        writer.send(outcome)
    except MemoryError:  # the result itself is too big to send
        writer.send(("memory", None))


def _out_of_memory(error: BaseException | None) -> bool:
    """Whether ``error`` was caused, however indirectly, by running out of memory."""
    while error is not None:
        if isinstance(error, MemoryError):
            return True
        error = error.__cause__ or error.__context__
    return False


def _limit(which: int, value: int) -> None:
    """Lower the soft limit ``which`` to ``value`` (never above the hard limit)."""
    _, hard = resource.getrlimit(which)
    soft = value if hard == resource.RLIM_INFINITY else min(value, hard)
    resource.setrlimit(which, (soft, hard))


def _address_space() -> int:
    """The child's address space now (bytes): the baseline its memory cap is added to."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[0])
    return pages * resource.getpagesize()


def _portable(error: Exception) -> Exception:
    """``error`` (without its frames) if it survives pickling, else a RuntimeError saying what."""
    error = error.with_traceback(None)
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error
