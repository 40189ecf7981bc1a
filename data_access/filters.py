"""The filters every dashboard page shares, their one-line summary and their URL form."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from data_access.clock import vietnam_today
from data_access.statuses import TaskStatus
from labels import INDICATIVE_DUE_NOTE, KNOWN_BY_LABEL, format_date, status_label

ROLES = ("lead", "coordinating", "any")
UNITS_NOTE = " (gồm các đơn vị thuộc)"
MAX_NAMES_SHOWN = 3
_ROLE_WORDS = {"lead": "chủ trì", "coordinating": "phối hợp", "any": "chủ trì hoặc phối hợp"}
_KNOWN_STATUSES = frozenset(str(s) for s in TaskStatus)
_LISTS = ("plan_codes", "agencies", "sections", "statuses")
_PARAM_NAMES = {
    "as_of": "as_of",
    "plan_codes": "plan",
    "agencies": "agency",
    "role": "role",
    "sections": "section",
    "statuses": "status",
    "due_from": "due_from",
    "due_to": "due_to",
    "include_recurring": "recurring",
    "include_indicative": "indicative",
    "include_units": "units",
    "known_only": "known",
}

QueryParams = Mapping[str, str | list[str]]
_OFF = ("0", "false", "no")  # a switch turned off in the URL


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
    role: str = "lead"
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
            f"Cơ quan {_ROLE_WORDS.get(self.role, self.role)}: {_names(self.agencies)}"
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

    def to_query_params(self) -> dict[str, str | list[str]]:
        """The URL form: only what differs from the defaults, plus the as-of day (ISO dates)."""
        params: dict[str, str | list[str]] = {"as_of": self.as_of.isoformat()}
        for field in _LISTS:
            values = list(getattr(self, field))
            if values:
                params[_PARAM_NAMES[field]] = values
        if self.role != "lead":
            params["role"] = self.role
        for field in ("due_from", "due_to"):
            value = getattr(self, field)
            if value is not None:
                params[_PARAM_NAMES[field]] = value.isoformat()
        if not self.include_recurring:
            params["recurring"] = "false"  # as the sidebar's checkbox writes it
        if not self.include_indicative:
            params["indicative"] = "false"  # as the sidebar's checkbox writes it
        if self.include_units:
            params["units"] = "true"  # as the sidebar's checkbox writes it
        if self.known_only:
            params["known"] = "true"  # as the sidebar's checkbox writes it
        return params

    @classmethod
    def from_query_params(cls, params: QueryParams, *, today: date | None = None) -> TaskFilters:
        """Read the URL form back; a bad or unknown value is ignored, never raised."""
        as_of = _date(_first(params, "as_of")) or today or vietnam_today()
        role = _first(params, "role")
        statuses = tuple(s for s in _list(params, "status") if s in _KNOWN_STATUSES)
        return cls(
            as_of=as_of,
            plan_codes=_list(params, "plan"),
            agencies=_list(params, "agency"),
            role=role if role in ROLES else "lead",
            sections=_list(params, "section"),
            statuses=statuses,
            due_from=_date(_first(params, "due_from")),
            due_to=_date(_first(params, "due_to")),
            include_recurring=_first(params, "recurring") not in _OFF,
            include_indicative=_first(params, "indicative") not in _OFF,
            include_units=_first(params, "units") in ("1", "true", "yes"),
            known_only=_first(params, "known") in ("1", "true", "yes"),
        )


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


def _values(params: QueryParams, name: str) -> list[str]:
    raw = params.get(name)
    if raw is None:
        return []
    items = [raw] if isinstance(raw, str) else list(raw)
    return [item.strip() for item in items if isinstance(item, str) and item.strip()]


def _list(params: QueryParams, name: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_values(params, name)))


def _first(params: QueryParams, name: str) -> str:
    values = _values(params, name)
    return values[0] if values else ""


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
