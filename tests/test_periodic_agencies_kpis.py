"""The periodic report's agency and KPI tables, and the agencies whose report has not arrived."""

from __future__ import annotations

import pytest
from docx.document import Document as DocxDocument
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from data_access.db import get_engine
from data_access.models import Agency, ProgressUpdate, TaskAgency
from data_access.queries.reporting_calendar import ReportingPeriod
from data_access.queries.tasks import task_agency_frame
from exports.periodic_report import PeriodicReport, periodic_report
from labels import format_int, format_percent
from tests.periodic_sample import (
    QUARTER,
    inputs_for,
    quarter_document,
    quarter_report,
    table_after,
    texts,
)


@pytest.fixture(scope="module")
def engine(sample_url: str) -> Engine:
    return get_engine(sample_url)


@pytest.fixture(scope="module")
def report(sample_url: str) -> PeriodicReport:
    return quarter_report(sample_url)


@pytest.fixture(scope="module")
def document(sample_url: str) -> DocxDocument:
    return quarter_document(sample_url)


# --- Agencies and KPIs ---
def test_agency_table(report: PeriodicReport, document: DocxDocument) -> None:
    rows = table_after(document, "3. Kết quả theo cơ quan chủ trì")
    assert len(rows) - 1 == len(report.agencies)
    top = report.agencies.iloc[0]
    assert rows[1][1:6] == [
        top["agency"],
        format_int(top["total"]),
        format_int(top["completed"]),
        format_int(top["overdue"]),
        format_percent(top["completion_rate"]),
    ]


def test_kpi_table_holds_the_actuals_within_the_period(document: DocxDocument) -> None:
    rows = table_after(document, "4. Kết quả thực hiện các chỉ tiêu")
    assert len(rows) - 1 == 6
    assert {r[4] for r in rows[1:]} == {"6 tháng đầu năm 2026"}  # H1 ends 30/6, inside Q2
    q1 = ReportingPeriod("quarter", 2026, 1)
    assert all(r[5] in ("Đạt", "Chưa đạt") for r in rows[1:])
    assert q1.label_vi() not in {r[4] for r in rows[1:]}


def test_kpis_with_no_actual_in_the_period_keep_their_latest_and_name_its_period(
    engine: Engine,
) -> None:
    # Results arrive per quarter (the illustrative workbook's first is Quý I/2026): a May
    # report shows each KPI's latest result and says it is Q1's, as the dashboard does.
    report = periodic_report(
        inputs_for(engine, ReportingPeriod("month", 2026, 5)), illustrative=True
    )
    assert len(report.kpis) == 6
    assert set(report.kpis["period_label"]) == {"Quý I/2026"}
    assert "Chưa có số liệu" not in set(report.kpis["actual"])


def test_kpis_with_no_actual_by_the_period_end_say_so(engine: Engine) -> None:
    report = periodic_report(
        inputs_for(engine, ReportingPeriod("month", 2026, 2)), illustrative=True
    )
    assert set(report.kpis["actual"]) == {"Chưa có số liệu"}
    assert len(report.kpis) == 6


# --- Agencies whose report has not arrived ---
def test_missing_agencies_sent_no_report_in_the_period(
    engine: Engine, report: PeriodicReport, document: DocxDocument
) -> None:
    rows = table_after(document, "2. Cơ quan chưa gửi báo cáo tiến độ trong kỳ")
    listed = [r[1] for r in rows[1:]]
    assert listed == list(report.missing["agency"]) and listed
    with Session(engine) as session:
        reported = session.exec(
            select(Agency.name)
            .join(TaskAgency, col(TaskAgency.agency_id) == col(Agency.id))
            .join(ProgressUpdate, col(ProgressUpdate.task_id) == col(TaskAgency.task_id))
            .where(col(TaskAgency.role) == "lead")
            .where(col(ProgressUpdate.reported_on) >= QUARTER.start)
            .where(col(ProgressUpdate.reported_on) <= QUARTER.end)
        ).all()
        links = task_agency_frame(session=session)
    assert not set(listed) & set(reported)
    leads = set(links.loc[(links["role"] == "lead") & ~links["is_collective"], "agency"])
    assert set(listed) <= leads
    assert "Hạn gửi báo cáo kỳ này: trước ngày 10/06/2026. Các cơ quan chưa gửi:" in texts(document)
