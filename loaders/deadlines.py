"""Read deadline cells (Thời gian hoàn thành / Hạn hoàn thành) into ParsedDeadline.

Dates are always day/month/year. Anything not understood is returned as
UNPARSED with a Vietnamese explanation: never guessed, never raised.
"""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from dataclasses import replace
from datetime import date, datetime, timedelta

from loaders.records import Cadence, DeadlineKind, Milestone, ParsedDeadline
from loaders.text import clean_text, fold

MIN_YEAR = 1990
MAX_YEAR = 2100
_EXCEL_EPOCH = date(1899, 12, 30)  # 1900 date system, with Excel's leap-year bug absorbed
_MIN_SERIAL = (date(MIN_YEAR, 1, 1) - _EXCEL_EPOCH).days
_MAX_SERIAL = (date(MAX_YEAR, 12, 31) - _EXCEL_EPOCH).days

_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# Time expressions, matched on folded text (lowercase, no diacritics, same length).
_TIME = re.compile(
    r"(?<![\w/.-])(?:"
    r"(?P<half>(?:6|sau) thang (?P<h_part>dau|cuoi) nam (?P<h_y>\d{4}))"
    r"|(?P<quarter>quy (?P<q>iv|i{1,3}|[1-4])(?: ?[/-] ?| nam | )(?P<q_y>\d{4}))"
    r"|(?P<iso>(?P<i_y>\d{4})-(?P<i_m>\d{1,2})-(?P<i_d>\d{1,2})(?: 00:00(?::00)?)?)"
    r"|(?:ngay ?)?(?P<date>(?P<d>\d{1,2}) ?(?P<sep>[/.-]) ?(?P<m>\d{1,2}) ?(?P=sep) ?"
    r"(?P<d_y>\d{4}))"
    r"|(?P<month>thang (?P<m2>\d{1,2})(?: ?[/.-] ?| nam )(?P<m2_y>\d{4})"
    r"|(?P<m3>\d{1,2}) ?/ ?(?P<m3_y>\d{4}))"
    r"|(?P<year>(?:(?:trong|cuoi) )?nam (?P<y>\d{4})|(?P<y2>\d{4}))"
    r")(?![\w/])"
)
# Words allowed before the first time expression: they all mean "by / within".
_PREFIX = re.compile(
    r"^(?:(?:hoan thanh|phat dong|trien khai|thuc hien|ban hanh|to chuc|xong|du kien) )?"
    r"(?:(?:truoc|trong|den het|den|cham nhat|han chot|han|vao|hoan thanh|xong) )?$"
)
_LABEL = re.compile(r" ?\((?P<label>[^()]*)\)")
_BETWEEN = re.compile(r"^[ ;,.+\-–]*(?:va )?[ ;,]*$")
_TRAILING = re.compile(r"^[ .;,]*$")
_INDICATIVE = re.compile(r"^theo .*\( ?(?P<inner>[^()]*?) ?\)[ .;,]*$")
_CADENCES = (
    ("hang tuan", Cadence.WEEKLY),
    ("hang thang", Cadence.MONTHLY),
    ("hang quy", Cadence.QUARTERLY),
    ("6 thang", Cadence.HALF_YEARLY),
    ("hang nam", Cadence.YEARLY),
)

# How a task's own text says it is recurring (matched on folded text). "định kỳ" alone
# is not a cadence: "đánh giá … định kỳ đối với các CSDL" (92A II.12) is a dated task.
_PERIODIC = r"\bdinh ky (?:hang (?:tuan|thang|quy|nam)|6 thang)\b"
_RECURRING_TEXT = re.compile(
    r"\( ?nhiem vu thuong xuyen ?\)"  # "… (nhiệm vụ thường xuyên)."
    r"|^\W*thuong xuyen\b"  # "Thường xuyên triển khai …"
    rf"|{_PERIODIC}"  # "… định kỳ hằng tháng báo cáo kết quả"
)

_CUES = ("xuy", "kỳ", "ky")  # "thường xuyên", "định kỳ" (or written without diacritics)


class _Invalid(ValueError):
    """A time expression that names no real day; the message is for the user."""


def month_end(year: int, month: int) -> date:
    """Last day of a month; raises ValueError for an impossible month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def quarter_end(year: int, quarter: int) -> date:
    """Last day of quarter 1..4; raises ValueError otherwise."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter {quarter}")
    return month_end(year, 3 * quarter)


def parse_date(value: object) -> date | None:
    """A single real day (date cell, Excel serial, 30/6/2026, 30-6-2026, 30.06.2026)."""
    direct = _native_date(value)
    if direct is not None or not isinstance(value, str):
        return direct
    text = clean_text(value)
    folded = _fold_same_length(text)
    match = _TIME.fullmatch(folded)
    if match is None or not (match["date"] or match["iso"]):
        return None
    try:
        return _resolve(match, text)[1]
    except _Invalid:
        return None


