""" "A (B)" cells: a responsible agency and its executing or standing unit, both linked."""

from __future__ import annotations

import pytest

from tests.agency_names import (
    CA,
    DIRECTORY,
    SKHCN,
    STC,
    TO_GIUP_VIEC,
    TT_HCC,
    VP_UB,
    seed_agency_cells,
)

# Every seed cell written "A (B)" (001's service centre, 003's Tổ Giúp việc), as
# (name, the agency it is the unit of) pairs: B is returned after A, A is kept.
A_B_CELLS: dict[str, list[tuple[str, str]]] = {
    # 001 I.1 coordinating: a single agency, then "A (B)"
    "Sở Khoa học và Công nghệ, Văn phòng UBND tỉnh (Trung tâm phục vụ hành chính công tỉnh)": [
        (SKHCN, ""),
        (VP_UB, ""),
        (TT_HCC, VP_UB),
    ],
    # 001 II.2 lead (and II.3, whose cell the page break cuts before the bracket)
    "Văn phòng UBND tỉnh (Trung tâm phục vụ hành chính công tỉnh), Công an tỉnh": [
        (VP_UB, ""),
        (TT_HCC, VP_UB),
        (CA, ""),
    ],
    # 001 II.4 coordinating: the bracket alone
    "Văn phòng UBND tỉnh (Trung tâm phục vụ hành chính công tỉnh)": [(VP_UB, ""), (TT_HCC, VP_UB)],
    # 003 task 1 lead: the bracket names the standing agency after a role phrase
    "Tổ Giúp việc Ban Chỉ đạo (Cơ quan thường trực là Sở Khoa học và Công nghệ)": [
        (TO_GIUP_VIEC, ""),
        (SKHCN, TO_GIUP_VIEC),
    ],
}


@pytest.mark.parametrize(("cell", "expected"), list(A_B_CELLS.items()))
def test_a_b_cells_of_the_seeds_link_both_and_keep_the_relation(
    cell: str, expected: list[tuple[str, str]]
) -> None:
    assert cell in seed_agency_cells()  # written so in a seed, not made up
    assert [(m.name, m.unit_of) for m in DIRECTORY.split(cell)] == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # the page break of 001 II.3: "A" on one line, "(B), C" on the next
        (
            "Văn phòng UBND tỉnh\n(Trung tâm phục vụ hành chính công tỉnh), Công an tỉnh",
            [(VP_UB, ""), (TT_HCC, VP_UB), (CA, "")],
        ),
        # a bracket that does not end with a known name is a note, not a unit
        ("Công an tỉnh (b/c)", [(CA, "")]),
        ("Sở Tài chính (Sở Nội vụ thẩm định)", [(STC, "")]),
        # a bracket after an unknown name names no unit of it
        ("Ban Quản lý dự án (Sở Tài chính)", [("Ban Quản lý dự án (Sở Tài chính)", "")]),
    ],
)
def test_a_b_edge_cases(cell: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.name, m.unit_of) for m in DIRECTORY.split(cell)] == expected
