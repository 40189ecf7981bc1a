"""The Tổng quan page as the AppTest tests read it: five big numbers."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

BIG_NUMBERS = (
    "Nhiệm vụ",
    "Đã hoàn thành",
    "Tỷ lệ đúng hạn",
    "Quá hạn",
    "Đến hạn 30 ngày tới",
)


# KH-92A-UBND (seed 001) in 2026: 35 tasks, 24 dated and due in 2025; done by reports sent
# before 04/2026, 6 on time (25%) and 5 late; 13 overdue. Nothing changes during 2026.
KH_92A_IN_2026 = {
    "Nhiệm vụ": ("35", "0"),
    "Đã hoàn thành": ("11", "0"),
    "Tỷ lệ đúng hạn": ("25%", "0"),
    "Quá hạn": ("13", "0"),
    "Đến hạn 30 ngày tới": ("0", "0"),
}


def big_numbers(at: AppTest) -> dict[str, tuple[str, str]]:
    assert not at.exception
    shown = {metric.label: (metric.value, metric.proto.delta) for metric in at.metric}
    return {label: shown[label] for label in BIG_NUMBERS}
