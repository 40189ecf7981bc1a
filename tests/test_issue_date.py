"""A plan's issue date, read from the lines above its table, on the real seed documents."""

from __future__ import annotations

from datetime import date

import pytest

from loaders.issue_date import find_issue_date
from loaders.load import load_file
from sample_data.manifest import SAMPLE_PLAN_DOCX, sample_plan


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        # "(Ban hành kèm theo Kế hoạch số ... /KH-BCĐ ngày / / 2026 …)": day and month blank.
        ("PL-II-2026", None),
        # "(Kèm theo Kế hoạch số 92A/KH-UBND ngày 01 tháng 11 năm 2025 của UBND tỉnh)".
        ("KH-92A-UBND", (date(2025, 11, 1), True)),
        # "(Kèm theo Kế hoạch số /KH-SKHCN ngày tháng 10 năm 2025 …)": the day is blank. The
        # earlier line's "KẾ HOẠCH SỐ 14-KH/BCĐ NGÀY 17/10/2025" is the plan it carries out.
        ("KH-SKHCN-2025", (date(2025, 10, 31), False)),
        # "(Ban hành kèm theo Công văn số /CV-BCĐ ngày tháng 5 năm 2026 của Ban Chỉ đạo)".
        ("DM-BS-2026", (date(2026, 5, 31), False)),
        # Seed 004 starts with its appendix titles and states no date.
        ("DC-CT-NV-2026", None),
    ],
)
def test_issue_date_of_each_sample_plan(code: str, expected: tuple[date, bool] | None) -> None:
    found = load_file(sample_plan(code).path).issue_date
    assert (None if found is None else (found.day, found.exact)) == expected


def test_the_word_document_gives_the_same_month() -> None:
    found = load_file(SAMPLE_PLAN_DOCX).issue_date
    assert found is not None
    assert (found.day, found.exact) == (date(2026, 5, 31), False)
    assert "tháng 5 năm 2026" in found.line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Bắc Ninh, ngày 22 tháng 10 năm 2025", (date(2025, 10, 22), True)),
        ("(Kèm theo Quyết định số 12/QĐ-UBND ngày 3/4/2026)", (date(2026, 4, 3), True)),
        ("(Kèm theo Quyết định số 12/QĐ-UBND ngày 03.04.2026)", (date(2026, 4, 3), True)),
        ("KÈM THEO KẾ HOẠCH SỐ 7 NGÀY 5 THÁNG 1 NĂM 2026", (date(2026, 1, 5), True)),
        # A date in a title that is not an appendix or a place-and-date line is another
        # document's: "Triển khai Kế hoạch số 05-KH/TU, ngày 23/10/2025 …".
        ("Triển khai thực hiện Kế hoạch số 05-KH/TU, ngày 23/10/2025 của Tỉnh ủy", None),
        ("(Kèm theo Kế hoạch số 5 ngày 31/02/2026)", None),  # no such day: nothing to rely on
        ("(Kèm theo Kế hoạch số 5 ngày tháng 13 năm 2026)", None),
    ],
)
def test_issue_date_phrases(line: str, expected: tuple[date, bool] | None) -> None:
    found = find_issue_date([line])
    assert (None if found is None else (found.day, found.exact)) == expected
