"""First run: fill an empty database with the bundled sample plans and illustrative progress.

The plans are the real seed documents; the progress workbook is made up and is
imported with ``is_illustrative`` so every page can say so.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, select

from data_access.accounts import SHELL_ADMIN
from data_access.db import session_scope
from data_access.db_errors import failure_message
from data_access.imports.change_log import forget_log
from data_access.imports.change_set import ChangeKind
from data_access.imports.new_plan import ImportRefused
from data_access.imports.read import prepare
from data_access.imports.write import commit
from data_access.kinds import ImportKind
from data_access.models import ImportBatch, Plan
from data_access.schema import upgrade_schema
from data_access.settings import get_settings
from errors import UserFacingError
from loaders.load import file_bytes
from loaders.records import UnreadableFileError
from sample_data.manifest import PROGRESS_WORKBOOK, SAMPLE_DIR, SAMPLE_PLANS

UNMATCHED_SAMPLES = (
    "Tệp mẫu {file} có {count} dòng không khớp chắc chắn với nhiệm vụ hay chỉ tiêu nào; "
    "dữ liệu mẫu chưa được nạp."
)
SAMPLES_NOT_WRITTEN = "Không ghi được dữ liệu mẫu vào cơ sở dữ liệu; hãy kiểm tra DATABASE_URL."
NOT_LOADED = "Chưa nạp được dữ liệu mẫu: {reason}"


class BootstrapError(UserFacingError):
    """The sample data could not be loaded; the message is Vietnamese. Nothing was kept."""


def ensure_sample_data(engine: Engine, *, sample_dir: Path | None = None) -> bool:
    """Load the samples when the database has no plan yet; True when it loaded them.

    ``sample_dir`` (default: the SAMPLE_DATA_DIR setting) holds the same files as
    ``sample_data/`` under the same relative paths. All of it is one transaction.
    """
    root = sample_dir or get_settings().sample_data_dir
    try:
        upgrade_schema(engine)
        with session_scope(engine, write=True) as session:
            if session.exec(select(Plan.id).limit(1)).first() is not None:
                return False
            _load_samples(session, root)
    except (UnreadableFileError, ImportRefused) as error:
        raise BootstrapError(NOT_LOADED.format(reason=error)) from error
    except SQLAlchemyError as error:
        url = engine.url.render_as_string(hide_password=True)
        reason = failure_message(error, url, otherwise=SAMPLES_NOT_WRITTEN)
        raise BootstrapError(NOT_LOADED.format(reason=reason)) from error
    return True


def _load_samples(session: Session, root: Path) -> None:
    """Every sample file through the pipeline an upload takes: read, preview, write."""
    for sample in SAMPLE_PLANS:
        path = _located(sample.path, root)
        upload = prepare(
            session=session,
            data=file_bytes(path, path.name),
            file_name=path.name,
            kind=ImportKind.PLAN,
            plan_code=sample.code,
            issued_on=sample.issued_on,
        )
        batch = commit(
            session=session,
            actor=SHELL_ADMIN,
            upload=upload,
            plan_title=sample.title,
            issued_by=sample.issuing_body,
        )
        batch.kind = ImportKind.SAMPLE  # history names the first-run plans as such
        _starting_state(session, batch)
    path = _located(PROGRESS_WORKBOOK, root)
    upload = prepare(session=session, data=file_bytes(path, path.name), file_name=path.name)
    rows = upload.changes.rows
    unmatched = sum(row.kind is ChangeKind.UNMATCHED or row.needs_confirmation for row in rows)
    if unmatched:
        raise ImportRefused(UNMATCHED_SAMPLES.format(file=path.name, count=unmatched))
    _starting_state(session, commit(session=session, actor=SHELL_ADMIN, upload=upload))


def _starting_state(session: Session, batch: ImportBatch) -> None:
    """The samples are the system's starting state: no change log, so no undo of them."""
    assert batch.id is not None
    forget_log(session=session, batch_id=batch.id)


def _located(path: Path, root: Path) -> Path:
    """The manifest's ``path`` under ``root`` instead of the bundled folder."""
    return root / path.relative_to(SAMPLE_DIR)
