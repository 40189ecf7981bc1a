"""Quá hạn's other lists to chase: each its status, kept in the URL, records that follow."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from data_access.db import get_engine, session_scope
from data_access.queries.filters import TaskFilters
from data_access.queries.statuses import TaskStatus
from data_access.queries.task_record import task_detail
from data_access.queries.tasks import filtered_statuses
from tests.pages_db import page_test
from tests.qua_han_page import AS_OF, PAGE, open_row, task_list, texts
from ui.state import StateKey


@pytest.fixture
def page(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return page_test(monkeypatch, sample_url, PAGE, {"as_of": AS_OF})


# --- The other lists to chase ---


def show_list(at: AppTest, status: TaskStatus) -> AppTest:
    return at.segmented_control(key=StateKey.FOLLOW_UP_KIND).set_value(str(status)).run()


@pytest.mark.parametrize(
    ("status", "count"),
    [
        (TaskStatus.OVERDUE, 43),  # test_status_samples on 23/11/2026
        (TaskStatus.MILESTONE_LATE, 1),  # PL-II-2026 task 1: its 31/05/2026 milestone
        (TaskStatus.DONE_NO_EVIDENCE, 1),  # the Sở's #18: done, no "Minh chứng"
        (TaskStatus.RECURRING_NOT_REPORTED, 30),
    ],
)
def test_each_list_to_chase_is_its_status(
    page: AppTest, sample_url: str, status: TaskStatus, count: int
) -> None:
    listed = task_list(show_list(page.run(), status)).value
    with session_scope(get_engine(sample_url)) as session:
        statuses = filtered_statuses(session=session, filters=TaskFilters(as_of=date(2026, 11, 23)))
    expected = statuses[statuses["status"] == status]
    assert len(listed) == len(expected) == count
    assert sorted(listed["Nhiệm vụ"]) == sorted(expected["name"])
    assert listed["Số ngày quá hạn"].is_monotonic_decreasing


def test_the_list_is_kept_in_the_url(page: AppTest) -> None:
    page.query_params[StateKey.FOLLOW_UP_KIND] = "Chậm mốc"
    listed = task_list(page.run()).value
    assert listed["Kế hoạch"].tolist() == ["PL-II-2026"]
    assert listed["Số ngày quá hạn"].tolist() == [176]  # 31/05/2026 to 23/11/2026


def test_a_missed_milestone_shows_on_the_record(page: AppTest) -> None:
    open_row(show_list(page.run(), TaskStatus.MILESTONE_LATE), 0)
    shown = texts(page)
    assert "Chậm mốc 176 ngày (tính đến 23/11/2026)" in shown
    milestones = next(t for t in shown if t.startswith("31/05/2026"))
    assert milestones.splitlines() == [
        "31/05/2026: Triển khai giám sát an ninh mạng — Chậm mốc",
        "31/10/2027: Triển khai Xây dựng Trung tâm giám sát an ninh mạng — Chưa đến mốc",
    ]


def test_a_recurring_record_keeps_its_name_whole(page: AppTest, sample_url: str) -> None:
    # 92A II.10 "(nhiệm vụ thường xuyên)": its name has a line break; its last report is
    # of 27/01/2026, so November's (due 20/11) is 3 days late
    listed = task_list(show_list(page.run(), TaskStatus.RECURRING_NOT_REPORTED)).value
    listed = listed.reset_index(drop=True)
    position = int(listed.index[(listed["Kế hoạch"] == "KH-92A-UBND") & (listed["STT"] == 10)][0])
    open_row(page, position)
    with session_scope(get_engine(sample_url)) as session:
        statuses = filtered_statuses(session=session, filters=TaskFilters(as_of=date(2026, 11, 23)))
        name = listed["Nhiệm vụ"][position]
        task_id = int(statuses.loc[statuses["name"] == name, "task_id"].iloc[0])
        detail = task_detail(session=session, task_id=task_id)
    assert detail is not None and "\n" in detail.task.name
    shown = texts(page)
    assert detail.task.name in shown  # the whole name, line breaks kept
    assert (
        "Thường xuyên – chưa báo cáo kỳ này, trễ hạn gửi báo cáo 3 ngày (tính đến 23/11/2026)"
        in shown
    )
    assert "01/01/2026 — Thường xuyên" in shown  # its date is its first due date
