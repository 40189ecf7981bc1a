"""A task record's address: one form, built in one place."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ui.task_links import MAX_TASK_ID, TASK_PARAM, TASK_RECORD_PATH, task_id_from, task_record_url


@given(st.integers(min_value=1, max_value=10**12))
def test_the_address_names_the_page_and_the_task(task_id: int) -> None:
    url = urlparse(task_record_url(task_id))
    assert url.path == f"/{TASK_RECORD_PATH}"
    assert parse_qs(url.query) == {TASK_PARAM: [str(task_id)]}


@given(st.integers(min_value=1, max_value=MAX_TASK_ID))
def test_the_id_is_read_back_from_the_address(task_id: int) -> None:
    assert (
        task_id_from(parse_qs(urlparse(task_record_url(task_id)).query)[TASK_PARAM][0]) == task_id
    )


@pytest.mark.parametrize(
    "value",
    [None, "", "abc", "12a", "-3", "0", "1.5", "٣", str(MAX_TASK_ID + 1), "9" * 30],
)
def test_an_address_naming_no_storable_id_names_none(value: str | None) -> None:
    assert task_id_from(value) is None
