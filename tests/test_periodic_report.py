"""The periodic report on the sample data: its figures equal the status engine's for the same
period, its tables list the right tasks, agencies and KPIs, in the administrative order."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest
from docx import Document
from docx.document import Document as DocxDocument
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from data_access.db import get_engine
from data_access.models import Agency, ProgressUpdate, TaskAgency
from data_access.queries.filters import TaskFilters
from data_access.queries.reporting import PeriodInputs, default_period, period_inputs
from data_access.queries.reporting_calendar import ReportingPeriod
from data_access.queries.status import SummaryMetrics
from data_access.queries.status_rules import RULE_NOTES_VI
from data_access.queries.statuses import TaskStatus
from data_access.queries.tasks import task_agency_frame
from exports.periodic_docx import (
    HEADINGS,
    OVERDUE_HEADERS,
    RULE_NOTES_HEADING,
    periodic_report_docx,
)
from exports.periodic_report import PeriodicReport, in_sentence, periodic_report
from labels import ILLUSTRATIVE_NOTE, STATUS_ORDER, format_int, format_percent, status_label
from tests.export_sample import AS_OF
from tests.frames import CELL_TEXT, TaskRows, due_cell, reindexed, shuffled, task_lists

QUARTER = ReportingPeriod("quarter", 2026, 2)
ALL = TaskFilters(as_of=AS_OF)


@pytest.fixture(scope="module")
def engine(sample_url: str) -> Engine:
    return get_engine(sample_url)


def inputs_for(engine: Engine, period: ReportingPeriod, filters: TaskFilters = ALL) -> PeriodInputs:
    with Session(engine) as session:
        return period_inputs(session=session, filters=filters, period=period)


@pytest.fixture(scope="module")
def report(engine: Engine) -> PeriodicReport:
    return periodic_report(inputs_for(engine, QUARTER), illustrative=True)


@pytest.fixture(scope="module")
def document(report: PeriodicReport) -> DocxDocument:
    return Document(io.BytesIO(periodic_report_docx(report)))


def table_after(document: DocxDocument, heading_start: str) -> list[list[str]]:
    """The rows of the first table that follows the paragraph starting with ``heading_start``."""
    seen = False
    tables = iter(document.tables)
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[1]
        if tag == "tbl":
            table = next(tables)
            if seen:
                return [[c.text for c in row.cells] for row in table.rows]
        elif tag == "p" and "".join(block.itertext()).startswith(heading_start):
            seen = True
    raise AssertionError(f"no table after {heading_start!r}")


def texts(document: DocxDocument) -> list[str]:
    return [p.text for p in document.paragraphs]


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


# --- A table per status ---
def references(plan: str, numbers: str) -> set[str]:
    """The "Số hiệu" cells of ``plan``'s tasks ``numbers`` (space-separated)."""
    return {f"{plan} - {number}" for number in numbers.split()}


