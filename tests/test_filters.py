"""TaskFilters: the Vietnamese one-line summary (the URL binding is in test_filters_ui)."""

from __future__ import annotations

from datetime import date

import pytest

from data_access.queries.filters import TaskFilters
from data_access.queries.statuses import TaskStatus

AS_OF = date(2026, 11, 23)


# --- describe_vi ---


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (
            TaskFilters(as_of=AS_OF),
            "Tính đến 23/11/2026 · Kế hoạch: tất cả · Cơ quan chủ trì: tất cả",
        ),
        (
            TaskFilters(
                as_of=date(2026, 6, 5),
                plan_codes=("92A/KH-UBND",),
                agencies=("Sở Khoa học và Công nghệ", "Công an tỉnh"),
                role="coordinating",
            ),
            "Tính đến 05/06/2026 · Kế hoạch: 92A/KH-UBND"
            " · Cơ quan phối hợp: Sở Khoa học và Công nghệ, Công an tỉnh",
        ),
        (
            TaskFilters(
                as_of=AS_OF,
                agencies=("A", "B", "C", "D", "E"),
                role="any",
                sections=("II",),
                statuses=(TaskStatus.OVERDUE, TaskStatus.DONE_LATE),
                due_from=date(2026, 1, 1),
                due_to=date(2026, 6, 30),
                include_recurring=False,
                include_indicative=False,
            ),
            "Tính đến 23/11/2026 · Kế hoạch: tất cả"
            " · Cơ quan chủ trì hoặc phối hợp: A, B, C và 2 mục khác · Mục: II"
            " · Trạng thái: Quá hạn, Hoàn thành quá hạn"
            " · Hạn từ 01/01/2026 đến 30/06/2026 · Không gồm nhiệm vụ thường xuyên"
            " · Không gồm nhiệm vụ có hạn dự kiến",
        ),
        # units rolled up into the chosen agency: said beside it; nothing to say without one
        (
            TaskFilters(as_of=AS_OF, agencies=("Sở Khoa học và Công nghệ",), include_units=True),
            "Tính đến 23/11/2026 · Kế hoạch: tất cả"
            " · Cơ quan chủ trì: Sở Khoa học và Công nghệ (gồm các đơn vị thuộc)",
        ),
        (
            TaskFilters(as_of=AS_OF, include_units=True),
            "Tính đến 23/11/2026 · Kế hoạch: tất cả · Cơ quan chủ trì: tất cả",
        ),
        (
            TaskFilters(as_of=AS_OF, due_to=date(2026, 12, 31)),
            "Tính đến 23/11/2026 · Kế hoạch: tất cả · Cơ quan chủ trì: tất cả · Hạn đến 31/12/2026",
        ),
        (
            TaskFilters(as_of=AS_OF, due_from=date(2026, 2, 1)),
            "Tính đến 23/11/2026 · Kế hoạch: tất cả · Cơ quan chủ trì: tất cả · Hạn từ 01/02/2026",
        ),
    ],
)
def test_describe_vi(filters: TaskFilters, expected: str) -> None:
    assert filters.describe_vi() == expected
