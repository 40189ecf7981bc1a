"""The periodic report's figures on the sample data, reasoned per plan, now and the period
before."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from docx import Document
from sqlalchemy import Engine

from data_access.db import get_engine
from data_access.queries.reporting_calendar import ReportingPeriod
from data_access.queries.status import SummaryMetrics
from exports.periodic_docx import periodic_report_docx
from exports.periodic_report import PeriodicReport, periodic_report
from labels import format_int, format_percent
from tests.periodic_sample import ALL, QUARTER, inputs_for, quarter_report, table_after, texts


@pytest.fixture(scope="module")
def engine(sample_url: str) -> Engine:
    return get_engine(sample_url)


@pytest.fixture(scope="module")
def report(sample_url: str) -> PeriodicReport:
    return quarter_report(sample_url)


# --- Figures against the status engine ---
def summary_column(rows: list[list[str]], column: int) -> dict[str, str]:
    return {row[0]: row[column] for row in rows[1:]}


def expected_column(metrics: SummaryMetrics) -> dict[str, str]:
    return {
        "Tổng số nhiệm vụ": format_int(metrics.total),
        "Đã hoàn thành": format_int(metrics.completed),
        "Hoàn thành – thiếu minh chứng": format_int(metrics.missing_evidence),
        "Hoàn thành đúng hạn (đã đến hạn)": format_int(metrics.completed_on_time),
        "Quá hạn": format_int(metrics.overdue),
        "Chậm mốc": format_int(metrics.milestone_late),
        "Thường xuyên": format_int(metrics.recurring),
        "Thường xuyên – đã báo cáo kỳ này": format_int(metrics.recurring_reported),
        "Thường xuyên – chưa báo cáo kỳ này": format_int(metrics.recurring_not_reported),
        "Chưa xác định hạn": format_int(metrics.no_deadline),
        "Tỷ lệ hoàn thành": format_percent(metrics.completion_rate),
        "Tỷ lệ hoàn thành đúng hạn": format_percent(metrics.on_time_rate),
    }


# Done and overdue at a period's end and at the previous one's, counted per plan as in
# test_status_samples (a completion counts from its own date; due on the day is not overdue):
# 31/03/2026: PL-II 0/0, KH-92A 11/13, KH-SKHCN 2/5, DM-BS 0/0, DC-CT-NV 1/0 -> 14/18;
# 31/05/2026: PL-II 1/5, KH-92A 11/13, KH-SKHCN 2/5, DM-BS 1/1, DC-CT-NV 2/3 -> 17/27;
# 30/06/2026: PL-II 7/5, KH-92A 11/13, KH-SKHCN 2/5, DM-BS 2/1, DC-CT-NV 4/2 -> 26/26;
# 31/12/2026: as on 23/11 (nothing is done after 19/11; what is due on 31/12 is not yet
# overdue) -> 33/43.
@pytest.mark.parametrize(
    ("period", "now", "before"),
    [
        (ReportingPeriod("month", 2026, 6), (26, 26), (17, 27)),
        (QUARTER, (26, 26), (14, 18)),
    ],
)
def test_summary_figures_now_and_before(
    engine: Engine, period: ReportingPeriod, now: tuple[int, int], before: tuple[int, int]
) -> None:
    report = periodic_report(inputs_for(engine, period), illustrative=True)
    assert (report.metrics.completed, report.metrics.overdue) == now
    assert (report.previous.completed, report.previous.overdue) == before
    document = Document(io.BytesIO(periodic_report_docx(report)))
    rows = table_after(document, "1. Kết quả chung")
    assert summary_column(rows, 1) == expected_column(report.metrics)
    assert summary_column(rows, 2) == expected_column(report.previous)
    assert summary_column(rows, 3)["Đã hoàn thành"] == f"+{now[0] - before[0]}"
    end = period.end.strftime("%d/%m/%Y")
    assert any(t.startswith(f"Tính đến ngày {end}, tổng số 119 nhiệm vụ") for t in texts(document))


@pytest.mark.parametrize(
    ("period", "now"),
    [(ReportingPeriod("half", 2026, 1), (26, 26)), (ReportingPeriod("year", 2026), (33, 43))],
)
def test_summary_figures_at_the_end_of_a_half_and_a_year(
    engine: Engine, period: ReportingPeriod, now: tuple[int, int]
) -> None:
    report = periodic_report(inputs_for(engine, period), illustrative=True)
    assert (report.metrics.completed, report.metrics.overdue) == now


def test_quarter_figures_by_hand(report: PeriodicReport) -> None:
    """Q2/2026 against Q1/2026 on the sample data: 26 done (14 before), 26 overdue (18).

    A completion counts from its own date: PL-II 28 (done 30/6, reported 2/7) is done at the
    end of Q2 and DC-CT-NV III.7 (done 30/3, reported 1/4) at the end of Q1. Both were due on
    the period's last day, so neither was overdue there either way. Seven tasks the plans
    call recurring though dated (92A II.10, II.11, II.21, II.26, II.28; the Sở's #11, #13)
    are overdue on neither day, and two more (92A II.9, the Sở's #14) are not "done" by
    their reports of 15/02 and 05/01/2026; the Sở's #18 (BC BCĐTW) was reported done on
    25/11/2025 without evidence: not done.
    """
    assert (report.metrics.completed, report.previous.completed) == (26, 14)
    assert (report.metrics.overdue, report.previous.overdue) == (26, 18)


def test_filtered_report_follows_the_filters(engine: Engine) -> None:
    filters = replace(ALL, plan_codes=("KH-SKHCN-2025",))
    report = periodic_report(inputs_for(engine, QUARTER, filters), illustrative=False)
    # the Sở's plan on 30/06/2026 (test_status_samples): 20 tasks, 2 done, 5 overdue
    metrics = report.metrics
    assert (metrics.total, metrics.completed, metrics.overdue) == (20, 2, 5)
    assert "Kế hoạch: KH-SKHCN-2025" in report.scope
    assert report.scope.startswith("Tính đến 30/06/2026")