PL2, K92A, SKHCN, DMBS, DCNV = (
    "PL-II-2026",
    "KH-92A-UBND",
    "KH-SKHCN-2025",
    "DM-BS-2026",
    "DC-CT-NV-2026",
)
# The tasks of each status at 30/06/2026, the end of QUARTER, from the per-plan reasoning of
# test_status_samples (its 01/07 cases), moved back a day: a task due on 30/06 is not yet
# overdue on 30/06, so PL-II's 11 open tasks due that day (2, 9, 10, 12, 13, 15, 16, 17, 20,
# 21, 25), DM-BS III.4, IV.7, V.11, VII.12 and DC-CT-NV II.4, III.5 are in progress, not
# overdue; PL-II 10 and 25 are done only after 30/06. Recurring tasks are judged on June's
# reports on both days (due by the 20th, the 12th inside the Sở KH&CN). Nothing is recurring
# but not yet due, and every deadline in the sample reads.
TASKS_AT_QUARTER_END = {
    TaskStatus.DONE_ON_TIME: references(PL2, "3 14 18 19 22 28")
    | references(K92A, "II.13 II.16 II.19 II.20 II.23 II.25")
    | references(SKHCN, "19")
    | references(DMBS, "II.2 VIII.13")
    | references(DCNV, "II.3 III.7"),
    TaskStatus.DONE_LATE: references(PL2, "6")
    | references(K92A, "II.4 II.7 II.22 II.27 III.2")
    | references(SKHCN, "15")
    | references(DCNV, "VII.17 VII.19"),
    TaskStatus.DONE_NO_EVIDENCE: references(SKHCN, "18"),  # BC BCĐTW, its "Minh chứng" empty
    TaskStatus.IN_PROGRESS: references(PL2, "2 7 9 10 12 13 15 16 17 20 21 23 25 26 27 29")
    | references(DMBS, "III.3 III.4 IV.7 V.8 V.9 V.10 V.11 VII.12")
    | references(DCNV, "II.4 III.5 IV.11 VI.14"),
    TaskStatus.MILESTONE_LATE: references(PL2, "1"),  # its first milestone, 31/5/2026, missed
    TaskStatus.RECURRING_REPORTED: references(K92A, "I.3")
    | references(SKHCN, "1 4 5 7 10")
    | references(DMBS, "I.1 III.5 III.6")
    | references(DCNV, "I.1 III.6 III.8 V.13 VI.15 VII.16 VII.18 VII.21"),
    TaskStatus.RECURRING_NOT_REPORTED: references(
        K92A, "I.1 I.2 II.9 II.10 II.11 II.21 II.26 II.28 II.30 III.1"
    )
    | references(SKHCN, "2 3 6 11 13 14 20")
    | references(DCNV, "I.2 III.9 V.12"),
}
# 30/06/2026 minus each overdue task's due date (seeds 000–004): 92A II.29 is due 20/10/2025,
# II.24 01/01/2026, its other eleven undone dated tasks 31/12/2025; the Sở's 8, 9, 12 are due
# 31/10/2025, 17 on 15/12/2025, 16 "Theo lộ trình Bộ Công an (20/12/2025)"; DC-CT-NV IV.10
# 31/03/2026, VII.20 30/04; PL-II 4, 5, 8, 11 30/04, 24 15/06; DM-BS IX.14 15/05/2026.
DAYS_OVERDUE_AT_QUARTER_END = (
    dict.fromkeys(references(K92A, "II.1 II.2 II.3 II.5 II.6 II.8 II.12 II.14 II.15"), 181)
    | dict.fromkeys(references(K92A, "II.17 II.18"), 181)
    | {f"{K92A} - II.29": 253, f"{K92A} - II.24": 180}
    | dict.fromkeys(references(SKHCN, "8 9 12"), 242)
    | {f"{SKHCN} - 17": 197, f"{SKHCN} - 16": 192}
    | {f"{DCNV} - IV.10": 91, f"{DCNV} - VII.20": 61}
    | dict.fromkeys(references(PL2, "4 5 8 11"), 61)
    | {f"{PL2} - 24": 15, f"{DMBS} - IX.14": 46}
)


def test_the_reasoned_tables_hold_every_sample_task_once() -> None:
    listed = set().union(*TASKS_AT_QUARTER_END.values())
    assert len(listed) + len(DAYS_OVERDUE_AT_QUARTER_END) == 29 + 35 + 20 + 14 + 21  # no overlap


def test_each_status_has_its_heading_count_and_tasks(document: DocxDocument) -> None:
    paragraphs = texts(document)
    for number, status in enumerate(STATUS_ORDER, start=1):
        mine = (
            set(DAYS_OVERDUE_AT_QUARTER_END)
            if status == TaskStatus.OVERDUE
            else TASKS_AT_QUARTER_END.get(status, set())
        )
        heading = f"2.{number}. {status_label(status)}: {format_int(len(mine))} nhiệm vụ"
        assert heading in paragraphs
        if status == TaskStatus.OVERDUE or not mine:  # the overdue tasks have section 1
            continue
        rows = table_after(document, heading)
        assert {r[1] for r in rows[1:]} == mine and len(rows) - 1 == len(mine)


def test_overdue_table_lists_days_overdue(document: DocxDocument) -> None:
    rows = table_after(document, "1. Nhiệm vụ quá hạn")
    assert rows[0] == list(OVERDUE_HEADERS)
    assert len(rows) - 1 == 26  # as test_quarter_figures_by_hand
    assert {r[1]: int(r[5]) for r in rows[1:]} == DAYS_OVERDUE_AT_QUARTER_END
    days = [int(r[5]) for r in rows[1:]]
    assert days == sorted(days, reverse=True)


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


