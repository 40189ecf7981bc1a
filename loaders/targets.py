"""KPI targets (``>80%``, ``≥ 80%``, ``< 10 ngày``), actuals and period headers.

Numbers follow Vietnamese writing, kept conservative:
- ``82,5`` is a decimal comma; several commas (``1,234,567``) are rejected;
- ``1.139`` (one dot, exactly three digits after it) is thousands only when a
  unit word follows (``1.139 hồ sơ``); with ``%`` it is a decimal; alone it is
  ambiguous and rejected; ``1.234.567`` and ``1.234,5`` use dots for thousands;
- any other single dot is a decimal point (``82.5%``, ``0.95``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from loaders.deadlines import MAX_YEAR, MIN_YEAR, month_end, quarter_end
from loaders.numbers import vietnamese_number
from loaders.text import clean_text, fold

OPERATORS = (">", ">=", "=", "<", "<=")
WRITTEN_DECIMALS = 6  # a number cell written back as text, to the places it may hold
_EPSILON = 1e-9
_SYMBOLS = {"≥": ">=", "≤": "<=", "=>": ">=", "=<": "<=", "＞": ">", "＜": "<", "＝": "="}
_WORD_OPERATORS = {
    "không vượt quá": "<=",
    "không quá": "<=",
    "tối thiểu": ">=",
    "ít nhất": ">=",
    "tối đa": "<=",
    "đạt trên": ">",
    "trên": ">",
    "dưới": "<",
    "đạt": ">=",
}
_SUFFIX_OPERATORS = {"trở lên": ">=", "trở xuống": "<="}
_QUANTITY = (
    r"(?P<num>\d[\d.,]*)\s*"
    r"(?P<unit>%|[^\W\d_][^\d<>=%]*?)?\s*"
    rf"(?:(?P<suffix>{'|'.join(_SUFFIX_OPERATORS)})\s*)?$"
)
_TARGET = re.compile(
    rf"^(?:(?P<word>{'|'.join(_WORD_OPERATORS)})\s+)?(?P<op>>=|<=|=|>|<)?\s*{_QUANTITY}",
    re.IGNORECASE,
)
_ACTUAL = re.compile(rf"^{_QUANTITY}", re.IGNORECASE)

_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_QUARTER_NAMES = {1: "I", 2: "II", 3: "III", 4: "IV"}
_PERIOD = re.compile(
    r"(?:(?P<half>(?:6|sau) thang (?P<part>dau|cuoi) nam (?P<h_y>\d{4}))"
    r"|(?P<quarter>quy (?P<q>iv|i{1,3}|[1-4])(?: ?[/-] ?| nam | )(?P<q_y>\d{4}))"
    r"|(?P<month>thang (?P<m>\d{1,2})(?: ?[/-] ?| nam )(?P<m_y>\d{4}))"
    r"|(?P<year>nam (?P<y>\d{4}))"
    r")(?!\d)"
)
# Words that may surround a period in a header of actuals; anything else (chỉ tiêu,
# kế hoạch, mục tiêu…) means the column is not an actual.
_ACTUAL_WORDS = frozenset(
    ("ket", "qua", "thuc", "hien", "uoc", "luy", "ke", "dat", "duoc", "so", "lieu")
    + ("gia", "tri", "ty", "ti", "le", "den", "het", "trong", "cua", "%")
)


@dataclass(frozen=True)
class ParsedTarget:
    """A target as written and what it means; ``problem`` explains a failure in Vietnamese."""

    text: str
    operator: str | None = None
    value: float | None = None
    unit: str = ""
    problem: str = ""


def parse_target(value: object, number_format: str = "") -> ParsedTarget:
    """Operator, value and unit of a target cell; a bare value means ``>=``."""
    number = _native_number(value, number_format)
    if number is not None:
        written = vietnamese_number(number[0], WRITTEN_DECIMALS) + number[1]
        return ParsedTarget(written, ">=", number[0], number[1])
    text = clean_text(value)
    if not text:
        return ParsedTarget("")
    match = _TARGET.match(_normalise_symbols(text))
    quantity = _quantity(match)
    if match is None or quantity is None:
        return ParsedTarget(text, problem=f"Không đọc được chỉ tiêu «{text}».")
    given = [
        op
        for op in (
            match["op"],
            _WORD_OPERATORS.get((match["word"] or "").lower()),
            _SUFFIX_OPERATORS.get((match["suffix"] or "").lower()),
        )
        if op
    ]
    if len(given) > 1:
        return ParsedTarget(text, problem=f"Chỉ tiêu «{text}» có nhiều phép so sánh.")
    return ParsedTarget(text, given[0] if given else ">=", quantity[0], quantity[1])


def parse_actual(value: object, number_format: str = "") -> float | None:
    """Value of an actual cell (``75%``, ``75,5 %``, 0.755 formatted as percent); else None."""
    number = _native_number(value, number_format)
    if number is not None:
        return number[0]
    text = clean_text(value)
    match = _ACTUAL.match(text) if text else None
    quantity = _quantity(match)
    if match is None or quantity is None or match["suffix"]:
        return None
    return quantity[0]


def parse_period_header(header: str) -> tuple[str, date] | None:
    """Canonical period and its last day for a column of actuals, e.g. ("2026-Q3", 30/9/2026)."""
    key = fold(header)
    match = _PERIOD.search(key)
    if match is None:
        return None
    around = (key[: match.start()] + " " + key[match.end() :]).replace("(", " ").replace(")", " ")
    words = re.sub(r"[,:;.\-]", " ", around).split()
    if not set(words) <= _ACTUAL_WORDS:
        return None
    return _period(match)


def period_label(period: str) -> str:
    """Vietnamese label of a canonical period; unknown periods are returned unchanged."""
    year, _, part = period.partition("-")
    if not year.isdigit():
        return period
    if not part:
        return f"Năm {year}"
    if part in ("H1", "H2"):
        return f"6 tháng {'đầu' if part == 'H1' else 'cuối'} năm {year}"
    if part[:1] == "Q" and part[1:] in ("1", "2", "3", "4"):
        return f"Quý {_QUARTER_NAMES[int(part[1:])]}/{year}"
    if part.isdigit() and 1 <= int(part) <= 12:
        return f"Tháng {int(part):02d}/{year}"
    return period


def is_met(operator: str, target: float, actual: float) -> bool:
    """Whether ``actual`` meets ``operator target``; raises ValueError for an unknown operator."""
    checks = {
        ">": actual > target + _EPSILON,
        ">=": actual >= target - _EPSILON,
        "=": abs(actual - target) <= _EPSILON,
        "<": actual < target - _EPSILON,
        "<=": actual <= target + _EPSILON,
    }
    if operator not in checks:
        raise ValueError(f"Phép so sánh không hợp lệ: {operator!r}")
    return checks[operator]


def _native_number(value: object, number_format: str) -> tuple[float, str] | None:
    """A numeric cell as (value, unit); percent-formatted fractions become percents."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value):
        return None
    number, unit = (float(value) * 100, "%") if "%" in number_format else (float(value), "")
    return (round(number, 9), unit) if math.isfinite(number) else None


