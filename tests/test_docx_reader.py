"""Word plans: merged cells, tables split at page breaks, layout tables before the plan."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from docx import Document
from docx.oxml.table import CT_Tbl

from loaders.docx_reader import row_values
from loaders.limits import MAX_COLUMNS
from loaders.load import load_file
from loaders.records import ProblemCode

MakeDocx = Callable[..., Path]
HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
          "Ghi chú"]  # fmt: skip


def test_merged_section_rows_give_numeral_and_title_once(make_docx: MakeDocx) -> None:
    path = make_docx(
        [
            [
                HEADER,
                ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "", "", "", ""],
                [
                    "1",
                    "Tổ chức thi trực tuyến",
                    "Sở Khoa học và Công nghệ",
                    "Sở Nội vụ",
                    "Phát động trong tháng 4/2026",
                    "(Đã thực hiện)",
                ],
                ["II. TUYÊN TRUYỀN", "", "", "", "", ""],
                ["2", "Quán triệt cơ chế", "Sở Tài chính", "", "Thường xuyên", ""],
            ]
        ],
        title="Phụ lục\nDANH MỤC BỔ SUNG",
        merges=[(0, 1, 1, 1, 5), (0, 3, 0, 3, 5)],
    )
    document = Document(str(path))
    row = row_values(document.element.body.tbl_lst[0].tr_lst[1], {})
    assert row.values == ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", None, None, None, None]
    assert row.inherited == frozenset()

    result = load_file(path)
    one, two = result.tasks
    assert (one.section, one.section_title) == ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH")
    assert one.completed and one.due_date == date(2026, 4, 30)
    assert (one.sheet, one.source_row) == ("Bảng 1", 3)
    assert (two.section, two.section_title) == ("II", "TUYÊN TRUYỀN")
    assert result.title == "Phụ lục DANH MỤC BỔ SUNG"
    assert result.problems == []


def test_a_lead_merged_down_over_two_tasks_belongs_to_both(make_docx: MakeDocx) -> None:
    path = make_docx(
        [
            [
                HEADER,
                ["1", "Rà soát quy trình", "Văn phòng UBND tỉnh", "", "30/6/2026", ""],
                ["2", "Cắt giảm thủ tục", "", "", "31/12/2026", ""],
            ]
        ],
        merges=[(0, 1, 2, 2, 2)],
    )
    one, two = load_file(path).tasks
    assert one.lead_agencies == two.lead_agencies == ["Văn phòng UBND tỉnh"]


def test_a_task_split_across_two_tables_is_one_task(make_docx: MakeDocx) -> None:
    layout = [["UBND TỈNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["Số: /KH-UBND", ""]]
    first = [HEADER, ["1", "Tiếp tục thực hiện rà soát, nâng cấp hệ thống thông tin, kết",
                      "Văn phòng UBND tỉnh", "Sở Khoa học và", "31/12/2025", ""]]  # fmt: skip
    second = [HEADER, ["", "nối, chia sẻ dữ liệu", "", "Công nghệ", "", ""],
              ["2", "Số hoá hồ sơ", "Sở Nội vụ", "", "Hạn chót chưa rõ", ""]]  # fmt: skip
    result = load_file(make_docx([layout, first, second]))
    one, two = result.tasks
    assert one.name.endswith("hệ thống thông tin, kết nối, chia sẻ dữ liệu")
    assert one.coordinating_agencies == ["Sở Khoa học và Công nghệ"]
    assert (one.sheet, one.source_row, two.sheet, two.source_row) == ("Bảng 2", 2, "Bảng 3", 3)
    assert [(p.sheet, p.row, p.column, p.code) for p in result.problems] == [
        ("Bảng 3", 3, "Thời gian hoàn thành", ProblemCode.UNPARSED_DEADLINE)
    ]


def _table(rows: list[list[str]]) -> CT_Tbl:
    """A Word table's XML, built by python-docx."""
    document = Document()
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    return document.element.body.tbl_lst[0]


def test_a_merge_from_above_with_no_cell_above_reads_as_a_plain_cell() -> None:
    tbl = _table([["a", "b", "c"], ["d", "e", "f"]])
    first, second = tbl.tr_lst
    first.tc_lst[1].vMerge = "continue"  # nothing above the first row
    second.tc_lst[1].vMerge = "continue"
    top = row_values(first, {})
    assert (top.values, top.inherited) == (["a", "b", "c"], frozenset())
    below = row_values(second, top.starts)
    assert (below.values, below.inherited) == (["d", "b", "f"], frozenset({1}))


def test_a_merge_from_above_where_the_row_above_has_no_cell_starting_there() -> None:
    tbl = _table([["a", "b", "c"], ["d", "e", "f"]])
    first, second = tbl.tr_lst
    first.tc_lst[0].grid_span = 2  # "a" spans columns 0-1: no cell starts at column 1
    first.remove(first.tc_lst[1])
    second.tc_lst[1].vMerge = "continue"
    top = row_values(first, {})
    assert top.values == ["a", None, "c"]
    below = row_values(second, top.starts)
    assert (below.values, below.inherited) == (["d", "e", "f"], frozenset())


def test_a_table_nested_twice_is_read_into_its_cell() -> None:
    document = Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "1"
    cell = outer.cell(0, 1)
    cell.text = "Các bước:"
    inner = cell.add_table(rows=2, cols=2)
    for r, c, text in [(0, 0, "Bước 1"), (1, 0, "Bước 2"), (1, 1, "Triển khai")]:
        inner.cell(r, c).text = text
    innermost = inner.cell(0, 1).add_table(rows=1, cols=2)
    innermost.cell(0, 0).text = "Khảo sát"
    innermost.cell(0, 1).text = "đánh giá\nhiện trạng"
    tbl = document.element.body.tbl_lst[0]
    row = row_values(tbl.tr_lst[0], {})
    # each nested row on its own line; a cell's lines (and deeper tables) joined by spaces
    assert row.values == [
        "1",
        "Các bước:\nBước 1 | Khảo sát | đánh giá hiện trạng\nBước 2 | Triển khai\n",
    ]
    assert row.nested == (1,)


def test_a_huge_span_costs_no_more_than_the_columns_read() -> None:
    tbl = _table([["a", "b", "c"]])
    (tr,) = tbl.tr_lst
    tr.tc_lst[0].grid_span = 100_000_000  # a few bytes of XML
    row = row_values(tr, {})
    assert row.values == ["a", *[None] * (MAX_COLUMNS - 1), "b", "c"]
