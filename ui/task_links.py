"""Where a task's record lives: its own address, to share in a meeting's chat.

The "Hồ sơ nhiệm vụ" page (issue 15) reads the task's id from the ``nhiem_vu`` query
parameter; every link to a record, and every chart click that opens one, is built here.
"""

from __future__ import annotations

TASK_RECORD_PATH = "ho-so-nhiem-vu"  # the page's url_path in app.PAGES
TASK_PARAM = "nhiem_vu"  # ?nhiem_vu=<task id>
MAX_TASK_ID = 2**31 - 1  # the largest id a database integer holds
NO_SUCH_TASK = "Không tìm thấy nhiệm vụ theo địa chỉ này: hãy mở hồ sơ từ trang Danh mục nhiệm vụ."


def task_record_url(task_id: int) -> str:
    """The record's address, relative to the app's root: "/ho-so-nhiem-vu?nhiem_vu=42"."""
    return f"/{TASK_RECORD_PATH}?{TASK_PARAM}={task_id}"


def task_id_from(value: str | None) -> int | None:
    """The task id the address names ("42"), or None when it names none a database holds."""
    text = (value or "").strip()
    if not (text.isascii() and text.isdigit()):
        return None
    task_id = int(text)
    return task_id if 0 < task_id <= MAX_TASK_ID else None
