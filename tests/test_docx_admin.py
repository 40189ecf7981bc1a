"""Administrative document pieces: page, letterhead, tables (cut with a note), closing."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from exports import docx_admin as admin


def reopened(document: DocxDocument) -> DocxDocument:
    return Document(io.BytesIO(admin.to_bytes(document)))


def test_new_document_is_a4_with_the_usual_margins_and_font() -> None:
    document = reopened(admin.new_document())
    section = document.sections[0]
    sizes = (section.page_width, section.page_height, section.left_margin, section.right_margin)
    assert [round(s.cm, 2) for s in sizes] == [21, 29.7, 3, 1.5]  # stored in twips
    assert round(section.top_margin.cm, 2) == round(section.bottom_margin.cm, 2) == 2
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.styles["Normal"].font.size.pt == 13


def test_letterhead_sender_motto_number_subject_and_date() -> None:
    document = admin.new_document()
    admin.letterhead(document, subject="V/v đôn đốc", day=date(2026, 3, 5))
    left, right = (c.text for c in reopened(document).tables[0].rows[0].cells)
    assert left == "UBND TỈNH\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố:        /SKHCN-VP\nV/v đôn đốc"
    assert right == (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "……………, ngày 05 tháng 3 năm 2026"
    )
    motto = reopened(document).tables[0].rows[0].cells[1].paragraphs[1].runs[0]
    assert motto.bold and motto.underline


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 23), "……………, ngày 23 tháng 11 năm 2026"),
        # Nghị định 30/2020: a leading zero for a day below 10 and for January and February.
        (date(2027, 1, 2), "……………, ngày 02 tháng 01 năm 2027"),
        (date(2026, 2, 28), "……………, ngày 28 tháng 02 năm 2026"),
        (date(2026, 9, 30), "……………, ngày 30 tháng 9 năm 2026"),
    ],
)
def test_place_and_date(day: date, expected: str) -> None:
    assert admin.place_and_date(day) == expected


def test_grid_table_has_a_bold_repeated_header() -> None:
    document = admin.new_document()
    admin.grid_table(document, ("TT", "Nhiệm vụ"), [("1", "Một"), ("2", "Hai")], (1, 15))
    table = reopened(document).tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["TT", "Nhiệm vụ"],
        ["1", "Một"],
        ["2", "Hai"],
    ]
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold
    assert not table.rows[1].cells[0].paragraphs[0].runs[0].bold
    assert table.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None


def test_copied_rows_keep_line_breaks_empty_cells_and_formatting() -> None:
    document = admin.new_document()
    rows = [("1", "Một"), ("2", "Dòng một\nDòng hai"), ("3", ""), ("4", "=1+1")]
    admin.grid_table(document, ("TT", "Nhiệm vụ"), rows, (1, 15))
    table = reopened(document).tables[0]
    assert [tuple(c.text for c in row.cells) for row in table.rows[1:]] == rows
    sizes = {
        run.font.size.pt
        for row in table.rows[1:]
        for c in row.cells
        for run in c.paragraphs[0].runs
    }
    assert sizes == {11}


@pytest.mark.parametrize(
    ("rows", "limit", "kept", "note"),
    [
        # cut: the note says how many there were
        (5, 3, 3, "Danh sách chỉ hiện 3 dòng đầu trên tổng số 5; "),
        # exactly at the limit, or no limit: nothing cut, no note
        (3, 3, 3, ""),
        (5, None, 5, ""),
    ],
)
def test_grid_table_cuts_long_lists_with_a_note(
    rows: int, limit: int | None, kept: int, note: str
) -> None:
    document = admin.new_document()
    data = [(str(i), f"Nhiệm vụ {i}") for i in range(1, rows + 1)]
    admin.grid_table(document, ("TT", "Nhiệm vụ"), data, (1, 15), limit=limit)
    reread = reopened(document)
    assert len(reread.tables[0].rows) == kept + 1
    paragraphs = [p.text for p in reread.paragraphs if p.text]
    if note:
        assert paragraphs[-1].startswith(note)
    else:
        assert paragraphs == []


def test_closing_recipients_and_signature() -> None:
    document = admin.new_document()
    admin.closing(document, ("Như trên;", "Lưu: VT."))
    left, right = (c.text for c in reopened(document).tables[0].rows[0].cells)
    assert left == "Nơi nhận:\n- Như trên;\n- Lưu: VT."
    assert right.startswith("GIÁM ĐỐC")


def test_headings_are_words_heading_styles_in_plain_bold_text() -> None:
    """Word's Heading 1 and 3 (navigation pane, table of contents), looking like the letter's
    text: Times New Roman 13, bold, black; level 3 also italic."""
    document = admin.new_document()
    admin.heading(document, "I. KẾT QUẢ THỰC HIỆN")
    admin.heading(document, "2.1. Hoàn thành đúng hạn", level=3)
    first, third = reopened(document).paragraphs
    assert (first.style.name, third.style.name) == ("Heading 1", "Heading 3")
    for paragraph, italic in ((first, False), (third, True)):
        font = paragraph.style.font
        assert (font.name, font.size.pt, font.bold, bool(font.italic)) == (
            "Times New Roman",
            13,
            True,
            italic,
        )
        assert str(font.color.rgb) == "000000" and font.color.theme_color is None
        assert paragraph.runs[0].bold is None  # the style's look, not direct formatting
