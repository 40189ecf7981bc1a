"""What an agency reporter may send: the form's fields and an evidence file, checked first.

Text is kept literally as typed (``loaders.text.typed_text``): markup stays text, for the
pages to show as text. An evidence file's type is read from its first bytes, never from
its name, and its name's extension must say the same type.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import PurePosixPath

from data_access.imports.rows import COMPLETED_STATUS
from errors import UserFacingError
from labels import format_date, format_int
from loaders.limits import (
    MAX_DOCUMENT_NUMBER_CHARS,
    MAX_EVIDENCE_BYTES,
    MAX_FILE_NAME_CHARS,
    MAX_TEXT_CHARS,
    MEGABYTE,
)
from loaders.text import typed_text

# The statuses the form offers; each reads to the status engine as its words say
# (done or not: status.report_says_completed), which a test checks.
SUBMITTED_STATUSES = (COMPLETED_STATUS, "Đang thực hiện", "Chưa thực hiện", "Tạm dừng")
# The types an evidence file may have: its first bytes, media type, name, extensions.
EVIDENCE_TYPES = (
    (b"%PDF-", "application/pdf", "tệp PDF", (".pdf",)),
    (b"\x89PNG\r\n\x1a\n", "image/png", "ảnh PNG", (".png",)),
    (b"\xff\xd8\xff", "image/jpeg", "ảnh JPEG", (".jpg", ".jpeg")),
)
UNSAFE_NAME_CHARACTERS = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
DEFAULT_FILE_STEM = "minh_chung"
# The labels of the form's fields, as the page shows them and the sentences name them.
STATUS_LABEL = "Tình trạng"
COMPLETION_DATE_LABEL = "Ngày hoàn thành"
EVIDENCE_NUMBER_LABEL = "Số văn bản minh chứng"
EVIDENCE_DATE_LABEL = "Ngày văn bản minh chứng"
DESCRIPTION_LABEL = "Mô tả kết quả"
COMMENT_LABEL = "Ý kiến của Sở"

NOTHING_CHANGED = "chưa có gì thay đổi."
UNKNOWN_STATUS = "Tình trạng “{status}” không có trong danh sách ({choices}); " + NOTHING_CHANGED
DATE_NEEDED = f"Nhiệm vụ đã hoàn thành cần ghi {COMPLETION_DATE_LABEL.lower()}; " + NOTHING_CHANGED
DATE_NOT_DONE = (
    f"Chỉ ghi {COMPLETION_DATE_LABEL.lower()} khi tình trạng là “{COMPLETED_STATUS}”; "
    + NOTHING_CHANGED
)
FUTURE_DATE = "{label} {day} là ngày trong tương lai (hôm nay là {today}); " + NOTHING_CHANGED
TEXT_TOO_LONG = "{label} dài {length} ký tự, quá mức tối đa {limit} ký tự; " + NOTHING_CHANGED
FILE_TOO_LARGE = (
    "Tệp minh chứng “{name}” nặng {size} byte, quá mức tối đa "
    f"{MAX_EVIDENCE_BYTES // MEGABYTE} MB; " + NOTHING_CHANGED
)
FILE_NOT_EVIDENCE = (
    "Tệp minh chứng “{name}” không phải tệp PDF, PNG hoặc JPEG (kiểm tra theo nội dung tệp, "
    "không theo tên); " + NOTHING_CHANGED
)
FILE_NAME_MISMATCH = (
    "Tệp minh chứng “{name}” có nội dung là {kind} nhưng tên tệp không có đuôi {suffixes}; "
    + NOTHING_CHANGED
)


class SubmissionError(UserFacingError):
    """A submission, approval or return refused; nothing was changed."""


@dataclass(frozen=True)
class SubmissionForm:
    """What the reporter fills in for one task."""

    status: str
    completion_date: date | None = None
    evidence_number: str = ""
    evidence_date: date | None = None
    description: str = ""


@dataclass(frozen=True)
class EvidenceUpload:
    """A file as the browser sent it: its name (only shown) and its bytes."""

    file_name: str
    content: bytes


@dataclass(frozen=True)
class CheckedEvidence:
    file_name: str  # safe to show and to offer as a download name
    media_type: str
    content: bytes
    sha256: str


def checked_form(form: SubmissionForm, today: date) -> SubmissionForm:
    """``form`` with its text as stored; SubmissionError naming the first field that is wrong."""
    form = replace(
        form,
        status=typed_text(form.status),
        evidence_number=typed_text(form.evidence_number),
        description=typed_text(form.description),
    )
    if form.status not in SUBMITTED_STATUSES:
        choices = ", ".join(SUBMITTED_STATUSES)
        raise SubmissionError(UNKNOWN_STATUS.format(status=form.status, choices=choices))
    done = form.status == COMPLETED_STATUS
    if done and form.completion_date is None:
        raise SubmissionError(DATE_NEEDED)
    if not done and form.completion_date is not None:
        raise SubmissionError(DATE_NOT_DONE)
    for label, day in (
        (COMPLETION_DATE_LABEL, form.completion_date),
        (EVIDENCE_DATE_LABEL, form.evidence_date),
    ):
        if day is not None and day > today:
            raise SubmissionError(
                FUTURE_DATE.format(label=label, day=format_date(day), today=format_date(today))
            )
    refuse_long_text(EVIDENCE_NUMBER_LABEL, form.evidence_number, MAX_DOCUMENT_NUMBER_CHARS)
    refuse_long_text(DESCRIPTION_LABEL, form.description, MAX_TEXT_CHARS)
    return form


def refuse_long_text(label: str, text: str, limit: int) -> None:
    if len(text) > limit:
        raise SubmissionError(
            TEXT_TOO_LONG.format(label=label, length=format_int(len(text)), limit=format_int(limit))
        )


def checked_evidence(upload: EvidenceUpload) -> CheckedEvidence:
    """The file if it is a PDF, PNG or JPEG by content, named so, within MAX_EVIDENCE_BYTES."""
    name = safe_file_name(upload.file_name)
    if len(upload.content) > MAX_EVIDENCE_BYTES:
        size = format_int(len(upload.content))
        raise SubmissionError(FILE_TOO_LARGE.format(name=name, size=size))
    for magic, media_type, kind, suffixes in EVIDENCE_TYPES:
        if upload.content.startswith(magic):
            if PurePosixPath(name).suffix.lower() not in suffixes:
                wanted = " hoặc ".join(suffixes)
                refusal = FILE_NAME_MISMATCH.format(name=name, kind=kind, suffixes=wanted)
                raise SubmissionError(refusal)
            digest = hashlib.sha256(upload.content).hexdigest()
            return CheckedEvidence(name, media_type, upload.content, digest)
    raise SubmissionError(FILE_NOT_EVIDENCE.format(name=name))


def safe_file_name(file_name: str) -> str:
    """The last part of a path, without characters unsafe in a name or a download header,
    at most MAX_FILE_NAME_CHARS long (its extension kept)."""
    base = re.split(r"[\\/]", file_name)[-1]
    name = typed_text(UNSAFE_NAME_CHARACTERS.sub("_", base)).lstrip(".")
    path = PurePosixPath(name or DEFAULT_FILE_STEM)
    suffix = path.suffix[: MAX_FILE_NAME_CHARS // 2]
    return path.stem[: MAX_FILE_NAME_CHARS - len(suffix)] + suffix


def evidence_text(form: SubmissionForm, file_name: str | None) -> str:
    """The evidence as the status engine reads it: "số …, ngày dd/mm/yyyy; tệp đính kèm …".

    "số" goes before a bare number ("45/QĐ-SKHCN"); a number that names its document
    ("Quyết định số 45/QĐ-SKHCN", as a filled template writes it) is kept as written.
    """
    parts = []
    if number := form.evidence_number:
        parts.append(f"số {number}" if number[:1].isdigit() else number)
    if form.evidence_date is not None:
        parts.append(f"ngày {format_date(form.evidence_date)}")
    text = ", ".join(parts)
    if file_name:
        text = f"{text}; tệp đính kèm {file_name}" if text else f"tệp đính kèm {file_name}"
    return text
