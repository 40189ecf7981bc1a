"""Agencies and their spellings in the database, kept in step with the loaders' directory.

Every spelling, including the canonical name and short name, is an AgencyAlias
whose ``key`` is the loaders' ``agency_key`` (folded words: case, diacritics,
Unicode form, spacing and ``&``/``và`` ignored), so the database and the
directory agree on which spellings are the same. Aliases staff add later reach
the loaders via ``directory_from_db``.
"""

from __future__ import annotations

from collections import defaultdict

from sqlmodel import Session, col, select

from data_access.models import Agency, AgencyAlias, AgencyKind
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
    """The agency written as ``name`` in any known spelling, or None."""
    alias = session.exec(select(AgencyAlias).where(AgencyAlias.key == agency_key(name))).first()
    if alias is not None:
        return session.get(Agency, alias.agency_id)
    return session.exec(select(Agency).where(Agency.name == clean_text(name))).first()


def get_or_create_agency(*, session: Session, name: str, kind: AgencyKind) -> Agency:
    """The agency written as ``name``; a new one of ``kind`` when no spelling matches."""
    agency = find_agency(session=session, name=name)
    return agency if agency is not None else _new_agency(session, clean_text(name), kind)


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
        kind=str(kind),
        is_collective=kind is AgencyKind.COLLECTIVE,
    )
    session.add(agency)
    session.flush()
    add_alias(session=session, agency=agency, alias=name)
    return agency
