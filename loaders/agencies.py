"""Agency names: one canonical name for every spelling found in the plans.

The known agencies and their spellings live in ``data/agencies.csv`` so staff
can extend them without touching code. Matching works on word tokens of the
folded text (case, diacritics, Unicode form and spacing ignored; ``&`` reads as
``và``), so a cell such as ``Sở Nội vụ; Sở KH&CN`` or
``Các sở, ban, ngành, địa phương`` is cut at the right commas.

A cell written "A (B)", where the bracket ends with a known name, names a
responsible agency A and its executing or standing unit B: both are returned,
B with ``unit_of`` set to A. ``Văn phòng UBND tỉnh (Trung tâm phục vụ hành chính
công tỉnh)`` gives Văn phòng UBND tỉnh and the centre that does the work;
``Tổ Giúp việc Ban Chỉ đạo (Cơ quan thường trực là Sở Khoa học và Công nghệ)``
gives the Tổ Giúp việc and its standing agency. A bracket without a known name
at its end (``Công an tỉnh (b/c)``) is a note and is dropped.

Choices kept in the data, not in code:
- ``Các địa phương`` stays its own collective; it is not assumed to be UBND cấp xã.
- Internal units (Văn phòng Sở, Phòng …) are spellings here; the database scopes
  each to the body whose plan names it (``data_access.agency_store``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from loaders import agency_tokens as tok
from loaders.text import clean_text

KINDS = ("department", "commune", "internal_unit", "collective", "other")
DEFAULT_CSV = Path(__file__).with_name("data") / "agencies.csv"


@dataclass(frozen=True)
class AgencyEntry:
    name: str
    short_name: str
    kind: str
    aliases: tuple[str, ...] = ()

    @property
    def is_collective(self) -> bool:
        return self.kind == "collective"


@dataclass(frozen=True)
class AgencyMention:
    """One agency named in a cell; unknown ones keep the text as their name."""

    raw: str
    name: str
    kind: str
    known: bool
    unit_of: str = ""  # written "A (B)": this is B, the executing or standing unit of A

    @property
    def is_collective(self) -> bool:
        return self.kind == "collective"


@dataclass
class _Scan:
    mentions: list[AgencyMention] = field(default_factory=list)
    unknown: int = 0
    dropped: int = 0  # tokens skipped as role notes


def agency_key(text: str) -> str:
    """The matching key of a spelling: folded word tokens, markers and end punctuation dropped."""
    return " ".join(tok.name_key(clean_text(text)))


class AgencyDirectory:
    """Known agencies and every spelling of them; immutable."""

    def __init__(self, entries: Sequence[AgencyEntry]) -> None:
        self._entries = list(entries)
        self._index: dict[tuple[str, ...], AgencyEntry] = {}
        for entry in self._entries:
            if entry.kind not in KINDS:
                raise ValueError(f"Loại cơ quan không hợp lệ: {entry.kind!r} ({entry.name})")
            for spelling in (entry.name, entry.short_name, *entry.aliases):
                self._add_key(spelling, entry)
        self._longest = max((len(key) for key in self._index), default=0)

    def _add_key(self, spelling: str, entry: AgencyEntry) -> None:
        key = tok.name_key(clean_text(spelling))
        if not key:
            return
        other = self._index.setdefault(key, entry)
        if other.name != entry.name:
            raise ValueError(f"Tên gọi {spelling!r} trùng giữa {other.name!r} và {entry.name!r}")

    @classmethod
    def from_entries(cls, entries: Iterable[AgencyEntry]) -> AgencyDirectory:
        return cls(list(entries))

    @classmethod
    def from_csv(cls, path: Path) -> AgencyDirectory:
        return cls(_read_csv(path))

    @classmethod
    def load_default(cls) -> AgencyDirectory:
        return cls(_default_entries())

    def entries(self) -> list[AgencyEntry]:
        return list(self._entries)

    def with_alias(self, alias: str, name: str) -> AgencyDirectory:
        """A new directory where ``alias`` also means the agency ``name`` (any of its spellings).

        A staff alias moves from another agency's aliases if needed; a canonical
        or short name of another agency cannot be taken.
        """
        target = self.resolve(name)
        cleaned = clean_text(alias)
        if not target.known:
            raise ValueError(f"Không có cơ quan {name!r}")
        key = agency_key(cleaned)
        entries = [self._without_alias(entry, key) for entry in self._entries]
        return AgencyDirectory(
            [
                replace(e, aliases=(*e.aliases, cleaned)) if e.name == target.name else e
                for e in entries
            ]
        )

    def _without_alias(self, entry: AgencyEntry, key: str) -> AgencyEntry:
        if agency_key(entry.name) == key or agency_key(entry.short_name) == key:
            return entry  # kept: raises in __init__ unless it is the target itself
        return replace(entry, aliases=tuple(a for a in entry.aliases if agency_key(a) != key))

    def resolve(self, text: str) -> AgencyMention:
        """The agency one name refers to; unknown names come back with ``known`` False."""
        cleaned = clean_text(text)
        entry = self._index.get(tok.name_key(cleaned))
        if entry is not None:
            return _known(cleaned, entry)
        return _unknown(cleaned)

    def split(self, cell: object) -> list[AgencyMention]:
        """Every agency named in a cell, in order, without repeats."""
        text = clean_text(cell)
        tokens = tok.split_tokens(text)
        best = self._scan(text, tokens)
        if best.unknown and "\n" in text:
            joined = self._scan(text, [t for t in tokens if t.key != "\n"])
            if (joined.unknown, joined.dropped) < (best.unknown, best.dropped):
                best = joined
        unique: dict[str, AgencyMention] = {}
        for mention in best.mentions:
            unique.setdefault(mention.name, mention)
        return list(unique.values())

    def _scan(self, text: str, tokens: list[tok.Token]) -> _Scan:
        scan = _Scan()
        i, after_known = 0, False
        while i < len(tokens):
            start = self._skip_separators(tokens, i)
            attached = after_known and start == i
            i = start
            if i >= len(tokens):
                break
            length = self._match(tokens, i)
            if length:
                entry = self._entry(tokens, i, i + length)
                scan.mentions.append(_known(tok.span(text, tokens, i, i + length), entry))
                i, after_known = i + length, True
            elif attached and tok.is_role_note(tokens, i):
                end = self._role_note_end(tokens, i)
                unit = self._bracketed_name(tokens, i, end)
                if unit is None:
                    scan.dropped += end - i
                else:
                    found = _known(
                        tok.span(text, tokens, unit, end - 1), self._entry(tokens, unit, end - 1)
                    )
                    scan.mentions.append(replace(found, unit_of=scan.mentions[-1].name))
                i = end
            else:
                end = tok.next_separator(tokens, i)
                scan.mentions.append(_unknown(tok.span(text, tokens, i, end)))
                scan.unknown += 1
                i, after_known = end, False
        return scan

    def _bracketed_name(self, tokens: list[tok.Token], i: int, end: int) -> int | None:
        """Where the known name that closes the bracket ``tokens[i:end]`` starts, if any.

        ``(Trung tâm phục vụ hành chính công tỉnh)`` and ``(Cơ quan thường trực là
        Sở Khoa học và Công nghệ)`` end with one; ``(b/c)`` does not.
        """
        close = end - 1
        if tokens[i].key != "(" or tokens[close].key != ")":
            return None
        for start in range(max(i + 1, close - self._longest), close):
            if tuple(t.key for t in tokens[start:close]) in self._index:
                return start
        return None

    def _entry(self, tokens: list[tok.Token], start: int, end: int) -> AgencyEntry:
        return self._index[tuple(t.key for t in tokens[start:end])]

    def _match(self, tokens: list[tok.Token], i: int) -> int:
        """Length of the longest spelling starting at ``i`` that ends at a boundary, or 0."""
        keys = tuple(t.key for t in tokens[i : i + self._longest])
        for length in range(len(keys), 0, -1):
            if keys[:length] in self._index and self._ends_name(tokens, i + length):
                return length
        return 0

    def _ends_name(self, tokens: list[tok.Token], k: int) -> bool:
        return (
            k >= len(tokens) or self._skip_separators(tokens, k) > k or tok.is_role_note(tokens, k)
        )

    def _skip_separators(self, tokens: list[tok.Token], i: int) -> int:
        """Skip ``,`` ``;`` line breaks, bullets, ``(1)`` markers, and ``và`` before a name."""
        while i < len(tokens):
            if tok.is_enumeration(tokens, i):
                i += 3
            elif (
                tokens[i].key in tok.SEPARATORS
                or tokens[i].key in tok.BULLETS
                or tok.is_line_number(tokens, i)
                or (tokens[i].key == "va" and self._starts_name(tokens, i + 1))
            ):
                i += 1
            else:
                break
        return i

    def _starts_name(self, tokens: list[tok.Token], i: int) -> bool:
        keys = tuple(t.key for t in tokens[i : i + self._longest])
        return any(keys[:length] in self._index for length in range(1, len(keys) + 1))

    def _role_note_end(self, tokens: list[tok.Token], i: int) -> int:
        """End of a role note: its closing bracket, a ``;``, a line break, or ``, <known name>``."""
        if tokens[i].key == "(":
            depth = 0
            for k in range(i, len(tokens)):
                depth += {"(": 1, ")": -1}.get(tokens[k].key, 0)
                if depth == 0:
                    return k + 1
            return len(tokens)
        for k in range(i + 1, len(tokens)):
            if tokens[k].key in tok.HARD_STOPS:
                return k
            if tokens[k - 1].key == "," and self._match(tokens, k):
                return k
        return len(tokens)


def _known(raw: str, entry: AgencyEntry) -> AgencyMention:
    return AgencyMention(raw=raw, name=entry.name, kind=entry.kind, known=True)


def _unknown(raw: str) -> AgencyMention:
    name = " ".join(raw.split()).strip(" ,;.")
    return AgencyMention(raw=raw, name=name, kind="other", known=False)


def _read_csv(path: Path) -> list[AgencyEntry]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            AgencyEntry(
                name=clean_text(row["name"]),
                short_name=clean_text(row["short_name"]),
                kind=clean_text(row["kind"]),
                aliases=tuple(a for a in map(clean_text, row["aliases"].split("|")) if a),
            )
            for row in csv.DictReader(handle)
        ]


@cache
def _default_entries() -> tuple[AgencyEntry, ...]:
    return tuple(_read_csv(DEFAULT_CSV))
