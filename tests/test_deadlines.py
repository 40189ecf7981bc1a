import unicodedata
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders.deadlines import month_end, parse_date, parse_deadline, quarter_end, recurring_by_text
from loaders.records import DeadlineKind, Milestone

K = DeadlineKind


@pytest.mark.parametrize(
    ("value", "kind", "due"),
    [
        # a day, always day/month/year
        ("30/6/2026", K.DATE, date(2026, 6, 30)),
        ("01/01/2026", K.DATE, date(2026, 1, 1)),
        ("20/9/2025", K.DATE, date(2025, 9, 20)),
        ("12/11/2026", K.DATE, date(2026, 11, 12)),
        ("30-6-2026", K.DATE, date(2026, 6, 30)),
        ("30.06.2026", K.DATE, date(2026, 6, 30)),
        ("Hoàn thành trước ngày 15/5/2026", K.DATE, date(2026, 5, 15)),
        ("Trước ngày 15/5/2026.", K.DATE, date(2026, 5, 15)),
        ("2026-06-30 00:00:00", K.DATE, date(2026, 6, 30)),
        # spreadsheet cells: real dates and Excel serial numbers
        (datetime(2026, 6, 30, 17, 0), K.DATE, date(2026, 6, 30)),
        (date(2026, 6, 30), K.DATE, date(2026, 6, 30)),
        (46203, K.DATE, date(2026, 6, 30)),
        (46203.0, K.DATE, date(2026, 6, 30)),
        (46203.75, K.DATE, date(2026, 6, 30)),
        # a month: its last day
        ("Tháng 6/2026", K.MONTH, date(2026, 6, 30)),
        ("Tháng 6 năm 2026", K.MONTH, date(2026, 6, 30)),
        ("12/2026", K.MONTH, date(2026, 12, 31)),
        ("Phát động trong tháng 4/2026", K.MONTH, date(2026, 4, 30)),
        ("Tháng 2/2028", K.MONTH, date(2028, 2, 29)),
        # a quarter: its last day
        ("Quý II năm 2026", K.QUARTER, date(2026, 6, 30)),
        ("Quý II/2026", K.QUARTER, date(2026, 6, 30)),
        ("Quý I/2026", K.QUARTER, date(2026, 3, 31)),
        ("Quý 3/2026", K.QUARTER, date(2026, 9, 30)),
        ("Quý III/2026", K.QUARTER, date(2026, 9, 30)),
        ("quý IV năm 2026", K.QUARTER, date(2026, 12, 31)),
        # half a year
        ("6 tháng đầu năm 2026", K.HALF_YEAR, date(2026, 6, 30)),
        ("6 tháng cuối năm 2026", K.HALF_YEAR, date(2026, 12, 31)),
        # a year
        ("Năm 2026", K.YEAR, date(2026, 12, 31)),
        ("Trong năm 2026", K.YEAR, date(2026, 12, 31)),
        ("2026", K.YEAR, date(2026, 12, 31)),
        # NFD text and non-breaking spaces
        (unicodedata.normalize("NFD", "Quý\u00a0II năm 2026"), K.QUARTER, date(2026, 6, 30)),
        (unicodedata.normalize("NFD", "Tháng\u00a06/2026"), K.MONTH, date(2026, 6, 30)),
        ("<p>Trong năm 2026</p>", K.YEAR, date(2026, 12, 31)),
    ],
)
def test_parse_deadline_dated(value, kind, due):
    parsed = parse_deadline(value)
    assert (parsed.kind, parsed.due_date, parsed.problem) == (kind, due, "")
    assert parsed.indicative is False


@pytest.mark.parametrize(
    ("text", "cadence"),
    [
        ("Thường xuyên", ""),
        ("Nhiệm vụ thường xuyên; định kỳ hằng tháng báo cáo kết quả", "hằng tháng"),
        ("Thường xuyên, báo cáo hàng quý", "hằng quý"),
        ("Thường xuyên (báo cáo 6 tháng)", "6 tháng"),
        ("Định kỳ hằng năm", "hằng năm"),
        (unicodedata.normalize("NFD", "THƯỜNG XUYÊN"), ""),
    ],
)
def test_parse_deadline_recurring(text, cadence):
    parsed = parse_deadline(text)
    assert parsed.kind is K.RECURRING
    assert parsed.due_date is None
    assert parsed.reporting_cadence == cadence


