"""Reminder letters on the sample data: the docx tables hold exactly the agency's overdue and
upcoming tasks, in the administrative layout; the bulk .zip holds one letter per agency."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, timedelta

import pandas as pd
import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from data_access.db import get_engine
from data_access.queries.filters import TaskFilters
from data_access.queries.rollups import UNASSIGNED_AGENCY
from data_access.queries.statuses import TaskStatus
from exports.content import FOLLOW_UP_REQUESTS
from exports.reminder_docx import (
    FOLLOW_UP_HEADERS,
    FOLLOW_UP_HEADING,
    NONE_LISTED,
    OVERDUE_HEADERS,
    SUBJECT,
    UPCOMING_HEADERS,
    letter_file_name,
    next_report_day,
    reminder_letter_docx,
    reminder_letters_zip,
)
from exports.reminder_letters import ReminderLetter, reminder_letter, reminder_recipients
from labels import ILLUSTRATIVE_NOTE, format_int
from tests.export_sample import Frames, gather
from tests.frames import TaskRows, due_cell, shuffled, task_lists

AS_OF = date(2026, 6, 15)  # the sample has both overdue tasks and tasks due soon on this day
POLICE = "Công an tỉnh"


@pytest.fixture(scope="module")
def engine(sample_url: str) -> Engine:
    return get_engine(sample_url)


@pytest.fixture(scope="module")
def frames(engine: Engine) -> Frames:
    return gather(engine, TaskFilters(as_of=AS_OF))


def letter_for(frames: Frames, agency: str, illustrative: bool = True) -> ReminderLetter:
    return reminder_letter(
        agency,
        statuses=frames.statuses,
        agency_links=frames.links,
        documents=frames.documents,
        as_of=AS_OF,
        illustrative=illustrative,
    )


def open_docx(data: bytes) -> DocxDocument:
    return Document(io.BytesIO(data))


def body_rows(document: DocxDocument, index: int) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in document.tables[index].rows]


def led_by(frames: Frames, agency: str) -> pd.DataFrame:
    """The agency's tasks as lead, found straight from the links (not through the exporter)."""
    links = frames.links
    ids = links[(links["role"] == "lead") & (links["agency"] == agency)]["task_id"]
    return frames.statuses[frames.statuses["task_id"].isin(ids)]


# --- Who gets a letter ---
def test_agencies_to_remind_have_something_to_chase(frames: Frames) -> None:
    agencies = reminder_recipients(frames.statuses, frames.links, AS_OF).agencies
    assert agencies[0] == POLICE  # the most overdue tasks on that day
    assert not set(agencies) & set(UNASSIGNED_AGENCY.values())
    for agency in agencies:
        letter = letter_for(frames, agency)
        assert not letter.is_empty, agency
    overdue_counts = [len(letter_for(frames, a).overdue) for a in agencies]
    assert overdue_counts == sorted(overdue_counts, reverse=True)


def test_collective_groups_get_no_letter_and_are_named_for_the_note(frames: Frames) -> None:
    recipients = reminder_recipients(frames.statuses, frames.links, AS_OF)
    # the three groups leading tasks to chase on 15/06/2026 (000, 001, 003 lead cells) name
    # no member agency, so there is nobody to address: no letter, listed for the page's note
    assert recipients.groups == [
        "Các sở, ban, ngành cấp tỉnh",
        "Các sở, ban, ngành, địa phương",
        "UBND cấp xã",
    ]
    assert not set(recipients.groups) & set(recipients.agencies)
    kinds = frames.links.drop_duplicates("agency").set_index("agency")["is_collective"]
    assert not any(kinds[a] for a in recipients.agencies)


# --- An internal unit: a reminder slip from its own body, not an official letter ---

CDS = "Phòng Chuyển đổi số (Sở KH&CN)"
VP_SO_004 = "Văn phòng Sở (đơn vị ban hành DC-CT-NV-2026)"


