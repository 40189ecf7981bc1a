"""Find the stored task or KPI a row of an uploaded file is about.

First by plan, section and number; when the names disagree (the plan was
renumbered) or there is no such number, by name similarity: on folded names, the
mean of rapidfuzz's token-set ratio (one name's words within the other's) and
token-sort ratio (the same words overall), 0–100. A match below ``CONFIRM_AT``
is only a suggestion that staff must confirm; below ``MIN_SCORE`` there is no
match, even for the same number (a renumbered plan puts another task there).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz, process
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from data_access.models import Kpi, Plan, Task
from loaders.text import fold

ID_BATCH = 900  # ids per IN (...) query
MIN_SCORE = 60.0
CONFIRM_AT = 90.0


class MatchMethod(StrEnum):
    NUMBER = "number"
    NAME = "name"


@dataclass(frozen=True)
class Match:
    """A stored row a file row points to, how it was found and how sure that is."""

    row_id: int
    method: MatchMethod
    score: float  # name similarity 0–100; 100 when the file gives no name to compare
    section: str  # the stored row's place in its plan, which the file may number otherwise
    number: str

    @property
    def sure(self) -> bool:
        """Accepted without asking; anything less is a suggestion to confirm."""
        return self.score >= CONFIRM_AT


@dataclass(frozen=True)
class Candidate:
    """A stored task or KPI as matching sees it."""

    row_id: int
    plan_code: str
    section: str
    number: str
    name: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.plan_code, self.section.upper(), number_key(self.number))


class Matcher:
    """Matches rows against a fixed set of candidates (one query, then in memory)."""

    def __init__(self, candidates: Sequence[Candidate]) -> None:
        self.candidates = list(candidates)
        self._by_key: dict[tuple[str, str, str], list[Candidate]] = {}
        for candidate in self.candidates:
            self._by_key.setdefault(candidate.key, []).append(candidate)
            self._by_key.setdefault(("", *candidate.key[1:]), []).append(candidate)
        self._folded = {c.row_id: fold(c.name) for c in self.candidates}
        self._by_id = {c.row_id: c for c in self.candidates}

    def match(self, *, plan_code: str, section: str, number: str, name: str) -> Match | None:
        """The best stored row for a file row, or None when nothing is close enough."""
        keyed = self._by_key.get((plan_code, section.strip().upper(), number_key(number)), [])
        folded = fold(name)
        if len(keyed) == 1:
            exact = keyed[0]
            score = self._score(folded, exact.row_id)
            if score >= CONFIRM_AT:
                return _found(exact, MatchMethod.NUMBER, score)
            by_name = self.by_name(name, plan_code)
            if by_name is not None and by_name.score > score:
                return by_name
            if score >= MIN_SCORE:
                return _found(exact, MatchMethod.NUMBER, score)
            return None  # same number, another task: the plan was renumbered
        return self.by_name(name, plan_code)

    def _score(self, folded: str, row_id: int) -> float:
        if not folded:
            return 100.0
        return round(similarity(folded, self._folded[row_id]), 1)

    def by_name(self, name: str, plan_code: str = "") -> Match | None:
        """The most similar name (of ``plan_code``'s rows, when given) scoring MIN_SCORE or more."""
        folded = fold(name)
        if not folded:
            return None
        choices = {
            c.row_id: self._folded[c.row_id]
            for c in self.candidates
            if not plan_code or c.plan_code == plan_code
        }
        best = process.extractOne(folded, choices, scorer=similarity, score_cutoff=MIN_SCORE)
        if best is None:
            return None
        return _found(self._by_id[int(best[2])], MatchMethod.NAME, round(float(best[1]), 1))


def _found(candidate: Candidate, method: MatchMethod, score: float) -> Match:
    return Match(candidate.row_id, method, score, candidate.section, candidate.number)


def similarity(first: str, second: str, **_: object) -> float:
    """How alike two folded names are, 0–100 (extra keywords: rapidfuzz's scorer protocol)."""
    return (fuzz.token_set_ratio(first, second) + fuzz.token_sort_ratio(first, second)) / 2


def task_matcher(*, session: Session, plan_codes: Sequence[str] = ()) -> Matcher:
    """A Matcher over the stored tasks (of ``plan_codes`` only, when given)."""
    statement = sa_select(
        col(Task.id), col(Plan.code), col(Task.section_code), col(Task.number), col(Task.name)
    ).join(Plan)
    if plan_codes:
        statement = statement.where(col(Plan.code).in_(plan_codes))
    rows = session.connection().execute(statement).all()  # plain rows: no Task objects
    return Matcher([Candidate(row_id or 0, *rest) for row_id, *rest in rows])


def kpi_matcher(*, session: Session, plan_codes: Sequence[str] = ()) -> Matcher:
    """A Matcher over the stored KPIs (sections do not apply to KPIs)."""
    statement = select(Kpi, Plan.code).join(Plan)
    if plan_codes:
        statement = statement.where(col(Plan.code).in_(plan_codes))
    rows = session.exec(statement).all()
    return Matcher([Candidate(kpi.id or 0, code, "", kpi.number, kpi.name) for kpi, code in rows])


def id_batches(ids: Iterable[int], size: int = ID_BATCH) -> Iterator[list[int]]:
    """Distinct ids in lists short enough for any database's IN (...) parameter limit."""
    unique = sorted(set(ids))
    for start in range(0, len(unique), size):
        yield unique[start : start + size]


def number_key(number: str) -> str:
    """ "1." and "1" are the same number."""
    return number.strip().rstrip(".")
