"""Status and "BC BCĐTW" cells read from their Vietnamese words."""

import pytest

from loaders.status_words import reported_to_central, status_reading


@pytest.mark.parametrize(
    ("status", "reading"),
    [
        # (done, known)
        ("Đã hoàn thành", (True, True)),
        ("(Đã thực hiện)", (True, True)),
        ("Đang triển khai", (False, True)),
        ("Chậm so với kế hoạch", (False, True)),
        ("Tạm dừng", (False, True)),
        ("Xem báo cáo kèm theo", (False, False)),
    ],
)
def test_status_reading(status: str, reading: tuple[bool, bool]) -> None:
    assert status_reading(status) == reading


@pytest.mark.parametrize(
    ("cell", "reported"),
    [("x", True), ("Có", True), ("Không", False), ("0", False), ("-", False), ("", False)],
)
def test_reported_to_central(cell: str, reported: bool) -> None:
    assert reported_to_central(cell) is reported