def test_a_units_slip_comes_from_its_body_without_kinh_gui(frames: Frames) -> None:
    letter = letter_for(frames, CDS)
    assert letter.is_internal and letter.body == "Sở Khoa học và Công nghệ"
    document = open_docx(reminder_letter_docx(letter))
    head = body_rows(document, 0)[0]
    assert head[0] == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"  # from the Sở, to one of its units
    assert SUBJECT not in head[0] and "CỘNG HÒA" not in head[1]  # not a công văn
    assert "ngày 15 tháng 6 năm 2026" in head[1]
    paragraphs = [p.text for p in document.paragraphs]
    assert not any(p.startswith("Kính gửi") for p in paragraphs)
    assert any(p.startswith("PHIẾU NHẮC VIỆC") for p in paragraphs)
    assert f"Đơn vị được nhắc: {CDS}" in paragraphs
    # inside the Sở reports are due before the 12th; a week from 15/06 is past 12/06
    assert any("trước ngày 12/07/2026" in p for p in paragraphs)
    expected = led_by(frames, CDS)
    expected = expected[expected["status"] == TaskStatus.OVERDUE]
    assert len(body_rows(document, 1)) - 1 == len(expected) > 0


def test_a_unit_of_a_body_the_plan_does_not_name_is_reminded_by_that_body(
    frames: Frames,
) -> None:
    # 004 names no issuing body: the slip says who it is from as the plan allows, no guess
    document = open_docx(reminder_letter_docx(letter_for(frames, VP_SO_004)))
    assert body_rows(document, 0)[0][0] == "ĐƠN VỊ BAN HÀNH DC-CT-NV-2026"
    assert not any("Giáo dục" in p.text for p in document.paragraphs)


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


# --- The rows given, in the order given, whatever the frames' index ---
@given(task_lists(), task_lists())
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_letter_tables_are_the_rows_given_in_order(
    overdue: tuple[pd.DataFrame, TaskRows], soon: tuple[pd.DataFrame, TaskRows]
) -> None:
    """Each table: TT, "plan - reference", name, document, deadline, days (overdue or left)."""
    upcoming = soon[0].assign(days_left=soon[0]["days_overdue"] + 1)
    letter = ReminderLetter(POLICE, AS_OF, overdue[0], upcoming, illustrative=False)
    document = open_docx(reminder_letter_docx(letter))
    for table, (rows, days) in ((1, (overdue[1], 0)), (2, (soon[1], 1))):
        assert body_rows(document, table)[1:] == [
            [
                str(i),
                f"{r['plan_code']} - {r['reference']}",
                r["name"],
                r["document"],
                due_cell(r),
                format_int(r["days_overdue"] + days),
            ]
            for i, r in enumerate(rows, start=1)
        ]


@given(st.data())
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_letters_read_sorted_and_filtered_frames_by_task(
    frames: Frames, data: st.DataObject
) -> None:
    """The page's frames arrive in any order and index: each listed task keeps its own days."""

    statuses = data.draw(shuffled(frames.statuses))
    letter = reminder_letter(
        POLICE,
        statuses=statuses,
        agency_links=data.draw(shuffled(frames.links)),
        documents=data.draw(shuffled(frames.documents)),
        as_of=AS_OF,
        illustrative=False,
    )
    due = dict(zip(frames.statuses["task_id"], frames.statuses["due_date"], strict=True))
    for listed, days in ((letter.overdue, "days_overdue"), (letter.upcoming, "days_left")):
        assert not listed.empty
        by_name = statuses.drop_duplicates("name").set_index("name")["task_id"]
        for name, value in zip(listed["name"], listed[days], strict=True):
            gap = (due[by_name[name]] - pd.Timestamp(AS_OF)).days
            assert value == (-gap if days == "days_overdue" else gap)


