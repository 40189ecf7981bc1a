"""Cached queries follow the data: an undo in one session shows in another session at once.

Two AppTest sessions of one process share Streamlit's caches and one SQLite file,
as two browser tabs on one server do. (A command-line import while the server
runs: tests/e2e/test_freshness_browser.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data_access.db import get_engine
from data_access.kinds import Role
from data_access.schema import upgrade_schema
from tests.pages_db import REPO_ROOT, TIMEOUT, use_database
from tests.signed_in import EDITOR, sign_in_as
from tests.upload_db import PLAN_CODE, TASKS, import_file, plan_file
from ui.common import NO_DATA
from ui.upload import UploadKey

OVERVIEW = REPO_ROOT / "app_pages" / "1_Tong_quan.py"
UPDATES = REPO_ROOT / "app_pages" / "6_Cap_nhat_du_lieu.py"
TOTAL = "Nhiệm vụ"  # the first of Tổng quan's big numbers: every task in force


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """One plan of len(TASKS) tasks imported: the database's only import."""
    url = f"sqlite:///{tmp_path / 'nq57.sqlite'}"
    engine = get_engine(url)
    upgrade_schema(engine)
    import_file(engine, plan_file(), "ke_hoach.xlsx", plan_code=PLAN_CODE)
    use_database(monkeypatch, url)
    return url


def test_an_undo_in_one_session_shows_in_another(url: str) -> None:
    overview = AppTest.from_file(OVERVIEW, default_timeout=TIMEOUT).run()
    assert {m.label: m.value for m in overview.metric}[TOTAL] == str(len(TASKS))

    updates = sign_in_as(
        AppTest.from_file(UPDATES, default_timeout=TIMEOUT), url, EDITOR, Role.EDITOR
    )
    updates.run()
    updates.checkbox(key=UploadKey.UNDO_CONFIRM).check().run()
    next(button for button in updates.button if button.key == "undo").click().run()
    assert [s.value for s in updates.success] == ["Đã hoàn tác lần nạp số 1."]

    overview.run()  # the other tab reruns: the plan's tasks are gone, as if never imported
    assert not overview.exception
    assert TOTAL not in [m.label for m in overview.metric]
    assert [i.value for i in overview.info] == [NO_DATA]
