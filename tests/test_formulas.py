"""Finding formula cells saved without their computed value, in a worksheet's XML bytes."""

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from loaders.formulas import UncomputedFormula, first_uncomputed_formula, uncomputed_cells
from tests import hostile_files, zip_bombs

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def sheet_xml(cells: str, prefix: str = "") -> bytes:
    p = f"{prefix}:" if prefix else ""
    xmlns = f"xmlns:{prefix}" if prefix else "xmlns"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet {xmlns}="{MAIN}"><{p}sheetData>'
        f'<{p}row r="1">{cells}</{p}row></{p}sheetData></{p}worksheet>'
    ).encode()


def found(xml: bytes, chunk_bytes: int = 1 << 20) -> list[str]:
    return list(uncomputed_cells(io.BytesIO(xml), chunk_bytes))


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        # as Excel saves: the value follows the formula
        ('<c r="A1"><f>1+1</f><v>2</v></c>', []),
        ('<c r="A1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>', []),
        ('<c r="A1" t="str"><f>""</f><v></v></c>', []),  # computed the empty text
        ('<c r="A1">\n  <f>1+1</f>\n  <v>2</v>\n</c>', []),
        # as openpyxl saves: no value, or an empty one
        ('<c r="A1"><f>1+1</f><v></v></c>', ["A1"]),
        ('<c r="A1"><f>1+1</f><v/></c>', ["A1"]),
        ('<c r="A1"><f>1+1</f></c>', ["A1"]),
        ('<c r="A1" t="b"><f>TRUE()</f><v></v></c>', ["A1"]),  # a boolean always has one
        ('<c r="A1" t="str"><f>"x"</f></c>', ["A1"]),
        # shared formulas: the copies are <f t="shared" si="0"/>
        (
            '<c r="A1"><f t="shared" ref="A1:A3" si="0">B1</f><v>1</v></c>'
            '<c r="A2"><f t="shared" si="0"/></c><c r="A3"><f t="shared" si="0"/><v>3</v></c>',
            ["A2"],
        ),
        # other cells around them
        ('<c r="A1" s="1"/><c r="B1"><f>1</f></c>', ["B1"]),
        ('<c r="A1" t="inlineStr"><is><t>if></t></is></c><c r="B1"><v>2</v></c>', []),
        ("<c><f>1</f></c>", [""]),  # the reference is optional in the format
    ],
)
def test_uncomputed_cells(cells: str, expected: list[str]) -> None:
    assert found(sheet_xml(cells)) == expected


def test_a_sheet_with_a_namespace_prefix() -> None:
    cells = '<x:c r="B2"><x:f>1</x:f></x:c><x:c r="C2"><x:f>1</x:f><x:v>1</x:v></x:c>'
    assert found(sheet_xml(cells, prefix="x")) == ["B2"]


# A cell of each kind, and whether it is a formula without a value.
CELLS = {
    '<c r="{ref}" t="s"><v>0</v></c>': False,
    '<c r="{ref}" s="2"/>': False,
    '<c r="{ref}" t="inlineStr"><is><t>Sở Nội vụ &amp; if></t></is></c>': False,
    '<c r="{ref}"><f>SUM(A1:A9)</f><v>45</v></c>': False,
    '<c r="{ref}" t="str"><f>IF(A1&gt;0,"x","")</f><v></v></c>': False,
    '<c r="{ref}"><f>SUM(A1:A9)</f><v></v></c>': True,
    '<c r="{ref}"><f t="shared" si="0"/></c>': True,
}


@settings(max_examples=60, deadline=None)
@given(
    kinds=st.lists(st.sampled_from(sorted(CELLS)), min_size=1, max_size=40),
    chunk_bytes=st.integers(1, 400),
    prefix=st.sampled_from(["", "x"]),
)
def test_cells_are_found_wherever_the_chunks_are_cut(
    kinds: list[str], chunk_bytes: int, prefix: str
) -> None:
    refs = [f"A{n}" for n in range(1, len(kinds) + 1)]
    cells = "".join(k.format(ref=r) for k, r in zip(kinds, refs, strict=True))
    if prefix:
        cells = cells.replace("<", f"<{prefix}:").replace(f"<{prefix}:/", f"</{prefix}:")
    expected = [r for k, r in zip(kinds, refs, strict=True) if CELLS[k]]
    assert found(sheet_xml(cells, prefix), chunk_bytes) == expected


def test_the_first_cell_is_named_with_its_sheet_in_workbook_order() -> None:
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Tổng hợp"
    first["A1"] = 5
    second = book.create_sheet("Chi tiết")
    second["B3"] = "=1+1"
    second["B4"] = "=B3*2"
    book.create_sheet("Trống")["C9"] = "=B3"
    data = hostile_files.saved(book)
    assert first_uncomputed_formula(io.BytesIO(data)) == UncomputedFormula("Chi tiết", "B3", 2)


def test_sheets_found_through_relative_targets_as_excel_writes_them() -> None:
    data = hostile_files.formula_without_values()
    rels = "xl/_rels/workbook.xml.rels"
    relative = zip_bombs.member_text(data, rels).replace('Target="/xl/', 'Target="')
    data = zip_bombs.repackaged(data, {rels: lambda stream: stream.write(relative.encode())})
    assert first_uncomputed_formula(io.BytesIO(data)) == UncomputedFormula("Sheet1", "C12", 2)


def test_a_workbook_whose_formulas_all_have_values_has_none() -> None:
    data = hostile_files.formula_with_values()
    assert first_uncomputed_formula(io.BytesIO(data)) is None
