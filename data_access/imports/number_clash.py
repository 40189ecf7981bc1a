"""A plan import must not leave two tasks (or two KPIs) of a plan on one number.

The file's new rows take the section and number they are written with; a stored
task keeps its own unless a matched row of the file moves it. Two of them on one
number would break the plan's numbering (and the database refuses it), so the
import is refused with a sentence naming the file's row, before anything is written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlmodel import Session, select

from data_access.imports.change_set import ChangeKind, ChangeSet, RowChange
from data_access.kinds import ImportKind
from data_access.models import Kpi, Plan, Task
from loaders.limits import MAX_QUOTED_CHARS
from loaders.problems import cut

Key = tuple[bool, str, str]  # (is a KPI, section, number)


def number_clash(
    *, session: Session, changes: ChangeSet, confirmed: Iterable[int] = ()
) -> str | None:
    """The sentence for the first row of the file that would share its number with another
    task (or KPI) of the plan after the import, None if none."""
    if changes.kind is not ImportKind.PLAN or changes.new_plan:
        return None
    plan_id = session.exec(select(Plan.id).where(Plan.code == changes.plan_code)).first()
    rows = changes.to_write(confirmed)
    moved = {(row.is_kpi, row.stored_id): row for row in rows if row.kind is ChangeKind.CHANGED}
    holders: dict[Key, list[tuple[str, RowChange | None]]] = defaultdict(list)
    for task in session.exec(select(Task).where(Task.plan_id == plan_id)):
        row = moved.get((False, task.id))
        holders[_key(row) if row else (False, task.section_code, task.number)].append(
            (task.name, row)
        )
    for kpi in session.exec(select(Kpi).where(Kpi.plan_id == plan_id)):
        row = moved.get((True, kpi.id))
        holders[_key(row) if row else (True, "", kpi.number)].append((kpi.name, row))
    for row in rows:
        if row.kind is ChangeKind.NEW:
            holders[_key(row)].append((row.name, row))
    for holding in holders.values():
        from_file = [row for _, row in holding if row is not None]
        if len(holding) > 1 and from_file:
            row = from_file[-1]
            other = next(name for name, holder in holding if holder is not row)
            return _sentence(changes.plan_code, row, other)
    return None


def _key(row: RowChange) -> Key:
    return (row.is_kpi, "" if row.is_kpi else row.section, row.number)


def _sentence(plan_code: str, row: RowChange, holder: str) -> str:
    what = "chỉ tiêu" if row.is_kpi else "nhiệm vụ"
    section = f" mục {row.section}" if row.section and not row.is_kpi else ""
    where = f"Trang tính “{row.sheet}”, dòng {row.row}: " if row.row is not None else ""
    sentence = (
        f"{where}{what} số {row.number}{section} “{cut(row.name, MAX_QUOTED_CHARS)}” sẽ trùng "
        f"số với {what} “{cut(holder, MAX_QUOTED_CHARS)}” của kế hoạch {plan_code} (tệp không "
        "khớp được hai dòng này với nhau); hãy sửa số thứ tự trong tệp hoặc chọn đúng kế hoạch. "
        "Chưa nạp dữ liệu nào."
    )
    return sentence[0].upper() + sentence[1:]
