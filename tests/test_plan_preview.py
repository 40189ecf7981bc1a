"""Preview of a plan file against the stored plan: new, changed (before → after), unchanged,
missing; renumbered tasks found by name; confirmations."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from data_access.db import session_scope
from data_access.imports.change_set import ChangeKind, ChangeSet, FieldChange, RowChange
from data_access.imports.matching import Match, MatchMethod
from data_access.imports.plan_preview import preview_plan
from data_access.kinds import ImportKind
from loaders.load import load_bytes
from tests.backends import ON_BOTH_DATABASES
from tests.upload_db import (
    HOME,
    PLAN_CODE,
    POLICE,
    SKHCN,
    TASKS,
    kpi_rows,
    plan_file,
    planned_engine,
    workbook,
)

pytestmark = ON_BOTH_DATABASES

Flat = list[tuple[str, bool, str, str, list[tuple[str, str, str]]]]


@pytest.fixture
def engine() -> Engine:
    return planned_engine()


def _preview(engine: Engine, data: bytes, plan_code: str = PLAN_CODE) -> ChangeSet:
    result = load_bytes(data, "ke_hoach.xlsx")
    with session_scope(engine) as session:
        return preview_plan(session=session, result=result, plan_code=plan_code)


def _flat(changes: ChangeSet) -> Flat:
    """(kind, is KPI, section, number, [(field, before, after)]) per row, in order."""
    return [
        (
            str(row.kind),
            row.is_kpi,
            row.section,
            row.number,
            [(f.label, f.before, f.after) for f in row.fields],
        )
        for row in changes.rows
    ]


def _task(section: str, number: str) -> tuple[str, str, str, str, str, str]:
    return next(task for task in TASKS if task[:2] == (section, number))


# --- New and unchanged plans ---


def test_a_plan_not_stored_yet_is_all_new(engine: Engine) -> None:
    changes = _preview(engine, plan_file(), plan_code="KH-MOI")
    assert changes.new_plan
    assert changes.kind is ImportKind.PLAN
    assert changes.counts()[ChangeKind.NEW] == len(TASKS) + 2
    assert all(row.stored_id is None for row in changes.rows)


def test_the_same_plan_again_changes_nothing(engine: Engine) -> None:
    changes = _preview(engine, plan_file())
    assert not changes.new_plan
    assert [row.kind for row in changes.rows] == [ChangeKind.UNCHANGED] * (len(TASKS) + 2)
    assert changes.to_write() == []


# --- A revised plan ---


def test_a_revised_plan_shows_every_field_change(engine: Engine) -> None:
    revised = [
        ("I", "1", _task("I", "1")[2], SKHCN, HOME, "Quý IV/2026"),  # deadline moved
        ("I", "2", _task("I", "2")[2], SKHCN, "", "Quý III/2026"),  # another lead
        _task("II", "1"),
        ("II", "3", "Xây dựng kho dữ liệu mở của tỉnh", POLICE, "", "31/12/2026"),  # new
    ]  # II.2 is missing from the file
    assert _flat(_preview(engine, plan_file(revised, with_kpis=False))) == [
        ("changed", False, "I", "1", [("Thời hạn", "30/6/2026", "Quý IV/2026")]),
        ("changed", False, "I", "2", [("Cơ quan chủ trì", HOME, SKHCN)]),
        ("unchanged", False, "II", "1", []),
        ("new", False, "II", "3", []),
        ("missing", False, "II", "2", []),
        ("missing", True, "", "1", []),
        ("missing", True, "", "2", []),
    ]


def test_an_empty_cell_is_not_an_erasure(engine: Engine) -> None:
    blank_coordinating = [(*task[:4], "", task[5]) for task in TASKS]
    changes = _preview(engine, plan_file(blank_coordinating))
    assert changes.counts()[ChangeKind.UNCHANGED] == len(TASKS) + 2


def test_a_renumbered_plan_is_matched_by_name(engine: Engine) -> None:
    inserted = ("I", "1", "Tổ chức diễn đàn đổi mới sáng tạo cấp tỉnh", SKHCN, "", "Tháng 9/2026")
    renumbered = [inserted] + [
        (section, str(int(number) + 1) if section == "I" else number, *rest)
        for section, number, *rest in TASKS
    ]
    changes = _preview(engine, plan_file(renumbered, with_kpis=False))
    flat = _flat(changes)
    assert flat[:3] == [
        ("new", False, "I", "1", []),
        ("changed", False, "I", "2", [("Số thứ tự", "1", "2")]),
        ("changed", False, "I", "3", [("Số thứ tự", "2", "3")]),
    ]
    moved = changes.rows[1]
    assert moved.match is not None
    assert (moved.match.method, moved.match.score) == (MatchMethod.NAME, 100.0)
    assert not moved.needs_confirmation


def test_a_task_moved_to_another_section_shows_both(engine: Engine) -> None:
    moved = [task for task in TASKS if task[:2] != ("II", "2")]
    moved.append(("I", "3", *_task("II", "2")[2:]))
    rows = _flat(_preview(engine, plan_file(moved, with_kpis=False)))
    assert ("changed", False, "I", "3", [("Mục", "II", "I"), ("Số thứ tự", "2", "3")]) in rows


def test_kpi_target_and_name_changes(engine: Engine) -> None:
    kpis = [("1", "Tỉ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình", ">90%")]
    data = workbook({"Nhiệm vụ": [], "Chỉ tiêu": kpi_rows(kpis)})
    assert _flat(_preview(engine, data)) == [
        ("changed", True, "", "1", [("Chỉ tiêu", ">80%", ">90%")]),
        *[("missing", False, section, number, []) for section, number, *_ in TASKS],
        ("missing", True, "", "2", []),
    ]


# --- Confirmations and the display frame ---


def _row(index: int, kind: ChangeKind, score: float | None) -> RowChange:
    match = Match(index, MatchMethod.NAME, score, "", str(index)) if score is not None else None
    return RowChange(index, kind, False, PLAN_CODE, "", str(index), "x", match=match)


@pytest.mark.parametrize(
    ("confirmed", "written"),
    [
        ((), [0, 1]),  # the suggestion (row 2) waits for confirmation
        ((2,), [0, 1, 2]),
        ((2, 3), [0, 1, 2]),  # unchanged and missing rows are never written
    ],
)
def test_to_write_takes_suggestions_only_when_confirmed(
    confirmed: tuple[int, ...], written: list[int]
) -> None:
    changes = ChangeSet(ImportKind.PROGRESS, PLAN_CODE, new_plan=False)
    changes.rows = [
        _row(0, ChangeKind.NEW, None),
        _row(1, ChangeKind.CHANGED, 95.0),
        _row(2, ChangeKind.CHANGED, 80.0),
        _row(3, ChangeKind.UNCHANGED, 70.0),
        _row(4, ChangeKind.MISSING, None),
    ]
    assert [row.index for row in changes.to_write(confirmed)] == written
    assert [row.needs_confirmation for row in changes.rows] == [False, False, True, False, False]


def test_frame_lists_field_changes_as_text() -> None:
    changes = ChangeSet(ImportKind.PLAN, PLAN_CODE, new_plan=False)
    row = _row(0, ChangeKind.CHANGED, 100.0)
    row.fields = [
        FieldChange("Thời hạn", "30/6/2026", "Quý IV/2026"),
        FieldChange("Mục", "I", "II"),
    ]
    changes.rows = [row]
    frame = changes.frame()
    assert frame.loc[0, "changes"] == "Thời hạn: 30/6/2026 → Quý IV/2026; Mục: I → II"
    assert frame.loc[0, "method"] == "name"
    assert frame.loc[0, "score"] == 100.0
