import math
import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders.targets import (
    OPERATORS,
    ParsedTarget,
    is_met,
    parse_actual,
    parse_period_header,
    parse_target,
    period_label,
)


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        # the seeds' targets (004 Phụ lục 01)
        (">80%", "", (">", 80, "%")),
        ("100%", "", (">=", 100, "%")),
        ("50%", "", (">=", 50, "%")),
        ("95%", "", (">=", 95, "%")),
        # operators written as symbols
        ("≥ 80%", "", (">=", 80, "%")),
        (">=80%", "", (">=", 80, "%")),
        ("=> 80%", "", (">=", 80, "%")),
        ("≤ 5%", "", ("<=", 5, "%")),
        ("<=5%", "", ("<=", 5, "%")),
        ("< 10 ngày", "", ("<", 10, "ngày")),
        ("= 100%", "", ("=", 100, "%")),
        ("50 %", "", (">=", 50, "%")),
        # operators written as words
        ("Trên 80%", "", (">", 80, "%")),
        ("Dưới 5%", "", ("<", 5, "%")),
        ("Tối thiểu 30%", "", (">=", 30, "%")),
        ("Ít nhất 30%", "", (">=", 30, "%")),
        ("Không quá 5 ngày", "", ("<=", 5, "ngày")),
        ("Đạt 100%", "", (">=", 100, "%")),
        ("80% trở lên", "", (">=", 80, "%")),
        (unicodedata.normalize("NFD", "Trên\u00a080%"), "", (">", 80, "%")),
        # Vietnamese numbers
        ("82,5%", "", (">=", 82.5, "%")),
        ("82.5%", "", (">=", 82.5, "%")),
        ("1.139 hồ sơ", "", (">=", 1139, "hồ sơ")),
        ("1.234.567", "", (">=", 1234567, "")),
        ("1.234,5 hồ sơ", "", (">=", 1234.5, "hồ sơ")),
        ("25 DVC trực tuyến toàn trình", "", (">=", 25, "DVC trực tuyến toàn trình")),
        # numeric cells
        (0.95, "0%", (">=", 95, "%")),
        (0.825, "0.0%", (">=", 82.5, "%")),
        (25, "", (">=", 25, "")),
        (982.0, "General", (">=", 982, "")),
    ],
)
def test_parse_target(value, number_format, expected):
    parsed = parse_target(value, number_format)
    assert (parsed.operator, parsed.value, parsed.unit) == expected
    assert parsed.problem == ""


def test_parse_target_keeps_the_text_as_written():
    assert parse_target("≥ 80%").text == "≥ 80%"
    assert parse_target(0.825, "0.0%").text == "82,5%"


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        # not a target
        ("Cao", "Không đọc được chỉ tiêu «Cao»."),
        ("Tăng so với năm trước", "Không đọc được chỉ tiêu «Tăng so với năm trước»."),
        # ambiguous numbers are not guessed
        ("1.139", "Không đọc được chỉ tiêu «1.139»."),
        ("1,234,567", "Không đọc được chỉ tiêu «1,234,567»."),
        # two operators
        (">80% trở lên", "Chỉ tiêu «>80% trở lên» có nhiều phép so sánh."),
        # too large to be a number
        ("9" * 400, f"Không đọc được chỉ tiêu «{'9' * 400}»."),
    ],
)
def test_parse_target_unreadable_is_explained(value, problem):
    assert parse_target(value) == ParsedTarget(value, problem=problem)


