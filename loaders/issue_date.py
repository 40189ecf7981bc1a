"""A plan's issue date, read from the lines above its table.

An appendix names the document it comes with, and that document's date:
"(Kèm theo Kế hoạch số 92A/KH-UBND ngày 01 tháng 11 năm 2025 của UBND tỉnh)".
A plan's own first page has its place and date: "Bắc Ninh, ngày 22 tháng 10 năm
2025". Other dates in a title belong to the documents it carries out ("Triển
khai Kế hoạch số 14-KH/BCĐ ngày 17/10/2025") and are not its issue date.

Drafts leave the day blank ("ngày    tháng 5 năm 2026"): that gives the month
only, kept as such (``exact`` False) so a person confirms the day; a blank month
gives nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from loaders.deadlines import month_end
from loaders.records import IssueDate
from loaders.text import fold

_ISSUE_LINE = re.compile(r"\bkem theo\b|^[^,()]{2,40}, ngay\b")
_DATE = re.compile(
    r"\bngay\s*(?:"
    r"(?P<d>\d{1,2})?[\s.…/-]*thang\s*(?P<m>\d{1,2})\s*(?:nam|/)\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s*[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>\d{4})"
    r")"
)


def find_issue_date(lines: Iterable[str]) -> IssueDate | None:
    """The first issue date stated in ``lines`` (the text above a plan's table), if any."""
    for line in lines:
        folded = fold(line)
        if not _ISSUE_LINE.search(folded):
            continue
        match = _DATE.search(folded)
        found = _read(match, " ".join(line.split())) if match else None
        if found is not None:
            return found
    return None


def _read(match: re.Match[str], line: str) -> IssueDate | None:
    day_text = match["d"] or match["d2"]
    month, year = int(match["m"] or match["m2"]), int(match["y"] or match["y2"])
    try:
        if day_text is None:
            return IssueDate(month_end(year, month), exact=False, line=line)
        return IssueDate(date(year, month, int(day_text)), exact=True, line=line)
    except ValueError:  # no such day or month: not a date to rely on
        return None
