"""Numbers written the Vietnamese way, by Babel's ``vi_VN`` locale: "1.234.567", "12,5", "72,5%".

The one place numbers become text; ``labels`` adds the empty value for unknowns.
Rounding is Babel's (half to even, on the number as Python prints it).
"""

from __future__ import annotations

from decimal import localcontext

from babel.numbers import format_decimal, format_percent

LOCALE = "vi_VN"
# Babel rounds in the current decimal context, 28 digits by default: 1e25 with a decimal
# place would not fit. Every finite float, even times 100, has at most 311 digits.
DIGITS = 400


def _pattern(decimals: int) -> str:
    """Thousands grouped, at most ``decimals`` places, trailing zeros dropped: "#,##0.#"."""
    return "#,##0" + ("." + "#" * decimals if decimals > 0 else "")


def vietnamese_number(x: float, decimals: int = 1) -> str:
    """``12.4 -> "12,4"``, ``100000 -> "100.000"``; trailing decimal zeros are dropped."""
    with localcontext(prec=DIGITS):
        text = format_decimal(abs(x), format=_pattern(decimals), locale=LOCALE)
    return f"-{text}" if x < 0 and text != "0" else text  # never "-0"


def vietnamese_percent(fraction: float, decimals: int = 1) -> str:
    """A fraction as a percentage: ``0.725 -> "72,5%"``, ``1.0 -> "100%"``."""
    with localcontext(prec=DIGITS):
        text = format_percent(abs(fraction), format=_pattern(decimals) + "%", locale=LOCALE)
    return f"-{text}" if fraction < 0 and text != "0%" else text
