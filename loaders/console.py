"""Standard output of both command lines, when its reader may stop early (``… | head``).

A reader that stops early is not an error: the command still does all its work
(an import still imports) and reports how it went through its exit status; what
the reader no longer takes is dropped instead of ending the run in a
BrokenPipeError traceback, during the run or in Python's final flush.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager


class _DropWhenReaderGone(io.RawIOBase):
    """Writes to a file descriptor; once its reader has gone, accepts and drops the rest."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd
        self.reader_gone = False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        if not self.reader_gone:
            try:
                return os.write(self._fd, data)
            except BrokenPipeError:
                self.reader_gone = True
        return len(data)


@contextmanager
def reader_may_leave() -> Iterator[None]:
    """``sys.stdout`` for the block: the same descriptor and encoding, never BrokenPipeError."""
    original = sys.stdout
    original.flush()
    raw = _DropWhenReaderGone(original.fileno())
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(raw), encoding=original.encoding, errors=original.errors
    )
    try:
        yield
    finally:
        sys.stdout.flush()
        sys.stdout = original
