"""The choices the filter sidebar offers, from the data in force."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from loaders.text import fold, roman_to_int


@dataclass(frozen=True)
class FilterOptions:
    """The choices the filter sidebar offers, from the data in force."""

    plans: dict[str, str]  # plan code -> title, in import order (plans with tasks)
    agencies: tuple[str, ...]  # every agency linked to a task, alphabetical
    sections: tuple[str, ...]  # section codes (Roman numerals), in numeric order


def filter_options(tasks: pd.DataFrame, agencies: Iterable[str]) -> FilterOptions:
    """The options for ``tasks`` (``dashboard.task_base_frame``, in plan import order).

    Agencies sort as Vietnamese readers look them up (accents folded, then as
    written); sections in numeric order of their Roman numerals (I, II, …, IX, X),
    codes that are not Roman numerals last.
    """
    plan_rows = tasks[["plan_code", "plan_title"]].drop_duplicates("plan_code")
    sections = tasks["section_code"].fillna("").astype(str).unique().tolist()
    return FilterOptions(
        plans=dict(zip(plan_rows["plan_code"], plan_rows["plan_title"], strict=True)),
        agencies=tuple(sorted(agencies, key=lambda name: (fold(name), name))),
        sections=tuple(sorted((s for s in sections if s), key=_section_order)),
    )


def _section_order(code: str) -> tuple[int, str]:
    return (roman_to_int(code) or 10_000, code)
