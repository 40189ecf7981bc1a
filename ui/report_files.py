"""The files the "Báo cáo và xuất" page offers, built from the database when a button is clicked.

Streamlit runs a download button's callable on its own thread, outside the
script run, so nothing here touches Streamlit: each function opens its own
session on ``url``, gathers what it needs through ``data_access`` and hands
the frames to a pure builder in ``exports``.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass

import pandas as pd
from sqlmodel import Session

from data_access import dashboard, plans
from data_access.db import get_engine, session_scope
from data_access.filters import TaskFilters
from data_access.kpi_queries import kpi_frame, kpi_latest
from data_access.reporting import ReportingPeriod, period_inputs, task_documents
from data_access.status import summary_metrics
from exports.meeting_pack import MeetingPackData, meeting_pack_data, meeting_pack_pptx
from exports.meeting_pdf import meeting_pack_pdf
from exports.periodic_report import periodic_report, periodic_report_docx
from exports.reminder_letters import (
    ReminderLetter,
    agencies_to_remind,
    reminder_letter,
    reminder_letter_docx,
    reminder_letters_zip,
)


def pack_pptx(url: str, filters: TaskFilters, illustrative: bool) -> bytes:
    return meeting_pack_pptx(_pack_data(url, filters, illustrative))


def pack_pdf(url: str, filters: TaskFilters, illustrative: bool) -> bytes:
    return meeting_pack_pdf(_pack_data(url, filters, illustrative))


def letter_docx(url: str, filters: TaskFilters, agency: str, illustrative: bool) -> bytes:
    frames = _letter_frames(url, filters)
    return reminder_letter_docx(_letter(frames, filters, agency, illustrative))


def letters_zip(url: str, filters: TaskFilters, illustrative: bool) -> bytes:
    """One letter per agency with overdue tasks or tasks due soon, in a .zip."""
    frames = _letter_frames(url, filters)
    agencies = agencies_to_remind(frames.statuses, frames.links, filters.as_of)
    return reminder_letters_zip([_letter(frames, filters, a, illustrative) for a in agencies])


def periodic_docx(
    url: str, filters: TaskFilters, period: ReportingPeriod, illustrative: bool
) -> bytes:
    with _session(url) as session:
        inputs = period_inputs(session=session, filters=filters, period=period)
    return periodic_report_docx(periodic_report(inputs, illustrative=illustrative))


def _pack_data(url: str, filters: TaskFilters, illustrative: bool) -> MeetingPackData:
    with _session(url) as session:
        statuses = dashboard.filtered_statuses(session=session, filters=filters)
        overview = plans.plan_overview(session=session)
        return meeting_pack_data(
            filters=filters,
            statuses=statuses,
            agency_links=dashboard.task_agency_frame(session=session),
            documents=task_documents(session=session),
            kpis=kpi_latest(kpi_frame(session=session, as_of=filters.as_of)),
            metrics=summary_metrics(statuses, filters.as_of),
            plan_titles=dict(zip(overview["code"], overview["title"], strict=True)),
            illustrative=illustrative,
        )


@dataclass(frozen=True)
class _LetterFrames:
    statuses: pd.DataFrame
    links: pd.DataFrame
    documents: pd.DataFrame


def _letter_frames(url: str, filters: TaskFilters) -> _LetterFrames:
    with _session(url) as session:
        return _LetterFrames(
            statuses=dashboard.filtered_statuses(session=session, filters=filters),
            links=dashboard.task_agency_frame(session=session),
            documents=task_documents(session=session),
        )


def _letter(
    frames: _LetterFrames, filters: TaskFilters, agency: str, illustrative: bool
) -> ReminderLetter:
    return reminder_letter(
        agency,
        statuses=frames.statuses,
        agency_links=frames.links,
        documents=frames.documents,
        as_of=filters.as_of,
        illustrative=illustrative,
    )


def _session(url: str) -> AbstractContextManager[Session]:
    return session_scope(get_engine(url))
