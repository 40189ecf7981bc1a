"""Agency cells as word tokens: which token separates names, numbers a list or starts a note.

A token is a word, a punctuation mark or a line break, keyed by its folded text
(``&`` reads as ``va``); loaders.agencies matches names on these keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.text import fold

_PUNCT = ",;()&+•*\\-–—"
_TOKEN = re.compile(rf"\n|[{_PUNCT}]|[^\s{_PUNCT}]+")
_KEY_OF_PUNCT = {"&": "va", "–": "-", "—": "-"}
SEPARATORS = frozenset({",", ";", ".", "\n"})
HARD_STOPS = frozenset({";", "\n"})
BULLETS = frozenset({"-", "+", "•", "*"})
_ENUMERATION = re.compile(r"^(?:\d{1,2}|[ivx]{1,4}|[a-z])$")
# Words that start a trailing role note after a name ("Công an tỉnh hướng dẫn, …").
_ROLE_WORDS = tuple(
    tuple(words.split())
    for words in (
        "huong dan", "tham dinh", "phe duyet", "bao cao", "thuc hien", "theo",
        "tong hop", "tham muu", "chu tri", "phoi hop", "chiu trach nhiem", "de xuat",
        "trien khai", "giup",
    )
)  # fmt: skip


@dataclass(frozen=True)
class Token:
    key: str
    start: int
    end: int


def split_tokens(text: str) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        key = _KEY_OF_PUNCT.get(raw) or fold(raw).rstrip(".") or ("." if "." in raw else raw)
        tokens.append(Token(key, match.start(), match.end()))
    return tokens


def name_key(text: str) -> tuple[str, ...]:
    """Token keys of one name, without line breaks, ``(1)`` markers, bullets and end punctuation."""
    kept = [t for t in split_tokens(text) if t.key != "\n"]
    kept = [t for i, t in enumerate(kept) if not in_enumeration(kept, i)]
    while kept and (kept[0].key in SEPARATORS or kept[0].key in BULLETS):
        kept.pop(0)
    while kept and kept[-1].key in SEPARATORS:
        kept.pop()
    return tuple(t.key for t in kept)


def is_enumeration(tokens: list[Token], i: int) -> bool:
    return (
        i + 2 < len(tokens)
        and tokens[i].key == "("
        and tokens[i + 2].key == ")"
        and bool(_ENUMERATION.match(tokens[i + 1].key))
    )


def in_enumeration(tokens: list[Token], i: int) -> bool:
    return any(is_enumeration(tokens, k) for k in range(max(i - 2, 0), i + 1))


def is_line_number(tokens: list[Token], i: int) -> bool:
    """A list number such as ``1.`` opening a line of several names."""
    key = tokens[i].key
    at_line_start = i == 0 or tokens[i - 1].key == "\n"
    return at_line_start and i + 1 < len(tokens) and key.isdigit() and len(key) <= 2


def is_role_note(tokens: list[Token], i: int) -> bool:
    if tokens[i].key == "(":
        return True
    keys = tuple(t.key for t in tokens[i : i + 3])
    return any(keys[: len(words)] == words for words in _ROLE_WORDS)


def next_separator(tokens: list[Token], i: int) -> int:
    for k in range(i + 1, len(tokens)):
        if tokens[k].key in SEPARATORS:
            return k
    return len(tokens)


def span(text: str, tokens: list[Token], start: int, end: int) -> str:
    return text[tokens[start].start : tokens[end - 1].end]
