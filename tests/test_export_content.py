"""Shared export content: task lists, headline figures, KPI rows, period labels, text helpers."""

from __future__ import annotations

import unicodedata
from datetime import date

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session

from data_access.queries.kpis import kpi_frame, kpi_latest
from data_access.queries.status import SummaryMetrics, compute_statuses
from data_access.queries.tasks import task_agency_frame, task_frame
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
from labels import format_number
from tests.dashboard_db import POLICE, SKHCN
from tests.frames import CELL_TEXT, DAYS, reindexed, shuffled


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


# --- Task lists keep the tasks given, in the order given, whatever the frames' index ---
TASK = st.fixed_dictionaries(
    {
        "plan_code": CELL_TEXT,
        "section_code": st.one_of(st.just(""), CELL_TEXT),
        "number": CELL_TEXT,
        "name": CELL_TEXT,
        "due_date": DAYS,
        "deadline_indicative": st.booleans(),
        "deadline_text": CELL_TEXT,
        "days_overdue": st.integers(0, 5000),
        "plan_title": CELL_TEXT,
        "leads": st.lists(CELL_TEXT, max_size=3, unique=True),
        "basis": st.one_of(st.just(""), CELL_TEXT),
    }
)


@given(st.lists(TASK, min_size=1, max_size=6), st.data())
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_task_list_is_the_tasks_given_in_order(
    tasks: list[dict[str, object]], data: st.DataObject
) -> None:
    ids = data.draw(st.permutations(range(1, len(tasks) + 1)))
    statuses = pd.DataFrame(tasks).drop(columns=["leads", "basis"]).assign(task_id=ids)
    statuses["due_date"] = pd.to_datetime(statuses["due_date"])
    links = pd.DataFrame(
        [
            {"task_id": task_id, "agency": agency, "role": role, "position": position}
            for task_id, task in zip(ids, tasks, strict=True)
            for role in ("lead", "coordinating")
            for position, agency in enumerate(task["leads"] if role == "lead" else ["Sở phối hợp"])
        ]
    )
    documents = pd.DataFrame({"task_id": ids, "basis": [t["basis"] for t in tasks]})
    listed = task_list(
        data.draw(reindexed(statuses)), data.draw(shuffled(links)), data.draw(shuffled(documents))
    )
    assert listed.to_dict("records") == [
        {
            "plan_code": t["plan_code"],
            "reference": f"{t['section_code']}.{t['number']}" if t["section_code"] else t["number"],
            "name": t["name"],
            "leads": "; ".join(t["leads"]),  # type: ignore[arg-type]
            "due_date": pd.Timestamp(t["due_date"]),  # type: ignore[arg-type]
            "indicative": t["deadline_indicative"],
            "deadline_text": t["deadline_text"],
            "days_overdue": t["days_overdue"],
            "document": t["basis"] or t["plan_title"],
        }
        for t in tasks
    ]


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


KPI = st.tuples(CELL_TEXT, st.one_of(st.none(), st.integers(0, 100)), st.booleans())


@given(st.lists(KPI, min_size=1, max_size=6), st.data())
@settings(max_examples=60, deadline=None)
def test_kpi_rows_keep_the_kpis_given_in_order(
    kpis: list[tuple[str, int | None, bool]], data: st.DataObject
) -> None:
    frame = pd.DataFrame(
        {
            "kpi": [name for name, _, _ in kpis],
            "target_value": 80.0,
            "operator": ">=",
            "unit": "%",
            "target_text": "≥ 80%",
            "value": [float("nan") if value is None else float(value) for _, value, _ in kpis],
            "period": "2026-Q2",
            "met": [pd.NA if value is None else met for _, value, met in kpis],
        }
    )
    given_frame = data.draw(reindexed(frame))
    expected = [
        (name, "Chưa có số liệu" if value is None else f"{format_number(value)}%")
        for name, value, _ in kpis
    ]
    rows = kpi_rows(given_frame)
    assert list(zip(rows["kpi"], rows["actual"], strict=True)) == expected
    assert set(rows["period_label"]) == {"Quý II/2026"}
    bullets = kpi_bullet_input(given_frame)
    assert list(bullets["kpi"]) == [name for name, _, _ in kpis]
    assert list(bullets["actual"].fillna(-1)) == [-1 if v is None else v for _, v, _ in kpis]


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
