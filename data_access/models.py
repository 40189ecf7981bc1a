"""All database tables, in one place (SQLModel).

A change here ships with a migration (data_access/migrations; README says how), and a
test fails while the two differ.

Portable across SQLite and PostgreSQL: no dialect-specific types or SQL.
Text lengths come from loaders.limits (VARCHAR(n): PostgreSQL enforces them, SQLite
does not, so the loaders and uploads.py check them first, each with a sentence).
Dates are ``date``; timestamps are timezone-aware UTC ``datetime`` (SQLModel 0.0.50
stores ``datetime`` fields as UTC and refuses naive values).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlmodel import Field, Index, SQLModel, UniqueConstraint

from data_access.kinds import (
    AgencyKind,
    AgencyRole,
    ImportKind,
    Role,
    SubmissionState,
    stored_as_value,
)
from loaders.limits import (
    MAX_AGENCY_CHARS,
    MAX_DOCUMENT_NUMBER_CHARS,
    MAX_FILE_NAME_CHARS,
    MAX_NAME_CHARS,
    MAX_PASSWORD_HASH_CHARS,
    MAX_PERSON_CHARS,
    MAX_PLAN_CODE_CHARS,
    MAX_STORED_AGENCY_CHARS,
    MAX_TEXT_CHARS,
    MAX_USERNAME_CHARS,
)
from loaders.records import DeadlineKind


def utc_now() -> datetime:
    return datetime.now(UTC)


class Plan(SQLModel, table=True):
    """A source document whose appendix lists tasks and/or KPIs."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(index=True, unique=True, max_length=MAX_PLAN_CODE_CHARS)
    title: str = Field(default="", max_length=MAX_TEXT_CHARS)
    issuing_body: str = Field(default="", max_length=MAX_AGENCY_CHARS)
    issued_on: date | None = None
    source_file: str = ""
    created_at: datetime = Field(default_factory=utc_now)


