"""The Quá hạn page on the sample data as the AppTest tests read it: its list, charts, picks."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Dataframe

from data_access.db import get_engine, session_scope
from data_access.queries.filters import TaskFilters
from data_access.queries.statuses import TaskStatus
from data_access.queries.tasks import filtered_statuses
from loaders.text import fold
from tests.pages_db import REPO_ROOT
from ui.state import StateKey

PAGE = REPO_ROOT / "app_pages" / "5_Qua_han.py"
AS_OF = "2026-11-23"
POLICE = "Công an tỉnh"
# due 01/01/2026, open: overdue on 23/11/2026 (92A II.10, whose name has a line break, is
# recurring: "(nhiệm vụ thường xuyên)")
OVERDUE_TASK = ("KH-92A-UBND", "24")


def engine_overdue(url: str, filters: TaskFilters) -> pd.DataFrame:
    """The overdue tasks the status engine gives for ``filters``."""
    with session_scope(get_engine(url)) as session:
        statuses = filtered_statuses(session=session, filters=filters)
    return statuses[statuses["status"] == TaskStatus.OVERDUE]


def metrics(at: AppTest) -> dict[str, str]:
    assert not at.exception
    return {metric.label: metric.value for metric in at.metric}


def task_list(at: AppTest) -> Dataframe:
    tables = [t for t in at.dataframe if (t.key or "").startswith(StateKey.OVERDUE_TABLE)]
    assert len(tables) == 1
    return tables[0]


def chart_data(at: AppTest, position: int) -> pd.DataFrame:
    """The first dataset of the ``position``-th chart on the page."""
    charts = [e for e in at.main if e.type == "vega_lite_chart"]
    return pa.ipc.open_stream(charts[position].proto.datasets[0].data.data).read_all().to_pandas()


def open_row(at: AppTest, position: int) -> AppTest:
    table = task_list(at)
    at.session_state[table.key] = {"selection": {"rows": [position], "columns": [], "cells": []}}
    return at.run()


def pick_agency(at: AppTest, agency: str) -> AppTest:
    at.session_state[StateKey.OVERDUE_AGENCY_CHART] = {
        "selection": {"agency_pick": [{"agency": agency}]}
    }
    return at.run()


def has_search_words(name: str) -> bool:
    return all(word in fold(name) for word in ("chuyen", "doi", "so"))


def texts(at: AppTest) -> list[str]:
    return [text.value for text in at.text]
