"""Pair the rows of a progress workbook with the stored tasks and KPIs they report on."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlmodel import Session, select

from data_access import models
from loaders.records import KpiRecord, LoadResult, TaskRecord
from loaders.text import fold


@dataclass
class ProgressMatch:
    """Progress rows paired with the stored task or KPI they report on."""

    tasks: list[tuple[TaskRecord, models.Task]] = field(default_factory=list)
    kpis: list[tuple[KpiRecord, models.Kpi]] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)  # where, in Vietnamese

    def single_plan_id(self) -> int | None:
        plan_ids = {t.plan_id for _, t in self.tasks} | {k.plan_id for _, k in self.kpis}
        return plan_ids.pop() if len(plan_ids) == 1 else None


def match_progress(*, session: Session, result: LoadResult) -> ProgressMatch:
    """Find each row's task (plan code, section, number; else same folded name) and KPI."""
    match = ProgressMatch()
    find_task = _task_finder(session)
    for record in result.tasks:
        task = find_task(record)
        if task is None:
            match.unmatched.append(_where(record.source_row, f"nhiệm vụ số {record.number}"))
        else:
            match.tasks.append((record, task))
    find_kpi = _kpi_finder(session)
    for kpi_record in result.kpis:
        kpi = find_kpi(kpi_record)
        if kpi is None:
            match.unmatched.append(
                _where(kpi_record.source_row, f"chỉ tiêu số {kpi_record.number}")
            )
        else:
            match.kpis.append((kpi_record, kpi))
    return match


def _task_finder(session: Session) -> Callable[[TaskRecord], models.Task | None]:
    by_key: dict[tuple[str, str, str], models.Task] = {}
    by_name: defaultdict[tuple[str, str], list[models.Task]] = defaultdict(list)
    rows = session.exec(select(models.Task, models.Plan.code).join(models.Plan)).all()
    for task, plan_code in rows:
        by_key[(plan_code, task.section_code.upper(), _number_key(task.number))] = task
        by_name[(plan_code, fold(task.name))].append(task)
        by_name[("", fold(task.name))].append(task)

    def find(record: TaskRecord) -> models.Task | None:
        plan_code = record.plan_code.strip()
        key = (plan_code, record.section.strip().upper(), _number_key(record.number))
        found = by_key.get(key)
        if found is not None:
            return found
        candidates = by_name.get((plan_code, fold(record.name)), [])
        return candidates[0] if len(candidates) == 1 else None

    return find


def _kpi_finder(session: Session) -> Callable[[KpiRecord], models.Kpi | None]:
    by_number: defaultdict[str, list[models.Kpi]] = defaultdict(list)
    by_name: defaultdict[str, list[models.Kpi]] = defaultdict(list)
    for kpi in session.exec(select(models.Kpi)).all():
        by_number[_number_key(kpi.number)].append(kpi)
        by_name[fold(kpi.name)].append(kpi)

    def find(record: KpiRecord) -> models.Kpi | None:
        name = fold(record.name)
        candidates = by_number.get(_number_key(record.number), [])
        if len(candidates) > 1:
            candidates = [kpi for kpi in candidates if fold(kpi.name) == name]
        if not candidates:
            candidates = by_name.get(name, [])
        return candidates[0] if len(candidates) == 1 else None

    return find


def _number_key(number: str) -> str:
    """ "1." and "1" are the same task number."""
    return number.strip().rstrip(".")


def _where(row: int | None, what: str) -> str:
    return f"dòng {row} ({what})" if row is not None else what
