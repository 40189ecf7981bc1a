import re
import unicodedata
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders.cells import clean
from loaders.deadlines import parse_deadline
from loaders.text import (
    BIDI_CONTROLS,
    ZERO_WIDTH,
    _tidy_spaces,
    clean_text,
    fold,
    hidden_characters,
    is_completion_note,
    is_section_code,
    roman_to_int,
    without_hidden,
)
from tests.seed_paths import MISSING, SEEDS_DIR


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # empty and scalar cells
        (None, ""),
        ("", ""),
        ("   ", ""),
        (1.0, "1"),
        (46203, "46203"),
        (0.95, "0.95"),
        (float("nan"), ""),
        (float("inf"), "inf"),
        (date(2026, 6, 30), "30/06/2026"),
        (datetime(2026, 6, 30, 8, 15), "30/06/2026"),
        # Unicode: NFD in, NFC out; odd spaces become plain spaces
        (nfd("Sở Khoa học và Công nghệ"), "Sở Khoa học và Công nghệ"),
        ("Sở\u00a0Nội\u202fvụ", "Sở Nội vụ"),
        ("Sở\u200b Tài chính\ufeff", "Sở Tài chính"),
        ("Sở  KH&CN\t\tPhòng", "Sở KH&CN Phòng"),
        # HTML debris from the seeds (001 <ul>/<p>, 003 <i>)
        (
            '<ul style="list-style-type: none"> - Hoàn thành 100% nhiệm vụ </ul>',
            "- Hoàn thành 100% nhiệm vụ",
        ),
        ("<p>(1) Triển khai.</p> <p>(2) Rà soát.</p>", "(1) Triển khai.\n(2) Rà soát."),
        ("Dòng 1<br>Dòng 2<br/>Dòng 3", "Dòng 1\nDòng 2\nDòng 3"),
        ("<ul><li>Một</li><li>Hai</li></ul>", "Một\nHai"),
        ("chính sách (<i>ưu đãi đầu tư</i>)", "chính sách (ưu đãi đầu tư)"),
        ("<I>Nghiêng</I> và <span class='x'>thường</span>", "Nghiêng và thường"),
        # markdown bold and bookmarks (002, 004)
        ("theo “**04 định hướng chỉ đạo**”", "theo “04 định hướng chỉ đạo”"),
        ("***nói ít - làm nhiều***", "nói ít - làm nhiều"),
        (" [bookmark: _GoBack]Phụ lục số 01", "Phụ lục số 01"),
        ("Mục [bookmark: OLE_LINK1]A", "Mục A"),
        # entities are decoded as text, and never become markup
        ("Sở KH&amp;CN", "Sở KH&CN"),
        ("Sở KH&amp;amp;CN", "Sở KH&CN"),
        ("&lt;p&gt;Đoạn&lt;/p&gt;", "Đoạn"),
        ("&lt;script&gt;", "<script>"),
        ("Tỉ lệ < 5% và > 3", "Tỉ lệ < 5% và > 3"),
        ("a * b", "a * b"),
        # line breaks: trimmed lines, no leading/trailing blank lines, 3+ blank lines collapse
        ("\n\n  Dòng 1  \r\n  Dòng 2\n\n", "Dòng 1\nDòng 2"),
        ("A\n\n\n\n\nB", "A\n\nB"),
        ("A\rB", "A\nB"),
    ],
)
def test_clean_text(value, expected):
    assert clean_text(value) == expected


