"""Agencies and their spellings in the database, and the directory built from them."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, func, select

from data_access.agency_store import (
    add_alias,
    directory_from_db,
    find_agency,
    get_or_create_agency,
    seed_agencies,
)
from data_access.db import create_schema, session_scope
from data_access.models import Agency, AgencyAlias, AgencyKind
from loaders.agencies import AgencyDirectory, AgencyEntry

ENTRIES = [
    AgencyEntry("Sở Khoa học và Công nghệ", "Sở KH&CN", "department", ("SKHCN", "Sở KH và CN")),
    AgencyEntry("Phòng Chuyển đổi số", "", "internal_unit", ("Phòng Chuyên đổi số",)),
    AgencyEntry("Các sở, ban, ngành, địa phương", "", "collective"),
]


@pytest.fixture
def engine() -> Iterator[Engine]:
    engine = create_engine("sqlite://", poolclass=StaticPool)
    create_schema(engine)
    with session_scope(engine) as session:
        seed_agencies(session=session, directory=AgencyDirectory.from_entries(ENTRIES))
    yield engine
    engine.dispose()


def _count(engine: Engine, table: type[Agency] | type[AgencyAlias]) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(table)).one()


# --- seed_agencies ---


def test_seeding_stores_agencies_with_kinds(engine: Engine) -> None:
    with Session(engine) as session:
        rows = session.exec(select(Agency).order_by(Agency.id)).all()
    assert [(a.name, a.short_name, a.kind, a.is_collective) for a in rows] == [
        ("Sở Khoa học và Công nghệ", "Sở KH&CN", "department", False),
        ("Phòng Chuyển đổi số", "", "internal_unit", False),
        ("Các sở, ban, ngành, địa phương", "", "collective", True),
    ]


def test_seeding_twice_adds_nothing(engine: Engine) -> None:
    before = (_count(engine, Agency), _count(engine, AgencyAlias))
    with session_scope(engine) as session:
        added = seed_agencies(session=session, directory=AgencyDirectory.from_entries(ENTRIES))
    assert added == 0
    assert (_count(engine, Agency), _count(engine, AgencyAlias)) == before


def test_the_default_directory_seeds_and_round_trips() -> None:
    engine = create_engine("sqlite://", poolclass=StaticPool)
    create_schema(engine)
    default = AgencyDirectory.load_default()
    with session_scope(engine) as session:
        assert seed_agencies(session=session, directory=default) == len(default.entries())
        stored = directory_from_db(session=session)
    assert [(e.name, e.kind) for e in stored.entries()] == [
        (e.name, e.kind) for e in default.entries()
    ]


# --- find_agency / get_or_create_agency ---


@pytest.mark.parametrize(
    "spelling",
    [
        "Sở Khoa học và Công nghệ",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        unicodedata.normalize("NFD", "Sở Khoa học và Công nghệ"),
        "Sở\u00a0KH&CN",
        "SKHCN",
        "Sở KH và CN",
    ],
)
def test_any_known_spelling_finds_the_agency(engine: Engine, spelling: str) -> None:
    with session_scope(engine) as session:
        agency = find_agency(session=session, name=spelling)
        assert agency is not None
        assert agency.name == "Sở Khoa học và Công nghệ"


def test_an_unknown_name_creates_one_agency_of_the_given_kind(engine: Engine) -> None:
    with session_scope(engine) as session:
        first = get_or_create_agency(session=session, name=" Sở  Du lịch ", kind=AgencyKind.OTHER)
        again = get_or_create_agency(session=session, name="sở du lịch", kind=AgencyKind.OTHER)
        group = get_or_create_agency(
            session=session, name="UBND cấp xã", kind=AgencyKind.COLLECTIVE
        )
    assert first.id == again.id
    assert (first.name, first.kind) == ("Sở Du lịch", "other")
    assert group.is_collective


# --- aliases reach the loaders ---


def test_an_alias_added_later_is_used_by_the_directory(engine: Engine) -> None:
    with session_scope(engine) as session:
        unit = find_agency(session=session, name="Phòng Chuyển đổi số")
        assert unit is not None
        add_alias(session=session, agency=unit, alias="Phòng CĐS")
        directory = directory_from_db(session=session)
    mentions = directory.split("Phòng CĐS; Sở KH&CN")
    assert [(m.name, m.known) for m in mentions] == [
        ("Phòng Chuyển đổi số", True),
        ("Sở Khoa học và Công nghệ", True),
    ]


def test_a_known_spelling_is_not_stored_twice(engine: Engine) -> None:
    with session_scope(engine) as session:
        unit = find_agency(session=session, name="Phòng Chuyển đổi số")
        assert unit is not None
        existing = add_alias(session=session, agency=unit, alias="SKHCN")
    assert existing is not None
    assert existing.alias == "SKHCN"
    assert existing.agency_id != unit.id  # still the Sở's: the caller decides what to do
