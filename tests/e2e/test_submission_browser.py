"""Issue 14's whole path in Chromium: an agency reporter signs in, reports a task done with a
PDF through the real form, a Sở editor approves it in the queue, and Tổng quan changes.

The sample's PL-II-2026 task 13 ("Chủ động rà soát khắc phục triệt để tình trạng còn lỗi
của các hệ thống thông tin"), led by the Sở KH&CN, is due 30/06/2026 and its latest report
says "Chưa thực hiện": overdue on any later day. Completed on 15/05/2026 with evidence, it
is done on time: Tổng quan's "Quá hạn" falls by one, "Đã hoàn thành" rises by one.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from data_access.clock import vietnam_today
from data_access.db import get_engine
from data_access.kinds import Role
from data_access.models import Agency
from data_access.submissions.agency_tasks import agency_tasks
from tests.e2e.accounts import open_from_menu, sign_out_button, signed_in
from tests.e2e.conftest import (
    METRIC,
    REPO_ROOT,
    SLOW,
    metric_text,
    script_run,
    streamlit_server,
    wait_for_app,
)
from tests.submission_db import SKHCN, image_bytes, task_id

pytestmark = pytest.mark.e2e

REPORTER, EDITOR = "dm.khcn", "bt.so"
GRID_HEADER = ROW = 35  # pixels: st.dataframe's header row and each row


@dataclass(frozen=True)
class App:
    url: str
    database_url: str


@pytest.fixture(scope="module")
def app(sample_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    folder = tmp_path_factory.mktemp("submission")
    shutil.copyfile(sample_file, folder / "nq57.sqlite")
    database_url = f"sqlite:///{folder / 'nq57.sqlite'}"
    with streamlit_server(REPO_ROOT / "server.py", database_url, folder / "streamlit.log") as (
        url,
        _,
    ):
        yield App(url, database_url)


def metric(page: Page, label: str) -> int:
    return int(metric_text(page, label).replace(".", ""))


def overview(page: Page) -> tuple[int, int]:
    open_from_menu(page, "Tổng quan")
    page.locator(METRIC).first.wait_for(timeout=SLOW)
    return metric(page, "Quá hạn"), metric(page, "Đã hoàn thành")


def task_13_row(database_url: str) -> int:
    """Where task 13 sits in the reporter's table of led tasks (plan order)."""
    engine = get_engine(database_url)
    with Session(engine) as session:
        agency = session.exec(select(Agency.id).where(Agency.name == SKHCN)).one()
        lead = agency_tasks(session, agency or 0, vietnam_today()).lead
    return int(lead.index[lead["task_id"] == task_id(engine, "13")][0])


def choose(page: Page, label: str, option: str) -> None:
    page.get_by_label(label, exact=False).first.click()
    page.get_by_role("option", name=option, exact=True).click()


def test_a_report_sent_in_the_browser_and_approved_moves_tong_quan(page: Page, app: App) -> None:
    signed_in(page, app.url, app.database_url, REPORTER, Role.AGENCY_REPORTER, SKHCN)
    overdue, done = overview(page)
    open_from_menu(page, "Nhiệm vụ của đơn vị")
    table = page.get_by_test_id("stDataFrame").first
    table.wait_for(timeout=SLOW)
    box = table.bounding_box()
    assert box is not None
    y = box["y"] + GRID_HEADER + ROW * task_13_row(app.database_url) + ROW // 2
    with script_run(page):
        page.mouse.click(box["x"] + 18, y)  # the row's selection box
    form = page.get_by_test_id("stForm")
    expect(form).to_be_visible(timeout=SLOW)
    choose(page, "Tình trạng", "Đã hoàn thành")
    for label in ("Ngày hoàn thành", "Ngày văn bản minh chứng"):
        # dd/mm/yyyy as three spin buttons; typing moves from one to the next
        form.get_by_role("spinbutton", name=f"day, {label}").click()
        page.keyboard.type("15052026")
    form.get_by_label("Số văn bản minh chứng").fill("45/QĐ-SKHCN")
    form.get_by_label("Mô tả kết quả").fill("Đã khắc phục lỗi của 12 hệ thống.")
    form.locator("input[type='file']").set_input_files(
        files=[
            {"name": "quyet_dinh.pdf", "mimeType": "application/pdf", "buffer": image_bytes("PDF")}
        ]
    )
    with script_run(page):
        form.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.get_by_text("chờ Sở Khoa học và Công nghệ duyệt")).to_be_visible(timeout=SLOW)
    assert overview(page) == (overdue, done)  # pending: counted nowhere
    sign_out_button(page).click()

    signed_in(page, app.url, app.database_url, EDITOR, Role.EDITOR)
    open_from_menu(page, "Duyệt báo cáo")
    expect(page.get_by_role("heading", name=SKHCN)).to_be_visible(timeout=SLOW)
    with script_run(page):
        page.get_by_role("button", name="Duyệt", exact=True).click()
    expect(page.get_by_text("Không có báo cáo nào chờ duyệt.")).to_be_visible(timeout=SLOW)
    wait_for_app(page)
    assert overview(page) == (overdue - 1, done + 1)
