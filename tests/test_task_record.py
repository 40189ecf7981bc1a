"""The full record of one task."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from data_access.queries.task_record import task_detail
from loaders.records import Milestone
from tests.dashboard_db import COLLECTIVE, HOME_AFFAIRS, POLICE, SKHCN, fill


def test_detail_has_fields_agencies_milestones_and_history(session: Session) -> None:
    ids = fill(session)
    detail = task_detail(session=session, task_id=ids["strategy"])
    assert detail is not None
    assert (detail.task.name, detail.task.deadline_text, detail.task.report_to_central) == (
        "Xây dựng Chiến lược chuyển đổi số của tỉnh",
        "31/3/2026",
        True,
    )
    assert (detail.plan_code, detail.plan_title, detail.section_title) == (
        "92A/KH-UBND",
        "Kế hoạch 92A",
        "Về thể chế",
    )
    assert detail.lead_agencies == (SKHCN, POLICE)
    assert detail.coordinating_agencies == (HOME_AFFAIRS,)
    assert detail.milestones == (
        Milestone(date(2026, 1, 31), "Dự thảo"),
        Milestone(date(2026, 3, 31), "Ban hành"),
    )
    history = detail.progress
    assert history["reported_on"].tolist() == [
        date(2026, 3, 1),
        date(2026, 4, 10),
        date(2026, 4, 10),
    ]
    assert history["evidence"].tolist() == ["", "QĐ 1", "QĐ 2"]  # the undone report is left out
    assert history["is_illustrative"].tolist() == [False, True, True]


def test_detail_of_a_task_without_section_or_reports(session: Session) -> None:
    ids = fill(session)
    detail = task_detail(session=session, task_id=ids["review"])
    assert detail is not None
    assert detail.lead_agencies == (COLLECTIVE,)
    assert detail.coordinating_agencies == ()
    assert detail.progress.empty
    unclear = task_detail(session=session, task_id=ids["unclear"])
    assert unclear is not None and unclear.section_title == "" and unclear.lead_agencies == ()


def test_unknown_task_is_none(session: Session) -> None:
    assert task_detail(session=session, task_id=999) is None
