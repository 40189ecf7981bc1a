"""Cell text cleaning and folding shared by every table reader.

Source cells come from Word/PDF conversions: they carry HTML tags, markdown
bold markers, bookmarks, entities, NFD Unicode and odd spaces. ``clean_text``
turns them into plain text (never markup); ``fold`` gives a matching key.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from datetime import date, datetime
from functools import lru_cache

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]", re.IGNORECASE)
_BLOCK_TAGS = "p|br|li|ul|ol|div|tr|table|h[1-6]"
_INLINE_TAGS = "i|b|u|em|strong|span|font|sup|sub|a|td|th|tbody|thead|s|strike|small|big"
# A run of block tags (with the spaces around them) is one line break.
_BLOCK_RUN = re.compile(rf"(?:[ \t]*</?(?:{_BLOCK_TAGS})\b[^<>]*>[ \t]*)+", re.IGNORECASE)
_INLINE_TAG = re.compile(rf"</?(?:{_INLINE_TAGS})\b[^<>]*>", re.IGNORECASE)
_BOLD = re.compile(r"\*{2,}")
_SPACE_RUN = re.compile(r"[^\S\n]+")  # any whitespace but a line break (str.isspace)
_LINE_EDGE = re.compile(r" ?\n ?")
_BLANK_RUNS = re.compile(r"\n{3,}")
_LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n", "\v": "\n", "\f": "\n"}
# Characters a reader cannot see: zero-width ones (and the soft hyphen), and the
# bidirectional controls that reorder what is shown (U+202E turns "abc" into "cba").
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_HIDDEN = re.compile(f"[{ZERO_WIDTH}{BIDI_CONTROLS}]")
_INVISIBLE = re.compile(f"[{ZERO_WIDTH}{BIDI_CONTROLS}\x00-\x08\x0e-\x1f\x7f]")
_MAX_PASSES = 5
FOLD_CACHE_SIZE = 65_536  # names; a few MB, the tasks of the largest plans

_ROMAN = re.compile(r"^(X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}

_COMPLETION = re.compile(
    r"^(?:da )?(?:hoan thanh|thuc hien xong|xong)(?: (?:dung han|qua han|tre han))?$"
    r"|^da thuc hien$"
)


def clean_text(value: object) -> str:
    """Plain text of a cell: no markup debris, NFC, tidy spaces, "\\n" line breaks."""
    text = _scalar_text(value)
    if not text:
        return ""
    for _ in range(_MAX_PASSES):
        stripped = _strip_debris(text)
        if stripped == text:
            break
        text = stripped
    return unicodedata.normalize("NFC", _tidy_spaces(text))


def typed_text(text: str) -> str:
    """Text a person typed in a form, kept literally (markup and all), without the control
    and invisible characters (NUL among them, which PostgreSQL cannot store), ends trimmed."""
    return _INVISIBLE.sub("", text).strip()


def hidden_characters(text: str) -> tuple[str, ...]:
    """The zero-width and bidi control characters in ``text``, each once, in order of code."""
    return tuple(sorted(set(_HIDDEN.findall(text))))


def without_hidden(text: str) -> str:
    """``text`` without zero-width and bidi control characters (and nothing else changed)."""
    return _HIDDEN.sub("", text)


@lru_cache(maxsize=FOLD_CACHE_SIZE)
def fold(text: str) -> str:
    """Matching key: cleaned, lowercase, without diacritics, single spaces.

    Cached: an upload folds every stored task name of its plan more than once.
    """
    decomposed = unicodedata.normalize("NFD", clean_text(text).lower())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.replace("đ", "d").split())


def is_completion_note(text: str) -> bool:
    """True for notes that state the task is done (Đã hoàn thành, (Đã thực hiện)…).

    Conservative: the whole note must be the completion phrase (brackets and
    trailing punctuation aside), so ``Đã hoàn thành 50%`` or ``Hoàn thành trước
    ngày 15/5/2026`` do not count.
    """
    key = fold(text).strip(" ()[].;,!")
    return bool(_COMPLETION.match(key))


def roman_to_int(text: str) -> int | None:
    """Value of an upper-case Roman numeral I..XXXIX (a trailing "." allowed), else None."""
    token = clean_text(text).rstrip(".").strip()
    if not token or not _ROMAN.match(token):
        return None
    values = [_ROMAN_VALUES[c] for c in token]
    total = sum(
        -v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)
    )
    return total if 1 <= total <= 39 else None


def is_section_code(text: str) -> bool:
    """True when the cell is a section number such as ``II`` or ``IV.``."""
    return roman_to_int(text) is not None


def _scalar_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _strip_debris(text: str) -> str:
    text = html.unescape(text)
    for old, new in _LINE_BREAKS.items():
        text = text.replace(old, new)
    text = _INVISIBLE.sub("", text)
    text = _BOOKMARK.sub("", text)
    text = _BLOCK_RUN.sub("\n", text)
    text = _INLINE_TAG.sub("", text)
    return _BOLD.sub("", text)


def _tidy_spaces(text: str) -> str:
    """One space for each run of spaces, none at the ends of lines, at most one blank line."""
    text = _LINE_EDGE.sub("\n", _SPACE_RUN.sub(" ", text)).strip(" ")
    return _BLANK_RUNS.sub("\n\n", text).strip("\n")