def parse_deadline(value: object) -> ParsedDeadline:
    """What a deadline cell means; UNPARSED (with a reason) when it cannot be read."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ParsedDeadline(text="", kind=DeadlineKind.MISSING)
    direct = _native_date(value)
    text = clean_text(value)
    if direct is not None:
        return ParsedDeadline(text=text, kind=DeadlineKind.DATE, due_date=direct)
    if not text:
        return ParsedDeadline(text="", kind=DeadlineKind.MISSING)
    try:
        return _parse_text(text)
    except _Invalid as error:
        return _unparsed(text, str(error))


def recurring_by_text(parsed: ParsedDeadline, text: str) -> ParsedDeadline:
    """``parsed`` as RECURRING when the task's own ``text`` (its name) says it is recurring.

    The plans say so in the name too: "(nhiệm vụ thường xuyên)", a name that starts
    "Thường xuyên …", or "định kỳ hằng tháng/quý/năm …". A date the deadline gives is
    then the first due date (the earliest milestone, for several); the cadence is the
    deadline's, else the one the text states ("định kỳ hằng quý"), else none.
    """
    lower = text.lower()  # clean text is NFC: most names are ruled out without folding
    if parsed.kind is not DeadlineKind.RECURRING and not any(c in lower for c in _CUES):
        return parsed
    folded = fold(text)
    stated = re.search(_PERIODIC, folded)
    cadence = parsed.reporting_cadence or (_cadence(stated.group()) if stated else "")
    if parsed.kind is DeadlineKind.RECURRING:
        return replace(parsed, reporting_cadence=cadence)
    if not _RECURRING_TEXT.search(folded):
        return parsed
    dates = [m.due_date for m in parsed.milestones] or [parsed.due_date]
    first = min((d for d in dates if d is not None), default=None)
    return replace(parsed, kind=DeadlineKind.RECURRING, due_date=first, reporting_cadence=cadence)


def _native_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value) or not _MIN_SERIAL <= value < _MAX_SERIAL + 1:
        return None
    return _EXCEL_EPOCH + timedelta(days=int(value))


def _parse_text(text: str) -> ParsedDeadline:
    folded = _fold_same_length(text)
    if "thuong xuyen" in folded or (_cadence(folded) and not _TIME.search(folded)):
        return ParsedDeadline(
            text=text, kind=DeadlineKind.RECURRING, reporting_cadence=_cadence(folded)
        )
    indicative = _INDICATIVE.match(folded)
    if indicative:
        inner = _TIME.fullmatch(folded, indicative.start("inner"), indicative.end("inner"))
        if inner:
            due = _resolve(inner, text)[1]
            return ParsedDeadline(
                text=text, kind=DeadlineKind.INDICATIVE, due_date=due, indicative=True
            )
    labelled = _read_sequence(folded, text)
    if labelled is None:
        return _unparsed(text, f"Không đọc được thời hạn «{text}».")
    resolved = [(_resolve(m, text), label) for m, label in labelled]
    if len(resolved) == 1:
        (kind, due), _label = resolved[0]
        return ParsedDeadline(text=text, kind=kind, due_date=due)
    milestones = tuple(Milestone(due, label) for (_kind, due), label in resolved)
    return ParsedDeadline(
        text=text,
        kind=DeadlineKind.MILESTONES,
        due_date=max(due for (_kind, due), _label in resolved),
        milestones=milestones,
    )


def _read_sequence(folded: str, text: str) -> list[tuple[re.Match[str], str]] | None:
    """Time expressions with their bracketed labels, or None if other words get in the way."""
    match = _TIME.search(folded)
    if match is None or not _PREFIX.match(folded[: match.start()]):
        return None
    result: list[tuple[re.Match[str], str]] = []
    while match is not None:
        label = _LABEL.match(folded, match.end())
        position = label.end() if label else match.end()
        label_text = text[label.start("label") : label.end("label")].strip() if label else ""
        result.append((match, label_text))
        match = _TIME.search(folded, position)
        gap = folded[position : match.start() if match else len(folded)]
        if not (_BETWEEN if match else _TRAILING).match(gap):
            return None
    return result


def _resolve(match: re.Match[str], text: str) -> tuple[DeadlineKind, date]:
    """Kind and due date of one time expression; raises _Invalid for impossible ones."""
    written = text[match.start() : match.end()]
    if match["half"]:
        year = _year(match["h_y"], written)
        month = 6 if match["h_part"] == "dau" else 12
        return DeadlineKind.HALF_YEAR, month_end(year, month)
    if match["quarter"]:
        return DeadlineKind.QUARTER, quarter_end(
            _year(match["q_y"], written), _QUARTERS[match["q"]]
        )
    if match["iso"]:
        return DeadlineKind.DATE, _day(match["i_d"], match["i_m"], match["i_y"], written)
    if match["date"]:
        written = text[match.start("date") : match.end("date")]
        return DeadlineKind.DATE, _day(match["d"], match["m"], match["d_y"], written)
    if match["month"]:
        month = int(match["m2"] or match["m3"])
        year = _year(match["m2_y"] or match["m3_y"], written)
        if not 1 <= month <= 12:
            raise _Invalid(f"Tháng {month}/{year} không tồn tại.")
        return DeadlineKind.MONTH, month_end(year, month)
    return DeadlineKind.YEAR, date(_year(match["y"] or match["y2"], written), 12, 31)


def _day(day: str, month: str, year: str, written: str) -> date:
    try:
        return date(_year(year, written), int(month), int(day))
    except ValueError:
        raise _Invalid(f"Ngày {written} không tồn tại.") from None


def _year(digits: str, written: str) -> int:
    year = int(digits)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _Invalid(f"Năm {year} trong «{written}» nằm ngoài khoảng {MIN_YEAR}–{MAX_YEAR}.")
    return year


def _cadence(folded: str) -> str:
    found = [(folded.find(key), str(cadence)) for key, cadence in _CADENCES if key in folded]
    return min(found)[1] if found else ""


def _unparsed(text: str, problem: str) -> ParsedDeadline:
    return ParsedDeadline(text=text, kind=DeadlineKind.UNPARSED, problem=problem)


def _fold_same_length(text: str) -> str:
    """Lowercase, diacritic-free, one char per char, so match positions index ``text``."""
    chars = []
    for char in text:
        base = unicodedata.normalize("NFD", char)[:1].lower()[:1] or " "
        if unicodedata.combining(base) or base.isspace():
            base = " "
        chars.append("d" if base == "đ" else base)
    return "".join(chars)
