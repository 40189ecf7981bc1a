"""Numbers written the Vietnamese way: "." between thousands, "," before decimals."""

from __future__ import annotations


def vietnamese_number(x: float, decimals: int = 1) -> str:
    """``12.4 -> "12,4"``, ``100000 -> "100.000"``; trailing decimal zeros are dropped."""
    text = f"{x:,.{decimals}f}" if decimals > 0 else f"{round(x):,}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
