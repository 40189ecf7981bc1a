"""Header spellings of the seeds and of returned progress tables map to the right fields."""

import unicodedata

import pytest

from loaders.headers import Column, TableKind, classify, detect_header


@pytest.mark.parametrize(
    ("header", "column"),
    [
        # number columns
        ("Stt", Column.NUMBER),
        ("STT", Column.NUMBER),
        ("TT", Column.NUMBER),
        ("STT.", Column.NUMBER),
        ("Số thứ tự", Column.NUMBER),
        ("STT\n(TB02)", Column.REFERENCE_NUMBER),
        ("STT (TB02)", Column.REFERENCE_NUMBER),
        # task name
        ("Tên nhiệm vụ", Column.NAME),
        ("Nội dung nhiệm vụ", Column.NAME),
        ("Nhiệm vụ", Column.NAME),
        ("TÊN NHIỆM VỤ", Column.NAME),
        # lead / coordinating
        ("Cơ quan chủ trì", Column.LEAD),
        ("Đơn vị chủ trì", Column.LEAD),
        ("Cơ quan chủ trì/theo dõi tổng hợp triển khai", Column.LEAD),
        ("Đơn vị chủ trì theo dõi, đánh giá", Column.LEAD),
        ("Cơ quan phối hợp", Column.COORDINATING),
        ("Đơn vị phối hợp", Column.COORDINATING),
        ("Cơ quan thực hiện/phối hợp", Column.COORDINATING),
        # deadline
        ("Thời gian hoàn thành", Column.DEADLINE),
        ("Hạn hoàn thành", Column.DEADLINE),
        ("Thời gian thực hiện/hoàn thành", Column.DEADLINE),
        ("Thời hạn", Column.DEADLINE),
        # assigning document
        ("Văn bản giao", Column.BASIS),
        ("Căn cứ giao", Column.BASIS),
        ("Văn bản", Column.BASIS),
        # expected output vs description (002 has both "Sản phẩm" and "Mô tả")
        ("Yêu cầu kết quả", Column.EXPECTED_OUTPUT),
        ("Sản phẩm đầu ra", Column.EXPECTED_OUTPUT),
        ("Sản phẩm", Column.EXPECTED_OUTPUT),
        ("Mô tả kết quả, sản phẩm đầu ra", Column.EXPECTED_OUTPUT),
        ("Mô tả", Column.DESCRIPTION),
        # other plan columns
        ("Ghi chú", Column.NOTES),
        ("Lãnh đạo theo dõi", Column.LEADER),
        ("BC BCĐTW", Column.REPORT_TO_CENTRAL),
        ("BC BCDTW", Column.REPORT_TO_CENTRAL),
        ("Đánh giá", Column.EVALUATION),
        ("Nội dung điều chỉnh", Column.ADJUSTMENT),
        # progress columns
        ("Kế hoạch", Column.PLAN_CODE),
        ("Mục", Column.SECTION),
        ("Ngày báo cáo", Column.REPORTED_ON),
        ("Tình trạng", Column.STATUS),
        ("Trạng thái", Column.STATUS),
        ("Ngày hoàn thành", Column.COMPLETION_DATE),
        ("Minh chứng", Column.EVIDENCE),
        # KPI tables
        ("Tên chỉ tiêu", Column.KPI_NAME),
        ("Chỉ tiêu năm 2026", Column.TARGET),
        # not ours
        ("Kinh phí", None),
        ("", None),
    ],
)
def test_classify_every_spelling(header: str, column: Column | None) -> None:
    assert classify(header) == column


@pytest.mark.parametrize("header", ["Tên nhiệm vụ", "Thời gian hoàn thành", "Cơ quan chủ trì"])
def test_classify_ignores_unicode_form_spaces_and_trailing_colon(header: str) -> None:
    variant = unicodedata.normalize("NFD", header).replace(" ", "\u00a0") + ":"
    assert classify(variant) == classify(header)


def test_detect_task_header_of_seed_000_with_a_blank_leading_column() -> None:
    row = [None, "Stt", "Tên nhiệm vụ", "Văn bản giao", "Cơ quan chủ trì", "Cơ quan phối hợp",
           "Thời gian hoàn thành", "Ghi chú"]  # fmt: skip
    header = detect_header(row)
    assert header is not None
    assert header.kind is TableKind.TASKS
    assert header.columns == {
        Column.NUMBER: 1,
        Column.NAME: 2,
        Column.BASIS: 3,
        Column.LEAD: 4,
        Column.COORDINATING: 5,
        Column.DEADLINE: 6,
        Column.NOTES: 7,
    }
    assert header.labels[6] == "Thời gian hoàn thành"


def test_detect_header_of_004_tasks_keeps_both_number_columns() -> None:
    row = ["TT", "STT\n(TB02)", "Tên nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp",
           "Sản phẩm đầu ra", "Thời gian thực hiện/hoàn thành", "Ghi chú"]  # fmt: skip
    header = detect_header(row)
    assert header is not None
    assert header.columns[Column.NUMBER] == 0
    assert header.columns[Column.REFERENCE_NUMBER] == 1
    assert header.labels[1] == "STT (TB02)"
    assert header.reference_document == "TB02"


@pytest.mark.parametrize(
    ("reference", "document"),
    [
        ("STT\n(TB02)", "TB02"),  # seed 004, as written
        ("Số TT ( TB 02 )", "TB 02"),  # spaces inside the brackets go, the name stays
        ("TT (Kế hoạch 07-KH/BCĐ)", "Kế hoạch 07-KH/BCĐ"),
        (None, ""),  # no reference column
    ],
)
def test_a_reference_header_keeps_the_document_it_names(
    reference: str | None, document: str
) -> None:
    header = detect_header(["TT", reference, "Tên nhiệm vụ", "Đơn vị chủ trì"])
    assert header is not None
    assert header.reference_document == document


def test_detect_kpi_header_with_target_year_and_period_columns() -> None:
    row = ["TT", "Tên chỉ tiêu", "Chỉ tiêu năm 2026", "Đơn vị chủ trì theo dõi, đánh giá",
           "Ghi chú", "Kết quả Quý I/2026", "Kết quả 6 tháng đầu năm 2026"]  # fmt: skip
    header = detect_header(row)
    assert header is not None
    assert header.kind is TableKind.KPIS
    assert header.target_year == 2026
    assert header.columns[Column.LEAD] == 3
    assert [(a.column, a.period, a.label) for a in header.actuals] == [
        (5, "2026-Q1", "Kết quả Quý I/2026"),
        (6, "2026-H1", "Kết quả 6 tháng đầu năm 2026"),
    ]


@pytest.mark.parametrize(
    "row",
    [
        ["Tên nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],  # no number column
        ["STT", "Cơ quan chủ trì", "Thời gian hoàn thành"],  # no name column
        ["Phụ lục II: Danh mục các nhiệm vụ trọng tâm"],  # a title row
        [None, 1, "Xây dựng Trung tâm giám sát", "Công an tỉnh"],  # a task row
    ],
)
def test_rows_that_are_not_headers(row: list[object]) -> None:
    assert detect_header(row) is None


def test_first_column_of_a_field_wins_and_layouts_compare() -> None:
    first = detect_header(["STT", "Tên nhiệm vụ", "Ghi chú", "Ghi chú"])
    again = detect_header(["STT", "Tên nhiệm vụ", "Ghi chú", "Ghi chú"])
    other = detect_header(["TT", "Tên chỉ tiêu"])
    assert first is not None and again is not None and other is not None
    assert first.columns[Column.NOTES] == 2
    assert first.same_layout(again)
    assert not first.same_layout(other)
