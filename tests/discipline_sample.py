"""November 2026 on the sample data with dated reports added (see tests/test_discipline.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlmodel import Session, col

from data_access import models as m
from data_access.db import get_engine
from data_access.queries.reporting_calendar import ReportingPeriod

NOVEMBER = ReportingPeriod("month", 2026, 11)
FINANCE, HOME_AFFAIRS, OFFICE = "Sở Tài chính", "Sở Nội vụ", "Văn phòng UBND tỉnh"
UNIT = "Phòng Kế hoạch - Tài chính (Sở KH&CN)"
POLICE = "Công an tỉnh"


def task_id(session: Session, plan: str, section: str, number: str) -> int:
    statement = (
        select(col(m.Task.id))
        .join(m.Plan, col(m.Plan.id) == col(m.Task.plan_id))
        .where(m.Plan.code == plan, m.Task.section_code == section, m.Task.number == number)
    )
    return int(session.execute(statement).scalar_one())


def add_reports(url: str) -> None:
    """The reports tests/test_discipline.py lists, stored as an import would store them."""
    with Session(get_engine(url)) as session:
        batch = m.ImportBatch(file_name="thang11.xlsx", content_hash="t11", kind="progress")
        undone = m.ImportBatch(
            file_name="sai.xlsx",
            content_hash="sai",
            kind="progress",
            undone_at=datetime(2026, 11, 19, tzinfo=UTC),
        )
        session.add_all([batch, undone])
        session.flush()
        reports = [
            (("DM-BS-2026", "III", "3"), date(2026, 11, 18), batch.id),
            (("PL-II-2026", "", "9"), date(2026, 11, 25), batch.id),
            (("KH-92A-UBND", "II", "30"), date(2026, 11, 18), undone.id),
            (("KH-92A-UBND", "II", "30"), date(2026, 12, 21), batch.id),
            (("KH-SKHCN-2025", "", "12"), date(2026, 11, 15), batch.id),
        ]
        for key, day, batch_id in reports:
            session.add(
                m.ProgressUpdate(
                    task_id=task_id(session, *key),
                    reported_on=day,
                    status="Đang thực hiện",
                    import_batch_id=batch_id,
                )
            )
        session.commit()
