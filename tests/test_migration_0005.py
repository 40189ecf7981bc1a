"""Revision 0005: task.reference_document, added empty to the rows a database holds, and
removed again by its downgrade with every row as it was."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from data_access.db import get_engine
from tests.migration_databases import RELEASE_12, NewUrl, downgrade_to, upgrade_to
from tests.schema_shape import schema_shape
from tests.table_contents import copy_rows, table_columns, table_contents


def test_revision_0005_adds_an_empty_reference_document_and_its_downgrade_removes_it(
    new_url: NewUrl,
) -> None:
    engine = get_engine(new_url())
    upgrade_to(engine, "0004")
    copy_rows(create_engine(f"sqlite:///{RELEASE_12}"), engine)
    columns = table_columns(engine)
    before, shape = table_contents(engine, columns), schema_shape(engine)
    upgrade_to(engine, "0005")
    after = schema_shape(engine)
    added = after["task"]["columns"][-1]
    assert added[:3] == ("reference_document", "VARCHAR", False)
    assert after["task"]["columns"][:-1] == shape["task"]["columns"]
    assert {t: s for t, s in after.items() if t != "task"} == {
        t: s for t, s in shape.items() if t != "task"
    }
    assert table_contents(engine, columns) == before
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT reference_number, reference_document FROM task WHERE reference_number <> ''"
            )
        ).all()
    # the release's seed 004 rows (STT (TB02)) keep their numbers and name no document yet
    assert len(rows) == 21 and {document for _number, document in rows} == {""}
    downgrade_to(engine, "0004")
    assert schema_shape(engine) == shape
    assert table_contents(engine, columns) == before