class Section(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("plan_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    code: str = Field(max_length=20)  # Roman numeral as written: "II"
    title: str = ""
    position: int = 0


class Agency(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=MAX_STORED_AGENCY_CHARS)  # canonical
    short_name: str = Field(default="", max_length=MAX_AGENCY_CHARS)
    kind: AgencyKind = Field(default=AgencyKind.OTHER, sa_type=stored_as_value(AgencyKind, 30))
    is_collective: bool = False


class AgencyUnit(SQLModel, table=True):
    """An internal unit and the body it belongs to: "Văn phòng Sở (Sở KH&CN)" of Sở KH&CN.

    A table of its own (not a column of Agency): databases made before it gained it as a
    new table, before there were migrations.
    """

    agency_id: int = Field(foreign_key="agency.id", primary_key=True)
    parent_id: int = Field(foreign_key="agency.id", index=True)


class AgencyAlias(SQLModel, table=True):
    """A spelling of an agency as found in documents; ``key`` is its folded form."""

    id: int | None = Field(default=None, primary_key=True)
    agency_id: int = Field(foreign_key="agency.id", index=True)
    alias: str = Field(max_length=MAX_STORED_AGENCY_CHARS)
    key: str = Field(index=True, unique=True, max_length=MAX_STORED_AGENCY_CHARS)


class Task(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("plan_id", "section_code", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    section_id: int | None = Field(default=None, foreign_key="section.id", index=True)
    section_code: str = Field(default="", max_length=20)
    number: str = Field(max_length=20)
    position: int = 0  # order within the plan
    name: str = Field(max_length=MAX_NAME_CHARS)
    deadline_text: str = ""
    due_date: date | None = Field(default=None, index=True)
    deadline_kind: DeadlineKind = Field(
        default=DeadlineKind.MISSING, sa_type=stored_as_value(DeadlineKind, 20)
    )
    deadline_indicative: bool = False
    reporting_cadence: str = ""
    expected_output: str = ""
    basis: str = ""
    notes: str = ""
    leader: str = ""
    report_to_central: bool = False
    evaluation: str = ""
    description: str = ""
    adjustment: str = ""
    reference_number: str = ""
    completed_in_source: bool = False  # the plan itself says "Đã hoàn thành"
    source_row: int | None = None
    # Where reference_number counts ("TB02"); last, as revision 0005 added it to the table.
    reference_document: str = Field(default="", sa_column_kwargs={"server_default": ""})


class TaskMilestone(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id", index=True)
    due_date: date | None = None
    label: str = ""
    position: int = 0


class TaskAgency(SQLModel, table=True):
    task_id: int = Field(foreign_key="task.id", primary_key=True)
    agency_id: int = Field(foreign_key="agency.id", primary_key=True, index=True)
    role: AgencyRole = Field(primary_key=True, sa_type=stored_as_value(AgencyRole, 20))
    position: int = 0


class ImportBatch(SQLModel, table=True):
    """One file imported (or the sample data), for history, duplicates and undo."""

    id: int | None = Field(default=None, primary_key=True)
    file_name: str
    content_hash: str = Field(index=True, max_length=64)
    kind: ImportKind = Field(sa_type=stored_as_value(ImportKind, 20))
    plan_id: int | None = Field(default=None, foreign_key="plan.id", index=True)
    imported_at: datetime = Field(default_factory=utc_now)
    imported_by: str = Field(default="", max_length=MAX_PERSON_CHARS)
    task_count: int = 0
    kpi_count: int = 0
    progress_count: int = 0
    problem_count: int = 0
    is_illustrative: bool = False  # made-up sample progress: the UI must say so
    undone_at: datetime | None = None


class ProgressUpdate(SQLModel, table=True):
    """A dated report on a task; updates are only ever added, never overwritten."""

    # A task's latest report as of a day is read from the first index alone; the second
    # finds the reports sent after a day that say the task was completed by then
    # (latest_reports.latest_report_frame).
    __table_args__ = (
        Index("ix_progressupdate_task_reported", "task_id", "reported_on"),
        Index("ix_progressupdate_reported_completed", "reported_on", "completion_date"),
    )

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id", index=True)
    reported_on: date = Field(index=True)
    status: str = ""  # as reported: "Đã hoàn thành", "Đang thực hiện"…
    completion_date: date | None = None
    evidence: str = ""  # minh chứng
    description: str = ""
    evaluation: str = ""
    source: str = ""  # file name or "sample"
    import_batch_id: int | None = Field(default=None, foreign_key="importbatch.id", index=True)
    is_illustrative: bool = False


class Kpi(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    number: str = Field(max_length=20)
    name: str = Field(max_length=MAX_NAME_CHARS)
    target_text: str = ""
    target_operator: str | None = Field(default=None, max_length=2)
    target_value: float | None = None
    unit: str = ""
    year: int | None = None
    owner_agency_id: int | None = Field(default=None, foreign_key="agency.id", index=True)
    owner_text: str = Field(default="", max_length=MAX_AGENCY_CHARS)
    notes: str = ""


class KpiActual(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    kpi_id: int = Field(foreign_key="kpi.id", index=True)
    period: str = Field(max_length=10)  # "2026", "2026-H1", "2026-Q3", "2026-06"
    period_end: date
    value: float
    import_batch_id: int | None = Field(default=None, foreign_key="importbatch.id", index=True)
    is_illustrative: bool = False


class ImportChange(SQLModel, table=True):
    """One row an import inserted, updated or deleted, with what it held before (for undo);
    or ("inserts") the rows it inserted together.

    ``row_key`` and ``before`` are JSON: the row's primary key (for "inserts", the list
    of the rows' ids, or of their keys), and its column values before the change (empty
    for an insert). Undo replays an import's changes backwards.
    """

    id: int | None = Field(default=None, primary_key=True)
    import_batch_id: int = Field(foreign_key="importbatch.id", index=True)
    position: int = 0  # order in which the changes were flushed
    table_name: str = Field(max_length=60)
    action: str = Field(max_length=10)  # "insert", "inserts", "update" or "delete"
    row_key: str
    before: str = ""


class Account(SQLModel, table=True):
    """Who signs in, and with which role; an agency reporter belongs to one agency.

    ``username`` is stored folded (data_access.accounts), so names compare without case.
    ``password_hash`` is argon2's encoded hash; None for a single sign-on account.
    """

    __table_args__ = (
        sa.CheckConstraint(
            "(role = 'agency_reporter') = (agency_id IS NOT NULL)",
            name="ck_account_agency_of_reporter",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(index=True, unique=True, max_length=MAX_USERNAME_CHARS)
    display_name: str = Field(default="", max_length=MAX_PERSON_CHARS)
    role: Role = Field(sa_type=stored_as_value(Role, 20))
    agency_id: int | None = Field(default=None, foreign_key="agency.id", index=True)
    password_hash: str | None = Field(default=None, max_length=MAX_PASSWORD_HASH_CHARS)
    is_disabled: bool = False
    failed_attempts: int = 0
    locked_until: datetime | None = None
    created_at: datetime = Field(default_factory=utc_now)
    password_changed_at: datetime | None = None


class Submission(SQLModel, table=True):
    """A report an agency reporter sends on one task, pending until a Sở editor reviews it.

    ``before`` is the task's current report when the editor approved (JSON, for the audit);
    an approval writes one ProgressUpdate under an ImportBatch of kind SUBMISSION.
    """

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id", index=True)
    agency_id: int = Field(foreign_key="agency.id", index=True)
    submitted_by: int = Field(foreign_key="account.id", index=True)
    submitted_at: datetime = Field(default_factory=utc_now)
    state: SubmissionState = Field(
        default=SubmissionState.PENDING,
        sa_type=stored_as_value(SubmissionState, 20),
        index=True,  # the approval queue reads the pending ones
    )
    status: str = ""  # one of submissions.SUBMITTED_STATUSES: "Đã hoàn thành"…
    completion_date: date | None = None
    evidence_number: str = Field(default="", max_length=MAX_DOCUMENT_NUMBER_CHARS)
    evidence_date: date | None = None
    description: str = Field(default="", max_length=MAX_TEXT_CHARS)
    reviewed_by: int | None = Field(default=None, foreign_key="account.id", index=True)
    reviewed_at: datetime | None = None
    review_comment: str = Field(default="", max_length=MAX_TEXT_CHARS)
    before: str = ""
    progress_update_id: int | None = Field(
        default=None, foreign_key="progressupdate.id", index=True
    )
    import_batch_id: int | None = Field(default=None, foreign_key="importbatch.id", index=True)


class EvidenceFile(SQLModel, table=True):
    """A PDF or image attached to a submission, kept in the database (never under the web
    root); its type was read from its content, not its name."""

    id: int | None = Field(default=None, primary_key=True)
    submission_id: int = Field(foreign_key="submission.id", index=True)
    file_name: str = Field(max_length=MAX_FILE_NAME_CHARS)
    media_type: str = ""  # "application/pdf", "image/png" or "image/jpeg"
    size: int
    sha256: str = Field(max_length=64)
    content: bytes = Field(sa_type=sa.LargeBinary)
