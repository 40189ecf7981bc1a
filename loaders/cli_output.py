"""What ``python -m loaders`` prints: a Vietnamese summary or JSON, built in the worker.

``render`` runs in the worker process (loaders.isolation): text comes back far
cheaper than the records would (no object graph to pickle), and only the worker
imports the readers (openpyxl).
"""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from loaders.records import LoadResult, ProblemLevel

SHOWN_PROBLEMS = 20
# Records serialised per write: ~100 kB of text, which the allocator reuses from the
# previous chunk; 500 (1 MB) took fresh pages from the system each time, 2x slower.
JSON_CHUNK = 50


def render(path: Path, *, as_json: bool, progress: Callable[[int], None]) -> str:
    """In the worker: read ``path`` and return what the command prints."""
    from loaders.load import load_file

    result = load_file(path, progress=progress)
    if not as_json:
        return summary(result)
    stream = io.StringIO()
    write_json(result, stream)
    return stream.getvalue()


def write_json(result: LoadResult, stream: TextIO) -> None:
    """``result.to_json()`` as JSON, written a chunk of records at a time to keep memory flat."""
    issue_date = result.issue_date.to_json() if result.issue_date else None
    heading = [_pair("file", result.file_name), _pair("title", result.title)]
    write_utf8(stream, "{" + ", ".join([*heading, _pair("issue_date", issue_date)]))
    for key, records in (
        ("tasks", result.tasks),
        ("kpis", result.kpis),
        ("problems", result.problems),
    ):
        write_utf8(stream, f", {json.dumps(key)}: [")
        for index in range(0, len(records), JSON_CHUNK):
            chunk = records[index : index + JSON_CHUNK]
            if index:
                write_utf8(stream, ", ")
            write_utf8(stream, _dumps([record.to_json() for record in chunk])[1:-1])  # drop [ and ]
        write_utf8(stream, "]")
    write_utf8(stream, "}\n")


def _pair(key: str, value: object) -> str:
    return f"{json.dumps(key)}: {_dumps(value)}"


def _dumps(value: object) -> str:
    """Records hold no cycles: skipping the encoder's check makes it ~1.6x faster."""
    return json.dumps(value, ensure_ascii=False, check_circular=False)


def summary(result: LoadResult) -> str:
    """A few Vietnamese lines: counts, then the first problems."""
    levels = Counter(problem.level for problem in result.problems)
    lines = [
        f"Tệp: {result.file_name}",
        *([f"Tiêu đề: {result.title}"] if result.title else []),
        f"Nhiệm vụ: {len(result.tasks)} (đã hoàn thành: {sum(t.completed for t in result.tasks)})",
        f"Chỉ tiêu: {len(result.kpis)}",
        f"Vấn đề: {len(result.problems)} ({levels[ProblemLevel.ERROR]} lỗi, "
        f"{levels[ProblemLevel.WARNING]} cảnh báo)",
    ]
    lines += [f"  - {problem.message}" for problem in result.problems[:SHOWN_PROBLEMS]]
    if len(result.problems) > SHOWN_PROBLEMS:
        lines.append(f"  … và {len(result.problems) - SHOWN_PROBLEMS} vấn đề khác (xem --json).")
    return "\n".join(lines) + "\n"


def write_utf8(stream: TextIO, text: str) -> None:
    """UTF-8 whatever the terminal's locale, so Vietnamese never fails to print."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        buffer.write(text.encode("utf-8"))
    else:
        stream.write(text)
