"""A task record's address: one form, built in one place."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from hypothesis import given
from hypothesis import strategies as st

from ui.task_links import TASK_PARAM, TASK_RECORD_PATH, task_record_url


@given(st.integers(min_value=1, max_value=10**12))
def test_the_address_names_the_page_and_the_task(task_id: int) -> None:
    url = urlparse(task_record_url(task_id))
    assert url.path == f"/{TASK_RECORD_PATH}"
    assert parse_qs(url.query) == {TASK_PARAM: [str(task_id)]}
