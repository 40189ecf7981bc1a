"""The public page's frames: only whitelisted columns leave, whatever else the input holds."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
from hypothesis import assume, given
from hypothesis import strategies as st

from data_access.queries.public import (
    PUBLIC_AGENCY_COLUMNS,
    PUBLIC_TASK_COLUMNS,
    public_agency_progress,
    public_task_list,
    public_tasks,
)
from data_access.queries.rollups import UNASSIGNED_AGENCY
from tests.rollup_rows import DONE, GROUP, POLICE, SKHCN, link, statuses_of, t

MARK = "RIÊNG-TƯ"  # in every private field; never in the public frames
# Every field the public must not see, as the status frame or a later upstream change
# could carry it: the report's evidence and free text, the task's notes, the people.
PRIVATE = {
    field: f"{MARK} {field}"
    for field in (
        "evidence",
        "notes",
        "description",
        "evaluation",
        "reporter",
        "imported_by",
        "file_name",
        "source",
        "comment",
        "leader",
        "reviewer_comment",
    )
}
STATUSES = statuses_of(
    [
        # done on time (the report says completed on 20/05, before the 31/05 due date)
        t(
            "Chiến lược chuyển đổi số",
            date(2026, 5, 31),
            number="1",
            section_code="I",
            plan_title="Kế hoạch 92A",
            deadline_text="Tháng 5/2026",
            **DONE,
            completion_date=date(2026, 5, 20),
            **PRIVATE,
        ),
        # overdue on 30/06; the report's own words are private
        t(
            "Rà soát thủ tục hành chính",
            date(2026, 6, 15),
            number="2",
            section_code="I",
            plan_title="Kế hoạch 92A",
            deadline_text="15/6/2026",
            reported_status=f"Đang thực hiện, {MARK} trạng thái",
            reported_on=date(2026, 6, 1),
            **PRIVATE,
        ),
        # no date read from the plan: its deadline text is shown instead
        t(
            "Nhiệm vụ chưa rõ hạn",
            None,
            "unparsed",
            number="1",
            section_code="II",
            plan_code="KH-02",
            plan_title="Kế hoạch 02",
            deadline_text="Theo tiến độ dự án",
            **PRIVATE,
        ),
    ]
)
LINKS = pd.DataFrame(
    [
        link(1, SKHCN),
        link(1, POLICE) | {"position": 1},
        link(1, GROUP, "coordinating", "collective"),
        link(2, SKHCN),
    ]
)
ROW_1 = [
    "92A",
    "Kế hoạch 92A",
    "I",
    "1",
    "Chiến lược chuyển đổi số",
    f"{SKHCN}; {POLICE}",
    "31/05/2026",
    "Hoàn thành đúng hạn",
    "20/05/2026",
]
ROW_2 = [
    "92A",
    "Kế hoạch 92A",
    "I",
    "2",
    "Rà soát thủ tục hành chính",
    SKHCN,
    "15/06/2026",
    "Quá hạn",
    "",
]
ROW_3 = [
    "KH-02",
    "Kế hoạch 02",
    "II",
    "1",
    "Nhiệm vụ chưa rõ hạn",
    "",
    "Theo tiến độ dự án",
    "Chưa xác định hạn",
    "",
]


def leaks(frame: pd.DataFrame, mark: str = MARK) -> list[str]:
    """Column names and cells of ``frame`` that hold ``mark``."""
    cells = [str(value) for value in frame.to_numpy().ravel()]
    return [text for text in [*map(str, frame.columns), *cells] if mark in text]


def test_the_private_fields_are_in_the_input() -> None:
    assert set(PRIVATE) <= set(STATUSES.columns)
    assert STATUSES["reported_status"].str.contains(MARK).any()


def test_public_tasks_are_the_whitelisted_columns_as_text() -> None:
    tasks = public_tasks(STATUSES, LINKS)
    assert list(tasks.columns) == PUBLIC_TASK_COLUMNS
    assert tasks.to_numpy().tolist() == [ROW_1, ROW_2, ROW_3]
    assert leaks(tasks) == []


def test_public_agency_progress_counts_each_lead_agency() -> None:
    progress = public_agency_progress(STATUSES, LINKS)
    assert list(progress.columns) == PUBLIC_AGENCY_COLUMNS
    unassigned = UNASSIGNED_AGENCY["lead"]
    # most overdue first, then most tasks, then by name ("(" before "C")
    assert progress["agency"].tolist() == [SKHCN, unassigned, POLICE]
    rows = progress.set_index("agency")
    assert rows.loc[SKHCN, ["done_on_time", "overdue", "total"]].tolist() == [1, 1, 2]
    assert rows.loc[POLICE, ["done_on_time", "total"]].tolist() == [1, 1]
    assert rows.loc[unassigned, ["no_deadline", "total"]].tolist() == [1, 1]
    assert rows.loc[SKHCN, "completion_rate"] == 0.5  # both dated and due: one done
    assert rows.loc[POLICE, "completion_rate"] == 1.0
    assert math.isnan(rows.loc[unassigned, "completion_rate"])  # nothing dated to count
    assert leaks(progress) == []


def test_public_agency_progress_of_chosen_plans() -> None:
    progress = public_agency_progress(STATUSES, LINKS, ["KH-02"])
    assert progress["agency"].tolist() == [UNASSIGNED_AGENCY["lead"]]


def rows_of(plans: tuple[str, ...] = (), agency: str | None = None, query: str = "") -> list:
    chosen = public_task_list(STATUSES, LINKS, plan_codes=plans, agency=agency, query=query)
    return chosen.to_numpy().tolist()


def test_the_task_list_by_plan_agency_and_search() -> None:
    assert rows_of() == [ROW_1, ROW_2, ROW_3]
    assert rows_of(("KH-02",)) == [ROW_3]
    assert rows_of(agency=POLICE) == [ROW_1]
    assert rows_of(agency=SKHCN, query="ra soat") == [ROW_2]
    assert rows_of(agency=UNASSIGNED_AGENCY["lead"]) == [ROW_3]
    assert rows_of(agency=GROUP) == []  # it only coordinates
    assert rows_of(query="CHUYỂN ĐỔI") == [ROW_1]
    assert rows_of(query="kh-02") == [ROW_3]  # by plan code


def test_private_text_cannot_be_searched_for() -> None:
    assert rows_of(query=MARK) == []
    assert rows_of(query="Tháng 5/2026") == []  # deadline text is shown, not searched


@given(
    extra=st.dictionaries(st.text(min_size=1, max_size=12), st.text(max_size=20), max_size=5),
    link_extra=st.dictionaries(st.text(min_size=1, max_size=12), st.text(max_size=20), max_size=3),
)
def test_no_column_added_upstream_reaches_the_public(
    extra: dict[str, str], link_extra: dict[str, str]
) -> None:
    assume(not set(extra) & set(STATUSES.columns) and not set(link_extra) & set(LINKS.columns))
    statuses = STATUSES.assign(**{name: f"{MARK}{value}" for name, value in extra.items()})
    links = LINKS.assign(**{name: f"{MARK}{value}" for name, value in link_extra.items()})
    tasks = public_task_list(statuses, links)
    progress = public_agency_progress(statuses, links)
    assert list(tasks.columns) == PUBLIC_TASK_COLUMNS
    assert list(progress.columns) == PUBLIC_AGENCY_COLUMNS
    assert leaks(tasks) == leaks(progress) == []
    assert tasks.to_numpy().tolist() == [ROW_1, ROW_2, ROW_3]