def _normalise_symbols(text: str) -> str:
    for symbol, operator in _SYMBOLS.items():
        text = text.replace(symbol, operator)
    return text


def _quantity(match: re.Match[str] | None) -> tuple[float, str] | None:
    if match is None:
        return None
    unit = (match["unit"] or "").strip()
    number = _number(match["num"], unit)
    return None if number is None or not math.isfinite(number) else (number, unit)


def _number(digits: str, unit: str) -> float | None:
    """A Vietnamese-written number, or None when malformed or ambiguous (see module doc)."""
    if re.fullmatch(r"\d+", digits):
        return float(digits)
    if re.fullmatch(r"\d+,\d+", digits):
        return float(digits.replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits) and (
        digits.count(".") > 1 or "," in digits or unit not in ("", "%")
    ):
        return float(digits.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d+\.\d+", digits) and (
        unit == "%" or not re.fullmatch(r"\d+\.\d{3}", digits)
    ):
        return float(digits)
    return None


def _period(match: re.Match[str]) -> tuple[str, date] | None:
    if match["half"]:
        year = int(match["h_y"])
        half = 1 if match["part"] == "dau" else 2
        return (f"{year}-H{half}", month_end(year, 6 * half)) if _plausible(year) else None
    if match["quarter"]:
        year = int(match["q_y"])
        quarter = _ROMAN_QUARTERS.get(match["q"]) or int(match["q"])
        return (f"{year}-Q{quarter}", quarter_end(year, quarter)) if _plausible(year) else None
    if match["month"]:
        year, month = int(match["m_y"]), int(match["m"])
        if not (_plausible(year) and 1 <= month <= 12):
            return None
        return f"{year}-{month:02d}", month_end(year, month)
    year = int(match["y"])
    return (str(year), date(year, 12, 31)) if _plausible(year) else None


def _plausible(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR
