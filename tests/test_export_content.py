"""Shared export content: task lists, headline figures, KPI rows, period labels, text helpers."""

from __future__ import annotations

import unicodedata
from datetime import date

import pandas as pd
import pytest
from sqlmodel import Session

from data_access.dashboard import task_agency_frame, task_frame
from data_access.kpi_queries import kpi_frame, kpi_latest
from data_access.status import SummaryMetrics, compute_statuses
from exports.content import (
    TASK_LIST_COLUMNS,
    date_text,
    due_text,
    headline_figures,
    kpi_bullet_input,
    kpi_rows,
    overdue_tasks,
    period_label,
    rows_beyond,
    short,
    task_list,
)
from tests.dashboard_db import POLICE, SKHCN


def statuses_on(session: Session, day: date) -> pd.DataFrame:
    return compute_statuses(task_frame(session=session, as_of=day), day)


# --- Task lists ---
def test_task_list_rows(session: Session, ids: dict[str, int]) -> None:
    statuses = statuses_on(session, date(2026, 3, 15))
    documents = pd.DataFrame({"task_id": [ids["strategy"]], "basis": ["Thông báo số 07-TB"]})
    rows = task_list(statuses, task_agency_frame(session=session), documents)
    assert list(rows.columns) == TASK_LIST_COLUMNS
    strategy = rows.iloc[0]
    assert strategy["reference"] == "I.1"
    assert strategy["leads"] == f"{SKHCN}; {POLICE}"  # in the plan's order
    assert strategy["document"] == "Thông báo số 07-TB"
    digitise = rows[rows["name"] == "Số hoá hồ sơ lưu trữ"].iloc[0]
    assert digitise["reference"] == "1"  # no section
    assert digitise["document"] == "Phụ lục II"  # no document written: the plan itself
    unclear = rows[rows["name"] == "Nhiệm vụ chưa rõ hạn"].iloc[0]
    assert unclear["leads"] == ""


def test_overdue_tasks_longest_first(session: Session, ids: dict[str, int]) -> None:
    statuses = statuses_on(session, date(2026, 11, 23))
    overdue = overdue_tasks(statuses)
    assert set(overdue["status"]) == {"overdue"}
    assert overdue["days_overdue"].is_monotonic_decreasing
    assert overdue.iloc[0]["task_id"] == ids["review"]  # due 30/6/2026, the only one overdue


@pytest.mark.parametrize(
    ("due", "indicative", "text"),
    [
        (pd.Timestamp(2025, 10, 31), True, "31/10/2025 (hạn dự kiến)"),
        (pd.Timestamp(2025, 10, 31), False, "31/10/2025"),
        (pd.NaT, True, ""),  # no date, nothing to mark
    ],
)
def test_due_text_marks_an_indicative_date(due: object, indicative: bool, text: str) -> None:
    assert due_text(due, indicative) == text


# --- Headline figures ---
def test_headline_figures_text() -> None:
    metrics = SummaryMetrics(
        total=1234,
        with_due_date=200,
        completed=50,
        completed_on_time=20,
        due_by_as_of=80,
        completion_rate=0.25,
        on_time_rate=0.25,
        overdue=30,
        milestone_late=1,
        due_soon=7,
        missing_evidence=2,
        recurring=4,
        recurring_reported=1,
        recurring_not_reported=2,  # the fourth has nothing to report yet
        no_deadline=3,
    )
    figures = {f.label: (f.value, f.note) for f in headline_figures(metrics)}
    assert figures["Tổng số nhiệm vụ"] == ("1.234", "")
    assert figures["Tỷ lệ hoàn thành"] == (
        "25%",
        "50/200 nhiệm vụ có hạn; 2 hoàn thành nhưng thiếu minh chứng (chưa tính)",
    )
    assert figures["Tỷ lệ hoàn thành đúng hạn"] == ("25%", "20/80 nhiệm vụ đã đến hạn")
    assert figures["Quá hạn"] == ("30", "chưa hoàn thành, đã quá hạn; 1 nhiệm vụ khác chậm mốc")
    assert figures["Sắp đến hạn"] == ("7", "chưa hoàn thành, đến hạn trong 30 ngày tới")
    assert figures["Thường xuyên"] == ("4", "1 đã báo cáo kỳ này, 2 chưa báo cáo")
    assert figures["Chưa xác định hạn"][0] == "3"


# --- KPIs ---
def test_kpi_rows_and_bullet_input(session: Session, ids: dict[str, int]) -> None:
    kpis = kpi_latest(kpi_frame(session=session, as_of=date(2026, 11, 23)))
    rows = kpi_rows(kpis)
    assert rows.to_dict("records") == [
        {
            "kpi": "Tỷ lệ hồ sơ trực tuyến",
            "target": "> 80%",
            "actual": "80%",
            "period_label": "6 tháng đầu năm 2026",
            "result": "Chưa đạt",  # ">80%" is not met by exactly 80%
        },
        {
            "kpi": "Số nền tảng dùng chung",
            "target": "Hoàn thành",
            "actual": "Chưa có số liệu",
            "period_label": "",
            "result": "Chưa có số liệu",
        },
    ]
    bullets = kpi_bullet_input(kpis)
    assert list(bullets["actual"].fillna(-1)) == [80.0, -1]
    assert list(bullets["met"]) == [False, None]


# --- Text helpers ---
@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("2026", "Năm 2026"),
        ("2026-H1", "6 tháng đầu năm 2026"),
        ("2026-Q3", "Quý III/2026"),
        ("2026-06", "Tháng 06/2026"),
        ("2026-Q9", "2026-Q9"),  # not a period: shown as written
        ("", ""),
        (None, ""),
    ],
)
def test_period_label(code: object, expected: str) -> None:
    assert period_label(code) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (pd.Timestamp("2026-06-30"), "30/06/2026"),
        (date(2026, 1, 2), "02/01/2026"),
        (pd.NaT, ""),
        (None, ""),
        (float("nan"), ""),
    ],
)
def test_date_text(value: object, expected: str) -> None:
    assert date_text(value) == expected


@pytest.mark.parametrize(
    ("total", "limit", "expected"),
    [
        (50, 40, "Danh sách chỉ hiện 40 dòng đầu trên tổng số 50; "),
        (1500, 500, "Danh sách chỉ hiện 500 dòng đầu trên tổng số 1.500; "),
        (40, 40, ""),
        (0, 40, ""),
    ],
)
def test_rows_beyond(total: int, limit: int, expected: str) -> None:
    note = rows_beyond(total, limit)
    assert note.startswith(expected) and bool(note) == bool(expected)


def test_short_composes_and_cuts() -> None:
    decomposed = unicodedata.normalize("NFD", "Nhiệm vụ")
    assert short(decomposed) == "Nhiệm vụ"
    assert unicodedata.is_normalized("NFC", short(decomposed))
    assert short("một hai ba", 6) == "một h…"
    assert len(short("x" * 500)) == 400
