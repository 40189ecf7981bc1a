"""One reminder letter's tables: exactly the agency's overdue, owed and upcoming tasks."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
import pytest
from docx.oxml.ns import qn

from data_access.queries.statuses import TaskStatus
from exports.content import FOLLOW_UP_REQUESTS
from exports.reminder_docx import (
    FOLLOW_UP_HEADERS,
    FOLLOW_UP_HEADING,
    OVERDUE_HEADERS,
    UPCOMING_HEADERS,
    reminder_letter_docx,
)
from tests.export_sample import Frames
from tests.reminder_sample import (
    AS_OF,
    CDS,
    POLICE,
    body_rows,
    led_by,
    letter_for,
    open_docx,
    sample_frames,
)


@pytest.fixture(scope="module")
def frames(sample_url: str) -> Frames:
    return sample_frames(sample_url)


# --- One letter: the tables ---
def test_overdue_table_rows_match_the_agencys_overdue_tasks(frames: Frames) -> None:
    expected = led_by(frames, POLICE)
    expected = expected[expected["status"] == TaskStatus.OVERDUE]
    document = open_docx(reminder_letter_docx(letter_for(frames, POLICE)))
    rows = body_rows(document, 1)
    assert rows[0] == list(OVERDUE_HEADERS)
    # 8: the police's 92A II.10 and II.11 say "(nhiệm vụ thường xuyên)": recurring, not overdue
    assert len(rows) - 1 == len(expected) == 8
    by_name = {r[2]: r for r in rows[1:]}
    for task in expected.itertuples():
        row = by_name[task.name]
        section = f"{task.section_code}." if task.section_code else ""
        assert row[1] == f"{task.plan_code} - {section}{task.number}"
        assert row[4] == task.due_date.strftime("%d/%m/%Y")
        assert row[5] == str(task.days_overdue)
        assert int(row[5]) == (pd.Timestamp(AS_OF) - task.due_date).days
    assert [r[0] for r in rows[1:]] == [str(i) for i in range(1, len(expected) + 1)]
    days = [int(r[5]) for r in rows[1:]]
    assert days == sorted(days, reverse=True)


def test_an_indicative_due_date_is_marked(frames: Frames) -> None:
    # the Sở's #16, led by its Phòng Chuyển đổi số: "Theo lộ trình Bộ Công an (20/12/2025)"
    document = open_docx(reminder_letter_docx(letter_for(frames, CDS)))
    rows = body_rows(document, 1)[1:]
    assert [r[4] for r in rows if r[4].startswith("20/12/2025")] == ["20/12/2025 (hạn dự kiến)"]


def test_reports_owed_are_the_third_table(frames: Frames) -> None:
    # The Sở's Trung tâm CNTT&TT leads #8 (due 31/10/2025, in progress: overdue), #18 (BC
    # BCĐTW, reported done 25/11/2025 with no evidence), #11 ("(nhiệm vụ thường xuyên)",
    # never reported) and #20 ("Thường xuyên", never reported): inside the Sở, June's report
    # was due 12/06, 3 days before 15/06.
    letter = letter_for(frames, "Trung tâm Công nghệ thông tin và Truyền thông (Sở KH&CN)")
    document = open_docx(reminder_letter_docx(letter))
    paragraphs = [p.text for p in document.paragraphs]
    assert FOLLOW_UP_HEADING in paragraphs
    rows = body_rows(document, len(document.tables) - 2)  # the last before the signature
    assert rows[0] == list(FOLLOW_UP_HEADERS)
    requests = [(r[1], r[5]) for r in rows[1:]]
    assert requests[0] == ("KH-SKHCN-2025 - 18", FOLLOW_UP_REQUESTS[TaskStatus.DONE_NO_EVIDENCE])
    recurring = FOLLOW_UP_REQUESTS[TaskStatus.RECURRING_NOT_REPORTED]
    assert sorted(requests[1:]) == [
        ("KH-SKHCN-2025 - 11", recurring),
        ("KH-SKHCN-2025 - 20", recurring),
    ]
    assert [r[1] for r in body_rows(document, 1)[1:]] == ["KH-SKHCN-2025 - 8"]
    # one of the Sở's units: its reminder slip says so in its opening
    assert any("và 3 nhiệm vụ cần bổ sung báo cáo" in p for p in paragraphs)


def test_a_missed_milestone_asks_for_its_report(frames: Frames) -> None:
    # the police's PL-II 1: its 31/05/2026 milestone passed with the task in progress
    letter = letter_for(frames, POLICE)
    owed = dict(
        zip(
            letter.follow_up["plan_code"] + " " + letter.follow_up["reference"],
            letter.follow_up["request"],
            strict=True,
        )
    )
    assert owed["PL-II-2026 1"] == FOLLOW_UP_REQUESTS[TaskStatus.MILESTONE_LATE]


def test_no_report_owed_means_no_third_table(frames: Frames) -> None:
    letter = letter_for(frames, "Văn phòng Tỉnh ủy")
    assert letter.follow_up.empty
    paragraphs = [p.text for p in open_docx(reminder_letter_docx(letter)).paragraphs]
    assert FOLLOW_UP_HEADING not in paragraphs


def test_upcoming_table_rows_match_tasks_due_in_30_days(frames: Frames) -> None:
    agency = "Các sở, ban, ngành, địa phương"
    own = led_by(frames, agency)
    window = (own["due_date"] >= pd.Timestamp(AS_OF)) & (
        own["due_date"] <= pd.Timestamp(AS_OF + timedelta(days=30))
    )
    expected = own[window & own["status"].isin([TaskStatus.IN_PROGRESS])]
    document = open_docx(reminder_letter_docx(letter_for(frames, agency)))
    rows = body_rows(document, 2)
    assert rows[0] == list(UPCOMING_HEADERS)
    assert sorted(r[2] for r in rows[1:]) == sorted(expected["name"])
    for row in rows[1:]:
        due = pd.Timestamp(pd.to_datetime(row[4], format="%d/%m/%Y"))
        assert int(row[5]) == (due - pd.Timestamp(AS_OF)).days >= 0


def test_assigning_document_is_the_tasks_own_or_its_plan(frames: Frames) -> None:
    document = open_docx(reminder_letter_docx(letter_for(frames, POLICE)))
    documents = {r[3] for r in body_rows(document, 1)[1:]}
    assert any(d.startswith("Kế hoạch số 92A/KH-UBND") for d in documents)
    assert all(d for d in documents)


def test_header_row_repeats_on_every_page(frames: Frames) -> None:
    document = open_docx(reminder_letter_docx(letter_for(frames, POLICE)))
    first_row = document.tables[1].rows[0]._tr
    assert first_row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
