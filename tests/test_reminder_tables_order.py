"""A reminder letter's tables are the rows given, in the order given, whatever the frames' index."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports.reminder_docx import reminder_letter_docx
from exports.reminder_letters import ReminderLetter, reminder_letter
from labels import format_int
from tests.export_sample import Frames
from tests.frames import TaskRows, due_cell, shuffled, task_lists
from tests.reminder_sample import AS_OF, POLICE, body_rows, open_docx, sample_frames


@pytest.fixture(scope="module")
def frames(sample_url: str) -> Frames:
    return sample_frames(sample_url)


# --- The rows given, in the order given, whatever the frames' index ---
@given(task_lists(), task_lists())
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_letter_tables_are_the_rows_given_in_order(
    overdue: tuple[pd.DataFrame, TaskRows], soon: tuple[pd.DataFrame, TaskRows]
) -> None:
    """Each table: TT, "plan - reference", name, document, deadline, days (overdue or left)."""
    upcoming = soon[0].assign(days_left=soon[0]["days_overdue"] + 1)
    letter = ReminderLetter(POLICE, AS_OF, overdue[0], upcoming, illustrative=False)
    document = open_docx(reminder_letter_docx(letter))
    for table, (rows, days) in ((1, (overdue[1], 0)), (2, (soon[1], 1))):
        assert body_rows(document, table)[1:] == [
            [
                str(i),
                f"{r['plan_code']} - {r['reference']}",
                r["name"],
                r["document"],
                due_cell(r),
                format_int(r["days_overdue"] + days),
            ]
            for i, r in enumerate(rows, start=1)
        ]


@given(st.data())
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_letters_read_sorted_and_filtered_frames_by_task(
    frames: Frames, data: st.DataObject
) -> None:
    """The page's frames arrive in any order and index: each listed task keeps its own days."""

    statuses = data.draw(shuffled(frames.statuses))
    letter = reminder_letter(
        POLICE,
        statuses=statuses,
        agency_links=data.draw(shuffled(frames.links)),
        documents=data.draw(shuffled(frames.documents)),
        as_of=AS_OF,
        illustrative=False,
    )
    due = dict(zip(frames.statuses["task_id"], frames.statuses["due_date"], strict=True))
    for listed, days in ((letter.overdue, "days_overdue"), (letter.upcoming, "days_left")):
        assert not listed.empty
        by_name = statuses.drop_duplicates("name").set_index("name")["task_id"]
        for name, value in zip(listed["name"], listed[days], strict=True):
            gap = (due[by_name[name]] - pd.Timestamp(AS_OF)).days
            assert value == (-gap if days == "days_overdue" else gap)
