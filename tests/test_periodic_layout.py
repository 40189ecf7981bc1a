"""The periodic report's layout: Word heading styles, administrative order, the rules' notes,
the period's wording."""

from __future__ import annotations

from datetime import date

import pytest
from docx.document import Document as DocxDocument

from data_access.queries.reporting_calendar import ReportingPeriod
from data_access.queries.status_rules import RULE_NOTES_VI
from data_access.queries.statuses import TaskStatus
from exports.periodic_docx import HEADINGS, RULE_NOTES_HEADING
from exports.periodic_report import in_sentence
from labels import ILLUSTRATIVE_NOTE, STATUS_ORDER, status_label
from tests.periodic_sample import quarter_document, texts


@pytest.fixture(scope="module")
def document(sample_url: str) -> DocxDocument:
    return quarter_document(sample_url)


# --- Word headings: the navigation pane and a table of contents list the sections ---
def test_headings_carry_words_heading_styles(document: DocxDocument) -> None:
    styles = {p.text: p.style for p in document.paragraphs if p.style is not None}
    expected = {
        **dict.fromkeys(HEADINGS, "Heading 1"),
        "1. Kết quả chung": "Heading 2",
        "4. Kết quả thực hiện các chỉ tiêu": "Heading 2",
        "2. Cơ quan chưa gửi báo cáo tiến độ trong kỳ": "Heading 2",
    }
    statuses = [t for t in styles if t.startswith("2.1. ")]
    assert [styles[t].name for t in statuses] == ["Heading 3"]
    expected[statuses[0]] = "Heading 3"
    assert {text: styles[text].name for text in expected} == expected
    assert all(styles[text].builtin for text in expected)
    outline = [p.style.name[-1] for p in document.paragraphs if p.style.name.startswith("Head")]
    # I: results 1-5 (2 holds one heading per status, STATUS_ORDER's 10; 5 the reporting
    # discipline); II: overdue, missing reports; III
    assert "".join(outline) == "122" + "3" * len(STATUS_ORDER) + "222" + "122" + "1"
    for level in (1, 2, 3):  # the administrative look: Times New Roman 13, bold, black
        font = document.styles[f"Heading {level}"].font
        assert (font.name, font.size.pt, font.bold, str(font.color.rgb)) == (
            "Times New Roman",
            13,
            True,
            "000000",
        )
        fonts = document.styles[f"Heading {level}"].element.rPr.rFonts
        assert not [name for name in fonts.attrib if name.endswith("Theme")]  # no theme font


# --- Layout ---
def test_headings_in_administrative_order(document: DocxDocument) -> None:
    paragraphs = texts(document)
    positions = [paragraphs.index(h) for h in HEADINGS]
    assert positions == sorted(positions)
    assert HEADINGS == (
        "I. KẾT QUẢ THỰC HIỆN",
        "II. TỒN TẠI, HẠN CHẾ",
        "III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI",
    )
    assert "BÁO CÁO\nKết quả triển khai thực hiện Nghị quyết số 57-NQ/TW quý II/2026" in paragraphs
    assert f"Lưu ý: {ILLUSTRATIVE_NOTE}" in paragraphs
    head = [c.text for c in document.tables[0].rows[0].cells]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in head[1]
    assert "ngày 30 tháng 6 năm 2026" in head[1]
    assert any(
        t.startswith("2. Triển khai các nhiệm vụ đến hạn trong quý III/2026") for t in paragraphs
    )


def test_notes_define_the_plans_own_rules_after_the_last_section(
    document: DocxDocument,
) -> None:
    paragraphs = texts(document)
    start = paragraphs.index(RULE_NOTES_HEADING)
    assert start > paragraphs.index(HEADINGS[2])
    notes = paragraphs[start + 1 : start + 1 + len(RULE_NOTES_VI)]
    assert notes == [f"- {note}" for note in RULE_NOTES_VI]
    # each of the four rules, in the words the status labels use
    for phrase in (
        '"Kỳ này" là kỳ báo cáo gần nhất đã hết hạn gửi',
        "đến hết ngày 20 (trong nội bộ Sở Khoa học và Công nghệ: ngày 12)",
        status_label(TaskStatus.DONE_NO_EVIDENCE),
        status_label(TaskStatus.MILESTONE_LATE),
        "hạn dự kiến",
    ):
        assert any(phrase in note for note in notes), phrase


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        (ReportingPeriod("month", 2026, 6), "tháng 06/2026"),
        (ReportingPeriod("quarter", 2026, 3), "quý III/2026"),
        (ReportingPeriod("half", 2026, 1), "6 tháng đầu năm 2026"),
        (ReportingPeriod("year", 2026), "năm 2026"),
        (
            ReportingPeriod("quarter", 2026, 4, until=date(2026, 12, 6)),
            "quý IV/2026 (tính đến ngày 06/12/2026)",
        ),
    ],
)
def test_in_sentence(period: ReportingPeriod, expected: str) -> None:
    assert in_sentence(period) == expected