# --- Word headings: the navigation pane and a table of contents list the sections ---
def test_headings_carry_words_heading_styles(document: DocxDocument) -> None:
    styles = {p.text: p.style for p in document.paragraphs if p.style is not None}
    expected = {
        **dict.fromkeys(HEADINGS, "Heading 1"),
        "1. Kết quả chung": "Heading 2",
        "4. Kết quả thực hiện các chỉ tiêu": "Heading 2",
        "2. Cơ quan chưa gửi báo cáo tiến độ trong kỳ": "Heading 2",
    }
    statuses = [t for t in styles if t.startswith("2.1. ")]
    assert [styles[t].name for t in statuses] == ["Heading 3"]
    expected[statuses[0]] = "Heading 3"
    assert {text: styles[text].name for text in expected} == expected
    assert all(styles[text].builtin for text in expected)
    outline = [p.style.name[-1] for p in document.paragraphs if p.style.name.startswith("Head")]
    # I: results 1-4 (2 holds one heading per status, STATUS_ORDER's 10); II: overdue,
    # missing reports; III
    assert "".join(outline) == "122" + "3" * len(STATUS_ORDER) + "22" + "122" + "1"
    for level in (1, 2, 3):  # the administrative look: Times New Roman 13, bold, black
        font = document.styles[f"Heading {level}"].font
        assert (font.name, font.size.pt, font.bold, str(font.color.rgb)) == (
            "Times New Roman",
            13,
            True,
            "000000",
        )
        fonts = document.styles[f"Heading {level}"].element.rPr.rFonts
        assert not [name for name in fonts.attrib if name.endswith("Theme")]  # no theme font


# --- The default report: as of today at the latest ---
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


# --- Every table is the rows given, in the order given, whatever the frames' index ---
NO_METRICS = SummaryMetrics(0, 0, 0, 0, 0, None, None, 0, 0, 0, 0, 0, 0, 0, 0)
RATES = st.one_of(st.none(), st.floats(0, 1))
AGENCY_ROW = st.tuples(CELL_TEXT, *[st.integers(0, 5000)] * 3, RATES, RATES)
KPI_ROW = st.tuples(*[CELL_TEXT] * 4, st.sampled_from(["", "Quý II/2026"]), CELL_TEXT)


@st.composite
def frame_of(
    draw: st.DrawFn, row: st.SearchStrategy[tuple[object, ...]], columns: list[str]
) -> tuple[pd.DataFrame, list[tuple[object, ...]]]:
    rows = draw(st.lists(row, min_size=1, max_size=6))
    return draw(reindexed(pd.DataFrame(rows, columns=columns))), rows


def task_cells(rows: TaskRows) -> list[list[str]]:
    """TASK_HEADERS: TT, "plan - reference", name, leads, deadline."""
    return [
        [
            str(i),
            f"{r['plan_code']} - {r['reference']}",
            r["name"],
            r["leads"],
            due_cell(r),
        ]
        for i, r in enumerate(rows, start=1)
    ]


@given(
    tasks=task_lists(),
    statuses=st.lists(
        st.sampled_from([s for s in STATUS_ORDER if s != TaskStatus.OVERDUE]),
        min_size=8,
        max_size=8,
    ),
    overdue=task_lists(),
    next_due=task_lists(),
    agencies=frame_of(
        AGENCY_ROW, ["agency", "total", "completed", "overdue", "completion_rate", "on_time_rate"]
    ),
    kpis=frame_of(KPI_ROW, ["kpi", "target", "actual", "result", "period_label", "owner"]),
    missing=frame_of(st.tuples(CELL_TEXT, st.integers(1, 5000)), ["agency", "tasks"]),
)
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_report_tables_are_the_rows_given_in_order(
    tasks: tuple[pd.DataFrame, TaskRows],
    statuses: list[str],
    overdue: tuple[pd.DataFrame, TaskRows],
    next_due: tuple[pd.DataFrame, TaskRows],
    agencies: tuple[pd.DataFrame, list[tuple[object, ...]]],
    kpis: tuple[pd.DataFrame, list[tuple[object, ...]]],
    missing: tuple[pd.DataFrame, list[tuple[object, ...]]],
) -> None:
    status = statuses[: len(tasks[1])]
    report = PeriodicReport(
        period=QUARTER,
        scope="Tất cả",
        illustrative=False,
        metrics=NO_METRICS,
        previous=NO_METRICS,
        tasks=tasks[0].assign(status=status),
        agencies=agencies[0],
        kpis=kpis[0],
        overdue=overdue[0],
        missing=missing[0],
        next_due=next_due[0],
    )
    document = Document(io.BytesIO(periodic_report_docx(report)))
    for number, code in enumerate(STATUS_ORDER, start=1):
        mine = [r for r, s in zip(tasks[1], status, strict=True) if s == code]
        if mine:
            heading = f"2.{number}. {status_label(code)}: {format_int(len(mine))} nhiệm vụ"
            assert table_after(document, heading)[1:] == task_cells(mine)
    days = [[format_int(r["days_overdue"])] for r in overdue[1]]
    overdue_rows = [a + b for a, b in zip(task_cells(overdue[1]), days, strict=True)]
    assert table_after(document, "1. Nhiệm vụ quá hạn")[1:] == overdue_rows
    assert table_after(document, "2. Triển khai các nhiệm vụ đến hạn")[1:] == task_cells(
        next_due[1]
    )
    assert table_after(document, "3. Kết quả theo cơ quan")[1:] == [
        [str(i), name, *map(format_int, counts), format_percent(done), format_percent(on_time)]
        for i, (name, *counts, done, on_time) in enumerate(agencies[1], start=1)
    ]
    assert table_after(document, "4. Kết quả thực hiện các chỉ tiêu")[1:] == [
        [str(i), kpi, target, actual, period or "—", result]
        for i, (kpi, target, actual, result, period, _) in enumerate(kpis[1], start=1)
    ]
    assert table_after(document, "2. Cơ quan chưa gửi")[1:] == [
        [str(i), name, format_int(count)] for i, (name, count) in enumerate(missing[1], start=1)
    ]


