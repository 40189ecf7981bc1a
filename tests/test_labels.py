from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import labels
from data_access.kinds import AgencyKind
from data_access.queries.statuses import MilestoneState, TaskStatus
from loaders.records import DeadlineKind


# --- Every code has a Vietnamese label ---
@pytest.mark.parametrize(
    ("enum", "mapping"),
    [
        (TaskStatus, labels.STATUS_LABELS),
        (AgencyKind, labels.AGENCY_KIND_LABELS),
        (DeadlineKind, labels.DEADLINE_KIND_LABELS),
        (MilestoneState, labels.MILESTONE_STATE_LABELS),
    ],
)
def test_every_code_has_a_label(enum: type, mapping: dict[str, str]) -> None:
    assert set(mapping) == {member.value for member in enum}
    assert all(text.strip() for text in mapping.values())


def test_status_labels_match_the_national_system() -> None:
    assert [labels.STATUS_LABELS[s] for s in labels.STATUS_ORDER] == [
        "Hoàn thành đúng hạn",
        "Hoàn thành quá hạn",
        "Hoàn thành – thiếu minh chứng",
        "Đang thực hiện trong hạn",
        "Chậm mốc",
        "Quá hạn",
        "Thường xuyên – đã báo cáo kỳ này",
        "Thường xuyên – chưa báo cáo kỳ này",
        "Thường xuyên – chưa đến kỳ báo cáo",
        "Chưa xác định hạn",
    ]
    assert set(labels.STATUS_ORDER) == set(TaskStatus)


def test_status_label_accepts_plain_strings_and_keeps_unknown_codes() -> None:
    assert labels.status_label("overdue") == "Quá hạn"
    assert labels.status_label(TaskStatus.OVERDUE) == "Quá hạn"
    assert labels.status_label("weird") == "weird"


def test_ageing_buckets_have_day_labels_in_order() -> None:
    assert labels.AGEING_BUCKETS == ("1–30", "31–90", "91–180", ">180")
    assert [labels.AGEING_BUCKET_LABELS[b] for b in labels.AGEING_BUCKETS] == [
        "1–30 ngày",
        "31–90 ngày",
        "91–180 ngày",
        "Trên 180 ngày",
    ]


def test_illustrative_note_says_minh_hoa() -> None:
    assert "MINH HỌA" in labels.ILLUSTRATIVE_NOTE


# --- Dates: day first, zero padded ---
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2026, 6, 30), "30/06/2026"),
        (date(2026, 1, 5), "05/01/2026"),
        (None, ""),
    ],
)
def test_format_date(value: date | None, expected: str) -> None:
    assert labels.format_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(date(2026, 6, 1), "06/2026"), (date(2025, 12, 31), "12/2025"), (None, "")],
)
def test_format_month(value: date | None, expected: str) -> None:
    assert labels.format_month(value) == expected


# --- Percentages: a fraction in, decimal comma out ---
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.725, "72,5%"),
        (1.0, "100%"),
        (0.0, "0%"),
        (0.3333, "33,3%"),
        (12.5, "1.250%"),
        (0.125, "12,5%"),
        (-0.0004, "0%"),  # -0,04%: shown rounded, never as "-0%"
        (-0.05, "-5%"),
        (None, "—"),
        (float("nan"), "—"),
    ],
)
def test_format_percent(value: float | None, expected: str) -> None:
    assert labels.format_percent(value) == expected


# --- Whole numbers: dot between thousands ---
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"),
        (982, "982"),
        (1000, "1.000"),
        (1234567, "1.234.567"),
        (-4500, "-4.500"),
        (2.6, "3"),
        (None, "—"),
    ],
)
def test_format_int(value: float | None, expected: str) -> None:
    assert labels.format_int(value) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (80.0, 1, "80"),
        (82.5, 1, "82,5"),
        (1234.56, 2, "1.234,56"),
        (-0.01, 1, "0"),
        (-1234.5, 1, "-1.234,5"),
        (1234567.891, 0, "1.234.568"),
        (0.125, 2, "0,12"),  # a half rounds to the even digit, as Babel does
        (0.15, 1, "0,2"),  # the number as written, 0.15, not its binary 0.1499…
        (12.5, 0, "12"),
        (1e25, 1, "10.000.000.000.000.000.000.000.000"),  # past Babel's default 28 digits
    ],
)
def test_format_decimal(value: float, decimals: int, expected: str) -> None:
    assert labels.format_decimal(value, decimals) == expected


# --- KPI targets read with their operator ---
@pytest.mark.parametrize(
    ("operator", "value", "unit", "expected"),
    [
        (">", 80.0, "%", "> 80%"),
        (">=", 80.0, "%", "≥ 80%"),
        ("<=", 5.0, " ngày", "≤ 5 ngày"),
        (None, 100.0, "%", "100%"),
        (">", None, "%", "—"),
    ],
)
def test_format_target(operator: str | None, value: float | None, unit: str, expected: str) -> None:
    assert labels.format_target(operator, value, unit) == expected


@given(st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True, width=64)))
def test_formatters_never_raise(value: float | None) -> None:
    assert isinstance(labels.format_percent(value), str)
    assert isinstance(labels.format_int(value), str)
    assert isinstance(labels.format_decimal(value), str)
