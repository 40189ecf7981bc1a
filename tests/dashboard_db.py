"""A small database for the dashboard query tests: two plans, five tasks, reports, KPIs.

Task keys (returned by ``fill``):
- ``strategy``: plan 92A, section I, due 31/3/2026, leads SKHCN + Công an tỉnh,
  coordinating Sở Nội vụ, two milestones, reports on 1/3 (in progress) and two on
  10/4 (done 5/4, then done 30/3: the higher id wins), plus one from an undone batch.
- ``review``: plan 92A, section I, due 30/6/2026, lead the collective group.
- ``routine``: plan 92A, section II, recurring, lead SKHCN.
- ``digitise``: plan PL-II (no issue date, imported 15/1/2026), due 31/12/2025,
  marked done in the plan, lead Sở Nội vụ.
- ``unclear``: plan PL-II, deadline unparsed, no agency.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import TypeVar

from sqlmodel import Session, SQLModel

import data_access.db  # noqa: F401  (turns SQLite foreign keys on)
from data_access import kinds
from data_access import models as m
from tests.backends import fresh_engine

SKHCN = "Sở Khoa học và Công nghệ"
POLICE = "Công an tỉnh"
HOME_AFFAIRS = "Sở Nội vụ"
COLLECTIVE = "Các sở, ban, ngành, địa phương"

Row = TypeVar("Row", bound=SQLModel)


def open_session() -> Iterator[Session]:
    """A session on a fresh in-memory database (use as a fixture body)."""
    with Session(fresh_engine(), expire_on_commit=False) as session:
        yield session


def fill(session: Session) -> dict[str, int]:
    """Insert the sample described above; returns task ids by key."""
    p92 = _add(
        session, m.Plan(code="92A/KH-UBND", title="Kế hoạch 92A", issued_on=date(2025, 11, 1))
    )
    p2 = _add(
        session,
        m.Plan(code="PL-II", title="Phụ lục II", created_at=datetime(2026, 1, 15, 9, tzinfo=UTC)),
    )
    s1 = _add(session, m.Section(plan_id=_id(p92), code="I", title="Về thể chế"))
    s2 = _add(session, m.Section(plan_id=_id(p92), code="II", title="Về hạ tầng", position=1))
    agencies = {
        SKHCN: _add(session, m.Agency(name=SKHCN, kind=kinds.AgencyKind.DEPARTMENT)),
        POLICE: _add(session, m.Agency(name=POLICE, kind=kinds.AgencyKind.DEPARTMENT)),
        HOME_AFFAIRS: _add(session, m.Agency(name=HOME_AFFAIRS, kind=kinds.AgencyKind.DEPARTMENT)),
        COLLECTIVE: _add(
            session, m.Agency(name=COLLECTIVE, kind=kinds.AgencyKind.COLLECTIVE, is_collective=True)
        ),
    }
    tasks = {
        "strategy": m.Task(
            plan_id=_id(p92),
            section_id=_id(s1),
            section_code="I",
            number="1",
            position=1,
            name="Xây dựng Chiến lược chuyển đổi số của tỉnh",
            deadline_text="31/3/2026",
            due_date=date(2026, 3, 31),
            deadline_kind="milestones",
            report_to_central=True,
        ),
        "review": m.Task(
            plan_id=_id(p92),
            section_id=_id(s1),
            section_code="I",
            number="2",
            position=2,
            name="Rà soát thủ tục hành chính",
            deadline_text="Quý II/2026",
            due_date=date(2026, 6, 30),
            deadline_kind="quarter",
        ),
        "routine": m.Task(
            plan_id=_id(p92),
            section_id=_id(s2),
            section_code="II",
            number="3",
            position=3,
            name="Báo cáo định kỳ",
            deadline_text="Thường xuyên",
            deadline_kind="recurring",
        ),
        "digitise": m.Task(
            plan_id=_id(p2),
            number="1",
            position=1,
            name="Số hoá hồ sơ lưu trữ",
            deadline_text="31/12/2025",
            due_date=date(2025, 12, 31),
            deadline_kind="date",
            completed_in_source=True,
            notes="Đã hoàn thành",
        ),
        "unclear": m.Task(
            plan_id=_id(p2),
            number="2",
            position=2,
            name="Nhiệm vụ chưa rõ hạn",
            deadline_text="Sớm",
            deadline_kind="unparsed",
        ),
    }
    ids = {key: _id(_add(session, task)) for key, task in tasks.items()}
    links = [
        ("strategy", SKHCN, "lead", 0),
        ("strategy", POLICE, "lead", 1),
        ("strategy", HOME_AFFAIRS, "coordinating", 0),
        ("review", COLLECTIVE, "lead", 0),
        ("routine", SKHCN, "lead", 0),
        ("digitise", HOME_AFFAIRS, "lead", 0),
    ]
    for key, agency, role, position in links:
        session.add(
            m.TaskAgency(
                task_id=ids[key], agency_id=_id(agencies[agency]), role=role, position=position
            )
        )
    for position, (due, label) in enumerate(
        [(date(2026, 1, 31), "Dự thảo"), (date(2026, 3, 31), "Ban hành")]
    ):
        session.add(
            m.TaskMilestone(task_id=ids["strategy"], due_date=due, label=label, position=position)
        )
    session.add(m.TaskMilestone(task_id=ids["review"], due_date=date(2026, 6, 30), label=""))
    _add_reports(session, ids["strategy"])
    _add_kpis(session, _id(p92), _id(agencies[SKHCN]))
    session.commit()
    return ids


def _add_reports(session: Session, task_id: int) -> None:
    sample = _add(
        session,
        m.ImportBatch(
            file_name="mau.xlsx", content_hash="a", kind="progress", is_illustrative=True
        ),
    )
    undone = _add(
        session,
        m.ImportBatch(
            file_name="sai.xlsx",
            content_hash="b",
            kind="progress",
            undone_at=datetime(2026, 5, 2, tzinfo=UTC),
        ),
    )
    reports = [
        (date(2026, 3, 1), "Đang thực hiện", None, "", None),
        (date(2026, 4, 10), "Đã hoàn thành", date(2026, 4, 5), "QĐ 1", _id(sample)),
        (date(2026, 4, 10), "Đã hoàn thành", date(2026, 3, 30), "QĐ 2", _id(sample)),
        (date(2026, 5, 1), "Chưa hoàn thành", None, "", _id(undone)),
    ]
    for reported_on, status, completed, evidence, batch in reports:
        session.add(
            m.ProgressUpdate(
                task_id=task_id,
                reported_on=reported_on,
                status=status,
                completion_date=completed,
                evidence=evidence,
                import_batch_id=batch,
                is_illustrative=batch is not None,
            )
        )


def _add_kpis(session: Session, plan_id: int, owner_id: int) -> None:
    kpi = _add(
        session,
        m.Kpi(
            plan_id=plan_id,
            number="1",
            name="Tỷ lệ hồ sơ trực tuyến",
            target_text=">80%",
            target_operator=">",
            target_value=80,
            unit="%",
            year=2026,
            owner_agency_id=owner_id,
            owner_text="Sở KH&CN",
        ),
    )
    _add(
        session,
        m.Kpi(
            plan_id=plan_id,
            number="2",
            name="Số nền tảng dùng chung",
            target_text="Hoàn thành",
            owner_text="Văn phòng UBND tỉnh",
        ),
    )
    undone = _add(
        session,
        m.ImportBatch(
            file_name="kpi_sai.xlsx",
            content_hash="c",
            kind="kpi_actuals",
            undone_at=datetime(2026, 8, 1, tzinfo=UTC),
        ),
    )
    actuals = [
        ("2026-Q1", date(2026, 3, 31), 75.0, None, True),
        ("2026-H1", date(2026, 6, 30), 80.0, None, False),
        ("2026-Q3", date(2026, 9, 30), 95.0, _id(undone), False),
    ]
    for period, end, value, batch, illustrative in actuals:
        session.add(
            m.KpiActual(
                kpi_id=_id(kpi),
                period=period,
                period_end=end,
                value=value,
                import_batch_id=batch,
                is_illustrative=illustrative,
            )
        )


def _add(session: Session, row: Row) -> Row:
    session.add(row)
    session.flush()
    return row


def _id(row: SQLModel) -> int:
    value = getattr(row, "id", None)
    assert value is not None
    return int(value)
