"""Every table of the periodic report is the rows given, in the order given, whatever the
frames' index."""

from __future__ import annotations

import io
from dataclasses import replace

import pandas as pd
import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from data_access.db import get_engine
from data_access.queries.discipline import DISCIPLINE_COLUMNS
from data_access.queries.status import SummaryMetrics
from data_access.queries.statuses import TaskStatus
from exports.periodic_docx import periodic_report_docx
from exports.periodic_report import PeriodicReport, periodic_report
from labels import STATUS_ORDER, format_int, format_percent, status_label
from tests.frames import CELL_TEXT, TaskRows, due_cell, reindexed, shuffled, task_lists
from tests.periodic_sample import QUARTER, inputs_for, table_after


@pytest.fixture(scope="module")
def engine(sample_url: str) -> Engine:
    return get_engine(sample_url)


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
        discipline=pd.DataFrame(columns=DISCIPLINE_COLUMNS),
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
        [
            str(i),
            name,
            *map(format_int, counts),
            format_percent(done, fixed=True),
            format_percent(on_time, fixed=True),
        ]
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
