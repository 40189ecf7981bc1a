"""Cached loaders for pages: query results keyed on the database URL and its data revision.

Each public loader reads the cheap revision token first, then calls a
``st.cache_data`` function whose arguments are (url, revision): an import or an
undo changes the token, so pages never show stale numbers and never re-query
while nothing changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pandas as pd
import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from data_access import plans
from data_access.db import create_schema, data_revision, get_engine, session_scope
from data_access.settings import get_settings


class DataUnavailableError(Exception):
    """The database could not be read; the message is one Vietnamese sentence."""


@dataclass(frozen=True)
class Overview:
    plans: pd.DataFrame  # data_access.plans.PLAN_COLUMNS
    deadline_kinds: pd.DataFrame  # data_access.plans.DEADLINE_COLUMNS
    illustrative: bool  # some progress shown is made-up sample data


def load_overview() -> Overview:
    url = get_settings().database_url
    return _overview(url, current_revision(url))


def current_revision(url: str) -> str:
    with reading(url) as session:
        return data_revision(session)


@contextmanager
def reading(url: str) -> Iterator[Session]:
    """A session on ``url``; database failures become DataUnavailableError."""
    try:
        with session_scope(_ready_engine(url)) as session:
            yield session
    except SQLAlchemyError as exc:
        raise DataUnavailableError(
            "Không đọc được cơ sở dữ liệu; hãy tải lại trang hoặc báo quản trị viên."
        ) from exc


@st.cache_resource(show_spinner=False)
def _ready_engine(url: str) -> Engine:
    engine = get_engine(url)
    create_schema(engine)
    return engine


@st.cache_data(show_spinner=False)
def _overview(url: str, revision: str) -> Overview:  # revision: part of the cache key
    with reading(url) as session:
        return Overview(
            plans=plans.plan_overview(session=session),
            deadline_kinds=plans.deadline_kind_counts(session=session),
            illustrative=plans.has_illustrative_data(session=session),
        )
