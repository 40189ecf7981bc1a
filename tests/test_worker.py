"""prepare in the worker process: the same PreparedUpload as in the caller's process.

Real SQLite files (the worker opens its own session on the URL), real workbooks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from benchmarks.make_big_workbook import write_workbook
from data_access.db import get_engine, session_scope
from data_access.imports import read, worker
from data_access.kinds import ImportKind
from loaders.load import load_bytes
from loaders.records import UnreadableFileError
from tests import zip_bombs
from tests.upload_db import PLAN_CODE, dump, import_file, plan_file

TODAY = date(2026, 11, 30)


def _in_process(url: str, data: bytes, name: str, **choices: Any) -> read.PreparedUpload:
    with session_scope(get_engine(url)) as session:
        return read.prepare(session=session, data=data, file_name=name, **choices)


def test_a_large_workbook_prepares_the_same_in_the_worker(
    sample_copy_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "ke_hoach_lon.xlsx"
    write_workbook(path, 3_000)
    data = path.read_bytes()
    told: list[int] = []
    isolated = worker.prepare_isolated(
        url=sample_copy_url, data=data, file_name=path.name, today=TODAY, progress=told.append
    )
    counted: list[int] = []
    in_process = _in_process(sample_copy_url, data, path.name, today=TODAY, progress=counted.append)
    assert len(isolated.result.tasks) == 3_000
    assert isolated == in_process  # every field: records, problems, guess, the change preview
    assert isolated.changes.frame().equals(in_process.changes.frame())
    assert told == counted and len(told) >= 3


def test_earlier_imports_of_the_same_bytes_come_back_from_the_worker(
    sample_copy_url: str,
) -> None:
    data = plan_file()
    batch = import_file(get_engine(sample_copy_url), data, "ke_hoach.xlsx", plan_code=PLAN_CODE)
    choices: dict[str, Any] = {"kind": ImportKind.PLAN, "plan_code": PLAN_CODE, "today": TODAY}
    isolated = worker.prepare_isolated(
        url=sample_copy_url, data=data, file_name="lai.xlsx", **choices
    )
    in_process = _in_process(sample_copy_url, data, "lai.xlsx", **choices)
    assert [earlier.id for earlier in isolated.earlier] == [batch.id]
    assert [e.model_dump() for e in isolated.earlier] == [
        e.model_dump() for e in in_process.earlier
    ]
    assert replace(isolated, earlier=[]) == replace(in_process, earlier=[])


@pytest.mark.parametrize(
    ("bomb", "name"),
    [
        (zip_bombs.shared_strings_bomb, "chuoi.xlsx"),
        (zip_bombs.forged_size_bomb, "khai_sai.xlsx"),
        (zip_bombs.rows_bomb, "dong.xlsx"),
        (zip_bombs.docx_bomb, "van_ban.docx"),
    ],
)
def test_a_bomb_through_the_page_path_is_one_sentence_and_writes_nothing(
    sample_copy_url: str, bomb: Callable[[], bytes], name: str
) -> None:
    """The loaders' own checks refuse it in the worker; their sentence comes through unchanged."""
    data, before = bomb(), dump(get_engine(sample_copy_url))
    with pytest.raises(UnreadableFileError) as in_worker:
        worker.prepare_isolated(url=sample_copy_url, data=data, file_name=name)
    with pytest.raises(UnreadableFileError) as in_process:
        load_bytes(data, name)  # refused before it inflates: cheap here too
    assert str(in_worker.value) == str(in_process.value)
    assert f"“{name}”" in str(in_worker.value)
    assert dump(get_engine(sample_copy_url)) == before
