"""Read an upload: the bytes become a prepared upload, with its kind, problems and preview.

``prepare`` reads the bytes with the stored agency spellings, recognises the
kind of file, grades its problems and computes the change preview, writing
nothing; the page and the command line run it in a worker process
(data_access.imports.worker), on a session of its own. data_access.imports.write
then stores it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from data_access.agency_store import upload_directory
from data_access.clock import vietnam_today
from data_access.db import data_revision
from data_access.imports.change_set import ChangeSet
from data_access.imports.history import imports_of_same_file
from data_access.imports.kind import KindGuess, recognise
from data_access.imports.new_plan import content_hash_of, has_done_marks
from data_access.imports.number_clash import number_clash
from data_access.imports.plan_preview import preview_plan
from data_access.imports.report_preview import preview_reports
from data_access.imports.validation import blocking, imported_part, validate
from data_access.kinds import ImportKind
from data_access.models import ImportBatch
from loaders.load import load_bytes
from loaders.records import LoadResult, Problem, ProblemCode


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
    result = load_bytes(data, file_name, directory=upload_directory(session), progress=progress)
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