def test_clean_text_removes_all_markup_from_the_seeds():
    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    assert seeds, MISSING
    text = clean_text("\n".join(p.read_text(encoding="utf-8") for p in seeds))
    for debris in ("<p>", "</p>", "<ul", "<li", "<i>", "</i>", "<br", "**", "[bookmark:"):
        assert debris not in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chuyển  Đổi số", "chuyen doi so"),
        (nfd("Chuyển Đổi số"), "chuyen doi so"),
        ("Phòng Chuyên đối số", "phong chuyen doi so"),
        ("ĐÃ HOÀN THÀNH", "da hoan thanh"),
        ("Văn phòng (1)\nGDTX,\u00a0GDNN&ĐH (2)", "van phong (1) gdtx, gdnn&dh (2)"),
        ("<p>Sở Nội vụ</p>", "so noi vu"),
        ("", ""),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # completed
        ("Đã hoàn thành", True),
        ("(Đã thực hiện)", True),
        ("Đã thực hiện xong", True),
        ("đã hoàn thành.", True),
        (nfd("ĐÃ HOÀN THÀNH"), True),
        ("Hoàn thành", True),
        ("Hoàn thành đúng hạn", True),
        # not completed, or not a statement of completion
        ("Chưa hoàn thành", False),
        ("Hoàn thành trước ngày 15/5/2026", False),
        ("Đã hoàn thành 50%", False),
        ("Đang thực hiện", False),
        ("", False),
    ],
)
def test_is_completion_note(text, expected):
    assert is_completion_note(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # section codes
        ("I", 1),
        ("II", 2),
        ("III.", 3),
        ("IV", 4),
        (" V ", 5),
        ("IX", 9),
        ("XIV", 14),
        ("XIX", 19),
        ("XX", 20),
        ("XXI", 21),  # a national plan may run past twenty sections
        ("XXXIX", 39),
        # not section codes
        ("XL", None),
        ("XXXX", None),
        ("IIII", None),
        ("VV", None),
        ("IC", None),
        ("ii", None),
        ("1", None),
        ("", None),
        (".", None),
        ("Về hoàn thiện thể chế", None),
    ],
)
def test_roman_to_int_and_is_section_code(text, expected):
    assert roman_to_int(text) == expected
    assert is_section_code(text) is (expected is not None)


@given(st.text())
def test_clean_text_is_idempotent_and_plain(text):
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    assert cleaned == cleaned.strip()
    assert "\u00a0" not in cleaned


# Invisible and bidi characters ---------------------------------------------------

HIDDEN = ZERO_WIDTH + BIDI_CONTROLS


@st.composite
def with_hidden(draw: st.DrawFn) -> tuple[str, str]:
    """(text, the same text with invisible or bidi characters inserted anywhere)."""
    text = draw(st.text())
    tainted = text
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(tainted)))
        tainted = tainted[:at] + draw(st.sampled_from(HIDDEN)) + tainted[at:]
    return text, tainted


@given(with_hidden())
def test_text_with_hidden_characters_inserted_reads_as_the_text_without_them(pair):
    text, tainted = pair
    assert clean_text(tainted) == clean_text(text)
    assert clean(tainted) == clean(text)
    assert fold(tainted) == fold(text)
    assert parse_deadline(tainted) == parse_deadline(text)
    assert without_hidden(tainted) == without_hidden(text)
    assert set(hidden_characters(tainted)) == set(tainted) & set(HIDDEN)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Sở Nội vụ", ()),
        ("1\u200b.", ("\u200b",)),
        ("\u202eabc\u202c\u200b\u202e", ("\u200b", "\u202c", "\u202e")),  # once each, by code
        ("N\u00adội \ufeff", ("\u00ad", "\ufeff")),
        ("\u2066x\u2069 \u061c \u200e\u200f", ("\u061c", "\u200e", "\u200f", "\u2066", "\u2069")),
    ],
)
def test_hidden_characters(text, found):
    assert hidden_characters(text) == found


@given(st.text())
def test_fold_is_single_spaced_lowercase_without_marks(text):
    folded = fold(text)
    assert folded == " ".join(folded.split())
    assert folded == folded.lower()
    assert not any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", folded))


# The regex space tidy against the per-character version it replaced --------------

_OLD_SPACES = re.compile(r"[ \t]+")
_WHITESPACE = [chr(c) for c in range(0x110000) if chr(c).isspace()]


def _tidy_spaces_reference(text: str) -> str:
    text = "".join(" " if c != "\n" and c.isspace() else c for c in text)
    lines = [_OLD_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


@given(st.text() | st.text(st.sampled_from([*_WHITESPACE, "a", "b", "\n"])))
def test_tidy_spaces_equals_the_per_character_reference(text):
    assert _tidy_spaces(text) == _tidy_spaces_reference(text)
