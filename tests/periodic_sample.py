"""The periodic report of the sample's Q2/2026 and how to read its Word tables."""

from __future__ import annotations

import io
from functools import cache

from docx import Document
from docx.document import Document as DocxDocument
from sqlalchemy import Engine
from sqlmodel import Session

from data_access.db import get_engine
from data_access.queries.filters import TaskFilters
from data_access.queries.reporting import PeriodInputs, period_inputs
from data_access.queries.reporting_calendar import ReportingPeriod
from exports.periodic_docx import periodic_report_docx
from exports.periodic_report import PeriodicReport, periodic_report
from tests.export_sample import AS_OF

QUARTER = ReportingPeriod("quarter", 2026, 2)
ALL = TaskFilters(as_of=AS_OF)


def inputs_for(engine: Engine, period: ReportingPeriod, filters: TaskFilters = ALL) -> PeriodInputs:
    with Session(engine) as session:
        return period_inputs(session=session, filters=filters, period=period)


@cache
def quarter_report(url: str) -> PeriodicReport:
    """Q2/2026 over every plan, as of the export pages' day, labelled illustrative."""
    return periodic_report(inputs_for(get_engine(url), QUARTER), illustrative=True)


@cache
def quarter_document(url: str) -> DocxDocument:
    """The report above as Word builds it; read only by the tests."""
    return Document(io.BytesIO(periodic_report_docx(quarter_report(url))))


def table_after(document: DocxDocument, heading_start: str) -> list[list[str]]:
    """The rows of the first table that follows the paragraph starting with ``heading_start``."""
    seen = False
    tables = iter(document.tables)
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[1]
        if tag == "tbl":
            table = next(tables)
            if seen:
                return [[c.text for c in row.cells] for row in table.rows]
        elif tag == "p" and "".join(block.itertext()).startswith(heading_start):
            seen = True
    raise AssertionError(f"no table after {heading_start!r}")


def texts(document: DocxDocument) -> list[str]:
    return [p.text for p in document.paragraphs]
