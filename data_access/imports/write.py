"""Write a prepared upload as one import batch, in the caller's write session.

``commit`` runs in a write session (``session_scope(..., write=True)``) and only
if the data are still those the preview was computed on. Text staff type (names,
codes, who imports) is refused past its maximum in loaders.limits, with one sentence.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, select

from data_access.agency_store import upload_directory
from data_access.db import data_revision
from data_access.imports.batch import commit_changes
from data_access.imports.new_plan import ImportRefused
from data_access.imports.read import PreparedUpload
from data_access.kinds import AgencyKind, ImportKind
from data_access.models import Account, ImportBatch, Plan
from data_access.permissions import IMPORT_ACTIONS, require
from labels import format_int
from loaders.limits import MAX_AGENCY_CHARS, MAX_PERSON_CHARS, MAX_PLAN_CODE_CHARS, MAX_TEXT_CHARS
from loaders.text import clean_text


class StalePreviewError(ImportRefused):
    """The data changed between the preview and the write; preparing again may succeed."""


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


def commit(
    *,
    session: Session,
    actor: Account,
    upload: PreparedUpload,
    confirmed: Iterable[int] = (),
    imported_by: str = "",
    plan_title: str = "",
    issued_by: str = "",
) -> ImportBatch:
    """Write ``upload`` as one import batch; refuses (nothing written) while errors remain.

    ``issued_by`` is the body that issued a new plan, as its document states it;
    "" when the document does not (its internal units are then scoped to the plan).
    NotAllowedError, before anything else, when ``actor``'s role may not import this kind.
    """
    require(actor, IMPORT_ACTIONS[upload.kind])
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
        raise StalePreviewError(STALE_PREVIEW.format(file=upload.file_name))
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
    agency = upload_directory(session).resolve(issued_by)
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


def refuse_too_long(label: str, value: str, limit: int) -> None:
    """ImportRefused naming the field when ``value`` is longer than ``limit`` characters."""
    if len(value) > limit:
        raise ImportRefused(
            TOO_LONG.format(label=label, length=format_int(len(value)), limit=format_int(limit))
        )
