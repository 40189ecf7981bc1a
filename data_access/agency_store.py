"""Agencies and their spellings in the database, kept in step with the loaders' directory.

Every spelling, including the canonical name and short name, is an AgencyAlias
whose ``key`` is the loaders' ``agency_key`` (folded words: case, diacritics,
Unicode form, spacing and ``&``/``và`` ignored), so the database and the
directory agree on which spellings are the same. Aliases staff add later reach
the loaders via ``directory_from_db``.

An internal unit belongs to the body whose plan names it (``agency_in_plan``):
"Văn phòng Sở" in the Sở KH&CN's plan is the agency "Văn phòng Sở (Sở KH&CN)",
an AgencyUnit of Sở KH&CN, and another Sở's "Văn phòng Sở" is another agency.
The directory's "Văn phòng Sở" stays as the spelling both are read from. When a
plan does not say who issued it, its units belong to a stand-in agency named
after the plan ("đơn vị ban hành DC-CT-NV-2026"): a fact, where a name would be
a guess.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from sqlmodel import Session, col, select

from data_access.kinds import AgencyKind
from data_access.models import Agency, AgencyAlias, AgencyUnit, Plan
from labels import UNKNOWN_ISSUER_BODY, unit_name
from loaders.agencies import AgencyDirectory, AgencyEntry, agency_key
from loaders.text import clean_text


def seed_agencies(*, session: Session, directory: AgencyDirectory) -> int:
    """Store every agency and spelling of ``directory`` not yet stored; return agencies added."""
    added = 0
    for entry in directory.entries():
        agency = find_agency(session=session, name=entry.name)
        if agency is None:
            agency = _new_agency(session, entry.name, AgencyKind(entry.kind), entry.short_name)
            added += 1
        for spelling in (entry.short_name, *entry.aliases):
            add_alias(session=session, agency=agency, alias=spelling)
    return added


def find_agency(*, session: Session, name: str) -> Agency | None:
    """The agency written as ``name`` in any known spelling, or None.

    Read without flushing the session first: every agency and spelling is flushed when
    it is added, and an import looks up about three names per task while its task links
    wait in the session (a flush per lookup: a new 2,000-task plan took 9.0 s to write
    instead of 7.2 s).
    """
    with session.no_autoflush:
        key = agency_key(name)
        alias = session.exec(select(AgencyAlias).where(AgencyAlias.key == key)).first()
        if alias is not None:
            return session.get(Agency, alias.agency_id)
        return session.exec(select(Agency).where(Agency.name == clean_text(name))).first()


def get_or_create_agency(*, session: Session, name: str, kind: AgencyKind) -> Agency:
    """The agency written as ``name``; a new one of ``kind`` when no spelling matches."""
    agency = find_agency(session=session, name=name)
    return agency if agency is not None else _new_agency(session, clean_text(name), kind)


def agency_in_plan(*, session: Session, name: str, plan: Plan) -> Agency:
    """The agency ``name`` means in ``plan``: an internal unit is the one of the plan's issuer."""
    agency = get_or_create_agency(session=session, name=name, kind=AgencyKind.OTHER)
    with session.no_autoflush:  # as in find_agency: units are flushed when added
        scoped_already = not _unscoped_unit(session, agency)
    if scoped_already:
        return agency
    body = issuing_agency(session=session, plan=plan)
    scoped = unit_name(agency.name, _label(body))
    unit = get_or_create_agency(session=session, name=scoped, kind=AgencyKind.INTERNAL_UNIT)
    assert unit.id is not None and body.id is not None  # agencies are flushed when created
    if session.get(AgencyUnit, unit.id) is None:
        session.add(AgencyUnit(agency_id=unit.id, parent_id=body.id))
        session.flush()
    return unit


def name_in_plan(*, session: Session, name: str, plan: Plan) -> str:
    """The name of the agency ``agency_in_plan`` gives, read without writing anything."""
    agency = find_agency(session=session, name=name)
    if agency is None:
        return clean_text(name)
    if not _unscoped_unit(session, agency):
        return agency.name
    body = find_agency(session=session, name=_issuer_name(plan))
    if body is not None:
        return unit_name(agency.name, _label(body))
    return unit_name(agency.name, clean_text(plan.issuing_body) or _stand_in(plan))


