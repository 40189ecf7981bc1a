"""What a task says about another task: which one, where, and why.

A supplementary list writes, for instance, "Nhiệm vụ số 03 Phụ lục II cập nhật lại tên
theo Kế hoạch số 07-KH/BCĐ": task 3 of "Phụ lục II" was renamed by Kế hoạch 07-KH/BCĐ.
``parse_adjustment`` reads such a phrase into a ``TaskReference``. A plan may also give
each task's number in another document, in a column headed "STT (TB02)": seed 004's
task 2 is task 6 of TB02; ``numbered_reference`` makes that a ``TaskReference`` too.
Finding the task a reference names among the loaded plans is
data_access.queries.lineage's work.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum


class Change(StrEnum):
    """What the adjusting row did to the task it names (or, without one, to itself)."""

    RENAMED = "renamed"  # "cập nhật lại tên"
    RESCHEDULED = "rescheduled"  # "điều chỉnh lại thời gian hoàn thành"
    ADDED = "added"  # "nhiệm vụ bổ sung": a new task, adjusting none
    ADJUSTED = "adjusted"  # any other wording
    NUMBERED = "numbered"  # not a change: the same task's number in another document


@dataclass(frozen=True)
class TaskReference:
    change: Change
    task_number: str  # "3" for "số 03"; "" when the phrase names no task
    document: str  # where that number counts: "Phụ lục II"; "" when not said
    basis: str  # the document behind the change: "Kế hoạch số 07-KH/BCĐ"; "" when not said


_DOCUMENT_WORDS = r"(?:phụ lục|kế hoạch|chương trình|thông báo|công văn|quyết định)"
_DOCUMENT_ID = r"[\w./-]+"  # "II", "07-KH/BCĐ", "92A/KH-UBND"
_DOCUMENT = rf"{_DOCUMENT_WORDS}(?:\s+số)?\s+{_DOCUMENT_ID}"  # "Phụ lục II"
_TASK = re.compile(
    rf"nhiệm vụ\s+(?:số|stt)\s*(\d+)(?:\s+(?:của\s+|tại\s+)?({_DOCUMENT}))?", re.IGNORECASE
)
_BASIS = re.compile(rf"theo\s+({_DOCUMENT_WORDS}\s+số\s+{_DOCUMENT_ID})", re.IGNORECASE)
_CHANGES = (  # first match wins
    (re.compile(r"cập nhật lại tên|đổi tên", re.IGNORECASE), Change.RENAMED),
    (re.compile(r"thời gian|thời hạn", re.IGNORECASE), Change.RESCHEDULED),
    (re.compile(r"nhiệm vụ bổ sung", re.IGNORECASE), Change.ADDED),
)


def parse_adjustment(text: str) -> TaskReference | None:
    """The reference in an adjustment cell; None for an empty cell."""
    phrase = " ".join(unicodedata.normalize("NFC", text).split())
    if not phrase:
        return None
    change = next((kind for pattern, kind in _CHANGES if pattern.search(phrase)), Change.ADJUSTED)
    task = _TASK.search(phrase)
    basis = _BASIS.search(phrase)
    return TaskReference(
        change=change,
        task_number=str(int(task.group(1))) if task else "",
        document=_capitalised(task.group(2)) if task and task.group(2) else "",
        basis=_capitalised(basis.group(1)) if basis else "",
    )


def numbered_reference(number: str, document: str) -> TaskReference | None:
    """Task ``number`` of ``document`` ("1", "TB02"); None when the plan gives no number."""
    if not number.strip():
        return None
    return TaskReference(Change.NUMBERED, number.strip(), document.strip(), "")


def same_number(left: str, right: str) -> bool:
    """Task numbers as plans write them: "03", "3" and "3." are the same number."""
    return _number_key(left) == _number_key(right)


def _number_key(number: str) -> str:
    return number.strip().rstrip(".").lstrip("0") or "0"


def _capitalised(words: str) -> str:
    return words[:1].upper() + words[1:]
