"""Hostile files that can be read, through the page's path: the worker reads and previews
them, the user is told what is wrong, and nothing is written.

Bombs, refused before they are read, are in test_worker.py; each limit at its boundary is
in test_limits.py and test_limits_zip.py. Here the files open, so what stops them is the
check of each value, and the commit that refuses a file with errors.
"""

from __future__ import annotations

import resource
from collections.abc import Callable

import pytest

from data_access.accounts import SHELL_ADMIN
from data_access.db import get_engine, session_scope
from data_access.imports import worker, write
from data_access.imports.new_plan import ImportRefused
from loaders.limits import MAX_AGENCY_CHARS, MAX_NAME_CHARS, PARSE_SECONDS
from loaders.records import ProblemCode, UnreadableFileError
from tests import hostile_files
from tests.hostile_files import FIRST_TASK_ROW, SHEET_NAME
from tests.upload_db import dump

NAME_COLUMN = "Tên nhiệm vụ"  # column B of the seed plan 000
LEAD_COLUMN = "Cơ quan chủ trì"  # column D


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        # a cell past Excel's own maximum: reported at its cell, with the limit it broke
        (
            hostile_files.huge_cell,
            [(SHEET_NAME, FIRST_TASK_ROW, NAME_COLUMN, "32.767")],
        ),
        # a name and an agency each past its field's maximum (the cell limit aside)
        (
            lambda: hostile_files.long_names(MAX_NAME_CHARS + 1, MAX_AGENCY_CHARS + 1),
            [
                (SHEET_NAME, FIRST_TASK_ROW, NAME_COLUMN, "4.000"),
                (SHEET_NAME, FIRST_TASK_ROW, LEAD_COLUMN, "300"),
            ],
        ),
    ],
    ids=["huge cell", "long name and agency"],
)
def test_an_over_long_value_is_named_and_the_upload_writes_nothing(
    sample_copy_url: str,
    build: Callable[[], bytes],
    expected: list[tuple[str, int, str, str]],
) -> None:
    engine = get_engine(sample_copy_url)
    before, cpu_before = dump(engine), children_cpu_seconds()
    upload = worker.prepare_isolated(url=sample_copy_url, data=build(), file_name="kh.xlsx")
    too_long = [p for p in upload.errors if p.code is ProblemCode.TOO_LONG]
    assert [(p.sheet, p.row, p.column) for p in too_long] == [e[:3] for e in expected]
    for problem, (*_, limit) in zip(too_long, expected, strict=True):
        assert f"tối đa {limit} ký tự" in problem.message
        assert len(problem.message) < 1_000  # the value is quoted, not copied whole
    with session_scope(engine, write=True) as session, pytest.raises(ImportRefused) as refused:
        write.commit(session=session, actor=SHELL_ADMIN, upload=upload)
    assert "chưa nạp dữ liệu nào" in str(refused.value)
    assert dump(engine) == before
    assert children_cpu_seconds() - cpu_before < PARSE_SECONDS


def test_fifty_thousand_continuation_rows_read_within_the_limits_and_write_nothing(
    sample_copy_url: str,
) -> None:
    """50,000 rows of 17 characters continue one name: 850,000+ characters, past the
    name's maximum; the read is linear, so it ends well inside the time limit."""
    engine = get_engine(sample_copy_url)
    before, cpu_before = dump(engine), children_cpu_seconds()
    upload = worker.prepare_isolated(
        url=sample_copy_url, data=hostile_files.continuation_rows(50_000), file_name="dai.xlsx"
    )
    assert [(p.code, p.row) for p in upload.errors] == [(ProblemCode.TOO_LONG, 3)]
    assert [task.number for task in upload.result.tasks] == ["1", "2"]
    with session_scope(engine, write=True) as session, pytest.raises(ImportRefused):
        write.commit(session=session, actor=SHELL_ADMIN, upload=upload)
    assert dump(engine) == before
    assert children_cpu_seconds() - cpu_before < PARSE_SECONDS


def test_formulas_without_values_are_refused_naming_a_cell_and_write_nothing(
    sample_copy_url: str,
) -> None:
    engine = get_engine(sample_copy_url)
    before = dump(engine)
    with pytest.raises(UnreadableFileError) as refused:
        worker.prepare_isolated(
            url=sample_copy_url, data=hostile_files.formula_without_values(), file_name="ct.xlsx"
        )
    message = str(refused.value)
    assert message.startswith("Ô C12 (trang “Sheet1”)")
    assert "hãy mở tệp bằng Excel" in message
    assert dump(engine) == before
