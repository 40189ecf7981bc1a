"""The one error contract on screen: a database the app cannot use is one Vietnamese sentence.

Through app.py, as staff open the app. The sentence is data_access.db_errors.READ_FAILED,
shown once in an error box exactly as written (ui.safe_text.literal), and no exception
reaches the page: AppTest lists an uncaught one in ``at.exception``, which users would
see as a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data_access.db import get_engine
from data_access.db_errors import READ_FAILED
from data_access.kinds import Role
from tests.pages_db import APP, TIMEOUT, page_test, use_database
from tests.signed_in import EDITOR, account_in, sign_in_as
from ui.safe_text import literal


def errors_shown(at: AppTest) -> list[str]:
    return [error.value for error in at.error]


@pytest.mark.parametrize(
    ("page", "table", "column"),
    [
        # Each page reads the dropped column first thing: the statuses read every task
        # column, the KPI page the KPI targets, the update page the import history.
        ("app_pages/1_Tong_quan.py", "task", "deadline_text"),
        ("app_pages/4_Chi_tieu.py", "kpi", "target_text"),
        ("app_pages/6_Cap_nhat_du_lieu.py", "importbatch", "imported_by"),
        ("app_pages/11_Cong_khai.py", "task", "deadline_text"),
    ],
)
def test_a_database_of_another_shape_shows_one_sentence(
    sample_copy_url: str, monkeypatch: pytest.MonkeyPatch, page: str, table: str, column: str
) -> None:
    """A database an older or another program wrote: the tables are there, a column is not."""
    account_in(sample_copy_url, EDITOR, Role.EDITOR)  # the upload page is the editors'
    monkeypatch.setenv("PUBLIC_VIEW", "1")  # Công khai opens only when it is on
    with get_engine(sample_copy_url).begin() as database:
        database.exec_driver_sql(f"ALTER TABLE {table} DROP COLUMN {column}")
    at = sign_in_as(
        page_test(monkeypatch, sample_copy_url, APP), sample_copy_url, EDITOR, Role.EDITOR
    )
    at.run().switch_page(page).run()
    assert not at.exception
    assert errors_shown(at) == [literal(READ_FAILED)]


def test_a_file_that_is_no_database_shows_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DATABASE_URL pointing at a file that is not SQLite: preparing it fails, nothing else runs."""
    path = tmp_path / "nq57.sqlite"
    path.write_bytes(b"Day khong phai co so du lieu. " * 200)
    use_database(monkeypatch, f"sqlite:///{path}")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert errors_shown(at) == [literal(READ_FAILED)]
