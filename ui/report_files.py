"""The files the "Báo cáo và xuất" page offers, built when a button is clicked.

Streamlit runs a download button's callable on its own thread, outside the
script run, so nothing here touches Streamlit. The page hands over the frames
it has already loaded (cached) in a ``PageData``; what it has not loaded (the
assigning documents, the statuses at a period's end) is read here through
``data_access`` in a session of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass

import pandas as pd
from sqlmodel import Session

from data_access.db import get_engine, session_scope
from data_access.queries.filters import TaskFilters
from data_access.queries.reporting import period_inputs, task_documents
from data_access.queries.reporting_calendar import ReportingPeriod
from data_access.queries.status import SummaryMetrics
from exports.meeting_pack import MeetingPackData, meeting_pack_data, meeting_pack_pptx
from exports.meeting_pdf import meeting_pack_pdf
from exports.periodic_docx import periodic_report_docx
from exports.periodic_report import periodic_report
from exports.reminder_docx import reminder_letter_docx, reminder_letters_zip
from exports.reminder_letters import (
    MissedReport,
    reminder_letter,
    reminder_letters,
    reminder_recipients,
)


@dataclass(frozen=True)
class PageData:
    """What the page shows for the current filters (frames are read, never changed)."""

    url: str
    filters: TaskFilters
    statuses: pd.DataFrame  # filtered, as of filters.as_of
    load_links: Callable[[], pd.DataFrame]  # dashboard.task_agency_frame, read when a file needs it
    kpis: pd.DataFrame  # kpi_latest as of filters.as_of
    metrics: SummaryMetrics
    plan_titles: dict[str, str]
    illustrative: bool
    missed: dict[str, MissedReport]  # reminder_letters.missed_reports of the letters' month

    @property
    def links(self) -> pd.DataFrame:
        """Every task-agency link: read only when a file is built, not for showing the page."""
        return self.load_links()


def pack_pptx(page: PageData) -> bytes:
    return meeting_pack_pptx(_pack_data(page))


def pack_pdf(page: PageData) -> bytes:
    return meeting_pack_pdf(_pack_data(page))


def letter_docx(page: PageData, agency: str) -> bytes:
    letter = reminder_letter(
        agency,
        statuses=page.statuses,
        agency_links=page.links,
        documents=_documents(page.url),
        as_of=page.filters.as_of,
        illustrative=page.illustrative,
        missed=page.missed,
    )
    return reminder_letter_docx(letter)


def letters_zip(page: PageData) -> bytes:
    """One letter per agency with overdue tasks, tasks due soon or the latest monthly report
    missed, in a .zip (groups get none)."""
    as_of = page.filters.as_of
    letters = reminder_letters(
        reminder_recipients(page.statuses, page.links, as_of, page.missed).agencies,
        statuses=page.statuses,
        agency_links=page.links,
        documents=_documents(page.url),
        as_of=as_of,
        illustrative=page.illustrative,
        missed=page.missed,
    )
    return reminder_letters_zip(letters)


def periodic_docx(page: PageData, period: ReportingPeriod) -> bytes:
    with _session(page.url) as session:
        inputs = period_inputs(
            session=session, filters=page.filters, period=period, agency_links=page.links
        )
    return periodic_report_docx(periodic_report(inputs, illustrative=page.illustrative))


def _pack_data(page: PageData) -> MeetingPackData:
    return meeting_pack_data(
        filters=page.filters,
        statuses=page.statuses,
        agency_links=page.links,
        documents=_documents(page.url),
        kpis=page.kpis,
        metrics=page.metrics,
        plan_titles=page.plan_titles,
        illustrative=page.illustrative,
    )


def _documents(url: str) -> pd.DataFrame:
    with _session(url) as session:
        return task_documents(session=session)


def _session(url: str) -> AbstractContextManager[Session]:
    return session_scope(get_engine(url))
