"""Rows read so far, told to whoever follows a long read (the upload page's progress bar)."""

from __future__ import annotations

from collections.abc import Callable

ROWS_PER_PROGRESS = 1000


class RowCounter:
    """Counts the rows a reader goes through, across sheets and Word tables."""

    def __init__(self, progress: Callable[[int], None] | None = None) -> None:
        self.rows = 0
        self._progress = progress

    def count(self) -> None:
        """One more row read; every ``ROWS_PER_PROGRESS`` rows the follower is told."""
        self.rows += 1
        if self._progress is not None and self.rows % ROWS_PER_PROGRESS == 0:
            self._progress(self.rows)
