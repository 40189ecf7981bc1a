"""Reminder letters' administrative layout, the bulk .zip (one letter per agency, unique
names), file names and the next report day."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

import pytest

from exports.reminder_docx import (
    NONE_LISTED,
    SUBJECT,
    letter_file_name,
    next_report_day,
    reminder_letter_docx,
    reminder_letters_zip,
)
from exports.reminder_letters import reminder_recipients
from labels import ILLUSTRATIVE_NOTE
from tests.export_sample import Frames
from tests.reminder_sample import AS_OF, POLICE, body_rows, letter_for, open_docx, sample_frames


@pytest.fixture(scope="module")
def frames(sample_url: str) -> Frames:
    return sample_frames(sample_url)


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