# A task's name can make it recurring; a date in its deadline is then its first due date.
@pytest.mark.parametrize(
    ("name", "deadline", "kind", "due", "cadence"),
    [
        # the plans' own marks (92A II.10, II.11, II.21, II.26, II.28; the Sở's #11, #13, #14)
        ("Tăng cường bồi dưỡng, tập huấn (nhiệm vụ thường xuyên).", "31/12/2025",
         K.RECURRING, date(2025, 12, 31), ""),
        ("Chủ động vận dụng cơ chế … (Nhiệm vụ thường xuyên)", "01/01/2026",
         K.RECURRING, date(2026, 1, 1), ""),
        # a name that starts with it (92A II.9)
        ("Thường xuyên triển khai việc rà soát và tăng cường bảo vệ", "01/01/2026",
         K.RECURRING, date(2026, 1, 1), ""),
        # a stated cadence, in either spelling of hằng/hàng
        ("Báo cáo kết quả định kỳ hằng quý", "Quý II/2026", K.RECURRING, date(2026, 6, 30),
         "hằng quý"),
        ("Tổng hợp định kỳ hàng tháng", "30/6/2026", K.RECURRING, date(2026, 6, 30),
         "hằng tháng"),
        ("Báo cáo định kỳ 6 tháng", "", K.RECURRING, None, "6 tháng"),
        # several milestones: the first due date is the earliest
        ("Xây dựng (nhiệm vụ thường xuyên)", "31/5/2026 (A) Tháng 10/2027 (B)", K.RECURRING,
         date(2026, 5, 31), ""),
        # no date at all: recurring without a first due date
        ("Rà soát (nhiệm vụ thường xuyên)", "Sau khi có hướng dẫn", K.RECURRING, None, ""),
        # a recurring deadline takes the name's cadence when it states none
        ("Cập nhật định kỳ hằng năm", "Thường xuyên", K.RECURRING, None, "hằng năm"),
        ("Cập nhật định kỳ hằng năm", "Thường xuyên, báo cáo hàng quý", K.RECURRING, None,
         "hằng quý"),
        # "định kỳ" alone is no cadence (92A II.12 "đánh giá … định kỳ đối với các CSDL")
        ("Tổ chức đánh giá an toàn thông tin định kỳ đối với các CSDL", "31/12/2025",
         K.DATE, date(2025, 12, 31), ""),
        # "thường xuyên" inside a sentence describes how, not that the task recurs
        ("Tổ Giúp việc Ban Chỉ đạo thường xuyên làm việc với các cơ quan", "30/6/2026",
         K.DATE, date(2026, 6, 30), ""),
        # nothing said: the deadline as read
        ("Xếp loại hàng năm các cơ quan", "Quý II/2026", K.QUARTER, date(2026, 6, 30), ""),
    ],
)  # fmt: skip
def test_recurring_by_text(name, deadline, kind, due, cadence):
    own = recurring_by_text(parse_deadline(deadline), name)
    assert (own.kind, own.due_date, own.reporting_cadence) == (kind, due, cadence)
    assert own.text == parse_deadline(deadline).text


def test_recurring_by_text_reads_unnormalised_names():
    name = unicodedata.normalize("NFD", "Tiếp tục rà soát (NHIỆM VỤ THƯỜNG XUYÊN)")
    assert recurring_by_text(parse_deadline("01/01/2026"), name).kind is K.RECURRING


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Theo hướng dẫn của Bộ Khoa học và Công nghệ (31/10/2025)", date(2025, 10, 31)),
        ("Theo lộ trình Bộ Công an (20/12/2025)", date(2025, 12, 20)),
        ("Theo Kế hoạch năm 2025 của Bộ (Quý IV/2025)", date(2025, 12, 31)),
    ],
)
def test_parse_deadline_indicative(text, due):
    parsed = parse_deadline(text)
    assert (parsed.kind, parsed.due_date, parsed.indicative) == (K.INDICATIVE, due, True)


def test_parse_deadline_milestones_keep_labels_and_fall_due_at_the_last():
    parsed = parse_deadline(
        "31/5/2026 (Triển khai giám sát an ninh mạng) "
        "Tháng 10/2027 (Triển khai Xây dựng Trung tâm giám sát an ninh mạng)"
    )
    assert parsed.kind is K.MILESTONES
    assert parsed.milestones == (
        Milestone(date(2026, 5, 31), "Triển khai giám sát an ninh mạng"),
        Milestone(date(2027, 10, 31), "Triển khai Xây dựng Trung tâm giám sát an ninh mạng"),
    )
    assert parsed.due_date == date(2027, 10, 31)