def names_in_plan(*, session: Session, plan: Plan) -> Callable[[list[str]], list[str]]:
    """``name_in_plan`` for lists of names (a change preview's), each name looked up once."""
    seen: dict[str, str] = {}

    def linked(names: list[str]) -> list[str]:
        for name in names:
            if name not in seen:
                seen[name] = name_in_plan(session=session, name=name, plan=plan)
        return list(dict.fromkeys(seen[name] for name in names))

    return linked


def issuing_agency(*, session: Session, plan: Plan) -> Agency:
    """The agency that issued ``plan``; the plan's stand-in when its document does not say."""
    name = _issuer_name(plan)
    agency = find_agency(session=session, name=name)
    if agency is not None:
        return agency
    if plan.issuing_body.strip():
        return _new_agency(session, clean_text(name), AgencyKind.OTHER)
    return _new_agency(session, name, AgencyKind.OTHER, short_name=_stand_in(plan))


def add_alias(*, session: Session, agency: Agency, alias: str) -> AgencyAlias | None:
    """Record a spelling of ``agency``; the existing row when that spelling is already known."""
    key = agency_key(alias)
    if not key:
        return None
    existing = session.exec(select(AgencyAlias).where(AgencyAlias.key == key)).first()
    if existing is not None:
        return existing
    assert agency.id is not None  # agencies are flushed when created
    row = AgencyAlias(agency_id=agency.id, alias=clean_text(alias), key=key)
    session.add(row)
    session.flush()
    return row


def upload_directory(session: Session) -> AgencyDirectory:
    """The stored agencies; the bundled directory while none is stored (a commit stores it)."""
    if session.exec(select(Agency.id).limit(1)).first() is None:
        return AgencyDirectory.load_default()
    return directory_from_db(session=session)


def directory_from_db(*, session: Session) -> AgencyDirectory:
    """An AgencyDirectory of every stored agency with all its spellings."""
    spellings: defaultdict[int, list[str]] = defaultdict(list)
    for alias in session.exec(select(AgencyAlias).order_by(col(AgencyAlias.id))).all():
        spellings[alias.agency_id].append(alias.alias)
    entries = [
        AgencyEntry(
            name=agency.name,
            short_name=agency.short_name,
            kind=agency.kind,
            aliases=tuple(
                s for s in spellings[agency.id or 0] if s not in (agency.name, agency.short_name)
            ),
        )
        for agency in session.exec(select(Agency).order_by(col(Agency.id))).all()
    ]
    return AgencyDirectory.from_entries(entries)


def _new_agency(session: Session, name: str, kind: AgencyKind, short_name: str = "") -> Agency:
    agency = Agency(
        name=name,
        short_name=short_name,
        kind=kind,
        is_collective=kind is AgencyKind.COLLECTIVE,
    )
    session.add(agency)
    session.flush()
    add_alias(session=session, agency=agency, alias=name)
    return agency


def _issuer_name(plan: Plan) -> str:
    """The issuing body as stored, or the stand-in's name ("Đơn vị ban hành DC-CT-NV-2026")."""
    stand_in = _stand_in(plan)
    return plan.issuing_body.strip() or stand_in[0].upper() + stand_in[1:]


def _stand_in(plan: Plan) -> str:
    """The body of a plan that names none, as written after its units' names."""
    return UNKNOWN_ISSUER_BODY.format(plan_code=plan.code)


def _label(body: Agency) -> str:
    """How a unit's name shows its body: the short name ("Sở KH&CN"), else the name."""
    return body.short_name or body.name


def _unscoped_unit(session: Session, agency: Agency) -> bool:
    """An internal unit tied to no body yet: a spelling such as the directory's "Văn phòng Sở"."""
    return agency.kind == AgencyKind.INTERNAL_UNIT and session.get(AgencyUnit, agency.id) is None
