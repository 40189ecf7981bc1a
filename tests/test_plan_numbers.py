"""STT on screen: numbers when the plan writes every one in digits, its text otherwise."""

from __future__ import annotations

import pandas as pd

from ui.plan_numbers import sortable_numbers


def shown(numbers: list[str | None]) -> pd.Series:
    return sortable_numbers(pd.DataFrame({"STT": numbers, "Nhiệm vụ": "A"}))["STT"]


def test_numbers_in_digits_become_whole_numbers_that_sort_9_before_10() -> None:
    column = shown(["9", "10", "28", "3"])
    assert pd.api.types.is_integer_dtype(column)
    assert column.sort_values().tolist() == [3, 9, 10, 28]


def test_a_missing_number_stays_missing() -> None:
    assert shown(["2", None]).tolist() == [2, pd.NA]


def test_any_number_not_in_plain_digits_keeps_the_column_as_written() -> None:
    for odd in ("1a", "II", "07", "1.2", "٣"):  # "07" and Arabic-Indic 3 would show changed
        assert shown(["1", odd]).tolist() == ["1", odd]


def test_a_table_without_numbers_is_left_alone() -> None:
    table = pd.DataFrame({"Nhiệm vụ": ["A"]})
    assert sortable_numbers(table) is table
