"""First run: fill an empty database with the bundled sample plans and illustrative progress.

The plans are the real seed documents; the progress workbook is made up and is
imported with ``is_illustrative`` so every page can say so.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, select

from data_access.agency_store import directory_from_db, seed_agencies
from data_access.db import create_schema, session_scope
from data_access.db_errors import failure_message
from data_access.importer import ImportRefused, content_hash_of, import_plan, import_progress
from data_access.models import ImportKind, Plan
from data_access.settings import get_settings
from errors import UserFacingError
from loaders.agencies import AgencyDirectory
from loaders.load import load_file
from loaders.records import UnreadableFileError
from sample_data.manifest import PROGRESS_WORKBOOK, SAMPLE_DIR, SAMPLE_PLANS, SamplePlan

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
        create_schema(engine)
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
    seed_agencies(session=session, directory=AgencyDirectory.load_default())
    directory = directory_from_db(session=session)
    for sample in SAMPLE_PLANS:
        _import_sample_plan(session, sample, _located(sample.path, root), directory)
    progress_path = _located(PROGRESS_WORKBOOK, root)
    result = load_file(progress_path, directory=directory)
    import_progress(
        session=session,
        result=result,
        file_name=progress_path.name,
        content_hash=content_hash_of(progress_path.read_bytes()),
        is_illustrative=True,
    )


def _import_sample_plan(
    session: Session, sample: SamplePlan, path: Path, directory: AgencyDirectory
) -> None:
    result = load_file(path, directory=directory)
    import_plan(
        session=session,
        result=result,
        plan_code=sample.code,
        title=sample.title,
        issuing_body=sample.issuing_body,
        issued_on=sample.issued_on,
        file_name=path.name,
        content_hash=content_hash_of(path.read_bytes()),
        kind=ImportKind.SAMPLE,
    )


def _located(path: Path, root: Path) -> Path:
    """The manifest's ``path`` under ``root`` instead of the bundled folder."""
    return root / path.relative_to(SAMPLE_DIR)
