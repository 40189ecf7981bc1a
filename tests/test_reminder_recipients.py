"""Who gets a reminder: agencies with something to chase, not groups; an internal unit gets a
slip from its own body."""

from __future__ import annotations

import pytest

from data_access.queries.rollups import UNASSIGNED_AGENCY
from data_access.queries.statuses import TaskStatus
from exports.reminder_docx import SUBJECT, reminder_letter_docx
from exports.reminder_letters import reminder_recipients
from tests.export_sample import Frames
from tests.reminder_sample import (
    AS_OF,
    CDS,
    POLICE,
    VP_SO_004,
    body_rows,
    led_by,
    letter_for,
    open_docx,
    sample_frames,
)


@pytest.fixture(scope="module")
def frames(sample_url: str) -> Frames:
    return sample_frames(sample_url)


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
