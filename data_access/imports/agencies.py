"""Agencies as the upload page manages them: spellings, new agencies, the lists it offers."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from data_access.agency_store import add_alias, find_agency, get_or_create_agency
from data_access.imports.new_plan import ImportRefused
from data_access.imports.write import AGENCY_NAME_LABEL, SPELLING_LABEL, refuse_too_long
from data_access.kinds import AgencyKind, AgencyRole
from data_access.models import Account, Agency, Plan, Task, TaskAgency
from data_access.permissions import Action, require
from data_access.queries.tasks import read_frame
from loaders.limits import MAX_AGENCY_CHARS

AGENCY_TASK_COLUMNS = ["plan_code", "section", "number", "name", "deadline_text"]


def map_spelling(*, session: Session, actor: Account, spelling: str, agency_name: str) -> None:
    """Remember ``spelling`` as another name of the stored agency ``agency_name``."""
    require(actor, Action.MANAGE_ALIASES)
    refuse_too_long(SPELLING_LABEL, spelling.strip(), MAX_AGENCY_CHARS)
    agency = find_agency(session=session, name=agency_name)
    if agency is None:
        raise ImportRefused(f"Chưa có cơ quan “{agency_name}” trong danh mục.")
    add_alias(session=session, agency=agency, alias=spelling)


def add_agency(
    *, session: Session, actor: Account, name: str, kind: AgencyKind, spelling: str = ""
) -> Agency:
    """Add ``name`` as a new agency of ``kind`` (the existing one if the name is known),
    with ``spelling`` (as found in a file) as another of its names."""
    require(actor, Action.MANAGE_ALIASES)
    if not name.strip():
        raise ImportRefused("Tên cơ quan không được để trống.")
    refuse_too_long(AGENCY_NAME_LABEL, name.strip(), MAX_AGENCY_CHARS)
    refuse_too_long(SPELLING_LABEL, spelling.strip(), MAX_AGENCY_CHARS)
    agency = get_or_create_agency(session=session, name=name, kind=kind)
    if spelling.strip():
        add_alias(session=session, agency=agency, alias=spelling)
    return agency


def agency_names(*, session: Session) -> list[str]:
    return list(session.exec(select(Agency.name).order_by(col(Agency.name))).all())


def plan_codes(*, session: Session) -> list[str]:
    return list(session.exec(select(Plan.code).order_by(col(Plan.id))).all())


def agency_tasks(*, session: Session, agency_name: str) -> pd.DataFrame:
    """The tasks ``agency_name`` leads, in plan order (for its progress template)."""
    statement = (
        sa_select(
            col(Plan.code),
            col(Task.section_code),
            col(Task.number),
            col(Task.name),
            col(Task.deadline_text),
        )
        .join(Plan, col(Plan.id) == col(Task.plan_id))
        .join(TaskAgency, col(TaskAgency.task_id) == col(Task.id))
        .join(Agency, col(Agency.id) == col(TaskAgency.agency_id))
        .where(col(Agency.name) == agency_name, col(TaskAgency.role) == str(AgencyRole.LEAD))
        .order_by(col(Plan.id), col(Task.position), col(Task.id))
    )
    return read_frame(session, statement, AGENCY_TASK_COLUMNS)
