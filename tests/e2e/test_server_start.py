"""``streamlit run server.py`` prepares the database as it starts, before anyone visits."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from data_access.db import get_engine
from data_access.models import Plan
from sample_data.manifest import SAMPLE_PLANS
from tests.e2e.conftest import serving
from tests.polling import poll

pytestmark = pytest.mark.e2e
PATIENCE = 120  # seconds: the five sample plans on a busy machine


def plans_in(db_path: Path) -> int:
    if not db_path.exists():
        return 0
    with get_engine(f"sqlite:///{db_path}").connect() as connection:
        table_exists = connection.dialect.has_table(connection, Plan.__tablename__)
        if not table_exists:
            return 0
        return connection.execute(select(func.count()).select_from(Plan)).scalar_one()


def test_a_first_start_loads_the_samples_with_no_visitor(tmp_path: Path) -> None:
    db_path = tmp_path / "nq57.sqlite"
    with serving(db_path, tmp_path / "streamlit.log"):
        assert poll(lambda: plans_in(db_path) == len(SAMPLE_PLANS), PATIENCE)
