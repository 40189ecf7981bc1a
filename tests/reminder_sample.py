"""The sample's frames on 15/06/2026 and how the reminder-letter tests read a letter."""

from __future__ import annotations

import io
from datetime import date
from functools import cache

import pandas as pd
from docx import Document
from docx.document import Document as DocxDocument

from data_access.db import get_engine
from data_access.queries.filters import TaskFilters
from exports.reminder_letters import ReminderLetter, reminder_letter
from tests.export_sample import Frames, gather

AS_OF = date(2026, 6, 15)  # the sample has both overdue tasks and tasks due soon on this day
POLICE = "Công an tỉnh"
CDS = "Phòng Chuyển đổi số (Sở KH&CN)"
VP_SO_004 = "Văn phòng Sở (đơn vị ban hành DC-CT-NV-2026)"


@cache
def sample_frames(url: str) -> Frames:
    """Every plan on AS_OF, gathered as the export pages do."""
    return gather(get_engine(url), TaskFilters(as_of=AS_OF))


def letter_for(frames: Frames, agency: str, illustrative: bool = True) -> ReminderLetter:
    return reminder_letter(
        agency,
        statuses=frames.statuses,
        agency_links=frames.links,
        documents=frames.documents,
        as_of=AS_OF,
        illustrative=illustrative,
    )


def open_docx(data: bytes) -> DocxDocument:
    return Document(io.BytesIO(data))


def body_rows(document: DocxDocument, index: int) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in document.tables[index].rows]


def led_by(frames: Frames, agency: str) -> pd.DataFrame:
    """The agency's tasks as lead, found straight from the links (not through the exporter)."""
    links = frames.links
    ids = links[(links["role"] == "lead") & (links["agency"] == agency)]["task_id"]
    return frames.statuses[frames.statuses["task_id"].isin(ids)]
