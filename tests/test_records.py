"""The JSON shape of records is the command line contract: pin it."""

from datetime import date

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
