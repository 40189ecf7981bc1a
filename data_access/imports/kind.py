"""Recognise what an uploaded file is: a new plan, an update of a stored plan, or KPI results.

- Rows that report progress (a plan code per row, a report date, a status, a
  completion date or evidence) make a progress update.
- Task rows whose names mostly match one stored plan update that plan: a progress
  update when they fill in Đánh giá / Mô tả differently from what is stored, a
  revision of the plan's tasks otherwise.
- KPI rows with results per period that match stored KPIs are KPI results.
- Anything else is a new plan.
Staff see the guess with its reason and may correct it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from data_access.imports.matching import Matcher, kpi_matcher, task_matcher
from data_access.kinds import ImportKind
from data_access.models import Task
from loaders.records import LoadResult, TaskRecord

MOSTLY = 0.5  # share of rows that must match one plan
SAMPLE_ROWS = 60  # rows enough to tell which plan a file belongs to
PLAN_CODE_CHARS = 40

KIND_LABELS = {
    ImportKind.PLAN: "Kế hoạch (danh mục nhiệm vụ, chỉ tiêu)",
    ImportKind.PROGRESS: "Cập nhật tiến độ nhiệm vụ",
    ImportKind.KPI_ACTUALS: "Kết quả chỉ tiêu theo kỳ",
    ImportKind.SAMPLE: "Dữ liệu mẫu ban đầu",
    ImportKind.SUBMISSION: "Báo cáo của đơn vị đã được duyệt",
}


@dataclass(frozen=True)
class KindGuess:
    kind: ImportKind
    plan_code: str  # the plan the file belongs to, or a suggested code for a new plan
    new_plan: bool
    reason: str  # one Vietnamese sentence


def recognise(*, session: Session, result: LoadResult) -> KindGuess:
    """What ``result`` most likely is, and which plan it belongs to."""
    if result.tasks:
        return _recognise_tasks(session, result)
    matched = _main_plan(kpi_matcher(session=session), [(k.number, k.name) for k in result.kpis])
    if matched and any(k.actuals for k in result.kpis):
        return KindGuess(
            ImportKind.KPI_ACTUALS,
            matched,
            new_plan=False,
            reason=f"Tệp có kết quả theo kỳ của các chỉ tiêu đã có trong kế hoạch {matched}.",
        )
    return _plan_guess(result, matched)


def suggest_plan_code(file_name: str) -> str:
    """A code for a new plan from its file name (staff may change it)."""
    stem = re.sub(r"[^0-9A-Za-z]+", "-", Path(file_name).stem).strip("-").upper()
    return stem[:PLAN_CODE_CHARS] or "KE-HOACH-MOI"


def carries_progress(record: TaskRecord) -> bool:
    """The row reports progress rather than describing a task."""
    return bool(
        record.plan_code
        or record.reported_on
        or record.status
        or record.completion_date
        or record.evidence
    )


def _recognise_tasks(session: Session, result: LoadResult) -> KindGuess:
    codes = sorted({t.plan_code for t in result.tasks if t.plan_code})
    matcher = task_matcher(session=session)
    if codes:
        matched = codes[0] if len(codes) == 1 else ""
    else:
        matched = _main_plan(matcher, [(t.number, t.name) for t in result.tasks])
    if any(carries_progress(t) for t in result.tasks):
        where = f" của kế hoạch {matched}" if matched else ""
        if len(codes) > 1:
            where = f" của {len(codes)} kế hoạch ({', '.join(codes)})"
        return KindGuess(
            ImportKind.PROGRESS,
            matched,
            new_plan=False,
            reason=f"Tệp có cột tiến độ (ngày báo cáo, tình trạng, minh chứng){where}.",
        )
    if matched and _fills_progress(session, matcher, result.tasks, matched):
        return KindGuess(
            ImportKind.PROGRESS,
            matched,
            new_plan=False,
            reason=(
                f"Các nhiệm vụ khớp với kế hoạch {matched} và cột Đánh giá/Mô tả "
                "được điền khác với dữ liệu đang có."
            ),
        )
    return _plan_guess(result, matched)


def _plan_guess(result: LoadResult, matched: str) -> KindGuess:
    if matched:
        return KindGuess(
            ImportKind.PLAN,
            matched,
            new_plan=False,
            reason=f"Phần lớn nhiệm vụ, chỉ tiêu trong tệp trùng tên với kế hoạch {matched}.",
        )
    return KindGuess(
        ImportKind.PLAN,
        suggest_plan_code(result.file_name),
        new_plan=True,
        reason="Các nhiệm vụ, chỉ tiêu trong tệp chưa có trong cơ sở dữ liệu: đây là kế hoạch mới.",
    )


def _main_plan(matcher: Matcher, rows: list[tuple[str, str]]) -> str:
    """The plan most rows match by name, when at least MOSTLY of them do; else ""."""
    plans = {c.row_id: c.plan_code for c in matcher.candidates}
    votes: Counter[str] = Counter()
    rows = rows[:SAMPLE_ROWS]
    for _number, name in rows:
        match = matcher.by_name(name)
        if match is not None and match.sure:
            votes[plans[match.row_id]] += 1
    if not votes:
        return ""
    plan, count = votes.most_common(1)[0]
    return plan if count >= MOSTLY * len(rows) else ""


def _fills_progress(
    session: Session, matcher: Matcher, records: list[TaskRecord], plan_code: str
) -> bool:
    """Some row's Đánh giá or Mô tả differs from its matched task's."""
    for record in records:
        if not (record.evaluation or record.description):
            continue
        match = matcher.by_name(record.name, plan_code)
        task = session.get(Task, match.row_id) if match and match.sure else None
        if task is None:
            continue
        pairs = ((record.evaluation, task.evaluation), (record.description, task.description))
        if any(given and given != stored for given, stored in pairs):
            return True
    return False
