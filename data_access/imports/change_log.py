"""Record every row an import writes, so that undo can put the earlier state back exactly.

While ``tracking_changes`` is active, each flush of the session appends, for every
row of a tracked table, what happened to it and what it held before; rows inserted
together without the session (``insert_rows``) are appended as one entry listing their
keys, as they are inserted. The log is written as ImportChange rows;
``replay_backwards`` undoes them in reverse order with plain SQL statements, so each
step sees the same database as the import did.

One entry per ``insert_rows`` call, not per row: a new 10,000-task plan inserts 45,000
rows, and logging each of them took ~2.4 s of its commit (JSON ~0.8 s, storing ~1.6 s;
benchmarks/RESULTS.md). Logs written before hold an "insert" entry per row; undo
still reads them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, and_, delete, event, inspect, tuple_
from sqlalchemy.orm import Mapper, UOWTransaction
from sqlmodel import Session, SQLModel, col, select

from data_access.imports.bulk import insert_many, table_of
from data_access.models import ImportChange

UNTRACKED = frozenset({"importbatch", "importchange"})  # the history itself
ACTIVE_LOG = "change_log"  # session.info key of the log ``tracking_changes`` fills
INSERT, UPDATE, DELETE = "insert", "update", "delete"
INSERTS = "inserts"  # rows inserted together; row_key lists their ids (or key dicts)
# Keys per DELETE statement when undoing inserts: with at most 3 key columns, 15,000
# bound parameters, well under SQLite's limit of 32,766.
DELETE_CHUNK = 5_000


@dataclass
class ChangeLog:
    """Changes in the order the database saw them."""

    entries: list[tuple[str, str, dict[str, Any] | list[Any], dict[str, Any]]] = field(
        default_factory=list
    )

    def write(self, *, session: Session, batch_id: int) -> int:
        """Store the log as ImportChange rows of ``batch_id``; returns how many.

        One INSERT for all of them: built as SQLModel objects, the 45,000 changes of a
        new 10,000-task plan took 12.9 s to store on SQLite (profiled).
        """
        rows = [
            {
                "import_batch_id": batch_id,
                "position": position,
                "table_name": table,
                "action": action,
                "row_key": _dumps(key),
                "before": _dumps(before) if before else "",
            }
            for position, (table, action, key, before) in enumerate(self.entries)
        ]
        session.flush()
        insert_many(session.connection(), table_of(ImportChange), rows, ids=False)
        return len(rows)

    def _after_flush(self, session: Session, _context: UOWTransaction) -> None:
        order = {table.name: i for i, table in enumerate(SQLModel.metadata.sorted_tables)}
        saved = [(INSERT, obj) for obj in session.new] + [
            (UPDATE, obj) for obj in session.dirty if session.is_modified(obj)
        ]
        saved.sort(key=lambda item: order.get(table_of(item[1]).name, 0))
        deleted = sorted(session.deleted, key=lambda obj: -order.get(table_of(obj).name, 0))
        for action, obj in [*saved, *((DELETE, obj) for obj in deleted)]:
            table = table_of(obj)
            if table.name in UNTRACKED:
                continue
            before = {} if action == INSERT else _before_image(obj, current=action == DELETE)
            self.entries.append((table.name, action, _key(obj), before))


@contextmanager
def tracking_changes(session: Session) -> Iterator[ChangeLog]:
    """Log every insert, update and delete flushed by ``session`` inside the block."""
    log = ChangeLog()
    event.listen(session, "after_flush", log._after_flush)
    session.info[ACTIVE_LOG] = log
    try:
        yield log
    finally:
        del session.info[ACTIVE_LOG]
        event.remove(session, "after_flush", log._after_flush)


def insert_rows(
    session: Session, model: type[SQLModel], rows: Sequence[dict[str, Any]]
) -> list[int]:
    """Insert ``rows`` (every column but the id) into ``model``'s table at once, in order,
    logged when ``session`` is tracked; returns their ids (none for a table without one).

    What the session holds is flushed first, so the log keeps the order in which the
    database saw the changes.
    """
    if not rows:
        return []
    session.flush()
    table = table_of(model)
    with_ids = "id" in table.c
    ids = insert_many(session.connection(), table, rows, ids=with_ids)
    log: ChangeLog | None = session.info.get(ACTIVE_LOG)
    if log is not None and table.name not in UNTRACKED:
        keys: list[Any] = (
            ids  # a table with an id: the ids alone
            if with_ids
            else [{column.name: row[column.name] for column in table.primary_key} for row in rows]
        )
        log.entries.append((table.name, INSERTS, keys, {}))
    return ids


def replay_backwards(*, session: Session, batch_id: int, chunk: int = DELETE_CHUNK) -> int:
    """Undo the logged changes of ``batch_id``, last first; returns how many were undone.

    Inserted rows are deleted ``chunk`` keys per statement.
    """
    changes = session.exec(
        select(ImportChange)
        .where(ImportChange.import_batch_id == batch_id)
        .order_by(col(ImportChange.position).desc())
    ).all()
    tables = SQLModel.metadata.tables
    for change in changes:
        table = tables[change.table_name]
        if change.action in (INSERT, INSERTS):
            _delete_rows(session, table, _inserted(change), chunk=chunk)
            continue
        key = _loads(change.row_key)
        where = and_(*(table.c[name] == value for name, value in key.items()))
        if change.action == UPDATE:
            session.execute(table.update().where(where).values(**_loads(change.before)))
        else:
            session.execute(table.insert().values(**_loads(change.before)))
    return len(changes)


def _inserted(change: ImportChange) -> list[dict[str, Any]]:
    """The keys of the rows an insert entry stands for: one ("insert"), or a list ("inserts")."""
    if change.action == INSERT:
        return [_loads(change.row_key)]
    return [
        {name: _decode(value) for name, value in item.items()}
        if isinstance(item, dict)
        else {"id": item}
        for item in json.loads(change.row_key)
    ]


def _delete_rows(session: Session, table: Table, keys: list[dict[str, Any]], *, chunk: int) -> None:
    """Delete the rows of ``table`` with these keys, the last inserted first."""
    columns = [table.c[name] for name in keys[0]]
    for end in range(len(keys), 0, -chunk):
        part = [tuple(key[c.name] for c in columns) for key in keys[max(0, end - chunk) : end]]
        if len(columns) == 1:
            where = columns[0].in_([values[0] for values in part])
        else:
            where = tuple_(*columns).in_(part)
        session.execute(table.delete().where(where))


def logged_batches(*, session: Session) -> set[int]:
    """Ids of the import batches that carry a change log (and so can be undone)."""
    rows = session.exec(select(ImportChange.import_batch_id).distinct()).all()
    return set(rows)


def forget_log(*, session: Session, batch_id: int) -> None:
    """Drop ``batch_id``'s change log: the batch becomes part of the starting state."""
    session.execute(delete(ImportChange).where(col(ImportChange.import_batch_id) == batch_id))


