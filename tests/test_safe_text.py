"""ui.safe_text.literal: Markdown that Streamlit shows as exactly the given characters.

What Streamlit 1.67's StreamlitMarkdown does beyond CommonMark, read from its
bundle (static/js/StreamlitMarkdown.*.js), is checked here as the regular
expressions it uses; the browser test (tests/e2e/test_markup_browser.py) checks
the rendered page.
"""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ui.safe_text import WORD_JOINER, literal

# Streamlit loads its emoji plugin for a body this matches, and rewrites ":material/".
STREAMLIT_EMOJI_CHECK = re.compile(r":(?!material/|streamlit:)[\w+-][\w_+-]*:", re.ASCII)
# Its LaTeX check, after dropping escaped "\$" (and code) from the body.
STREAMLIT_ESCAPED = re.compile(r"\\[\\$`]")
STREAMLIT_INLINE_MATH = re.compile(r"(?<!\$)\$(?![\s$])[^$\n]*?[^\s$]\$(?!\d)")
# Its typographic replacements, applied to text after parsing (escapes already gone).
STREAMLIT_TYPOGRAPHY = re.compile(r"(^|\s)(<->|->|<-|--|>=|<=|~=)(\s|$)")
# remark-gfm's autolinks of bare URLs and e-mail addresses, also found in parsed text.
GFM_AUTOLINK_URL = re.compile(r"(https?://|www(?=\.))([-.\w]+)([^ \t\r\n]*)", re.IGNORECASE)
GFM_AUTOLINK_EMAIL = re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)")
PAYLOADS = [
    "[Phiên hết hạn - đăng nhập lại](http://example.invalid/login)",
    ":red[Quá hạn] :blue-background[x] :small[y]",
    "$x^2$ và $$\\int_0^1 x$$",
    ":material/warning: :smile: :+1: :streamlit:",
    "**đậm** _nghiêng_ ~~gạch~~ `mã`",
    "<b>in đậm</b> <script>alert(1)</script> &amp;",
    "# Tiêu đề\n- mục\n> trích\n    mã thụt lề\n1. số",
    "www.example.invalid https://example.invalid/a_b HTTP://X.Y lanh.dao@example.invalid",
    "a -> b <- c -- d >= e <= f ~= g <-> h",
    "![ảnh](http://example.invalid/x.png) [^1] | a | b |",
]


def unescaped(markdown: str) -> str:
    """The text CommonMark reads from ``literal``'s output (a backslash escapes punctuation)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def collapsed(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def assert_inert(markdown: str) -> None:
    """No construct can start: every ASCII punctuation character is escaped."""
    for position, char in enumerate(markdown):
        if char in string.punctuation and char != "\\":
            assert markdown[position - 1] == "\\", (markdown, position)
    assert "\n" not in markdown and not markdown.startswith(" ")
    assert STREAMLIT_EMOJI_CHECK.search(markdown) is None
    assert ":material/" not in markdown
    assert STREAMLIT_INLINE_MATH.search(STREAMLIT_ESCAPED.sub("_", markdown)) is None
    text = unescaped(markdown)
    for pattern in (STREAMLIT_TYPOGRAPHY, GFM_AUTOLINK_URL, GFM_AUTOLINK_EMAIL):
        assert pattern.search(text) is None, (pattern, text)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_are_escaped_and_read_back_unchanged(payload: str) -> None:
    markdown = literal(payload)
    assert_inert(markdown)
    assert unescaped(markdown).replace(WORD_JOINER, "") == collapsed(payload)


def test_a_link_payload_is_escaped_character_by_character() -> None:
    assert literal("[a](http://x.y)") == "\\[a\\]\\(http\u2060\\:\\/\\/x\\.y\\)"


def test_newlines_and_leading_spaces_become_one_line() -> None:
    assert literal("  # a\n\n    b\tc  ") == r"\# a b c"


def test_vietnamese_text_without_punctuation_is_unchanged() -> None:
    assert literal("Sở Khoa học và Công nghệ · Tính đến") == "Sở Khoa học và Công nghệ · Tính đến"


@given(st.text())
def test_any_text_is_inert_and_reads_back(text: str) -> None:
    markdown = literal(text)
    assert_inert(markdown)
    assert unescaped(markdown).replace(WORD_JOINER, "") == collapsed(text.replace(WORD_JOINER, ""))
