"""The import history on Cập nhật dữ liệu (AppTest, sample data): column order, the short
hash, what the sample progress batch counts (and the sentence that sums it up), an undone
import shown apart."""

from __future__ import annotations

import hashlib
import json
from datetime import date

import pandas as pd
import pytest
from openpyxl import load_workbook
from sqlmodel import Session, create_engine
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Dataframe

from data_access.imports.history import import_summary
from data_access.kinds import Role
from data_access.models import ImportBatch
from sample_data.manifest import PROGRESS_WORKBOOK, SAMPLE_PLANS
from tests.cap_nhat_page import button, open_page, upload
from tests.pages_db import use_database
from tests.signed_in import EDITOR, account_in
from tests.upload_db import sample_with_statuses_done
from ui.upload import UploadKey

HEADER_ROWS = 3  # the "SỐ LIỆU MINH HỌA" notice, a blank row, the header
AS_OF = date(2026, 11, 23)  # as test_page_cap_nhat: every sample report is known by then


@pytest.fixture
def url(sample_copy_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    use_database(monkeypatch, sample_copy_url)
    account_in(sample_copy_url, EDITOR, Role.EDITOR)
    return sample_copy_url


def _table(at: AppTest) -> Dataframe:
    return next(frame for frame in at.dataframe if "Người nạp" in frame.value)


def _history(at: AppTest) -> pd.DataFrame:
    return _table(at).value


def _workbook_counts() -> tuple[int, int, int, int]:
    """(task reports, tasks reported on, KPI results, KPIs) as the sample workbook holds them."""
    book = load_workbook(PROGRESS_WORKBOOK, read_only=True)
    reports = list(book["Tiến độ"].iter_rows(min_row=HEADER_ROWS + 1, values_only=True))
    kpis = list(book["Chỉ tiêu"].iter_rows(min_row=HEADER_ROWS + 1, values_only=True))
    tasks = {(plan, section, number) for plan, section, number, *_ in reports}
    results = sum(value is not None for row in kpis for value in row[3:])
    return len(reports), len(tasks), results, len(kpis)


def test_who_and_state_come_first_and_the_short_hash_last(url: str) -> None:
    at = open_page()
    history = _history(at)
    config = json.loads(_table(at).proto.columns)
    assert config["Mã tệp"]["help"].startswith("12 ký tự đầu của mã băm SHA-256")
    assert list(history.columns[:2]) == ["Người nạp", "Tình trạng"]
    assert history.columns[-1] == "Mã tệp"
    first_plan = SAMPLE_PLANS[0].path.read_bytes()
    assert history["Mã tệp"].iloc[-1] == hashlib.sha256(first_plan).hexdigest()[:12]
    assert history["Tình trạng"].tolist() == [
        "Có hiệu lực (số liệu minh họa)",
        *["Có hiệu lực"] * len(SAMPLE_PLANS),
    ]


def test_the_sample_progress_batch_counts_what_its_workbook_holds(url: str) -> None:
    reports, tasks, results, kpis = _workbook_counts()
    assert (reports, tasks, results, kpis) == (251, 100, 17, 6)  # the bundled workbook
    progress = _history(open_page()).iloc[0]
    assert progress["Tệp"] == PROGRESS_WORKBOOK.name
    assert progress[["Nhiệm vụ", "Báo cáo tiến độ, kết quả chỉ tiêu", "Chỉ tiêu"]].tolist() == [
        tasks,
        reports + results,
        kpis,
    ]


def test_the_sample_progress_batch_is_summed_up_with_reports_and_results_apart(
    url: str,
) -> None:
    reports, tasks, results, kpis = _workbook_counts()
    batch_id = len(SAMPLE_PLANS) + 1  # the plans first, then the progress workbook
    with Session(create_engine(url)) as session:
        batch = session.get(ImportBatch, batch_id)
        assert batch is not None
        summary = import_summary(session=session, batch=batch)
    assert summary == (
        f"Đã nạp lần số {batch_id}: {tasks} nhiệm vụ, {kpis} chỉ tiêu, {reports} báo cáo "
        f"tiến độ nhiệm vụ, {results} kết quả chỉ tiêu."
    )


def test_an_undone_import_says_so_and_is_muted(url: str) -> None:
    at = upload(open_page(), sample_with_statuses_done(2, AS_OF), "tien_do_thang_11.xlsx")
    button(at, "commit").click()
    at.run()
    at.checkbox(key=UploadKey.UNDO_CONFIRM).check()
    at.run()
    button(at, "undo").click()
    at.run()
    assert not at.exception
    history = _history(at)
    assert history["Tình trạng"].iloc[0].startswith("Đã hoàn tác lúc ")
    assert history["Tình trạng"].iloc[1:].str.startswith("Có hiệu lực").all()
    styles = _table(at).proto.arrow_data.styler.styles
    assert "row0_col0" in styles and "italic" in styles
    assert "row1_col" not in styles  # imports in force keep the plain style