def inserted_keys(*, session: Session, batch_id: int, table: str) -> set[Any]:
    """The single-column keys of the rows of ``table`` that ``batch_id`` inserted."""
    changes = session.exec(
        select(ImportChange).where(
            ImportChange.import_batch_id == batch_id,
            ImportChange.table_name == table,
            col(ImportChange.action).in_((INSERT, INSERTS)),
        )
    ).all()
    return {value for change in changes for key in _inserted(change) for value in key.values()}


def _mapper(obj: object) -> Mapper[Any]:
    mapper: Mapper[Any] = inspect(obj).mapper
    return mapper


def _key(obj: object) -> dict[str, Any]:
    mapper = _mapper(obj)
    values = mapper.primary_key_from_instance(obj)
    return {column.name: value for column, value in zip(mapper.primary_key, values, strict=True)}


def _before_image(obj: object, *, current: bool) -> dict[str, Any]:
    """Every column's value before this flush (``current``: as it is now, for a delete)."""
    state = inspect(obj)
    image: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        column = attr.columns[0]
        history = state.attrs[attr.key].history
        if not current and history.deleted:
            image[column.name] = history.deleted[0]
        else:
            image[column.name] = getattr(obj, attr.key)
    return image


def _dumps(values: dict[str, Any] | list[Any]) -> str:
    """A key or a row's values as JSON; a list holds ids, or keys with their columns."""
    if isinstance(values, list):
        return json.dumps([_dumped(item) for item in values], ensure_ascii=False)
    return json.dumps(_dumped(values), ensure_ascii=False)


def _dumped(value: Any) -> Any:
    if isinstance(value, dict):
        return {name: _encode(item) for name, item in value.items()}
    return value


def _loads(text: str) -> dict[str, Any]:
    return {name: _decode(value) for name, value in json.loads(text).items()}


def _encode(value: Any) -> Any:
    """JSON keeps str, int, float, bool and None; dates and times are tagged."""
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "datetime" in value:
            return datetime.fromisoformat(value["datetime"])
        return date.fromisoformat(value["date"])
    return value
