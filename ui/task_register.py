"""The register of tasks (Danh mục nhiệm vụ): every task the filters keep, one row each,
with a link to its record; the export keeps every row, without the link column."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from data_access.queries.rollups import agency_names
from labels import ROLE_WORDS, status_label
from ui.common import TASK_TABLE_COLUMNS, date_column, with_due_note
from ui.task_links import task_record_url

RECORD_HEADING = "Hồ sơ"
RECORD_LINK_TEXT = "Mở hồ sơ"
REGISTER_TITLE = "Danh mục nhiệm vụ"
EXPORT_COLUMNS = {
    "plan_code": TASK_TABLE_COLUMNS["plan_code"],
    "section_code": TASK_TABLE_COLUMNS["section_code"],
    "number": TASK_TABLE_COLUMNS["number"],
    "name": TASK_TABLE_COLUMNS["name"],
    "agencies": "Cơ quan",
    "status_label": TASK_TABLE_COLUMNS["status_label"],
    "due_date": TASK_TABLE_COLUMNS["due_date"],
    "due_note": TASK_TABLE_COLUMNS["due_note"],
    "deadline_text": TASK_TABLE_COLUMNS["deadline_text"],
    "evidence": "Minh chứng",
}


def register_columns(role: str) -> dict[str, str]:
    """Column -> heading; the agencies' heading says their role ("Cơ quan chủ trì")."""
    return EXPORT_COLUMNS | {"agencies": f"Cơ quan {ROLE_WORDS.get(role, '')}".strip()}


def in_plan_order(statuses: pd.DataFrame) -> pd.DataFrame:
    """Plans in the order they were loaded, each plan's tasks in the document's order."""
    return statuses.sort_values(["plan_id", "position"], kind="stable")


def register_table(tasks: pd.DataFrame, links: pd.DataFrame, role: str) -> pd.DataFrame:
    """``tasks`` (rows of the status frame) with headings in Vietnamese: the table to export."""
    shown = with_due_note(tasks).assign(
        agencies=agency_names(links, tasks["task_id"], role).to_numpy(),
        status_label=tasks["status"].map(status_label),
        evidence=tasks["evidence"].fillna(""),
    )
    columns = register_columns(role)
    return shown[list(columns)].rename(columns=columns).reset_index(drop=True)


def with_record_links(table: pd.DataFrame, task_ids: pd.Series) -> pd.DataFrame:
    """``table`` with a last column holding each row's record address."""
    return table.assign(**{RECORD_HEADING: [task_record_url(int(i)) for i in task_ids]})


def register_column_config() -> dict[str, Any]:
    """Dates as dates (they sort), the name wide, the record a link reading "Mở hồ sơ"."""
    return {
        TASK_TABLE_COLUMNS["due_date"]: date_column(TASK_TABLE_COLUMNS["due_date"]),
        TASK_TABLE_COLUMNS["name"]: st.column_config.TextColumn(width="large"),
        RECORD_HEADING: st.column_config.LinkColumn(
            RECORD_HEADING, display_text=RECORD_LINK_TEXT, pinned=True
        ),
    }
