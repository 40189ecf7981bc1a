"""Numbers written the Vietnamese way, by Babel's ``vi_VN`` locale: "1.234.567", "12,5", "72,5%".

The one place numbers become text; ``labels`` adds the empty value for unknowns.
Rounding is Babel's (half to even, on the number as Python prints it).
"""

from __future__ import annotations

from decimal import localcontext
from functools import cache, lru_cache

from babel import Locale
from babel.numbers import NumberPattern, parse_pattern

LOCALE = Locale.parse("vi_VN")
# Babel rounds in the current decimal context, 28 digits by default: 1e25 with a decimal
# place would not fit. Every finite float, even times 100, has at most 311 digits.
DIGITS = 400


@cache
def _pattern(decimals: int, percent: bool = False, fixed: bool = False) -> NumberPattern:
    """Thousands grouped, at most ``decimals`` places, trailing zeros dropped: "#,##0.#";
    ``fixed``: always ``decimals`` places, "#,##0.0" (a table column's cells line up)."""
    places = ("0" if fixed else "#") * decimals
    text = "#,##0" + ("." + places if decimals > 0 else "") + ("%" if percent else "")
    return parse_pattern(text)


def _signed(text: str, negative: bool) -> str:
    """``text`` with a minus for a negative number, never "-0" or "-0,0"."""
    shows_zero = not any(ch in "123456789" for ch in text)
    return f"-{text}" if negative and not shows_zero else text


# A page shows the same numbers on every rerun (2,000 KPI targets on Chỉ tiêu at national
# scale): kept, they cost nothing the second time. Babel's format_decimal, which parses the
# locale and the pattern on each call, took 24 µs a number, 0.15 s of that page's 0.19 s
# rerun; the parsed pattern applied to the parsed locale takes 10 µs.
@lru_cache(maxsize=65_536)
def vietnamese_number(x: float, decimals: int = 1, fixed: bool = False) -> str:
    """``12.4 -> "12,4"``, ``100000 -> "100.000"``; trailing decimal zeros are dropped unless
    ``fixed``."""
    with localcontext(prec=DIGITS):
        text = _pattern(decimals, fixed=fixed).apply(abs(x), LOCALE)
    return _signed(text, x < 0)


@lru_cache(maxsize=65_536)
def vietnamese_percent(fraction: float, decimals: int = 1, fixed: bool = False) -> str:
    """A fraction as a percentage: ``0.725 -> "72,5%"``, ``1.0 -> "100%"`` (``"100,0%"`` when
    ``fixed``)."""
    with localcontext(prec=DIGITS):
        text = _pattern(decimals, percent=True, fixed=fixed).apply(abs(fraction), LOCALE)
    return _signed(text, fraction < 0)
