"""TaskFilters: the Vietnamese one-line summary and the URL round trip."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from data_access.filters import TaskFilters
from data_access.statuses import TaskStatus

AS_OF = date(2026, 11, 23)
TODAY = date(2026, 1, 15)


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
            ),
            "Tính đến 23/11/2026 · Kế hoạch: tất cả"
            " · Cơ quan chủ trì hoặc phối hợp: A, B, C và 2 mục khác · Mục: II"
            " · Trạng thái: Quá hạn, Hoàn thành quá hạn"
            " · Hạn từ 01/01/2026 đến 30/06/2026 · Không gồm nhiệm vụ thường xuyên",
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


# --- URL round trip ---


@pytest.mark.parametrize(
    "filters",
    [
        TaskFilters(as_of=AS_OF),
        TaskFilters(
            as_of=AS_OF,
            plan_codes=("92A/KH-UBND", "Phụ lục II"),
            agencies=("Sở KH&CN", "Các sở, ban, ngành, địa phương"),
            role="any",
            sections=("I", "IV"),
            statuses=(TaskStatus.OVERDUE,),
            due_from=date(2026, 1, 1),
            due_to=date(2026, 3, 31),
            include_recurring=False,
        ),
        TaskFilters(as_of=AS_OF, agencies=("Sở KH&CN",), include_units=True),
    ],
)
def test_query_params_round_trip(filters: TaskFilters) -> None:
    assert TaskFilters.from_query_params(filters.to_query_params(), today=TODAY) == filters


def test_defaults_are_left_out_of_the_url() -> None:
    assert TaskFilters(as_of=AS_OF).to_query_params() == {"as_of": "2026-11-23"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # --- missing or bad values fall back to the defaults ---
        ({}, TaskFilters(as_of=TODAY)),
        ({"as_of": "23/11/2026"}, TaskFilters(as_of=TODAY)),
        ({"as_of": "2026-02-30"}, TaskFilters(as_of=TODAY)),
        ({"as_of": AS_OF.isoformat(), "role": "boss"}, TaskFilters(as_of=AS_OF)),
        (
            {"as_of": AS_OF.isoformat(), "status": ["late", "overdue"]},
            TaskFilters(as_of=AS_OF, statuses=("overdue",)),
        ),
        ({"as_of": AS_OF.isoformat(), "due_from": "soon"}, TaskFilters(as_of=AS_OF)),
        # --- single strings (st.query_params) and lists both work ---
        (
            {"as_of": [AS_OF.isoformat()], "plan": "92A"},
            TaskFilters(as_of=AS_OF, plan_codes=("92A",)),
        ),
        (
            {"as_of": AS_OF.isoformat(), "agency": ["B", " B ", "", "A"]},
            TaskFilters(as_of=AS_OF, agencies=("B", "A")),
        ),
        ({"as_of": AS_OF.isoformat(), "recurring": "1"}, TaskFilters(as_of=AS_OF)),
        (
            {"as_of": AS_OF.isoformat(), "recurring": "false"},
            TaskFilters(as_of=AS_OF, include_recurring=False),
        ),
        # the units switch is on only when the URL says so (Streamlit writes "true")
        (
            {"as_of": AS_OF.isoformat(), "units": "true"},
            TaskFilters(as_of=AS_OF, include_units=True),
        ),
        ({"as_of": AS_OF.isoformat(), "units": "maybe"}, TaskFilters(as_of=AS_OF)),
    ],
)
def test_from_query_params_ignores_bad_values(
    params: dict[str, str | list[str]], expected: TaskFilters
) -> None:
    assert TaskFilters.from_query_params(params, today=TODAY) == expected


@given(
    st.dictionaries(
        st.sampled_from(
            [
                "as_of",
                "plan",
                "agency",
                "role",
                "section",
                "status",
                "due_from",
                "due_to",
                "recurring",
                "units",
                "other",
            ]
        ),
        st.one_of(st.text(), st.lists(st.text())),
    )
)
def test_from_query_params_never_raises(params: dict[str, str | list[str]]) -> None:
    filters = TaskFilters.from_query_params(params, today=TODAY)
    assert filters.role in ("lead", "coordinating", "any")
    assert filters.describe_vi().startswith("Tính đến ")
