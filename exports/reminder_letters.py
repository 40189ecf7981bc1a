"""Reminder letters (văn bản đôn đốc): who gets one, and what each lists.

A letter lists the agency's overdue tasks, those falling due in the next 30
days (number, task, assigning document, deadline, days), and those whose report
is owed (late on a milestone, done without evidence, a recurring report not
sent). exports.reminder_docx lays them out as Word files.

Only an agency can receive one. A collective group ("Các sở, ban, ngành cấp
tỉnh") names no member agency to send it to, so it gets none and the page says
why (``Recipients.groups``). An internal unit ("Văn phòng Sở (Sở KH&CN)") gets
an internal reminder slip (phiếu nhắc việc) from its own body rather than an
official letter (``ReminderLetter.body``).

An agency that has not sent the latest monthly report due (``letters_period``)
is told so by name of the period ("chưa gửi báo cáo tháng 11/2026"); one that
sent it late has sent it, and is not (``missed_reports``, from discipline).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from data_access.kinds import AgencyRole
from data_access.queries.discipline import Verdict
from data_access.queries.reporting_calendar import ReportingPeriod, last_report_passed
from data_access.queries.rollups import UNASSIGNED_AGENCY, upcoming
from data_access.rules import DUE_SOON_DAYS
from exports.content import (
    FOLLOW_UP_REQUESTS,
    overdue_tasks,
    reports_owed,
    task_list,
)

GROUPS_NOTE = (
    "Không soạn văn bản đôn đốc cho các nhóm cơ quan sau: nhóm không nêu tên cơ quan thành viên "
    "nào để gửi. Hãy đôn đốc từng cơ quan của nhóm bằng văn bản riêng."
)


@dataclass(frozen=True)
class MissedReport:
    """A period's report an agency has not sent, and the day it was due."""

    period: ReportingPeriod
    due: date


def letters_period(as_of: date) -> ReportingPeriod:
    """The month whose report letters written on ``as_of`` chase: the latest one due before."""
    return last_report_passed("month", as_of)


def missed_reports(discipline: pd.DataFrame, period: ReportingPeriod) -> dict[str, MissedReport]:
    """Agencies with no report for ``period`` in its discipline table (late ones have sent it)."""
    missing = discipline[discipline["verdict"] == Verdict.MISSING]
    return {
        str(r.agency): MissedReport(period, r.report_due.date())
        for r in missing.itertuples(index=False)
    }


@dataclass(frozen=True)
class ReminderLetter:
    """What one letter says; the task lists are ``content.task_list`` frames."""

    agency: str
    as_of: date
    overdue: pd.DataFrame
    upcoming: pd.DataFrame  # with ``days_left``
    illustrative: bool
    body: str = ""  # the body an internal unit belongs to: the slip comes from it
    # reports owed, with ``request``: what to send (FOLLOW_UP_REQUESTS); none by default
    follow_up: pd.DataFrame = field(default_factory=pd.DataFrame)
    missed: MissedReport | None = None  # the latest monthly report, not sent

    @property
    def is_internal(self) -> bool:
        """An internal unit's reminder slip, not an official letter."""
        return bool(self.body)

    @property
    def is_empty(self) -> bool:
        nothing_listed = self.overdue.empty and self.upcoming.empty and self.follow_up.empty
        return bool(nothing_listed and self.missed is None)


def reminder_letter(
    agency: str,
    *,
    statuses: pd.DataFrame,
    agency_links: pd.DataFrame,
    documents: pd.DataFrame,
    as_of: date,
    illustrative: bool,
    missed: dict[str, MissedReport] | None = None,
) -> ReminderLetter:
    """The content of ``agency``'s letter: the tasks it leads that are overdue, due within 30
    days, or owe a report."""
    letters = reminder_letters(
        [agency],
        statuses=statuses,
        agency_links=agency_links,
        documents=documents,
        as_of=as_of,
        illustrative=illustrative,
        missed=missed,
    )
    return letters[0]


def reminder_letters(
    agencies: list[str],
    *,
    statuses: pd.DataFrame,
    agency_links: pd.DataFrame,
    documents: pd.DataFrame,
    as_of: date,
    illustrative: bool,
    missed: dict[str, MissedReport] | None = None,
) -> list[ReminderLetter]:
    """One letter's content per agency; the tasks to chase are found once for all of them.

    ``missed``: ``missed_reports`` of ``letters_period(as_of)``.
    """
    missed = missed or {}
    overdue = overdue_tasks(statuses)
    soon = upcoming(statuses, as_of, DUE_SOON_DAYS)
    owed = reports_owed(statuses)
    chased = pd.concat([overdue["task_id"], soon["task_id"], owed["task_id"]])
    leads = agency_links[
        (agency_links["role"] == AgencyRole.LEAD) & agency_links["task_id"].isin(chased)
    ]
    documents = documents[documents["task_id"].isin(chased)]  # merged once per letter below
    bodies = agency_links.drop_duplicates("agency").set_index("agency")["parent"]
    letters = []
    for agency in agencies:
        ids = leads.loc[leads["agency"] == agency, "task_id"]
        own_soon, own_owed = soon[soon["task_id"].isin(ids)], owed[owed["task_id"].isin(ids)]
        letters.append(
            ReminderLetter(
                agency=agency,
                as_of=as_of,
                overdue=task_list(overdue[overdue["task_id"].isin(ids)], leads, documents),
                upcoming=task_list(own_soon, leads, documents).assign(
                    days_left=own_soon["days_left"].to_numpy("int64")
                ),
                follow_up=task_list(own_owed, leads, documents).assign(
                    request=own_owed["status"].map(FOLLOW_UP_REQUESTS).to_numpy()
                ),
                illustrative=illustrative,
                body=str(bodies.get(agency, "")),
                missed=missed.get(agency),
            )
        )
    return letters


@dataclass(frozen=True)
class Recipients:
    """Lead agencies with a task overdue, due soon or owing a report, most overdue first, then
    those that only missed the latest monthly report, split by who can receive a letter:
    ``agencies`` can; collective ``groups`` cannot (GROUPS_NOTE says why)."""

    agencies: list[str]
    groups: list[str]


def reminder_recipients(
    statuses: pd.DataFrame,
    agency_links: pd.DataFrame,
    as_of: date,
    missed: dict[str, MissedReport] | None = None,
) -> Recipients:
    """Who the reminders of ``statuses`` as of ``as_of`` go to, and the groups they cannot;
    ``missed``: ``missed_reports`` (only agencies are in it: groups never report)."""
    due_soon = upcoming(statuses, as_of, DUE_SOON_DAYS)["task_id"]
    overdue = overdue_tasks(statuses)["task_id"]
    owed = reports_owed(statuses)["task_id"]
    leads = agency_links[agency_links["role"] == AgencyRole.LEAD]
    leads = leads[leads["task_id"].isin(pd.concat([overdue, due_soon, owed]))]
    late = leads.assign(late=leads["task_id"].isin(overdue))
    ranked = late.groupby(["agency", "is_collective"])["late"].agg(["sum", "size"]).reset_index()
    ranked = ranked.sort_values(["sum", "size", "agency"], ascending=[False, False, True])
    ranked = ranked[~ranked["agency"].isin(list(UNASSIGNED_AGENCY.values()))]
    collective = ranked["is_collective"].astype(bool)
    chased = [str(a) for a in ranked.loc[~collective, "agency"]]
    return Recipients(
        agencies=chased + sorted(set(missed or {}) - set(chased)),
        groups=[str(a) for a in ranked.loc[collective, "agency"]],
    )
