"""Reporting discipline in the periodic report, the reminder letters and its chart.

The data: tests/test_discipline.py's November 2026 (Sở Tài chính on time on 18/11, Sở Nội
vụ late on 25/11, Văn phòng UBND tỉnh none, the Sở's Phòng Kế hoạch - Tài chính late on
15/11 against its 12th).
"""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
import pytest
from docx import Document
from sqlmodel import Session

from charts.common import is_empty_chart
from charts.discipline import verdict_bars
from data_access.db import get_engine
from data_access.queries.discipline import (
    DISCIPLINE_TITLE,
    VERDICT_LABELS,
    VIEW_HEADERS,
    Verdict,
    reporting_discipline,
    verdict_counts,
)
from data_access.queries.filters import TaskFilters
from data_access.queries.reporting import period_inputs, task_documents
from data_access.queries.tasks import filtered_statuses, task_agency_frame
from exports.periodic_docx import periodic_report_docx
from exports.periodic_report import periodic_report
from exports.reminder_docx import MISSED_REPORT, reminder_letter_docx
from exports.reminder_letters import (
    letters_period,
    missed_reports,
    reminder_letters,
    reminder_recipients,
)
from tests.discipline_sample import FINANCE, HOME_AFFAIRS, NOVEMBER, OFFICE, UNIT, add_reports
from tests.periodic_sample import table_after

LETTERS_DAY = date(2026, 12, 6)  # November's report was due 20/11; December's is not yet
LATE_SENTENCE_START = MISSED_REPORT.split("{")[0]


@pytest.fixture
def url(sample_copy_url: str) -> str:
    add_reports(sample_copy_url)
    return sample_copy_url


def test_the_periodic_report_has_the_table(url: str) -> None:
    filters = TaskFilters(as_of=date(2026, 12, 20))  # written on the window's last day
    with Session(get_engine(url)) as session:
        inputs = period_inputs(session=session, filters=filters, period=NOVEMBER)
    report = periodic_report(inputs, illustrative=True)
    document = Document(io.BytesIO(periodic_report_docx(report)))
    table = table_after(document, f"5. {DISCIPLINE_TITLE} tháng 11/2026")
    assert table[0] == ["TT", *VIEW_HEADERS]
    by_agency = {row[1]: row[2:] for row in table[1:]}
    assert by_agency[FINANCE] == ["20/11/2026", "18/11/2026", "Đúng hạn"]
    assert by_agency[HOME_AFFAIRS] == ["20/11/2026", "25/11/2026", "Muộn"]
    assert by_agency[OFFICE] == ["20/11/2026", "—", "Chưa báo cáo"]
    assert by_agency[UNIT] == ["12/11/2026", "15/11/2026", "Muộn"]
    assert [row[0] for row in table[1:]] == [str(i) for i in range(1, len(table))]


def letters_on(url: str, day: date) -> dict[str, str]:
    """Every reminder letter written on ``day``, as its paragraphs' text, by agency."""
    filters = TaskFilters(as_of=day)
    period = letters_period(day)
    with Session(get_engine(url)) as session:
        statuses = filtered_statuses(session=session, filters=filters)
        links = task_agency_frame(session=session)
        at_end = filtered_statuses(session=session, filters=TaskFilters(as_of=period.end))
        discipline = reporting_discipline(
            session=session, period=period, statuses=at_end, agency_links=links, seen_by=day
        )
        documents = task_documents(session=session)
    missed = missed_reports(discipline, period)
    letters = reminder_letters(
        reminder_recipients(statuses, links, day, missed).agencies,
        statuses=statuses,
        agency_links=links,
        documents=documents,
        as_of=day,
        illustrative=True,
        missed=missed,
    )
    return {
        letter.agency: "\n".join(
            p.text for p in Document(io.BytesIO(reminder_letter_docx(letter))).paragraphs
        )
        for letter in letters
    }


def test_the_letters_name_the_month_not_reported(url: str) -> None:
    assert letters_period(LETTERS_DAY) == NOVEMBER
    letters = letters_on(url, LETTERS_DAY)
    assert (
        "Đến ngày 06/12/2026, đơn vị chưa gửi báo cáo tháng 11/2026 (hạn gửi: 20/11/2026)."
        in letters[OFFICE]
    )
    # sent late, or on time: sent, so not reminded as missing
    for agency in (HOME_AFFAIRS, UNIT, FINANCE):
        assert LATE_SENTENCE_START not in letters.get(agency, "")
    # it still gets a letter for the rest: 92A II.21 (due 01/01/2026, "Chưa thực hiện") is overdue
    assert HOME_AFFAIRS in letters


# --- The chart: agencies per verdict, every verdict shown in order ---
def test_the_chart_counts_agencies_per_verdict() -> None:
    table = pd.DataFrame(
        {
            "agency": ["B", "A", "C", "D"],
            "verdict": [Verdict.LATE, Verdict.MISSING, Verdict.LATE, Verdict.ON_TIME],
        }
    )
    counts = verdict_counts(table.sample(frac=1, random_state=3))
    assert counts[["label", "count"]].values.tolist() == [
        ["Chưa báo cáo", 1],
        ["Muộn", 2],
        ["Chưa đến hạn", 0],
        ["Đúng hạn", 1],
    ]
    spec = verdict_bars(counts, "Tình hình").to_dict()
    layer = spec["layer"][0]
    assert layer["mark"]["type"] == "bar"
    assert layer["encoding"]["y"]["sort"] == [VERDICT_LABELS[v] for v in Verdict]
    assert is_empty_chart(verdict_bars(verdict_counts(table.iloc[:0]), "Tình hình"))
