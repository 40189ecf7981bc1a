"""The form's words as the status engine reads them, typed text kept literally, evidence
names made safe, and "Nhiệm vụ của đơn vị" on the sample plans."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from data_access.db import session_scope
from data_access.queries.status import report_says_completed
from data_access.submissions.agency_tasks import agency_tasks
from data_access.submissions.form import (
    SUBMITTED_STATUSES,
    EvidenceUpload,
    SubmissionForm,
    checked_evidence,
    safe_file_name,
)
from data_access.submissions.review import return_submission, submit
from data_access.submissions.views import agency_submissions
from loaders.limits import MAX_DOCUMENT_NUMBER_CHARS, MAX_FILE_NAME_CHARS
from loaders.status_words import status_reading
from tests.submission_db import Staff, at, image_bytes, staff_on_sample, task_id

# The payloads of issue 14's security tests: each must come back as the same text.
PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    ":red[x]",
    "$x$",
    '=HYPERLINK("http://x","y")',
)
# Printable text: no control, format (zero-width, bidi) or surrogate characters.
PRINTABLE = st.text(st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn")))


# What each status the form offers says, in words: only "Đã hoàn thành" is done.
SAYS_DONE = {"Đã hoàn thành": True, "Đang thực hiện": False, "Chưa thực hiện": False}
SAYS_DONE |= {"Tạm dừng": False}


def test_each_status_offered_reads_to_the_engine_as_its_words_say() -> None:
    assert set(SUBMITTED_STATUSES) == set(SAYS_DONE)
    for status, done in SAYS_DONE.items():
        assert status_reading(status) == (done, True)  # known words, done or not
    engine_reading = report_says_completed(pd.Series(list(SAYS_DONE)))
    assert engine_reading.tolist() == list(SAYS_DONE.values())


@pytest.mark.parametrize(
    ("given_name", "safe"),
    [
        ("C:\\Users\\an\\Quyết định 45.pdf", "Quyết định 45.pdf"),
        ("../../../etc/passwd.png", "passwd.png"),
        ('a<b>:"c|d?*.jpg', "a_b___c_d__.jpg"),
        ("...", "minh_chung"),
        ("x" * 500 + ".jpeg", "x" * (MAX_FILE_NAME_CHARS - 5) + ".jpeg"),
        ("bao\x00cao\n.pdf", "bao_cao_.pdf"),
    ],
)
def test_an_evidence_name_is_made_safe_and_short(given_name: str, safe: str) -> None:
    assert safe_file_name(given_name) == safe


def test_a_jpeg_named_jpg_is_evidence() -> None:
    checked = checked_evidence(EvidenceUpload("anh.JPG", image_bytes("JPEG")))
    assert (checked.file_name, checked.media_type) == ("anh.JPG", "image/jpeg")


@pytest.fixture
def staff(sample_copy_url: str) -> Staff:
    return staff_on_sample(sample_copy_url)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(number=PRINTABLE, description=PRINTABLE, comment=PRINTABLE)
@example(number=PAYLOADS[0], description="\n".join(PAYLOADS), comment=PAYLOADS[4])
def test_typed_text_comes_back_literally(
    staff: Staff, number: str, description: str, comment: str
) -> None:
    number = number[:MAX_DOCUMENT_NUMBER_CHARS]
    form = SubmissionForm(status="Đang thực hiện", evidence_number=number, description=description)
    with session_scope(staff.engine, write=True) as session:
        sent = submit(session, staff.skhcn, task_id(staff.engine, "13"), form, now=at("01/12/2026"))
        if comment.strip():
            return_submission(session, staff.editor, sent.id or 0, comment)
    with session_scope(staff.engine) as session:
        newest = agency_submissions(session, sent.agency_id)[0].submission
    assert newest.id == sent.id
    assert (newest.evidence_number, newest.description) == (number.strip(), description.strip())
    assert newest.review_comment == comment.strip()


def test_text_a_database_cannot_hold_is_dropped_not_refused(staff: Staff) -> None:
    """PostgreSQL refuses NUL in text; a pasted NUL or bidi control is removed instead."""
    form = SubmissionForm(status="Tạm dừng", description="Chờ\x00 kinh\u202e phí")
    with session_scope(staff.engine, write=True) as session:
        sent = submit(session, staff.skhcn, task_id(staff.engine, "13"), form)
    assert sent.description == "Chờ kinh phí"


def test_the_agency_sees_the_tasks_it_leads_and_apart_those_it_coordinates(staff: Staff) -> None:
    """PL-II-2026: Sở KH&CN leads 13 (due 30/06/2026) and 23 (due 30/09/2026); it coordinates
    1, whose milestones are 31/05/2026 and 31/10/2027. Reports are due monthly by the 20th."""
    agency = staff.skhcn.agency_id or 0
    with session_scope(staff.engine) as session:
        june = agency_tasks(session, agency, date(2026, 6, 1))
        late_june = agency_tasks(session, agency, date(2026, 6, 25))
    lead = june.lead.set_index("task_id")
    thirteen, twenty_three = task_id(staff.engine, "13"), task_id(staff.engine, "23")
    one = task_id(staff.engine, "1")
    shown = ["status", "due_date", "report_period", "due_in_period"]
    assert lead.loc[thirteen, shown].tolist() == [
        "in_progress",
        pd.Timestamp("2026-06-30"),
        "Tháng 06/2026",
        True,
    ]
    assert lead.loc[thirteen, "report_due"] == pd.Timestamp("2026-06-20")
    assert not lead.loc[twenty_three, "due_in_period"]
    assert one not in lead.index
    coordinated = june.coordinating.set_index("task_id").loc[one]
    assert coordinated["status"] == "milestone_late"  # 31/05/2026 passed, not done
    assert coordinated["milestones"].startswith("31/05/2026: ")
    assert "; 31/10/2027: " in coordinated["milestones"]
    # after 20/06 the next report is July's, due 20/07; task 13 is not due in July
    after = late_june.lead.set_index("task_id").loc[thirteen]
    assert (after["report_period"], after["report_due"], after["due_in_period"]) == (
        "Tháng 07/2026",
        pd.Timestamp("2026-07-20"),
        False,
    )
