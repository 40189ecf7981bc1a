"""The plan's task numbers (STT): exported as the plan writes them, sorted as numbers on screen."""

from __future__ import annotations

import pandas as pd

NUMBER_HEADING = "STT"
WHOLE_NUMBER = r"0|[1-9][0-9]*"  # "07" stays text: shown as written


def sortable_numbers(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with its STT column as whole numbers when every number is written in digits,
    so that a click on its heading puts 9 before 10; as text otherwise ("1a", "II")."""
    if NUMBER_HEADING not in table:
        return table
    numbers = table[NUMBER_HEADING]
    if not numbers.dropna().astype(str).str.fullmatch(WHOLE_NUMBER).all():
        return table
    return table.assign(**{NUMBER_HEADING: pd.to_numeric(numbers).astype("Int64")})
