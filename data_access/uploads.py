"""The upload pipeline shared by the page and the command line: read, check, preview, commit.

``prepare`` reads the bytes with the stored agency spellings, recognises the
kind of file, grades its problems and computes the change preview, writing
nothing; the page and the command line run it in a worker process
(``prepare_isolated``), which opens its own session on the database URL. ``commit``
writes a prepared upload as one import batch, in the caller's process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

import pandas as pd
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from data_access.agency_store import add_alias, directory_from_db, find_agency, get_or_create_agency
from data_access.changes import ChangeSet, preview_plan
from data_access.clock import vietnam_today
from data_access.commit import commit_changes
from data_access.dashboard import read_frame
from data_access.db import get_engine, session_scope
from data_access.history import imports_of_same_file
from data_access.import_kind import KindGuess, recognise
from data_access.importer import ImportRefused, content_hash_of, has_done_marks
from data_access.models import (
    Agency,
    AgencyKind,
    AgencyRole,
    ImportBatch,
    ImportKind,
    Plan,
    Task,
    TaskAgency,
)
from data_access.report_changes import preview_reports
from data_access.validation import blocking, imported_part, validate
from loaders import isolation
from loaders.agencies import AgencyDirectory
from loaders.load import load_bytes
from loaders.records import LoadResult, Problem, ProblemCode
from loaders.text import clean_text

AGENCY_TASK_COLUMNS = ["plan_code", "section", "number", "name", "deadline_text"]


@dataclass
class PreparedUpload:
    """Everything known about an upload before it is written."""

    file_name: str
    content_hash: str
    result: LoadResult
    guess: KindGuess
    kind: ImportKind
    plan_code: str
    problems: list[Problem]
    changes: ChangeSet
    report_day: date  # the report date of progress rows whose file gives none
    issued_on: date | None = None  # the plan's issue date: given, or stated exactly in the file
    earlier: list[ImportBatch] = field(default_factory=list)  # same bytes imported before

    @property
    def needs_issue_date(self) -> bool:
        """A new plan that marks tasks done needs its issue date: they are done from that day."""
        return self.changes.new_plan and self.issued_on is None and has_done_marks(self.result)

    @property
    def errors(self) -> list[Problem]:
        return blocking(self.problems)

    @property
    def unknown_agencies(self) -> list[str]:
        """Agency spellings the directory does not know, in order of first appearance."""
        spellings = [p.value for p in self.problems if p.code is ProblemCode.UNKNOWN_AGENCY]
        return list(dict.fromkeys(s for s in spellings if s))


def prepare(
    *,
    session: Session,
    data: bytes,
    file_name: str,
    kind: ImportKind | None = None,
    plan_code: str | None = None,
    reported_on: date | None = None,
    issued_on: date | None = None,
    today: date | None = None,
    progress: Callable[[int], None] | None = None,
) -> PreparedUpload:
    """Read and check an upload and preview its changes; ``kind``/``plan_code`` override the guess.

    ``reported_on`` dates the progress rows that carry no date of their own
    (default: ``today``, Vietnam time). ``issued_on`` is a new plan's issue
    date (default: the date its title block states, when it states the day).
    ``progress`` is told the rows read so far, every 1,000.
    Raises UnreadableFileError (one Vietnamese sentence) for a file that cannot be read.
    """
    result = load_bytes(data, file_name, directory=_directory(session), progress=progress)
    guess = recognise(session=session, result=result)
    chosen_kind = kind or guess.kind
    chosen_plan = (plan_code if plan_code is not None else guess.plan_code).strip()
    report_day = reported_on or today or vietnam_today()
    stated = result.issue_date
    if chosen_kind is ImportKind.PLAN:
        changes = preview_plan(session=session, result=result, plan_code=chosen_plan)
    else:
        changes = preview_reports(
            session=session,
            result=imported_part(result, chosen_kind),
            plan_code=chosen_plan,
            today=report_day,
        )
        changes.kind = chosen_kind
    content_hash = content_hash_of(data)
    return PreparedUpload(
        file_name=file_name,
        content_hash=content_hash,
        result=result,
        guess=guess,
        kind=chosen_kind,
        plan_code=chosen_plan,
        problems=validate(result, chosen_kind),
        changes=changes,
        report_day=report_day,
        issued_on=issued_on or (stated.day if stated and stated.exact else None),
        earlier=imports_of_same_file(session=session, content_hash=content_hash),
    )


def prepare_isolated(
    *,
    url: str,
    data: bytes,
    file_name: str,
    kind: ImportKind | None = None,
    plan_code: str | None = None,
    reported_on: date | None = None,
    issued_on: date | None = None,
    today: date | None = None,
    progress: Callable[[int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> PreparedUpload:
    """``prepare`` in a worker process on the database at ``url``, within the parse limits.

    Raises UnreadableFileError for a file past a limit (time, memory) or that kills
    the worker, and isolation.ReadCancelled once ``should_stop`` returns True.
    """
    call = partial(
        _prepare_at,
        url=url,
        data=data,
        file_name=file_name,
        kind=kind,
        plan_code=plan_code,
        reported_on=reported_on,
        issued_on=issued_on,
        today=today,
    )
    return isolation.run_isolated(
        call, file_name=file_name, progress=progress, should_stop=should_stop
    )


def _prepare_at(*, url: str, **arguments: Any) -> PreparedUpload:
    """In the worker: prepare on a session of its own."""
    with session_scope(get_engine(url)) as session:
        return prepare(session=session, **arguments)


def undated_reports(result: LoadResult) -> int:
    """Task rows with no "Ngày báo cáo" of their own: as progress, they take the report day."""
    return sum(1 for task in result.tasks if task.reported_on is None)


def _directory(session: Session) -> AgencyDirectory:
    """The stored agencies; the bundled directory while none is stored (commit stores it)."""
    if session.exec(select(Agency.id).limit(1)).first() is None:
        return AgencyDirectory.load_default()
    return directory_from_db(session=session)


def commit(
    *,
    session: Session,
    upload: PreparedUpload,
    confirmed: Iterable[int] = (),
    imported_by: str = "",
    plan_title: str = "",
    issued_by: str = "",
) -> ImportBatch:
    """Write ``upload`` as one import batch; refuses (nothing written) while errors remain.

    ``issued_by`` is the body that issued a new plan, as its document states it;
    "" when the document does not (its internal units are then scoped to the plan).
    """
    errors = upload.errors
    if errors:
        raise ImportRefused(
            f"Tệp {upload.file_name} còn {len(errors)} lỗi cần sửa; chưa nạp dữ liệu nào."
        )
    if upload.kind is ImportKind.PLAN and not upload.plan_code:
        raise ImportRefused("Chưa có mã kế hoạch; hãy nhập mã trước khi nạp.")
    issuing_body = issuer(session=session, upload=upload, issued_by=issued_by)
    return commit_changes(
        session=session,
        changes=upload.changes,
        result=upload.result,
        file_name=upload.file_name,
        content_hash=upload.content_hash,
        confirmed=confirmed,
        imported_by=imported_by.strip(),
        plan_title=plan_title.strip() or upload.result.title,
        issuing_body=issuing_body,
        problem_count=len(upload.problems),
        report_day=upload.report_day,
        issued_on=upload.issued_on,
    )


def issuer(*, session: Session, upload: PreparedUpload, issued_by: str) -> str:
    """The issuing body to store for ``upload``'s plan; ImportRefused for one that cannot be.

    A known spelling is stored under its canonical name. An internal unit or a
    group cannot issue a plan, and a stored plan keeps the body it was imported with.
    """
    if not clean_text(issued_by):
        return ""
    agency = _directory(session).resolve(issued_by)
    if agency.kind in (AgencyKind.INTERNAL_UNIT, AgencyKind.COLLECTIVE):
        raise ImportRefused(
            f"“{agency.raw}” là đơn vị thuộc một cơ quan hoặc một nhóm cơ quan, không thể là "
            "cơ quan ban hành kế hoạch; chưa nạp dữ liệu nào."
        )
    issuing_body = agency.name
    plan = session.exec(select(Plan).where(Plan.code == upload.plan_code)).first()
    if plan is not None and not upload.changes.new_plan and plan.issuing_body != issuing_body:
        raise ImportRefused(
            f"Kế hoạch {plan.code} đã có trong cơ sở dữ liệu với cơ quan ban hành khác; "
            "cơ quan ban hành chỉ ghi khi nạp kế hoạch mới. Chưa nạp dữ liệu nào."
        )
    return issuing_body


def map_spelling(*, session: Session, spelling: str, agency_name: str) -> None:
    """Remember ``spelling`` as another name of the stored agency ``agency_name``."""
    agency = find_agency(session=session, name=agency_name)
    if agency is None:
        raise ImportRefused(f"Chưa có cơ quan “{agency_name}” trong danh mục.")
    add_alias(session=session, agency=agency, alias=spelling)


def add_agency(*, session: Session, name: str, kind: AgencyKind, spelling: str = "") -> Agency:
    """Add ``name`` as a new agency of ``kind`` (the existing one if the name is known),
    with ``spelling`` (as found in a file) as another of its names."""
    if not name.strip():
        raise ImportRefused("Tên cơ quan không được để trống.")
    agency = get_or_create_agency(session=session, name=name, kind=kind)
    if spelling.strip():
        add_alias(session=session, agency=agency, alias=spelling)
    return agency


def agency_names(*, session: Session) -> list[str]:
    return list(session.exec(select(Agency.name).order_by(col(Agency.name))).all())


def plan_codes(*, session: Session) -> list[str]:
    return list(session.exec(select(Plan.code).order_by(col(Plan.id))).all())


def agency_tasks(*, session: Session, agency_name: str) -> pd.DataFrame:
    """The tasks ``agency_name`` leads, in plan order (for its progress template)."""
    statement = (
        sa_select(
            col(Plan.code),
            col(Task.section_code),
            col(Task.number),
            col(Task.name),
            col(Task.deadline_text),
        )
        .join(Plan, col(Plan.id) == col(Task.plan_id))
        .join(TaskAgency, col(TaskAgency.task_id) == col(Task.id))
        .join(Agency, col(Agency.id) == col(TaskAgency.agency_id))
        .where(col(Agency.name) == agency_name, col(TaskAgency.role) == str(AgencyRole.LEAD))
        .order_by(col(Plan.id), col(Task.position), col(Task.id))
    )
    return read_frame(session, statement, AGENCY_TASK_COLUMNS)
