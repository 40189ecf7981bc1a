"""Preview of a plan file: compared with the stored plan of the same code, task by task.

New tasks, changed tasks (field by field, before → after), unchanged tasks, and
stored tasks missing from the file. Progress and KPI-result files are compared in
``data_access.imports.report_preview``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from sqlmodel import Session, col, select

from data_access.agency_store import names_in_plan
from data_access.imports.change_set import ChangeSet, FieldChange, add_missing, file_row
from data_access.imports.matching import Match, Matcher, id_batches, kpi_matcher, task_matcher
from data_access.kinds import AgencyRole, ImportKind
from data_access.models import Agency, Kpi, Plan, Task, TaskAgency
from labels import COORDINATING_AGENCY_HEADING, LEAD_AGENCY_HEADING
from loaders.records import KpiRecord, LoadResult, TaskRecord

TASK_FIELDS = {
    "name": "Tên nhiệm vụ",
    "deadline_text": "Thời hạn",
    "expected_output": "Sản phẩm, yêu cầu kết quả",
    "basis": "Văn bản giao",
    "notes": "Ghi chú",
    "leader": "Lãnh đạo theo dõi",
    "evaluation": "Đánh giá",
    "description": "Mô tả",
    "adjustment": "Nội dung điều chỉnh",
    "reference_number": "Số thứ tự ở văn bản khác",
    "reference_document": "Văn bản khác",
}
KPI_FIELDS = {"name": "Tên chỉ tiêu", "target_text": "Chỉ tiêu", "notes": "Ghi chú"}
NUMBER_LABEL, SECTION_LABEL = "Số thứ tự", "Mục"
ROLE_FIELDS = {
    AgencyRole.LEAD: LEAD_AGENCY_HEADING,
    AgencyRole.COORDINATING: COORDINATING_AGENCY_HEADING,
}
OWNER_LABEL = "Đơn vị theo dõi"
CENTRAL_LABEL = "Báo cáo BCĐ Trung ương"
YES, NO = "Có", "Không"
Stored = TypeVar("Stored", Task, Kpi)


def preview_plan(*, session: Session, result: LoadResult, plan_code: str) -> ChangeSet:
    """Compare a plan file with the stored plan ``plan_code`` (all new when there is none)."""
    plan = session.exec(select(Plan).where(Plan.code == plan_code)).first()
    changes = ChangeSet(ImportKind.PLAN, plan_code, new_plan=plan is None)
    tasks = task_matcher(session=session, plan_codes=[plan_code]) if plan else Matcher([])
    kpis = kpi_matcher(session=session, plan_codes=[plan_code]) if plan else Matcher([])
    stored_tasks = _by_id(session, Task, tasks)
    agencies = _agency_names(session, list(stored_tasks))
    task_matches = _claim(
        [_match(tasks, plan_code, t.section, t.number, t.name) for t in result.tasks]
    )
    in_plan = names_in_plan(session=session, plan=plan) if plan else None
    for record, match in zip(result.tasks, task_matches, strict=True):
        stored = stored_tasks.get(match.row_id) if match else None
        diff = _task_diff(record, stored, agencies, in_plan) if stored and in_plan else []
        changes.rows.append(file_row(changes, record, None, plan_code, match, diff))
    stored_kpis = _by_id(session, Kpi, kpis)
    owners = _owner_names(session, stored_kpis.values())
    kpi_matches = _claim([_match(kpis, plan_code, "", k.number, k.name) for k in result.kpis])
    for kpi, match in zip(result.kpis, kpi_matches, strict=True):
        stored_kpi = stored_kpis.get(match.row_id) if match else None
        diff = _kpi_diff(kpi, stored_kpi, owners) if stored_kpi else []
        changes.rows.append(file_row(changes, None, kpi, plan_code, match, diff))
    add_missing(changes, tasks, kpis)
    return changes


def _match(matcher: Matcher, plan: str, section: str, number: str, name: str) -> Match | None:
    return matcher.match(plan_code=plan, section=section, number=number, name=name)


def _claim(matches: list[Match | None]) -> list[Match | None]:
    """Each stored row goes to the file row most like it; any other row is new."""
    found = [(i, match) for i, match in enumerate(matches) if match is not None]
    claimed: set[int] = set()
    kept: list[Match | None] = [None] * len(matches)
    for i, match in sorted(found, key=lambda item: -item[1].score):
        if match.row_id not in claimed:
            claimed.add(match.row_id)
            kept[i] = match
    return kept


def _task_diff(
    record: TaskRecord,
    task: Task,
    agencies: dict[tuple[int, str], list[str]],
    in_plan: Callable[[list[str]], list[str]],
) -> list[FieldChange]:
    diff = _text_diff(record, task, TASK_FIELDS)
    if record.number.rstrip(".") != task.number.rstrip("."):
        diff.insert(0, FieldChange(NUMBER_LABEL, task.number, record.number))
    if record.section.upper() != task.section_code.upper():
        diff.insert(0, FieldChange(SECTION_LABEL, task.section_code, record.section))
    if record.report_to_central and not task.report_to_central:
        diff.append(FieldChange(CENTRAL_LABEL, NO, YES))
    for role, names in (
        (AgencyRole.LEAD, record.lead_agencies),
        (AgencyRole.COORDINATING, record.coordinating_agencies),
    ):
        stored, linked = agencies.get((task.id or 0, str(role)), []), in_plan(names)
        if linked and linked != stored:
            diff.append(FieldChange(ROLE_FIELDS[role], "; ".join(stored), "; ".join(linked)))
    return diff


def _kpi_diff(record: KpiRecord, kpi: Kpi, owners: dict[int, str]) -> list[FieldChange]:
    diff = _text_diff(record, kpi, KPI_FIELDS)
    stored_owner = owners.get(kpi.owner_agency_id or 0, kpi.owner_text)
    if record.owner and record.owner not in (stored_owner, kpi.owner_text):
        diff.append(FieldChange(OWNER_LABEL, stored_owner, record.owner))
    return diff


def _text_diff(record: object, stored: object, fields: dict[str, str]) -> list[FieldChange]:
    diff = []
    for name, label in fields.items():
        after, before = str(getattr(record, name)), str(getattr(stored, name))
        if after and after != before:
            diff.append(FieldChange(label, before, after))
    return diff


def _by_id(session: Session, model: type[Stored], matcher: Matcher) -> dict[int, Stored]:
    ids = [c.row_id for c in matcher.candidates]
    return {
        row.id or 0: row
        for batch in id_batches(ids)
        for row in session.exec(select(model).where(col(model.id).in_(batch))).all()
    }


def _agency_names(session: Session, task_ids: list[int]) -> dict[tuple[int, str], list[str]]:
    """Agency names per (task id, role), in their stored order."""
    names: dict[tuple[int, str], list[str]] = {}
    for batch in id_batches(task_ids):
        rows = session.exec(
            select(TaskAgency, Agency.name)
            .join(Agency, col(Agency.id) == col(TaskAgency.agency_id))
            .where(col(TaskAgency.task_id).in_(batch))
            .order_by(col(TaskAgency.position))
        ).all()
        for link, name in rows:
            names.setdefault((link.task_id, link.role), []).append(name)
    return names


def _owner_names(session: Session, kpis: Iterable[Kpi]) -> dict[int, str]:
    ids = [kpi.owner_agency_id for kpi in kpis if kpi.owner_agency_id is not None]
    return {
        agency.id or 0: agency.name
        for batch in id_batches(ids)
        for agency in session.exec(select(Agency).where(col(Agency.id).in_(batch))).all()
    }
