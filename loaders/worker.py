"""The child's side of loaders.isolation: ``python -m loaders.worker FD MEMORY_BYTES SECONDS``.

Reads one pickled call from stdin, caps its own memory and CPU time, runs the call
and sends what happened to file descriptor FD: progress messages, then one outcome.
"""

from __future__ import annotations

import pickle
import resource
import sys
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from errors import UserFacingError, cause_text

PROGRESS, DONE, MEMORY, FAILED = "progress", "done", "memory", "failed"


def main(argv: list[str]) -> None:
    channel = Connection(int(argv[0]), readable=False)
    memory_bytes, seconds = int(argv[1]), float(argv[2])
    call: Callable[..., Any] = pickle.load(sys.stdin.buffer)  # imports what the call needs
    # The cap is counted from here: the interpreter, its imports and the file's bytes
    # are the baseline, every byte the read takes is within the cap.
    _limit(resource.RLIMIT_AS, _address_space() + memory_bytes)
    _limit(resource.RLIMIT_CPU, int(seconds) + 1)  # outlives no caller by much

    def tell(rows: int) -> None:
        channel.send((PROGRESS, rows))

    # Sent after the except blocks: by then the read's frames and their memory are freed.
    outcome: tuple[str, Any]
    try:
        outcome = (DONE, call(progress=tell))
    except MemoryError:
        outcome = (MEMORY, None)
    except Exception as error:
        detail = _detail(error)  # before _portable drops the frames
        outcome = (FAILED, (_portable(error), detail))
        if _out_of_memory(error):  # a reader that took it for a broken file
            outcome = (MEMORY, None)
    try:
        channel.send(outcome)
    except MemoryError:  # the result itself is too big to send
        channel.send((MEMORY, None))


def _detail(error: Exception) -> str | None:
    """For the log: a user-facing error's cause (None if none), any other error's traceback."""
    if isinstance(error, UserFacingError):
        return cause_text(error)
    return "".join(traceback.format_exception(error))


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
    """This process's address space now, in bytes."""
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


if __name__ == "__main__":
    main(sys.argv[1:])
