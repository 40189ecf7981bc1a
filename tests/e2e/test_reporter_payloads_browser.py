"""What an agency reporter types stays literal text in Chromium: in the Sở's approval queue,
in the task's record, on the reporter's own page, and never reaches the public view.

The reporter of the Sở KH&CN sends two reports on PL-II-2026 task 13 ("Chủ động rà soát
khắc phục triệt để tình trạng còn lỗi của các hệ thống thông tin", due 30/06/2026, so
overdue on any later day): the first approved, the second pending. Every free-text field
(evidence number, description, the evidence file's name) carries issue 14's payloads. A
dialog listener fails the test if any script runs; no element the payloads would make
(an image, a link, bold text, a KaTeX formula, coloured text) may appear.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Dialog, Page, expect
from sqlmodel import Session

from data_access.db import get_engine
from data_access.kinds import Role
from data_access.submissions.form import EvidenceUpload, SubmissionForm, safe_file_name
from data_access.submissions.review import approve, submit
from tests.e2e.accounts import open_from_menu, signed_in
from tests.e2e.conftest import REPO_ROOT, SLOW, script_run, streamlit_server, wait_for_app
from tests.signed_in import account_in
from tests.submission_db import SKHCN, image_bytes, task_id
from ui.safe_text import WORD_JOINER

pytestmark = pytest.mark.e2e

IMAGE = "<img src=x onerror=alert(1)>"
LINK = "[x](javascript:alert(1))"
COLOUR, FORMULA = ":red[x]", "$x$"
HYPERLINK = '=HYPERLINK("http://x","y")'
PAYLOADS = (IMAGE, LINK, COLOUR, FORMULA, HYPERLINK)
EVIDENCE_NUMBER = f"{HYPERLINK} {IMAGE}"
DESCRIPTION = " ".join(PAYLOADS)
FILE_NAME = f"{LINK} {COLOUR}.pdf"
MARKUP = "img[src='x'], a[href^='javascript'], strong, em, .katex, span[class*='Colored']"
REPORTER, EDITOR = "dm.khcn", "bt.so"
TASK_WORDS = "khac phuc triet de"  # task 13's name, typed without diacritics


@dataclass(frozen=True)
class PayloadApp:
    url: str
    database_url: str


@pytest.fixture(scope="module")
def payload_app(
    sample_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[PayloadApp]:
    folder = tmp_path_factory.mktemp("payloads")
    path = folder / "nq57.sqlite"
    shutil.copyfile(sample_file, path)
    database_url = f"sqlite:///{path}"
    reporter = account_in(database_url, REPORTER, Role.AGENCY_REPORTER, SKHCN)
    editor = account_in(database_url, EDITOR, Role.EDITOR)
    form = SubmissionForm("Đang thực hiện", None, EVIDENCE_NUMBER, None, DESCRIPTION)
    evidence = EvidenceUpload(FILE_NAME, image_bytes("PDF"))
    with Session(get_engine(database_url)) as session:
        task = task_id(get_engine(database_url), "13")
        first = submit(session, reporter, task, form, evidence)
        approve(session, editor, first.id or 0)
        later = SubmissionForm("Đang thực hiện", None, EVIDENCE_NUMBER, None, f"{LINK} {FORMULA}")
        submit(session, reporter, task, later, evidence)  # differs: the queue shows a diff
        session.commit()
    with streamlit_server(
        REPO_ROOT / "server.py", database_url, folder / "streamlit.log", PUBLIC_VIEW="1"
    ) as (url, _):
        yield PayloadApp(url, database_url)


@pytest.fixture
def dialogs(page: Page) -> Iterator[list[str]]:
    """Every dialog a script opened; the test ends by asserting there were none."""
    opened: list[str] = []

    def record(dialog: Dialog) -> None:
        opened.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    yield opened
    assert opened == []


def main_text(page: Page) -> str:
    return page.get_by_test_id("stMain").inner_text().replace(WORD_JOINER, "")


def assert_no_markup(page: Page) -> None:
    found = page.get_by_test_id("stMain").locator(MARKUP)
    assert found.count() == 0, found.first.evaluate("e => e.outerHTML")


def test_the_approval_queue_shows_what_the_reporter_typed_as_text(
    page: Page, payload_app: PayloadApp, dialogs: list[str]
) -> None:
    signed_in(page, payload_app.url, payload_app.database_url, EDITOR, Role.EDITOR)
    open_from_menu(page, "Duyệt báo cáo")
    download = page.get_by_test_id("stDownloadButton")
    # the name as stored: ":" is no character of a file name (form.safe_file_name)
    expect(download).to_contain_text(f"Tải minh chứng: {safe_file_name(FILE_NAME)}", timeout=SLOW)
    assert "[x](javascript_alert(1)) _red[x].pdf" in main_text(page)
    assert_no_markup(page)
    page.get_by_test_id("stDataFrame").first.wait_for()  # the diff: text in a canvas grid


def test_the_task_record_and_the_reporters_page_run_no_payload(
    page: Page, payload_app: PayloadApp, dialogs: list[str]
) -> None:
    signed_in(page, payload_app.url, payload_app.database_url, EDITOR, Role.EDITOR)
    open_from_menu(page, "Quá hạn")
    search = page.get_by_label("Tìm theo tên nhiệm vụ (gõ có dấu hoặc không dấu)")
    search.fill(TASK_WORDS)
    with script_run(page):
        search.press("Enter")
    table = page.get_by_test_id("stDataFrame").first
    table.scroll_into_view_if_needed()
    box = table.bounding_box()
    assert box is not None
    with script_run(page):
        page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)  # the only row's selection box
    expect(page.get_by_role("heading", name="Hồ sơ nhiệm vụ")).to_be_visible(timeout=SLOW)
    expect(page.get_by_text("Báo cáo của đơn vị và phê duyệt")).to_be_visible()
    assert_no_markup(page)

    # a new session (signed_in opens the app again), as the reporter
    signed_in(page, payload_app.url, payload_app.database_url, REPORTER, Role.AGENCY_REPORTER)
    open_from_menu(page, "Nhiệm vụ của đơn vị")
    page.get_by_role("tab", name="Báo cáo đã gửi (2)").click()  # tabs switch in the browser
    expect(page.get_by_test_id("stDataFrame").last).to_be_visible()
    assert_no_markup(page)


def test_the_public_view_shows_none_of_it(
    page: Page, payload_app: PayloadApp, dialogs: list[str]
) -> None:
    page.goto(f"{payload_app.url}/cong-khai")
    wait_for_app(page)
    page.get_by_test_id("stDataFrame").first.wait_for(timeout=SLOW)
    text = main_text(page)
    for payload in (*PAYLOADS, FILE_NAME):
        assert payload not in text
    assert_no_markup(page)
