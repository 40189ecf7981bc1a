"""What a status cell and a "BC BCĐTW" cell say, read from their Vietnamese words."""

from __future__ import annotations

from loaders.text import fold, is_completion_note

_NOT_REPORTED = frozenset({"khong", "0", "-", "false", "no"})
_STATUS_DONE = ("hoan thanh", "da hoan thanh", "da thuc hien")
_STATUS_KNOWN = (
    *_STATUS_DONE,
    "dang thuc hien",
    "dang trien khai",
    "chua thuc hien",
    "chua trien khai",
    "chua hoan thanh",
    "qua han",
    "cham",
    "tam dung",
    "thuong xuyen",
)


def status_reading(status: str) -> tuple[bool, bool]:
    """(done, known): whether the status says the task is done, and whether its words are known."""
    if is_completion_note(status):
        return True, True
    key = fold(status)
    return key.startswith(_STATUS_DONE), key.startswith(_STATUS_KNOWN)


def reported_to_central(cell: str) -> bool:
    """BC BCĐTW: any mark in the cell means the task is reported to the central committee."""
    return bool(cell) and fold(cell).strip(" .") not in _NOT_REPORTED
