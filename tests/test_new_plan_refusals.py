"""A refused plan writes nothing: errors, no tasks, duplicates, a bad period, a second import."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from data_access.imports.new_plan import ImportRefused
from loaders.records import KpiActual as KpiActualRecord
from loaders.records import LoadResult
from tests.plan_records import (
    count_rows,
    first_task,
    import_result,
    plan_error,
    plan_result,
    seeded_engine,
)


@pytest.fixture
def engine() -> Iterator[Engine]:
    engine = seeded_engine()
    yield engine
    engine.dispose()


def _with_duplicate_task() -> LoadResult:
    result = plan_result()
    result.tasks.append(first_task())
    return result


def _with_bad_period() -> LoadResult:
    result = plan_result()
    result.kpis[0].actuals.append(KpiActualRecord("Quý 3", 1.0))
    return result


@pytest.mark.parametrize(
    ("result", "message_part"),
    [
        (LoadResult(file_name="x.xlsx", tasks=[first_task()], problems=[plan_error()]), "1 lỗi"),
        (LoadResult(file_name="rỗng.xlsx"), "không có nhiệm vụ"),
        (_with_duplicate_task(), "Nhiệm vụ số 1 trong mục I bị trùng"),
        (_with_bad_period(), "Kỳ báo cáo “Quý 3”"),
    ],
)
def test_refused_plan_writes_nothing(engine: Engine, result: LoadResult, message_part: str) -> None:
    before = count_rows(engine)
    with pytest.raises(ImportRefused, match=message_part):
        import_result(engine, result)
    assert count_rows(engine) == before


def test_a_plan_code_can_only_be_imported_once(engine: Engine) -> None:
    import_result(engine)
    before = count_rows(engine)
    with pytest.raises(ImportRefused, match="đã có"):
        import_result(engine)
    assert count_rows(engine) == before
