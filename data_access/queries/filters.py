"""The filters every dashboard page shares and their one-line summary.

The sidebar widgets in ``ui/filters.py`` bind each field to the URL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from data_access.kinds import ANY_ROLE, AgencyRole
from labels import INDICATIVE_DUE_NOTE, KNOWN_BY_LABEL, ROLE_WORDS, format_date, status_label

ROLES = (AgencyRole.LEAD, AgencyRole.COORDINATING, ANY_ROLE)
UNITS_NOTE = " (gồm các đơn vị thuộc)"
MAX_NAMES_SHOWN = 3


@dataclass(frozen=True)
class TaskFilters:
    """What a page shows: statuses as of ``as_of``, narrowed by the other fields.

    Empty tuples mean "all". ``role`` says how ``agencies`` are matched: as lead
    (chủ trì), as coordinating agency (phối hợp) or either; with ``include_units``
    an agency also matches the tasks of its units (a Sở, those of its Văn phòng…).
    """

    as_of: date
    plan_codes: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    role: str = AgencyRole.LEAD
    sections: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    due_from: date | None = None
    due_to: date | None = None
    include_recurring: bool = True
    include_indicative: bool = True  # tasks whose due date the plan calls indicative
    include_units: bool = False
    known_only: bool = False  # only what had been imported by the end of ``as_of``

    @property
    def known_by(self) -> date | None:
        """The day whose knowledge counts ("what we knew then"), or None for all data."""
        return self.as_of if self.known_only else None

    def describe_vi(self) -> str:
        """One line such as "Tính đến 23/11/2026 · Kế hoạch: tất cả · Cơ quan chủ trì: …"."""
        parts = [
            f"Tính đến {format_date(self.as_of)}",
            f"Kế hoạch: {_names(self.plan_codes)}",
            f"Cơ quan {ROLE_WORDS.get(self.role, self.role)}: {_names(self.agencies)}"
            + (UNITS_NOTE if self.include_units and self.agencies else ""),
        ]
        if self.sections:
            parts.append(f"Mục: {_names(self.sections)}")
        if self.statuses:
            parts.append(f"Trạng thái: {_names(tuple(status_label(s) for s in self.statuses))}")
        if self.due_from or self.due_to:
            parts.append(_due_window(self.due_from, self.due_to))
        if not self.include_recurring:
            parts.append("Không gồm nhiệm vụ thường xuyên")
        if not self.include_indicative:
            parts.append(f"Không gồm nhiệm vụ có {INDICATIVE_DUE_NOTE}")
        if self.known_only:
            parts.append(KNOWN_BY_LABEL)
        return " · ".join(parts)


def _names(values: Sequence[str]) -> str:
    if not values:
        return "tất cả"
    shown = ", ".join(values[:MAX_NAMES_SHOWN])
    hidden = len(values) - MAX_NAMES_SHOWN
    return f"{shown} và {hidden} mục khác" if hidden > 0 else shown


def _due_window(due_from: date | None, due_to: date | None) -> str:
    if due_from and due_to:
        return f"Hạn từ {format_date(due_from)} đến {format_date(due_to)}"
    if due_from:
        return f"Hạn từ {format_date(due_from)}"
    return f"Hạn đến {format_date(due_to)}"
