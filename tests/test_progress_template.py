"""The per-agency progress template: pre-filled tasks, a status drop-down, date cells, and a
round trip (downloaded, filled, uploaded) with no problems."""

from __future__ import annotations

from datetime import date, datetime
from io import BytesIO

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from data_access.db import session_scope
from data_access.imports.agencies import AGENCY_TASK_COLUMNS, agency_tasks
from data_access.imports.change_set import ChangeKind
from data_access.kinds import ImportKind
from exports.progress_template import (
    ALLOWED_STATUSES,
    HEADER,
    HEADER_ROW,
    SHEET,
    progress_template_xlsx,
)
from loaders.load import load_bytes
from tests.backends import ON_BOTH_DATABASES
from tests.frames import CELL_TEXT, reindexed
from tests.upload_db import PLAN_CODE, SKHCN, import_file, planned_engine, preview

pytestmark = ON_BOTH_DATABASES

CREATED = date(2026, 11, 30)
FIRST = HEADER_ROW + 1


@pytest.fixture(scope="module")
def tasks() -> pd.DataFrame:
    with session_scope(planned_engine()) as session:
        return agency_tasks(session=session, agency_name=SKHCN)


def _template(tasks: pd.DataFrame) -> bytes:
    return progress_template_xlsx(tasks, agency=SKHCN, created_on=CREATED)


def _fill(data: bytes, rows: dict[int, tuple[object, ...]]) -> bytes:
    """Fill columns F.. (report day, status, completion, evidence, description) of rows."""
    book = load_workbook(BytesIO(data))
    sheet = book[SHEET]
    for row, values in rows.items():
        for offset, value in enumerate(values):
            sheet.cell(row=row, column=6 + offset, value=value)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


# --- The workbook as an agency receives it ---


def test_the_agencys_tasks_are_pre_filled(tasks: pd.DataFrame) -> None:
    sheet = load_workbook(BytesIO(_template(tasks)))[SHEET]
    assert sheet["A1"].value == f"MẪU BÁO CÁO TIẾN ĐỘ – {SKHCN}"
    assert sheet["A2"].value.startswith("Lập ngày 30/11/2026.")
    assert tuple(c.value for c in sheet[HEADER_ROW]) == HEADER
    given = [tuple(c.value for c in row[:5]) for row in sheet.iter_rows(min_row=FIRST)]
    assert given == [
        (PLAN_CODE, "I", "1", tasks.loc[0, "name"], "30/6/2026"),
        (PLAN_CODE, "II", "2", tasks.loc[1, "name"], "Thường xuyên"),
    ]


@given(st.lists(st.tuples(*[CELL_TEXT] * 5), min_size=1, max_size=8), st.data())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_template_rows_are_the_tasks_given_in_order(
    rows: list[tuple[str, ...]], data: st.DataObject
) -> None:
    tasks = pd.DataFrame(rows, columns=list(AGENCY_TASK_COLUMNS))
    sheet = load_workbook(BytesIO(_template(data.draw(reindexed(tasks)))))[SHEET]
    assert [tuple(c.value for c in row[:5]) for row in sheet.iter_rows(min_row=FIRST)] == rows


def test_status_has_a_drop_down_and_dates_are_dates(tasks: pd.DataFrame) -> None:
    sheet = load_workbook(BytesIO(_template(tasks)))[SHEET]
    last = FIRST + len(tasks) - 1
    validations = {dv.type: dv for dv in sheet.data_validations.dataValidation}
    assert validations["list"].formula1 == '"' + ",".join(ALLOWED_STATUSES) + '"'
    assert str(validations["list"].sqref) == f"G{FIRST}:G{last}"
    assert str(validations["date"].sqref) == f"F{FIRST}:F{last} H{FIRST}:H{last}"
    assert {sheet[f"{col}{FIRST}"].number_format for col in "FH"} == {"dd/mm/yyyy"}
    assert sheet.freeze_panes == f"F{FIRST}"


def test_an_agency_with_no_task_gets_an_empty_table() -> None:
    empty = pd.DataFrame(columns=AGENCY_TASK_COLUMNS)
    result = load_bytes(_template(empty), "mau.xlsx")
    assert (result.tasks, result.problems) == ([], [])


def test_task_text_that_looks_like_a_formula_stays_text() -> None:
    odd = pd.DataFrame([[PLAN_CODE, "", "1", "=1+1 là ví dụ", ""]], columns=AGENCY_TASK_COLUMNS)
    cell = load_workbook(BytesIO(_template(odd)))[SHEET]["D5"]
    assert (cell.value, cell.data_type) == ("=1+1 là ví dụ", "s")


# --- Round trip ---


def test_a_blank_template_loads_as_progress_with_no_problems(tasks: pd.DataFrame) -> None:
    result = load_bytes(_template(tasks), "mau.xlsx")
    assert result.problems == []
    assert [(t.plan_code, t.section, t.number) for t in result.tasks] == [
        (PLAN_CODE, "I", "1"),
        (PLAN_CODE, "II", "2"),
    ]


@pytest.mark.parametrize("status", ALLOWED_STATUSES)
def test_every_allowed_status_is_understood(tasks: pd.DataFrame, status: str) -> None:
    filled = _fill(_template(tasks), {FIRST: (datetime(2026, 11, 20), status)})
    result = load_bytes(filled, "mau.xlsx")
    assert result.problems == []
    assert result.tasks[0].completed is (status == "Đã hoàn thành")


def test_a_filled_template_round_trips_into_reports(tasks: pd.DataFrame) -> None:
    engine = planned_engine()
    filled = _fill(
        _template(tasks),
        {
            FIRST: (datetime(2026, 11, 20), "Đã hoàn thành", datetime(2026, 11, 15), "QĐ 5"),
            FIRST + 1: (datetime(2026, 11, 20), "Đang thực hiện", None, None, "Đạt 60%"),
        },
    )
    upload = preview(engine, filled, "mau_da_dien.xlsx")
    assert upload.problems == []
    assert (upload.kind, upload.plan_code) == (ImportKind.PROGRESS, PLAN_CODE)
    changed = [row for row in upload.changes.rows if row.kind is ChangeKind.CHANGED]
    assert [(r.section, r.number, r.match.score if r.match else 0) for r in changed] == [
        ("I", "1", 100.0),
        ("II", "2", 100.0),
    ]
    batch = import_file(engine, filled, "mau_da_dien.xlsx")
    assert batch.progress_count == 2
