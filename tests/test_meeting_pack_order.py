"""The meeting pack's overdue list is the rows given, in the order given, whatever the index."""

from __future__ import annotations

import io

import pandas as pd
from hypothesis import HealthCheck, given, settings
from pptx import Presentation

from data_access.queries.status import SummaryMetrics
from exports.meeting_pack import MeetingPackData, meeting_pack_pptx
from exports.meeting_pdf import meeting_pack_pdf
from labels import format_int
from tests.export_sample import AS_OF
from tests.frames import TaskRows, due_cell, task_lists
from tests.meeting_pack_sample import table_rows
from tests.pdf_text import pdf_text

# --- The overdue list is the rows given, in the order given, whatever the frame's index ---
NO_METRICS = SummaryMetrics(0, 0, 0, 0, 0, None, None, 0, 0, 0, 0, 0, 0, 0, 0)


def pack_of(overdue: pd.DataFrame) -> MeetingPackData:
    """A pack whose overdue list is ``overdue`` (no charts are drawn from the empty frames)."""
    empty = pd.DataFrame()
    return MeetingPackData("Tất cả", AS_OF, "", False, NO_METRICS, empty, empty, empty, overdue)


def expected_rows(rows: TaskRows) -> list[list[str]]:
    """OVERDUE_HEADERS: TT, "name (plan, nhiệm vụ reference)", leads, due date, days overdue."""
    return [
        [
            str(i),
            f"{r['name']} ({r['plan_code']}, nhiệm vụ {r['reference']})",
            r["leads"],
            due_cell(r),
            format_int(r["days_overdue"]),
        ]
        for i, r in enumerate(rows, start=1)
    ]


@given(task_lists(max_size=12))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_deck_lists_the_overdue_rows_given_in_order(tasks: tuple[pd.DataFrame, TaskRows]) -> None:
    frame, rows = tasks
    deck = Presentation(io.BytesIO(meeting_pack_pptx(pack_of(frame), images=[])))
    assert table_rows(deck) == expected_rows(rows)


@given(task_lists(max_size=12))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_pdf_lists_the_overdue_rows_given_in_order(tasks: tuple[pd.DataFrame, TaskRows]) -> None:
    frame, rows = tasks
    runs = pdf_text(meeting_pack_pdf(pack_of(frame), images=[]))
    table = runs[runs.index("quá hạn") + 1 :]  # after the header's last run
    # A long cell wraps in its column and comes back as several runs (where it wraps
    # depends on the text), so the runs are compared in order with the spaces taken out.
    cells = [cell for row in expected_rows(rows) for cell in row]
    assert squeezed(table).startswith(squeezed(cells))


def squeezed(texts: list[str]) -> str:
    """The texts one after the other, without any space or line break."""
    return "".join("".join(texts).split())
