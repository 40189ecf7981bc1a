"""The kinds a stored row names (agency kinds and roles, import kinds, submission states,
account roles) and how such a StrEnum column is stored; the tables are in models.py."""

from __future__ import annotations

from enum import StrEnum

import sqlalchemy as sa


class AgencyKind(StrEnum):
    DEPARTMENT = "department"  # sở, ban, ngành cấp tỉnh, Công an tỉnh…
    COMMUNE = "commune"  # UBND xã/phường
    INTERNAL_UNIT = "internal_unit"  # phòng, đơn vị thuộc Sở
    COLLECTIVE = "collective"  # a group: Các sở, ban, ngành, địa phương
    OTHER = "other"


class AgencyRole(StrEnum):
    LEAD = "lead"  # chủ trì
    COORDINATING = "coordinating"  # phối hợp


ANY_ROLE = "any"  # a query's or filter's "either role"; never stored


class ImportKind(StrEnum):
    PLAN = "plan"  # a new plan's task/KPI tables
    PROGRESS = "progress"  # an existing plan's tasks with progress filled in
    KPI_ACTUALS = "kpi_actuals"
    SAMPLE = "sample"  # the bundled sample data, loaded on first run
    SUBMISSION = "submission"  # an agency's report, approved by the Sở (one report per batch)


class SubmissionState(StrEnum):
    """Where an agency's report stands (data_access.submissions)."""

    PENDING = "pending"  # waiting for a Sở editor
    APPROVED = "approved"  # written as a ProgressUpdate: it counts on every page
    RETURNED = "returned"  # sent back with the editor's comment; the agency may submit again
    SUPERSEDED = "superseded"  # replaced by the agency's newer report while still pending


class Role(StrEnum):
    """What an account may do (data_access.permissions); issue 14's table."""

    VIEWER = "viewer"  # lãnh đạo, anyone signed in: dashboards and exports
    AGENCY_REPORTER = "agency_reporter"  # cán bộ đầu mối of one agency
    EDITOR = "editor"  # Sở KH&CN: imports, approvals, undo
    ADMIN = "admin"  # accounts, agency aliases, settings


def stored_as_value(enum: type[StrEnum], length: int) -> sa.Enum:
    """A StrEnum column kept as its values ("lead") in a plain VARCHAR(``length``), as when
    it was a str: no database enum type, no CHECK, so existing databases read unchanged."""
    return sa.Enum(
        enum,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda members: [member.value for member in members],
    )
