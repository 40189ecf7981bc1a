"""A small status frame and its agency links, for the roll-up tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from data_access.queries.status import compute_statuses
from data_access.queries.statuses import TaskStatus

AS_OF = date(2026, 6, 30)
S = TaskStatus
SKHCN, POLICE, GROUP = "Sở Khoa học và Công nghệ", "Công an tỉnh", "Các sở, ban, ngành, địa phương"


def statuses_of(rows: list[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    frame.insert(0, "task_id", range(1, len(rows) + 1))
    return compute_statuses(frame, AS_OF)


def t(name: str, due: date | None, kind: str = "date", **more: Any) -> dict[str, Any]:
    return {"name": name, "due_date": due, "deadline_kind": kind, "plan_code": "92A"} | more


DONE = {"reported_status": "Đã hoàn thành", "reported_on": date(2026, 5, 1)}
TASKS = statuses_of(
    [
        t("Chiến lược chuyển đổi số", date(2026, 5, 31), **DONE),  # 1: done on time
        t("Rà soát thủ tục", date(2026, 6, 15)),  # 2: overdue 15 days
        # 3: recurring from 01/06 (a first due date, not a deadline); June's report not sent
        t("Báo cáo định kỳ", date(2026, 6, 1), "recurring"),
        t("Số hoá hồ sơ", date(2026, 7, 20)),  # 4: due in 20 days
        t("Đề án Đắk Lắk số", date(2025, 12, 1)),  # 5: overdue 211 days
        t("Nhiệm vụ chưa rõ hạn", None, "unparsed"),  # 6
    ]
)


def link(
    task_id: int, agency: str, role: str = "lead", kind: str = "department", parent: str = ""
) -> dict[str, Any]:
    return {
        "task_id": task_id,
        "agency": agency,
        "agency_kind": kind,
        "is_collective": kind == "collective",
        "role": role,
        "position": 0,
        "parent": parent,
    }


LINKS = pd.DataFrame(
    [
        link(1, SKHCN),
        link(1, POLICE),  # two leads: counts for each
        link(1, GROUP, "coordinating", "collective"),
        link(2, GROUP, kind="collective"),
        link(3, SKHCN),
        link(4, POLICE),
        link(4, SKHCN, "coordinating"),
        link(5, SKHCN),
    ]
)


# A unit of the Sở leading task 1 (which the Sở leads too) and task 2 (overdue).
UNIT = "Văn phòng Sở (Sở KH&CN)"
UNIT_LINKS = pd.concat(
    [
        LINKS,
        pd.DataFrame([link(t, UNIT, kind="internal_unit", parent=SKHCN) for t in (1, 2)]),
    ],
    ignore_index=True,
)
