"""Import history: every file imported, files uploaded twice, and undo of the latest import."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from data_access.imports.change_log import inserted_keys, logged_batches, replay_backwards
from data_access.models import Account, ImportBatch, KpiActual, Plan, ProgressUpdate, utc_now
from data_access.permissions import Action, require
from errors import UserFacingError
from labels import format_int

HISTORY_COLUMNS = [
    "batch_id",
    "imported_at",
    "file_name",
    "content_hash",
    "kind",
    "plan_code",
    "task_count",
    "progress_count",
    "kpi_count",
    "problem_count",
    "imported_by",
    "is_illustrative",
    "undone_at",
]


class UndoRefused(UserFacingError):
    """Nothing was undone; the message says why, in Vietnamese."""


def import_history(*, session: Session) -> pd.DataFrame:
    """Every import batch, newest first (times are aware UTC datetimes)."""
    rows = session.exec(
        select(ImportBatch, Plan.code)
        .outerjoin(Plan, col(Plan.id) == col(ImportBatch.plan_id))
        .order_by(col(ImportBatch.id).desc())
    ).all()
    records = [
        (
            batch.id,
            batch.imported_at,
            batch.file_name,
            batch.content_hash,
            batch.kind,
            plan_code or "",
            batch.task_count,
            batch.progress_count,
            batch.kpi_count,
            batch.problem_count,
            batch.imported_by,
            batch.is_illustrative,
            batch.undone_at,
        )
        for batch, plan_code in rows
    ]
    return pd.DataFrame(records, columns=HISTORY_COLUMNS)


def import_summary(*, session: Session, batch: ImportBatch) -> str:
    """What one import wrote, as the upload page and the command line say it.

    The batch's progress_count adds task reports and KPI results together; here each is
    counted on its own: "Đã nạp lần số 7: 3 nhiệm vụ, 2 chỉ tiêu, 3 báo cáo tiến độ
    nhiệm vụ, 4 kết quả chỉ tiêu."
    """
    reports = session.exec(
        select(func.count()).where(ProgressUpdate.import_batch_id == batch.id)
    ).one()
    results = session.exec(select(func.count()).where(KpiActual.import_batch_id == batch.id)).one()
    return (
        f"Đã nạp lần số {batch.id}: {format_int(batch.task_count)} nhiệm vụ, "
        f"{format_int(batch.kpi_count)} chỉ tiêu, {format_int(reports)} báo cáo tiến độ "
        f"nhiệm vụ, {format_int(results)} kết quả chỉ tiêu."
    )


def imports_of_same_file(*, session: Session, content_hash: str) -> list[ImportBatch]:
    """Earlier imports of a file with exactly these bytes, oldest first."""
    statement = (
        select(ImportBatch)
        .where(ImportBatch.content_hash == content_hash)
        .order_by(col(ImportBatch.id))
    )
    return list(session.exec(statement).all())


def latest_import(*, session: Session) -> ImportBatch | None:
    """The most recent import still in force (not undone), if any."""
    statement = (
        select(ImportBatch)
        .where(col(ImportBatch.undone_at).is_(None))
        .order_by(col(ImportBatch.id).desc())
    )
    return session.exec(statement.limit(1)).first()


def can_undo(*, session: Session) -> bool:
    batch = latest_import(session=session)
    return batch is not None and batch.id in logged_batches(session=session)


def _forget_plans(session: Session, plan_ids: set[int]) -> None:
    """Plans about to go away: the history keeps its batches, without the link to them."""
    batches = session.exec(select(ImportBatch).where(col(ImportBatch.plan_id).in_(plan_ids)))
    for batch in batches.all():
        batch.plan_id = None
        session.add(batch)


def undo_latest_import(
    *, session: Session, actor: Account, now: datetime | None = None
) -> ImportBatch:
    """Put the database back as it was before the latest import; the batch is marked undone.

    Raises UndoRefused when there is nothing to undo or the import was not logged
    (the bundled sample data), NotAllowedError first when ``actor`` may not undo. Run inside
    ``session_scope``: all of it or nothing.
    """
    require(actor, Action.UNDO_IMPORT)
    batch = latest_import(session=session)
    if batch is None or batch.id is None:
        raise UndoRefused("Chưa có lần nạp dữ liệu nào để hoàn tác.")
    if batch.id not in logged_batches(session=session):
        raise UndoRefused(
            f"Lần nạp gần nhất ({batch.file_name}) là dữ liệu ban đầu của hệ thống, "
            "không có nhật ký thay đổi nên không hoàn tác được."
        )
    _forget_plans(session, inserted_keys(session=session, batch_id=batch.id, table="plan"))
    batch.undone_at = now or utc_now()
    session.add(batch)
    session.flush()
    try:
        replay_backwards(session=session, batch_id=batch.id)
        session.flush()
    except IntegrityError as error:
        raise UndoRefused(
            f"Không hoàn tác được lần nạp {batch.file_name} vì dữ liệu của lần nạp này "
            "đã được dùng ở nơi khác (ví dụ tên cơ quan đã được gán sau đó)."
        ) from error
    return batch
