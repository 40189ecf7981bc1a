"""The JSON shape of records is the command line contract: pin it."""

import json
from dataclasses import asdict, fields
from datetime import date
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from loaders.records import (
    DeadlineKind,
    KpiActual,
    KpiRecord,
    Milestone,
    Problem,
    ProblemCode,
    ProblemLevel,
    TaskRecord,
)


def test_task_json_has_contract_fields_with_iso_dates():
    task = TaskRecord(
        number="1",
        name="Xây dựng",
        due_date=date(2027, 10, 31),
        deadline_kind=DeadlineKind.MILESTONES,
        milestones=[Milestone(date(2026, 5, 31), "Triển khai giám sát")],
    )
    data = task.to_json()
    assert data["due_date"] == "2027-10-31"
    assert data["deadline_kind"] == "milestones"
    assert data["milestones"] == [{"date": "2026-05-31", "label": "Triển khai giám sát"}]
    assert data["completion_date"] is None


def test_kpi_and_problem_json():
    kpi = KpiRecord(number="1", name="Tỉ lệ", actuals=[KpiActual("2026-H1", 75.0)])
    assert kpi.to_json()["actuals"][0]["period"] == "2026-H1"
    problem = Problem(ProblemLevel.ERROR, ProblemCode.INVALID_DATE, "Ngày sai.", row=5)
    assert problem.to_json()["level"] == "error"
    assert problem.to_json()["row"] == 5


# to_json against the dataclasses.asdict version it replaced ------------------------

_DATES = st.none() | st.dates()
_BY_TYPE: dict[str, st.SearchStrategy[Any]] = {
    "str": st.text(),
    "str | None": st.none() | st.text(),
    "bool": st.booleans(),
    "int | None": st.none() | st.integers(),
    "float | None": st.none() | st.floats(allow_nan=False),
    "date | None": _DATES,
    "DeadlineKind": st.sampled_from(DeadlineKind),
    "list[str]": st.lists(st.text(), max_size=3),
    "dict[str, str]": st.dictionaries(st.text(), st.text(), max_size=3),
    "list[Milestone]": st.lists(st.builds(Milestone, _DATES, st.text()), max_size=3),
    "list[KpiActual]": st.lists(
        st.builds(KpiActual, st.text(), st.floats(allow_nan=False), st.text()), max_size=3
    ),
}


def records(cls: type[Any]) -> st.SearchStrategy[Any]:
    """Records with every field drawn by its annotated type."""
    by_field = {f.name: _BY_TYPE[str(f.type)] for f in fields(cls)}
    return st.fixed_dictionaries(by_field).map(lambda values: cls(**values))


def task_json_reference(task: TaskRecord) -> dict[str, Any]:
    data = asdict(task)
    data["deadline_kind"] = str(task.deadline_kind)
    data["milestones"] = [m.to_json() for m in task.milestones]
    for key in ("due_date", "completion_date", "reported_on"):
        value = getattr(task, key)
        data[key] = value.isoformat() if value else None
    return data


def kpi_json_reference(kpi: KpiRecord) -> dict[str, Any]:
    data = asdict(kpi)
    data["actuals"] = [a.to_json() for a in kpi.actuals]
    return data


@given(records(TaskRecord))
def test_task_json_equals_the_asdict_reference(task: TaskRecord) -> None:
    data = task.to_json()
    expected = task_json_reference(task)
    assert json.dumps(data, ensure_ascii=False) == json.dumps(expected, ensure_ascii=False)
    data["lead_agencies"].append("x")
    data["coordinating_agencies"].append("x")
    data["agency_units"]["x"] = "y"
    assert task.to_json() == expected  # the lists and dict handed out are copies, as asdict's were


@given(records(KpiRecord))
def test_kpi_json_equals_the_asdict_reference(kpi: KpiRecord) -> None:
    expected = json.dumps(kpi_json_reference(kpi), ensure_ascii=False)
    assert json.dumps(kpi.to_json(), ensure_ascii=False) == expected