def test_parse_deadline_milestones_may_come_in_any_order():
    parsed = parse_deadline("Quý IV/2026 (Vận hành); 30/6/2026 (Thí điểm năm 2026)")
    assert parsed.kind is K.MILESTONES
    assert [m.label for m in parsed.milestones] == ["Vận hành", "Thí điểm năm 2026"]
    assert parsed.due_date == date(2026, 12, 31)


@pytest.mark.parametrize("value", [None, "", "   ", "<p></p>", float("nan")])
def test_parse_deadline_missing(value):
    parsed = parse_deadline(value)
    assert (parsed.kind, parsed.due_date, parsed.problem) == (K.MISSING, None, "")


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        # dates that do not exist
        ("31/02/2026", "Ngày 31/02/2026 không tồn tại."),
        ("32/1/2026", "Ngày 32/1/2026 không tồn tại."),
        ("Hoàn thành trước ngày 30/2/2026", "Ngày 30/2/2026 không tồn tại."),
        ("13/2026", "Tháng 13/2026 không tồn tại."),
        ("Năm 3026", "Năm 3026 trong «Năm 3026» nằm ngoài khoảng 1990–2100."),
        # text that does not say when
        ("Sớm", "Không đọc được thời hạn «Sớm»."),
        ("ASAP", "Không đọc được thời hạn «ASAP»."),
        ("Quý V/2026", "Không đọc được thời hạn «Quý V/2026»."),
        ("Theo lộ trình Bộ Công an", "Không đọc được thời hạn «Theo lộ trình Bộ Công an»."),
        # words that change the meaning are not ignored
        ("Sau 30/6/2026", "Không đọc được thời hạn «Sau 30/6/2026»."),
        ("Từ tháng 1/2026 đến tháng 6/2026", None),
        ("30/6/2026 hoặc sớm hơn", None),
        # numbers that are no plausible Excel date
        (12, "Không đọc được thời hạn «12»."),
        (True, "Không đọc được thời hạn «True»."),
        (float("inf"), None),
    ],
)
def test_parse_deadline_unparsed_is_explained_not_guessed(value, problem):
    parsed = parse_deadline(value)
    assert parsed.kind is K.UNPARSED
    assert parsed.due_date is None
    if problem is None:
        assert parsed.problem.endswith(".")
    else:
        assert parsed.problem == problem


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # real single dates
        ("30/6/2026", date(2026, 6, 30)),
        ("30-6-2026", date(2026, 6, 30)),
        ("30.06.2026", date(2026, 6, 30)),
        (" ngày 5/1/2026 ", date(2026, 1, 5)),
        (datetime(2026, 6, 30, 9, 30), date(2026, 6, 30)),
        (date(2026, 6, 30), date(2026, 6, 30)),
        (46203, date(2026, 6, 30)),
        # not a single real date
        ("31/02/2026", None),
        ("Tháng 6/2026", None),
        ("Năm 2026", None),
        ("30/6/2026 (Xong)", None),
        ("Đã hoàn thành", None),
        ("", None),
        (None, None),
        (12, None),
        (True, None),
        (float("nan"), None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("year", "month", "expected"),
    [(2026, 2, date(2026, 2, 28)), (2028, 2, date(2028, 2, 29)), (2026, 12, date(2026, 12, 31))],
)
def test_month_end(year, month, expected):
    assert month_end(year, month) == expected


@pytest.mark.parametrize(
    ("quarter", "expected"),
    [
        (1, date(2026, 3, 31)),
        (2, date(2026, 6, 30)),
        (3, date(2026, 9, 30)),
        (4, date(2026, 12, 31)),
    ],
)
def test_quarter_end(quarter, expected):
    assert quarter_end(2026, quarter) == expected


def test_quarter_end_rejects_a_fifth_quarter():
    with pytest.raises(ValueError):
        quarter_end(2026, 5)


CELLS = st.one_of(
    st.none(),
    st.text(),
    st.text(alphabet="0123456789/.- ()QuýIVtháng năm", max_size=30),
    st.integers(),
    st.floats(),
    st.dates(),
    st.datetimes(),
    st.booleans(),
)


@given(CELLS)
def test_parse_deadline_never_raises_and_unparsed_always_explains(value):
    parsed = parse_deadline(value)
    if parsed.kind is K.UNPARSED:
        assert parsed.due_date is None
        assert parsed.problem
    else:
        assert parsed.problem == ""
    if parsed.kind in (K.RECURRING, K.MISSING):
        assert parsed.due_date is None
    else:
        assert (parsed.due_date is None) is (parsed.kind is K.UNPARSED)


@given(CELLS)
def test_parse_date_never_raises(value):
    result = parse_date(value)
    assert result is None or isinstance(result, date)
