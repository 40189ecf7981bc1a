"""What the Báo cáo page's buttons build, straight from a database URL (no Streamlit involved)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import date
from functools import partial

import pandas as pd
import pytest
from docx import Document
from pptx import Presentation

from data_access.db import get_engine, session_scope
from data_access.queries.discipline import reporting_discipline
from data_access.queries.filters import TaskFilters
from data_access.queries.kpis import kpi_frame, kpi_latest
from data_access.queries.plans import plan_overview
from data_access.queries.reporting_calendar import ReportingPeriod
from data_access.queries.status import summary_metrics
from data_access.queries.tasks import filtered_statuses, task_agency_frame
from exports.meeting_pack import OVERDUE_ROWS_PER_SLIDE, PACK_TITLE, SLIDE_OVERDUE_ROWS
from exports.reminder_letters import letters_period, missed_reports
from labels import ILLUSTRATIVE_NOTE
from tests.pdf_text import pdf_text
from ui import report_files
from ui.report_files import PageData

FILTERS = TaskFilters(as_of=date(2026, 6, 15), plan_codes=("KH-92A-UBND",))
# KH-92A-UBND in 2026 (test_status_samples): its 24 dated tasks were due in 2025 and were
# done, if at all, by reports sent before 04/2026: 6 on time + 5 late, 13 overdue, all year.
OVERDUE, COMPLETED = 13, 11


def agency_links(url: str) -> pd.DataFrame:
    with session_scope(get_engine(url)) as session:
        return task_agency_frame(session=session)


@pytest.fixture(scope="module")
def page(sample_url: str) -> PageData:
    """What the page hands its buttons, read straight from the database (no cache)."""
    with session_scope(get_engine(sample_url)) as session:
        statuses = filtered_statuses(session=session, filters=FILTERS)
        kpis = kpi_latest(kpi_frame(session=session, as_of=FILTERS.as_of))
        overview = plan_overview(session=session)
        may = letters_period(FILTERS.as_of)
        discipline = reporting_discipline(
            session=session,
            period=may,
            statuses=filtered_statuses(session=session, filters=replace(FILTERS, as_of=may.end)),
            agency_links=task_agency_frame(session=session),
            seen_by=FILTERS.as_of,
        )
    return PageData(
        url=sample_url,
        filters=FILTERS,
        statuses=statuses,
        load_links=partial(agency_links, sample_url),
        kpis=kpis,
        metrics=summary_metrics(statuses, FILTERS.as_of),
        plan_titles=dict(zip(overview["code"], overview["title"], strict=True)),
        illustrative=True,
        missed=missed_reports(discipline, may),
    )


def test_pack_pptx_follows_the_filters(page: PageData) -> None:
    deck = Presentation(io.BytesIO(report_files.pack_pptx(page)))
    assert OVERDUE <= SLIDE_OVERDUE_ROWS  # all listed, on ceil(13 / rows per slide) slides
    assert len(deck.slides) == 5 + -(-OVERDUE // OVERDUE_ROWS_PER_SLIDE)
    title_texts = [s.text_frame.text for s in deck.slides[0].shapes if s.has_text_frame]
    assert any("Kế hoạch KH-92A-UBND: Kế hoạch số 92A/KH-UBND" in t for t in title_texts)
    assert any(ILLUSTRATIVE_NOTE in t for t in title_texts)


def test_pack_pdf_follows_the_filters(page: PageData) -> None:
    runs = pdf_text(report_files.pack_pdf(replace(page, illustrative=False)))
    assert PACK_TITLE in runs
    assert "Tính đến ngày 15/06/2026" in runs
    assert f"Nhiệm vụ quá hạn ({OVERDUE})" in runs
    assert ILLUSTRATIVE_NOTE not in runs


def test_letter_docx_is_addressed_to_the_agency(page: PageData) -> None:
    document = Document(io.BytesIO(report_files.letter_docx(page, "Công an tỉnh")))
    assert "Kính gửi: Công an tỉnh" in [p.text for p in document.paragraphs]


def test_letters_zip_has_one_letter_per_agency_to_remind(page: PageData) -> None:
    archive = zipfile.ZipFile(io.BytesIO(report_files.letters_zip(page)))
    # KH-92A-UBND on 15/06/2026 (seed 001 and test_status_samples): its 13 overdue tasks are led
    # by Công an tỉnh (II.2, II.3, II.6, II.12, II.17, II.18), Văn phòng UBND tỉnh (II.2,
    # II.3, II.14, II.29) and Trung tâm Phục vụ hành chính công tỉnh (II.2, II.3), most first,
    # and by the groups "Các sở, ban, ngành cấp tỉnh" and "UBND cấp xã", which get no letter.
    # Nothing of the plan falls due soon (its dated tasks were due by 01/01/2026); the leads
    # of its unreported recurring tasks follow, most tasks first: Sở KH&CN (at least II.21, II.28,
    # III.1), Sở Nội vụ (II.21, III.1), then Sở Tài chính and UBND tỉnh (III.1 only).
    assert archive.namelist() == [
        f"don-doc-{slug}_15-06-2026.docx"
        for slug in (
            "cong-an-tinh",
            "van-phong-ubnd-tinh",
            "trung-tam-phuc-vu-hanh-chinh-cong-tinh",
            "so-khoa-hoc-va-cong-nghe",
            "so-noi-vu",
            "so-tai-chinh",
            "ubnd-tinh",
        )
    ]


def test_periodic_docx_figures_are_those_at_the_periods_end(page: PageData) -> None:
    period = ReportingPeriod("month", 2026, 5)
    later = replace(page, filters=replace(FILTERS, as_of=date(2030, 1, 1)))
    data = report_files.periodic_docx(later, period)
    document = Document(io.BytesIO(data))
    summary = {row.cells[0].text: row.cells[1].text for row in document.tables[1].rows}
    assert summary["Quá hạn"] == str(OVERDUE)  # at 31/05/2026, the end of the period
    assert summary["Đã hoàn thành"] == str(COMPLETED)
    assert any("Tháng 05/2026".lower() in p.text.lower() for p in document.paragraphs)
