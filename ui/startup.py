"""What the server does before and between visits, so that no visitor waits for it.

``prepare_database`` makes the database ready (tables upgraded; on a first run, the
sample plans loaded), once per process. ``keep_warm`` runs in a background thread
of the server (``server.py``): it prepares the database as the server starts and
builds the data every dashboard's default view needs (the status frames of today
and of a month earlier, the agency links, the filter choices), then checks every
``WARM_CHECK_SECONDS`` and builds them again when the data has changed (an import
or an undo in any process) or the day has turned. It calls the pages' own cached
queries (``ui.data``), so a visitor arriving meanwhile waits on the same build
instead of starting another, and finds it done afterwards.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace

import streamlit as st

from data_access.bootstrap import ensure_sample_data
from data_access.clock import vietnam_today
from data_access.db import get_engine
from data_access.db_errors import READ_FAILED, database_errors
from data_access.queries.filters import TaskFilters
from data_access.schema import upgrade_schema
from data_access.settings import get_settings
from errors import UserFacingError, log_cause
from ui.cache import REVISION_CHECK_SECONDS
from ui.common import month_before
from ui.data import (
    has_illustrative_data,
    load_agency_summary,
    load_filter_options,
    load_latest_kpis,
    load_summary,
)

WARM_CHECK_SECONDS = REVISION_CHECK_SECONDS
RETRY_SECONDS = 60.0  # after a failure (database down, samples unreadable): the log has it
_log = logging.getLogger(__name__)


@st.cache_resource(show_spinner="Đang chuẩn bị dữ liệu…")
def prepare_database(url: str, load_sample_data: bool) -> bool:
    """Create the tables and, on an empty database, load the sample plans once per process."""
    engine = get_engine(url)
    if load_sample_data:
        return ensure_sample_data(engine)
    with database_errors(url, otherwise=READ_FAILED):
        upgrade_schema(engine)
    return False


def warm_default_view() -> None:
    """Build what the dashboards show with the default filters (Tổng quan's figures first)."""
    today = vietnam_today()
    filters = TaskFilters(as_of=today)
    load_filter_options(today)
    has_illustrative_data()
    load_summary(filters)
    load_summary(replace(filters, as_of=month_before(today)))  # Tổng quan's "change in a month"
    load_agency_summary(filters, filters.role)
    load_latest_kpis(today)


def keep_warm(stop: threading.Event) -> None:
    """Prepare the database, then keep the default view built until ``stop`` is set."""
    settings = get_settings()
    while not stop.is_set():
        pause = WARM_CHECK_SECONDS
        try:
            prepare_database(settings.database_url, settings.load_sample_data)
            warm_default_view()
        except UserFacingError as error:  # e.g. the database is down: the pages say so
            log_cause(_log, error)
            pause = RETRY_SECONDS
        except Exception:  # the thread must not die silently; pages report their own errors
            _log.exception("building the default view failed")
            pause = RETRY_SECONDS
        stop.wait(pause)
