"""Preview of a progress or KPI-result file: which reports and results it adds.

Each progress row is matched to a stored task (see ``data_access.imports.matching``). It
adds a dated report unless the same report is already stored; the preview shows
the task's latest report as of that day (before) next to the row (after). KPI
results are compared period by period. Nothing is ever overwritten: commit adds.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlmodel import Session, col, select

from data_access.imports.change_set import ChangeKind, ChangeSet, FieldChange, add_missing, file_row
from data_access.imports.matching import Matcher, id_batches, kpi_matcher, task_matcher
from data_access.imports.rows import COMPLETED_STATUS
from data_access.kinds import ImportKind
from data_access.models import KpiActual, ProgressUpdate
from data_access.queries.latest_reports import in_force
from labels import DATE_FORMAT_PY, EMPTY_VALUE, format_decimal
from loaders.records import KpiRecord, LoadResult, TaskRecord

VALUE_DECIMALS = 6  # a KPI value in a diff, to the places a file may give it
# status, completion date, evidence, description, evaluation
Report = tuple[str, date | None, str, str, str]
REPORT_LABELS = ("Tình trạng", "Ngày hoàn thành", "Minh chứng", "Mô tả", "Đánh giá")
REPORTED_ON_LABEL = "Ngày báo cáo"


def preview_reports(
    *, session: Session, result: LoadResult, plan_code: str = "", today: date
) -> ChangeSet:
    """Compare progress rows and KPI results with what is stored; ``today`` dates undated rows.

    Rows name their plan in a "Kế hoạch" column; otherwise ``plan_code`` (or, when
    empty, any plan) is searched.
    """
    kind = ImportKind.PROGRESS if result.tasks else ImportKind.KPI_ACTUALS
    codes = sorted({t.plan_code for t in result.tasks if t.plan_code} | {plan_code} - {""})
    changes = ChangeSet(kind, plan_code, new_plan=False)
    tasks = task_matcher(session=session, plan_codes=codes)
    kpis = kpi_matcher(session=session, plan_codes=codes)
    _add_task_rows(session, changes, result.tasks, tasks, plan_code, today)
    _add_kpi_rows(session, changes, result.kpis, kpis, plan_code)
    # Stored rows of the plans the file reports on, of the kinds it reports on, not in it.
    matched = {row.plan_code for row in changes.rows if row.stored_id is not None}
    add_missing(
        changes,
        _within(tasks, matched if result.tasks else set()),
        _within(kpis, matched if result.kpis else set()),
    )
    return changes


def report_of(record: TaskRecord) -> Report:
    """What a progress row reports; a done note without a status reads as "Đã hoàn thành"."""
    status = record.status or (COMPLETED_STATUS if record.completed else "")
    return (status, record.completion_date, record.evidence, record.description, record.evaluation)


def _add_task_rows(
    session: Session,
    changes: ChangeSet,
    records: list[TaskRecord],
    matcher: Matcher,
    plan_code: str,
    today: date,
) -> None:
    plans = {c.row_id: c.plan_code for c in matcher.candidates}
    matches = [
        matcher.match(
            plan_code=r.plan_code or plan_code, section=r.section, number=r.number, name=r.name
        )
        for r in records
    ]
    stored = _stored_reports(session, [m.row_id for m in matches if m is not None])
    for record, match in zip(records, matches, strict=True):
        report_on = record.reported_on or today
        diff = _report_diff(record, report_on, stored[match.row_id]) if match else []
        plan = plans[match.row_id] if match else record.plan_code or plan_code
        row = file_row(changes, record, None, plan, match, diff, ChangeKind.UNMATCHED)
        row.report_on = report_on if match else None
        changes.rows.append(row)


def _report_diff(
    record: TaskRecord, day: date, stored: list[tuple[date, Report]]
) -> list[FieldChange]:
    """Field changes from the latest stored report as of ``day``; none when nothing new."""
    after = report_of(record)
    if not any(after):
        return []
    dated = record.reported_on is not None
    if any(report == after and (reported == day or not dated) for reported, report in stored):
        return []
    earlier = [(reported, report) for reported, report in stored if reported <= day]
    before_day, before = earlier[-1] if earlier else (None, ("", None, "", "", ""))
    diff = [
        FieldChange(label, _text(old), _text(new))
        for label, old, new in zip(REPORT_LABELS, before, after, strict=True)
        if old != new and (new or old)
    ]
    if before_day != day:
        diff.insert(0, FieldChange(REPORTED_ON_LABEL, _text(before_day), _text(day)))
    return diff


def _stored_reports(session: Session, task_ids: list[int]) -> dict[int, list[tuple[date, Report]]]:
    """Reports in force per task, oldest first (same day: in the order they were added)."""
    reports: defaultdict[int, list[tuple[date, Report]]] = defaultdict(list)
    for batch in id_batches(task_ids):
        updates = session.exec(
            select(ProgressUpdate)
            .where(col(ProgressUpdate.task_id).in_(batch))
            .where(in_force(col(ProgressUpdate.import_batch_id)))
            .order_by(col(ProgressUpdate.reported_on), col(ProgressUpdate.id))
        ).all()
        for u in updates:
            report = (u.status, u.completion_date, u.evidence, u.description, u.evaluation)
            reports[u.task_id].append((u.reported_on, report))
    return reports


def _add_kpi_rows(
    session: Session,
    changes: ChangeSet,
    records: list[KpiRecord],
    matcher: Matcher,
    plan_code: str,
) -> None:
    plans = {c.row_id: c.plan_code for c in matcher.candidates}
    matches = [
        matcher.match(plan_code=plan_code, section="", number=r.number, name=r.name)
        for r in records
    ]
    stored = stored_actuals(session, [m.row_id for m in matches if m is not None])
    for record, match in zip(records, matches, strict=True):
        diff = _actual_diff(record, stored[match.row_id]) if match else []
        plan = plans[match.row_id] if match else plan_code
        row = file_row(changes, None, record, plan, match, diff, ChangeKind.UNMATCHED)
        changes.rows.append(row)


def new_actuals(record: KpiRecord, stored: dict[str, float]) -> list[str]:
    """Periods of ``record`` whose value is not the one stored."""
    return [a.period for a in record.actuals if stored.get(a.period) != a.value]


def _actual_diff(record: KpiRecord, stored: dict[str, float]) -> list[FieldChange]:
    periods = set(new_actuals(record, stored))
    return [
        FieldChange(a.period_label or a.period, _text(stored.get(a.period)), _text(a.value))
        for a in record.actuals
        if a.period in periods
    ]


def stored_actuals(session: Session, kpi_ids: list[int]) -> dict[int, dict[str, float]]:
    """The value in force per KPI and period (the latest added wins)."""
    values: defaultdict[int, dict[str, float]] = defaultdict(dict)
    for batch in id_batches(kpi_ids):
        actuals = session.exec(
            select(KpiActual)
            .where(col(KpiActual.kpi_id).in_(batch))
            .where(in_force(col(KpiActual.import_batch_id)))
            .order_by(col(KpiActual.id))
        ).all()
        for actual in actuals:
            values[actual.kpi_id][actual.period] = actual.value
    return values


def _within(matcher: Matcher, plan_codes: set[str]) -> Matcher:
    return Matcher([c for c in matcher.candidates if c.plan_code in plan_codes])


def _text(value: object) -> str:
    if value is None or value == "":
        return EMPTY_VALUE
    if isinstance(value, date):
        return value.strftime(DATE_FORMAT_PY)
    if isinstance(value, float):
        return format_decimal(value, VALUE_DECIMALS)
    return str(value)
