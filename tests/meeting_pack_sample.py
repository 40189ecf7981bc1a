"""The meeting pack of the whole sample on 23/11/2026, its chart images, and its deck's rows."""

from __future__ import annotations

from functools import cache

from pptx.presentation import Presentation as Deck
from sqlalchemy import Engine

from data_access.db import get_engine
from data_access.queries.filters import TaskFilters
from data_access.queries.status import summary_metrics
from exports.meeting_pack import MeetingPackData, chart_images, meeting_pack_data
from tests.export_sample import AS_OF, gather

ALL = TaskFilters(as_of=AS_OF)


def pack_data(engine: Engine, filters: TaskFilters) -> MeetingPackData:
    frames = gather(engine, filters)
    return meeting_pack_data(
        filters=filters,
        statuses=frames.statuses,
        agency_links=frames.links,
        documents=frames.documents,
        kpis=frames.kpis,
        metrics=summary_metrics(frames.statuses, filters.as_of),
        plan_titles=frames.plan_titles,
        illustrative=True,
    )


def table_rows(deck: Deck) -> list[list[str]]:
    rows: list[list[str]] = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_table:
                rows += [[c.text for c in row.cells] for row in list(shape.table.rows)[1:]]
    return rows


@cache
def sample_pack(url: str) -> MeetingPackData:
    return pack_data(get_engine(url), ALL)


@cache
def sample_images(url: str) -> list[tuple[str, bytes]]:
    """The pack's charts rendered once for every test module (read only)."""
    return chart_images(sample_pack(url))
