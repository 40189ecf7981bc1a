"""Text from the database or an upload, made safe for the Streamlit calls that read Markdown.

``st.caption``, ``st.markdown``, alerts, titles and widget labels render Markdown
plus Streamlit's own extras (``:red[…]``, ``:material/…:``, emoji shortcodes,
``$…$`` LaTeX). ``literal`` returns Markdown that shows exactly the given
characters (read from Streamlit 1.67's StreamlitMarkdown):

- every ASCII punctuation character is backslash-escaped, which CommonMark allows
  for all of them: no link, emphasis, code, HTML or directive can start, Streamlit's
  LaTeX check skips an escaped ``$``, its ``:material/`` rewrite and its emoji check
  (``:word:``) no longer match;
- runs of whitespace (newlines, tabs, leading spaces) become one space: a caption is
  one line, and a line break could otherwise start a heading, a list or a code block;
- a WORD JOINER (U+2060, invisible) goes where Streamlit would still change text
  after parsing, escapes or not: after the ``-``/``<``/``>``/``~`` of ``->``, ``<-``,
  ``--``, ``>=``, ``<=``, ``~=`` (turned into arrows and dashes), after ``http``,
  ``https`` and ``www`` and before ``@`` (GitHub's autolinks of bare URLs and e-mail
  addresses, found in the parsed text).
"""

from __future__ import annotations

import re
import string

WORD_JOINER = "\u2060"
_ESCAPES = str.maketrans({char: "\\" + char for char in string.punctuation})
_WHITESPACE = re.compile(r"\s+")
_JOINED = re.compile(r"(?<=[-<>~])(?=[-<>=])|(?i:(?<=http)|(?<=https)|(?<=www))(?=[:.])|(?=@)")


def literal(text: str) -> str:
    """Markdown that Streamlit shows as exactly ``text`` (whitespace collapsed)."""
    flat = _WHITESPACE.sub(" ", text).strip()
    return _JOINED.sub(WORD_JOINER, flat).translate(_ESCAPES)
