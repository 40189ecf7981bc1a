"""The upload pipeline shared by the page and the command line: read, check, preview, commit.

``prepare`` reads the bytes with the stored agency spellings, recognises the
kind of file, grades its problems and computes the change preview, writing
nothing; the page and the command line run it in a worker process
(data_access.upload_worker), on a session of its own. ``commit``
writes a prepared upload as one import batch, in the caller's process, in a write
session (``session_scope(..., write=True)``), and only if the data are still those
the preview was computed on. Text staff type (names, codes, who imports) is
refused past its maximum in loaders.limits, with one sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from data_access.agency_store import add_alias, directory_from_db, find_agency, get_or_create_agency
from data_access.changes import ChangeSet, preview_plan
from data_access.clock import vietnam_today
from data_access.commit import commit_changes
from data_access.dashboard import read_frame
from data_access.db import data_revision
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
from data_access.number_clash import number_clash
from data_access.report_changes import preview_reports
from data_access.validation import blocking, imported_part, validate
from labels import format_int
from loaders.agencies import AgencyDirectory
from loaders.limits import MAX_AGENCY_CHARS, MAX_PERSON_CHARS, MAX_PLAN_CODE_CHARS, MAX_TEXT_CHARS
from loaders.load import load_bytes
from loaders.records import LoadResult, Problem, ProblemCode
from loaders.text import clean_text

AGENCY_TASK_COLUMNS = ["plan_code", "section", "number", "name", "deadline_text"]
TOO_LONG = (
    "{label} dài {length} ký tự, quá mức tối đa {limit} ký tự; hãy rút gọn. Chưa có gì thay đổi."
)
STALE_PREVIEW = (
    "Dữ liệu vừa được thay đổi (nạp, hoàn tác hoặc thêm tên cơ quan) sau khi xem trước tệp "
    "{file}; hãy xem lại bản xem trước rồi xác nhận lại. Chưa có gì thay đổi."
)
# The fields staff type, named as the page and the command line label them.
PLAN_CODE_LABEL = "Mã kế hoạch"
PLAN_TITLE_LABEL = "Tên kế hoạch"
ISSUER_LABEL = "Cơ quan ban hành"
IMPORTED_BY_LABEL = "Người nạp"
AGENCY_NAME_LABEL = "Tên cơ quan"
SPELLING_LABEL = "Tên trong tệp"


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
    revision: str  # the data revision the preview was computed on (db.data_revision)
    issued_on: date | None = None  # the plan's issue date: given, or stated exactly in the file
    earlier: list[ImportBatch] = field(default_factory=list)  # same bytes imported before
    number_clash: str | None = None  # a new row on a number the plan keeps (nothing confirmed)

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
    revision = data_revision(session)
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
        revision=revision,
        issued_on=issued_on or (stated.day if stated and stated.exact else None),
        earlier=imports_of_same_file(session=session, content_hash=content_hash),
        number_clash=number_clash(session=session, changes=changes),
    )


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
    title = plan_title.strip() or upload.result.title
    for label, value, limit in (
        (PLAN_CODE_LABEL, upload.plan_code, MAX_PLAN_CODE_CHARS),
        (PLAN_TITLE_LABEL, title, MAX_TEXT_CHARS),
        (ISSUER_LABEL, issued_by.strip(), MAX_AGENCY_CHARS),
        (IMPORTED_BY_LABEL, imported_by.strip(), MAX_PERSON_CHARS),
    ):
        refuse_too_long(label, value, limit)
    if data_revision(session) != upload.revision:
        raise ImportRefused(STALE_PREVIEW.format(file=upload.file_name))
    issuing_body = issuer(session=session, upload=upload, issued_by=issued_by)
    return commit_changes(
        session=session,
        changes=upload.changes,
        result=upload.result,
        file_name=upload.file_name,
        content_hash=upload.content_hash,
        confirmed=confirmed,
        imported_by=imported_by.strip(),
        plan_title=title,
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
    refuse_too_long(SPELLING_LABEL, spelling.strip(), MAX_AGENCY_CHARS)
    agency = find_agency(session=session, name=agency_name)
    if agency is None:
        raise ImportRefused(f"Chưa có cơ quan “{agency_name}” trong danh mục.")
    add_alias(session=session, agency=agency, alias=spelling)


def add_agency(*, session: Session, name: str, kind: AgencyKind, spelling: str = "") -> Agency:
    """Add ``name`` as a new agency of ``kind`` (the existing one if the name is known),
    with ``spelling`` (as found in a file) as another of its names."""
    if not name.strip():
        raise ImportRefused("Tên cơ quan không được để trống.")
    refuse_too_long(AGENCY_NAME_LABEL, name.strip(), MAX_AGENCY_CHARS)
    refuse_too_long(SPELLING_LABEL, spelling.strip(), MAX_AGENCY_CHARS)
    agency = get_or_create_agency(session=session, name=name, kind=kind)
    if spelling.strip():
        add_alias(session=session, agency=agency, alias=spelling)
    return agency


def refuse_too_long(label: str, value: str, limit: int) -> None:
    """ImportRefused naming the field when ``value`` is longer than ``limit`` characters."""
    if len(value) > limit:
        raise ImportRefused(
            TOO_LONG.format(label=label, length=format_int(len(value)), limit=format_int(limit))
        )


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
