"""The filter sidebar's choices: plans in import order, agencies as read, sections I..X."""

from __future__ import annotations

import pandas as pd

from data_access.queries.filter_options import filter_options


def tasks() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "plan_code": ["KH-09", "KH-09", "KH-02", "KH-02", "KH-02"],
            "plan_title": ["Kế hoạch chuyển đổi số"] * 2 + ["Kế hoạch KHCN"] * 3,
            "section_code": ["X", "V", "IX", None, "IV"],
        }
    )


def test_plans_keep_import_order_with_their_title() -> None:
    options = filter_options(tasks(), [])
    assert options.plans == {"KH-09": "Kế hoạch chuyển đổi số", "KH-02": "Kế hoạch KHCN"}


def test_sections_in_numeric_order_of_their_roman_numerals() -> None:
    options = filter_options(tasks(), [])
    assert options.sections == ("IV", "V", "IX", "X")  # 4, 5, 9, 10; as text: IV, IX, V, X


def test_agencies_sorted_with_accents_folded() -> None:
    names = ["Ủy ban nhân dân xã A", "Sở Y tế", "Công an tỉnh", "Sở Tài chính"]
    options = filter_options(tasks(), names)
    # Folded: "cong an…" < "so tai…" < "so y…" < "uy ban…" (Ủ sorts as U, not after Z).
    assert options.agencies == ("Công an tỉnh", "Sở Tài chính", "Sở Y tế", "Ủy ban nhân dân xã A")