# --- One letter: the administrative layout ---
def test_letter_layout(frames: Frames) -> None:
    document = open_docx(reminder_letter_docx(letter_for(frames, POLICE)))
    head = body_rows(document, 0)[0]
    assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in head[0]
    assert SUBJECT in head[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc" in head[1]
    assert "ngày 15 tháng 6 năm 2026" in head[1]
    paragraphs = [p.text for p in document.paragraphs]
    assert "Kính gửi: Công an tỉnh" in paragraphs
    assert f"Lưu ý: {ILLUSTRATIVE_NOTE}" in paragraphs
    opening = next(p for p in paragraphs if p.startswith("Thực hiện Nghị quyết số 57-NQ/TW"))
    assert "đến ngày 15/06/2026" in opening
    assert "Công an tỉnh còn 8 nhiệm vụ đã quá hạn" in opening
    assert any("trước ngày 20/07/2026" in p for p in paragraphs)
    closing = body_rows(document, len(document.tables) - 1)[0]
    assert closing[0].startswith("Nơi nhận:\n- Như trên;")
    assert "GIÁM ĐỐC" in closing[1]
    assert document.styles["Normal"].font.name == "Times New Roman"


def test_letter_without_sample_data_has_no_note(frames: Frames) -> None:
    document = open_docx(reminder_letter_docx(letter_for(frames, POLICE, illustrative=False)))
    assert not any(ILLUSTRATIVE_NOTE in p.text for p in document.paragraphs)


def test_agency_with_nothing_to_chase_gets_none_listed(frames: Frames) -> None:
    letter = letter_for(frames, "Cơ quan không có nhiệm vụ")
    assert letter.is_empty
    document = open_docx(reminder_letter_docx(letter))
    assert [p.text for p in document.paragraphs].count(NONE_LISTED) == 2
    assert len(document.tables) == 2  # letterhead and closing only


# --- Bulk ---
def test_zip_holds_one_letter_per_agency(frames: Frames) -> None:
    agencies = reminder_recipients(frames.statuses, frames.links, AS_OF).agencies
    letters = [letter_for(frames, a) for a in agencies]
    archive = zipfile.ZipFile(io.BytesIO(reminder_letters_zip(letters)))
    names = archive.namelist()
    assert len(names) == len(set(names)) == len(agencies)
    assert all(re.fullmatch(r"don-doc-[a-z0-9-]+_15-06-2026(-\d+)?\.docx", n) for n in names)
    recipients = set()
    for name in names:
        document = open_docx(archive.read(name))
        recipients |= {
            p.text
            for p in document.paragraphs
            if p.text.startswith(("Kính gửi: ", "Đơn vị được nhắc: "))
        }
    kinds = frames.links.drop_duplicates("agency").set_index("agency")["agency_kind"]
    units = {a for a in agencies if kinds[a] == "internal_unit"}
    # 3 units of the Sở KH&CN (002) and 004's Văn phòng Sở with tasks overdue or due soon,
    # and 3 whose only debt is a recurring report (none since the last report day): the Sở's
    # Văn phòng Sở (#2, #3; by the 12th), 004's Phòng GDTX, GDNN&ĐH (V.12, VI.15) and
    # Phòng Tổ chức cán bộ (V.13)
    assert len(units) == 7
    assert recipients == {f"Kính gửi: {a}" for a in set(agencies) - units} | {
        f"Đơn vị được nhắc: {a}" for a in units
    }


def test_zip_names_stay_unique_when_agencies_slug_alike(frames: Frames) -> None:
    letters = [letter_for(frames, name) for name in ("Sở A", "Sở Ă", "SỞ A")]
    names = zipfile.ZipFile(io.BytesIO(reminder_letters_zip(letters))).namelist()
    assert names == [
        "don-doc-so-a_15-06-2026.docx",
        "don-doc-so-a_15-06-2026-2.docx",
        "don-doc-so-a_15-06-2026-3.docx",
    ]


@pytest.mark.parametrize(
    ("agency", "expected"),
    [
        ("Sở Khoa học và Công nghệ", "don-doc-so-khoa-hoc-va-cong-nghe_15-06-2026.docx"),
        ("Phòng GDTX, GDNN&ĐH", "don-doc-phong-gdtx-gdnn-dh_15-06-2026.docx"),
        ("A" * 100, f"don-doc-{'a' * 60}_15-06-2026.docx"),  # long names are cut
    ],
)
def test_letter_file_name(agency: str, expected: str) -> None:
    assert letter_file_name(agency, AS_OF) == expected


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2026, 6, 1), date(2026, 6, 20)),
        (date(2026, 6, 13), date(2026, 6, 20)),  # exactly a week ahead
        (date(2026, 6, 14), date(2026, 7, 20)),
        (date(2026, 12, 25), date(2027, 1, 20)),
    ],
)
def test_next_report_day(as_of: date, expected: date) -> None:
    assert next_report_day(as_of) == expected
