"""Engine, session scope and the data revision token (the schema: test_schema*.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, func, select

from data_access.db import data_revision, get_engine, session_scope
from data_access.kinds import AgencyKind
from data_access.models import Agency, AgencyAlias, ImportBatch, Plan, Section, utc_now
from data_access.schema import upgrade_schema


@pytest.fixture
def engine() -> Iterator[Engine]:
    engine = create_engine("sqlite://", poolclass=StaticPool)
    upgrade_schema(engine)
    yield engine
    engine.dispose()


def _plan_count(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(Plan)).one()


# --- session_scope ---


def test_session_scope_commits_when_the_block_ends(engine: Engine) -> None:
    with session_scope(engine) as session:
        session.add(Plan(code="92A/KH-UBND"))
    assert _plan_count(engine) == 1


def test_session_scope_rolls_back_when_the_block_raises(engine: Engine) -> None:
    with pytest.raises(RuntimeError), session_scope(engine) as session:
        session.add(Plan(code="92A/KH-UBND"))
        session.flush()
        raise RuntimeError("boom")
    assert _plan_count(engine) == 0


def test_objects_stay_readable_after_the_scope_closes(engine: Engine) -> None:
    with session_scope(engine) as session:
        plan = Plan(code="92A/KH-UBND", title="Kế hoạch 92A")
        session.add(plan)
    assert plan.title == "Kế hoạch 92A"
    assert plan.id is not None


def test_sqlite_enforces_foreign_keys(engine: Engine) -> None:
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        session.add(Section(plan_id=999, code="I"))
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Section)).one() == 0


# --- get_engine ---


def test_get_engine_is_cached_per_url(tmp_path: Path) -> None:
    first = f"sqlite:///{tmp_path / 'a.sqlite'}"
    second = f"sqlite:///{tmp_path / 'b.sqlite'}"
    assert get_engine(first) is get_engine(first)
    assert get_engine(first) is not get_engine(second)


def test_get_engine_defaults_to_the_configured_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'configured.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", url)
    assert get_engine() is get_engine(url)


def test_upgrade_schema_makes_a_file_database_usable_and_is_repeatable(tmp_path: Path) -> None:
    engine = get_engine(f"sqlite:///{tmp_path / 'fresh.sqlite'}")
    upgrade_schema(engine)
    upgrade_schema(engine)
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert _plan_count(engine) == 0


# --- data_revision ---


def _revision(engine: Engine) -> str:
    with session_scope(engine) as session:
        return data_revision(session)


def test_revision_is_stable_while_nothing_changes(engine: Engine) -> None:
    assert _revision(engine) == _revision(engine)


def test_revision_changes_when_a_batch_is_added_undone_or_an_alias_added(engine: Engine) -> None:
    seen = {_revision(engine)}
    with session_scope(engine) as session:
        session.add(ImportBatch(file_name="a.xlsx", content_hash="x", kind="plan"))
    seen.add(_revision(engine))
    with session_scope(engine) as session:
        batch = session.exec(select(ImportBatch)).one()
        batch.undone_at = utc_now()
    seen.add(_revision(engine))
    with session_scope(engine) as session:
        agency = Agency(name="Sở Nội vụ")
        session.add(agency)
        session.flush()
        assert agency.id is not None
        session.add(AgencyAlias(agency_id=agency.id, alias="Sở Nội vụ", key="so noi vu"))
    seen.add(_revision(engine))
    assert len(seen) == 4


def test_revision_changes_when_the_latest_batch_is_replaced_by_another(engine: Engine) -> None:
    """A restore to before batch 1, then a new import: same id and counts, other data."""
    with session_scope(engine) as session:
        session.add(ImportBatch(file_name="a.xlsx", content_hash="a", kind="plan"))
    seen = _revision(engine)
    with session_scope(engine) as session:
        session.delete(session.exec(select(ImportBatch)).one())
    with session_scope(engine) as session:
        session.add(ImportBatch(file_name="b.xlsx", content_hash="b", kind="plan"))
    with session_scope(engine) as session:
        assert session.exec(select(ImportBatch.id)).one() == 1  # the id came back
    assert _revision(engine) != seen


# --- enum columns: stored as their values, as when they were plain text ---


def test_enum_columns_store_their_values_and_read_back_as_members(engine: Engine) -> None:
    with session_scope(engine) as session:
        session.add(Agency(name="Văn phòng Sở", kind=AgencyKind.INTERNAL_UNIT))
    with engine.begin() as connection:  # a row as a database made before the enums holds it
        connection.execute(
            text(
                "INSERT INTO agency (name, short_name, kind, is_collective) "
                "VALUES ('UBND phường Hải Châu', '', 'commune', 0)"
            )
        )
        stored = connection.execute(text("SELECT name, kind FROM agency ORDER BY id")).all()
        declared = connection.execute(
            text("SELECT type FROM pragma_table_info('agency') WHERE name = 'kind'")
        ).scalar_one()
    assert [tuple(row) for row in stored] == [
        ("Văn phòng Sở", "internal_unit"),
        ("UBND phường Hải Châu", "commune"),
    ]
    assert declared == "VARCHAR(30)"  # the column as before the enums: no new type
    with Session(engine) as session:
        kinds = session.exec(select(Agency.kind).order_by(Agency.id)).all()
    assert kinds == [AgencyKind.INTERNAL_UNIT, AgencyKind.COMMUNE]
    assert all(type(kind) is AgencyKind for kind in kinds)
