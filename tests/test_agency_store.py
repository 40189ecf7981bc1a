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
    agency_in_plan,
    directory_from_db,
    find_agency,
    get_or_create_agency,
    name_in_plan,
    seed_agencies,
)
from data_access.db import session_scope
from data_access.kinds import AgencyKind
from data_access.models import Agency, AgencyAlias, AgencyUnit, Plan
from data_access.schema import upgrade_schema
from loaders.agencies import AgencyDirectory, AgencyEntry

ENTRIES = [
    AgencyEntry("Sở Khoa học và Công nghệ", "Sở KH&CN", "department", ("SKHCN", "Sở KH và CN")),
    AgencyEntry("Phòng Chuyển đổi số", "", "internal_unit", ("Phòng Chuyên đổi số",)),
    AgencyEntry("Các sở, ban, ngành, địa phương", "", "collective"),
]


@pytest.fixture
def engine() -> Iterator[Engine]:
    engine = create_engine("sqlite://", poolclass=StaticPool)
    upgrade_schema(engine)
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
    upgrade_schema(engine)
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


# --- internal units belong to the body whose plan names them ---

CDS = "Phòng Chuyển đổi số"


def _plan(session: Session, code: str, issuing_body: str) -> Plan:
    plan = Plan(code=code, issuing_body=issuing_body)
    session.add(plan)
    session.flush()
    return plan


def _parent(session: Session, agency: Agency) -> str:
    unit = session.get(AgencyUnit, agency.id)
    parent = session.get(Agency, unit.parent_id) if unit else None
    return parent.name if parent else ""


def test_a_unit_is_the_unit_of_the_plans_issuing_body(engine: Engine) -> None:
    with session_scope(engine) as session:
        plan = _plan(session, "KH-SKHCN", "Sở KH&CN")  # any spelling of the issuer
        unit = agency_in_plan(session=session, name="Phòng Chuyên đổi số", plan=plan)
        again = agency_in_plan(session=session, name=CDS, plan=plan)
        # named with the Sở's short name, a unit of that Sở, the same agency each time
        assert (unit.name, unit.kind) == ("Phòng Chuyển đổi số (Sở KH&CN)", "internal_unit")
        assert _parent(session, unit) == "Sở Khoa học và Công nghệ"
        assert again.id == unit.id


def test_the_same_unit_name_in_two_bodies_plans_is_two_agencies(engine: Engine) -> None:
    with session_scope(engine) as session:
        ours = agency_in_plan(session=session, name=CDS, plan=_plan(session, "A", "SKHCN"))
        theirs = agency_in_plan(session=session, name=CDS, plan=_plan(session, "B", "Sở Y tế"))
        assert ours.id != theirs.id
        # a body the directory does not know is stored as written, kind "other"
        assert theirs.name == "Phòng Chuyển đổi số (Sở Y tế)"
        body = find_agency(session=session, name="Sở Y tế")
        assert body is not None and body.kind == "other"
        assert _parent(session, theirs) == "Sở Y tế"


def test_a_plan_without_issuer_scopes_its_units_to_a_stand_in_not_a_guess(
    engine: Engine,
) -> None:
    with session_scope(engine) as session:
        plan = _plan(session, "DC-CT-NV-2026", "")
        unit = agency_in_plan(session=session, name=CDS, plan=plan)
        assert unit.name == "Phòng Chuyển đổi số (đơn vị ban hành DC-CT-NV-2026)"
        assert _parent(session, unit) == "Đơn vị ban hành DC-CT-NV-2026"
        assert plan.issuing_body == ""  # still unknown: nothing was filled in


def test_other_agencies_and_scoped_names_are_linked_as_they_are(engine: Engine) -> None:
    with session_scope(engine) as session:
        plan = _plan(session, "KH-SKHCN", "Sở Khoa học và Công nghệ")
        unit = agency_in_plan(session=session, name=CDS, plan=plan)
        other = _plan(session, "KH-KHAC", "Sở Y tế")
        # a file that writes the scoped name means that unit, in any plan
        assert agency_in_plan(session=session, name=unit.name, plan=other).id == unit.id
        assert agency_in_plan(session=session, name="SKHCN", plan=other).name == (
            "Sở Khoa học và Công nghệ"
        )
        assert agency_in_plan(session=session, name="Ban mới", plan=other).kind == "other"


@pytest.mark.parametrize("issuer", ["Sở Khoa học và Công nghệ", "Sở Y tế", ""])
def test_name_in_plan_is_the_name_agency_in_plan_gives_without_writing(
    engine: Engine, issuer: str
) -> None:
    with session_scope(engine) as session:
        plan = _plan(session, "KH", issuer)
        before = _count(engine, Agency)
        names = [name_in_plan(session=session, name=n, plan=plan) for n in (CDS, "SKHCN", "Ban")]
        assert _count(engine, Agency) == before
        linked = [
            agency_in_plan(session=session, name=n, plan=plan).name for n in (CDS, "SKHCN", "Ban")
        ]
        assert names == linked