@pytest.mark.parametrize("value", [None, "", "  ", float("nan")])
def test_parse_target_empty_has_no_problem(value):
    assert parse_target(value) == ParsedTarget("")


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        # numbers
        (75, "", 75.0),
        (75.5, "", 75.5),
        ("75", "", 75.0),
        ("75%", "", 75.0),
        ("75,5 %", "", 75.5),
        ("8 ngày", "", 8.0),
        # percent-formatted fractions
        (0.755, "0.0%", 75.5),
        (1, "0%", 100.0),
        # not an actual
        (None, "", None),
        ("", "", None),
        ("Chưa có số liệu", "", None),
        (">80%", "", None),
        ("1.139", "", None),
        (True, "", None),
        (float("nan"), "", None),
        (1e308, "0%", None),
    ],
)
def test_parse_actual(value, number_format, expected):
    assert parse_actual(value, number_format) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # half years
        ("Kết quả 6 tháng đầu năm 2026", ("2026-H1", date(2026, 6, 30))),
        ("6 tháng cuối năm 2026", ("2026-H2", date(2026, 12, 31))),
        # quarters
        ("Kết quả Quý III/2026", ("2026-Q3", date(2026, 9, 30))),
        ("Kết quả quý 3 năm 2026", ("2026-Q3", date(2026, 9, 30))),
        ("Thực hiện Quý I/2026", ("2026-Q1", date(2026, 3, 31))),
        ("KẾT QUẢ QUÝ IV/2026", ("2026-Q4", date(2026, 12, 31))),
        # months
        ("Kết quả tháng 5/2026", ("2026-05", date(2026, 5, 31))),
        ("Kết quả tháng 12 năm 2026", ("2026-12", date(2026, 12, 31))),
        # years
        ("Kết quả năm 2026", ("2026", date(2026, 12, 31))),
        ("Ước thực hiện năm 2026", ("2026", date(2026, 12, 31))),
        ("Kết quả thực hiện năm 2026 (%)", ("2026", date(2026, 12, 31))),
        (unicodedata.normalize("NFD", "Kết\u00a0quả năm 2026"), ("2026", date(2026, 12, 31))),
        # not a column of actuals
        ("Chỉ tiêu năm 2026", None),
        ("Kế hoạch năm 2026", None),
        ("Mục tiêu Quý II/2026", None),
        ("Tên chỉ tiêu", None),
        ("Kết quả", None),
        ("Kết quả tháng 13/2026", None),
        ("Kết quả năm 3026", None),
        ("", None),
    ],
)
def test_parse_period_header(header, expected):
    assert parse_period_header(header) == expected


@pytest.mark.parametrize(
    ("period", "label"),
    [
        ("2026-H1", "6 tháng đầu năm 2026"),
        ("2026-H2", "6 tháng cuối năm 2026"),
        ("2026-Q1", "Quý I/2026"),
        ("2026-Q3", "Quý III/2026"),
        ("2026-05", "Tháng 05/2026"),
        ("2026", "Năm 2026"),
        ("khác", "khác"),
        ("2026-Q9", "2026-Q9"),
    ],
)
def test_period_label(period, label):
    assert period_label(period) == label


def test_period_label_reads_back_as_the_same_period():
    for period in ("2026-H1", "2026-H2", "2026-Q2", "2026-Q4", "2026-11", "2026"):
        header = parse_period_header(f"Kết quả {period_label(period)}")
        assert header is not None
        assert header[0] == period


@pytest.mark.parametrize(
    ("operator", "target", "actual", "met"),
    [
        # strict: exactly the target is not enough
        (">", 80, 80, False),
        (">", 80, 80.1, True),
        (">=", 80, 80, True),
        (">=", 80, 79.9, False),
        (">=", 95, 0.95 * 100, True),
        ("=", 100, 100, True),
        ("=", 100, 99, False),
        ("<", 10, 10, False),
        ("<", 10, 9, True),
        ("<=", 5, 5, True),
        ("<=", 5, 5.5, False),
    ],
)
def test_is_met(operator, target, actual, met):
    assert is_met(operator, target, actual) is met


def test_is_met_rejects_an_unknown_operator():
    with pytest.raises(ValueError):
        is_met("~", 1, 1)


CELLS = st.one_of(
    st.none(),
    st.text(),
    st.text(alphabet="0123456789.,% <>=≥≤ngàyTrên", max_size=20),
    st.integers(),
    st.floats(),
    st.booleans(),
)


@given(CELLS, st.sampled_from(["", "0%", "0.0%", "General", "#,##0"]))
def test_parse_target_never_raises_and_explains_failures(value, number_format):
    parsed = parse_target(value, number_format)
    if parsed.value is None:
        assert parsed.operator is None
        assert bool(parsed.problem) is bool(parsed.text)
    else:
        assert parsed.operator in OPERATORS
        assert math.isfinite(parsed.value)


@given(CELLS, st.sampled_from(["", "0%", "0.0%"]))
def test_parse_actual_never_raises(value, number_format):
    result = parse_actual(value, number_format)
    assert result is None or math.isfinite(result)


@given(st.text())
def test_parse_period_header_never_raises(header):
    result = parse_period_header(header)
    assert result is None or period_label(result[0]) != result[0]
