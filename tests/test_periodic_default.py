"""The default periodic report: the current quarter, as of today at the latest."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from docx import Document
from sqlalchemy import Engine

from data_access.db import get_engine
from data_access.queries.filters import TaskFilters
from data_access.queries.reporting import default_period
from data_access.queries.reporting_calendar import ReportingPeriod
from exports.periodic_docx import periodic_report_docx
from exports.periodic_report import PeriodicReport, periodic_report
from tests.periodic_sample import inputs_for, texts


@pytest.fixture(scope="module")
def engine(sample_url: str) -> Engine:
    return get_engine(sample_url)


TODAY = date(2026, 12, 6)  # the day: Q4/2026 has not ended
DAY_PATTERNS = (
    re.compile(r"(\d{2})/(\d{2})/(\d{4})"),
    re.compile(r"ngày (\d{2}) tháng (\d{2}) năm (\d{4})"),
)


def dates_in(text: str) -> list[date]:
    return [
        date(int(year), int(month), int(day))
        for pattern in DAY_PATTERNS
        for day, month, year in pattern.findall(text)
    ]


@pytest.fixture(scope="module")
def to_date(engine: Engine) -> PeriodicReport:
    period = default_period("quarter", TODAY)
    return periodic_report(inputs_for(engine, period, TaskFilters(as_of=TODAY)), illustrative=True)


def test_the_default_report_is_the_current_quarter_as_of_today(
    engine: Engine, to_date: PeriodicReport
) -> None:
    assert to_date.period == ReportingPeriod("quarter", 2026, 4, until=TODAY)
    # on 06/12/2026 as on 23/11 (test_status_samples): 33 done, 43 overdue
    assert (to_date.metrics.completed, to_date.metrics.overdue) == (33, 43)
    # what remains of Q4, then Q1/2027: the tasks in progress due 31/12/2026, PL-II-2026 27,
    # DM-BS-2026 III.3 and V.9 (PL-II-2026 26 is due in 2028)
    due = to_date.next_due
    assert sorted(zip(due["plan_code"], due["reference"], strict=True)) == [
        ("DM-BS-2026", "III.3"),
        ("DM-BS-2026", "V.9"),
        ("PL-II-2026", "27"),
    ]


def test_no_date_in_the_default_report_is_after_today(to_date: PeriodicReport) -> None:
    """Its date, its figures' day, its scope and its title: today at the latest. The deadlines
    it quotes (a task's, the period's reporting day) may lie ahead and are not counted."""
    document = Document(io.BytesIO(periodic_report_docx(to_date)))
    letterhead = " ".join(c.text for c in document.tables[0].rows[0].cells)
    said = [p.text for p in document.paragraphs if not p.text.startswith("Hạn gửi báo cáo")]
    days = dates_in(letterhead) + [d for text in said for d in dates_in(text)]
    assert days and max(days) == TODAY
    paragraphs = texts(document)
    assert "ngày 06 tháng 12 năm 2026" in letterhead
    assert (
        "BÁO CÁO\nKết quả triển khai thực hiện Nghị quyết số 57-NQ/TW quý IV/2026 "
        "(tính đến ngày 06/12/2026)" in paragraphs
    )
    assert any(t.startswith("Tính đến ngày 06/12/2026, tổng số") for t in paragraphs)
    assert any(
        t.startswith("2. Triển khai các nhiệm vụ đến hạn từ nay đến hết quý I/2027")
        for t in paragraphs
    )
