"""The plotly builders' inputs, as the queries give them: a timeline's bars and a
drill-down's leaves (read by the builders' tests and the presentation tests)."""

from __future__ import annotations

from datetime import date

import pandas as pd

TODAY = date(2026, 11, 23)


def segments() -> pd.DataFrame:
    """Task 7 with a milestone, then its due date; task 9 due once (bars as timeline_segments)."""
    return pd.DataFrame(
        {
            "task_id": [7, 7, 9],
            "agency": ["Công an tỉnh"] * 2 + ["Sở Tài chính"],
            "row": ["PL-II-2026 · 1", "PL-II-2026 · 1", "PL-II-2026 · 4"],
            "name": ["Trung tâm giám sát"] * 2 + ["Ngân sách"],
            "status": ["milestone_late", "milestone_late", "overdue"],
            "kind": ["Chậm mốc", "Hạn nhiệm vụ", "Hạn nhiệm vụ"],
            "milestone": ["Triển khai", "", ""],
            "start": pd.to_datetime(["2026-01-15", "2026-05-31", "2026-01-15"]),
            "end": pd.to_datetime(["2026-05-31", "2027-10-31", "2026-06-30"]),
        }
    )


def leaves() -> pd.DataFrame:
    """Four tasks of two plans (as the drill-down's input): three overdue, one done."""
    return pd.DataFrame(
        {
            "plan_code": ["PL-II-2026", "PL-II-2026", "PL-II-2026", "KH-SKHCN-2025"],
            "agency": ["Công an tỉnh", "Sở Tài chính", "Sở Tài chính", "Sở Tài chính"],
            "status": ["overdue", "overdue", "done_on_time", "overdue"],
            "task_id": [7, 9, 10, 30],
            "name": ["Trung tâm giám sát", "Ngân sách", "Quỹ", "Chuyển đổi số"],
        }
    )