@given(st.data())
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_report_reads_sorted_and_filtered_frames_by_task(
    engine: Engine, data: st.DataObject
) -> None:
    """The statuses, links and documents arrive in any order and index: each task listed
    under a status is a task with that status."""
    inputs = inputs_for(engine, QUARTER)
    mixed = replace(
        inputs,
        statuses=data.draw(shuffled(inputs.statuses)),
        agency_links=data.draw(shuffled(inputs.agency_links)),
        documents=data.draw(shuffled(inputs.documents)),
    )
    report = periodic_report(mixed, illustrative=False)
    listed = zip(
        report.tasks["plan_code"], report.tasks["name"], report.tasks["status"], strict=True
    )
    statuses = inputs.statuses
    expected = zip(statuses["plan_code"], statuses["name"], statuses["status"], strict=True)
    assert sorted(listed) == sorted(expected)
    assert list(report.overdue["days_overdue"]) == sorted(
        statuses["days_overdue"][statuses["status"] == TaskStatus.OVERDUE], reverse=True
    )


# --- Layout ---
def test_headings_in_administrative_order(document: DocxDocument) -> None:
    paragraphs = texts(document)
    positions = [paragraphs.index(h) for h in HEADINGS]
    assert positions == sorted(positions)
    assert HEADINGS == (
        "I. KẾT QUẢ THỰC HIỆN",
        "II. TỒN TẠI, HẠN CHẾ",
        "III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI",
    )
    assert "BÁO CÁO\nKết quả triển khai thực hiện Nghị quyết số 57-NQ/TW quý II/2026" in paragraphs
    assert f"Lưu ý: {ILLUSTRATIVE_NOTE}" in paragraphs
    head = [c.text for c in document.tables[0].rows[0].cells]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in head[1]
    assert "ngày 30 tháng 6 năm 2026" in head[1]
    assert any(
        t.startswith("2. Triển khai các nhiệm vụ đến hạn trong quý III/2026") for t in paragraphs
    )


def test_notes_define_the_plans_own_rules_after_the_last_section(
    document: DocxDocument,
) -> None:
    paragraphs = texts(document)
    start = paragraphs.index(RULE_NOTES_HEADING)
    assert start > paragraphs.index(HEADINGS[2])
    notes = paragraphs[start + 1 : start + 1 + len(RULE_NOTES_VI)]
    assert notes == [f"- {note}" for note in RULE_NOTES_VI]
    # each of the four rules, in the words the status labels use
    for phrase in (
        '"Kỳ này" là kỳ báo cáo gần nhất đã hết hạn gửi',
        "đến hết ngày 20 (trong nội bộ Sở Khoa học và Công nghệ: ngày 12)",
        status_label(TaskStatus.DONE_NO_EVIDENCE),
        status_label(TaskStatus.MILESTONE_LATE),
        "hạn dự kiến",
    ):
        assert any(phrase in note for note in notes), phrase


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        (ReportingPeriod("month", 2026, 6), "tháng 06/2026"),
        (ReportingPeriod("quarter", 2026, 3), "quý III/2026"),
        (ReportingPeriod("half", 2026, 1), "6 tháng đầu năm 2026"),
        (ReportingPeriod("year", 2026), "năm 2026"),
        (
            ReportingPeriod("quarter", 2026, 4, until=date(2026, 12, 6)),
            "quý IV/2026 (tính đến ngày 06/12/2026)",
        ),
    ],
)
def test_in_sentence(period: ReportingPeriod, expected: str) -> None:
    assert in_sentence(period) == expected
