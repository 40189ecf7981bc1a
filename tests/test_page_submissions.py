"""Nhiệm vụ của đơn vị and Duyệt báo cáo under AppTest, through app.py: a reporter sends a
report with a PDF, the editor sees it in the queue with its diff and approves it, and
Tổng quan's figures move; a returned report shows the Sở's comment to the agency.

From the sample (tests.submission_db): PL-II-2026 task 13, due 30/06/2026, is led by the
Sở KH&CN and its latest report says "Chưa thực hiện"; on any day after 30/06/2026 it is
overdue, and done on time once a completion on 15/05/2026 is approved.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from data_access.accounts import find_account
from data_access.clock import vietnam_today
from data_access.db import get_engine, session_scope
from data_access.kinds import Role
from data_access.queries.task_record import task_detail
from data_access.submissions.form import SubmissionForm
from data_access.submissions.review import approve, submit
from exports.tables import table_csv, table_xlsx
from tests.pages_db import APP, page_test
from tests.qua_han_page import open_row, task_list
from tests.signed_in import sign_in_as
from tests.submission_db import SKHCN, image_bytes, staff_on_sample
from tests.submission_db import task_id as submission_task
from ui.task_record import progress_table

REPORTER, EDITOR = "dm-skhcn", "bt-so"  # accounts of staff_on_sample
REPORTER_PAGE = "app_pages/9_Nhiem_vu_don_vi.py"
QUEUE_PAGE = "app_pages/10_Duyet_bao_cao.py"


@pytest.fixture
def url(sample_copy_url: str) -> str:
    staff_on_sample(sample_copy_url)
    return sample_copy_url


def signed_in(monkeypatch: pytest.MonkeyPatch, url: str, username: str, role: Role) -> AppTest:
    agency = SKHCN if role is Role.AGENCY_REPORTER else None
    at = sign_in_as(page_test(monkeypatch, url, APP), url, username, role, agency).run()
    assert not at.exception
    return at


def lead_row(at: AppTest, plan: str, number: str) -> int:
    lead = next(frame.value for frame in at.dataframe if "Kỳ báo cáo tới" in frame.value)
    # the numbers are sent as numbers (they sort 9 before 10)
    rows = lead.index[(lead["Kế hoạch"] == plan) & (lead["STT"] == int(number))]
    return int(rows[0])


def overdue_count(at: AppTest) -> int:
    at.switch_page("app_pages/1_Tong_quan.py").run()
    return int(next(metric.value for metric in at.metric if metric.label == "Quá hạn"))


def send_report(at: AppTest) -> AppTest:
    at.switch_page(REPORTER_PAGE).run()
    row = lead_row(at, "PL-II-2026", "13")
    at.session_state["lead_tasks"] = {"selection": {"rows": [row], "columns": []}}
    at.run()
    task_id = next(box.key for box in at.selectbox if box.key and box.key.startswith("status_"))
    number = task_id.removeprefix("status_")
    at.selectbox(key=f"status_{number}").set_value("Đã hoàn thành")
    at.date_input(key=f"done_{number}").set_value(date(2026, 5, 15))
    at.text_input(key=f"evidence_{number}").input("45/QĐ-SKHCN")
    at.date_input(key=f"evidence_date_{number}").set_value(date(2026, 5, 15))
    at.text_area(key=f"description_{number}").input("Đã tổ chức 12 lớp tập huấn.")
    at.file_uploader(key=f"evidence_file_{number}").set_value(
        ("quyet_dinh.pdf", image_bytes("PDF"), "application/pdf")
    )
    next(b for b in at.button if b.form_id == f"report_{number}").click()
    return at.run()


def sent_and_returned(monkeypatch: pytest.MonkeyPatch, url: str, comment: str) -> AppTest:
    """The reporter sends task 13's report; the editor returns it with ``comment``."""
    send_report(signed_in(monkeypatch, url, REPORTER, Role.AGENCY_REPORTER))
    editor = signed_in(monkeypatch, url, EDITOR, Role.EDITOR)
    editor.switch_page(QUEUE_PAGE).run()
    number = next(b.key for b in editor.button if (b.key or "").startswith("return_"))
    editor.text_input(key=number.replace("return_", "comment_")).input(comment)
    return editor.button(key=number).click().run()


def test_a_report_sent_and_approved_moves_the_dashboards(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert vietnam_today() > date(2026, 6, 30)  # the sample's task 13 is overdue by now
    reporter = signed_in(monkeypatch, url, REPORTER, Role.AGENCY_REPORTER)
    before = overdue_count(reporter)
    reporter = send_report(reporter)
    assert not reporter.exception
    (flash,) = [success.value for success in reporter.success]
    assert flash.startswith("Đã gửi báo cáo số ") and flash.endswith(
        "chờ Sở Khoa học và Công nghệ duyệt."
    )
    sent = next(frame.value for frame in reporter.dataframe if "Ý kiến của Sở" in frame.value)
    assert sent[["Tình trạng báo cáo", "Minh chứng"]].values.tolist() == [
        ["Chờ duyệt", "quyet_dinh.pdf"]
    ]
    assert overdue_count(reporter) == before  # pending counts nowhere

    editor = signed_in(monkeypatch, url, EDITOR, Role.EDITOR)
    editor.switch_page(QUEUE_PAGE).run()
    assert [header.value for header in editor.subheader] == [SKHCN]
    diff = editor.dataframe[0].value
    assert diff.set_index("Nội dung").loc["Tình trạng"].tolist() == [
        "Chưa thực hiện",
        "Đã hoàn thành",
    ]
    assert diff.set_index("Nội dung").loc["Ngày hoàn thành", "Đơn vị báo cáo"] == "15/05/2026"
    next(button for button in editor.button if (button.key or "").startswith("approve_")).click()
    editor.run()
    assert not editor.exception
    assert [success.value for success in editor.success][0].startswith("Đã duyệt báo cáo số ")
    assert [info.value for info in editor.info] == ["Không có báo cáo nào chờ duyệt."]
    assert overdue_count(editor) == before - 1


def test_a_returned_report_shows_the_comment_to_the_agency(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = sent_and_returned(monkeypatch, url, "Thiếu quyết định *kèm theo*")
    assert [success.value for success in editor.success][0].startswith("Đã trả lại báo cáo số ")

    reporter = signed_in(monkeypatch, url, REPORTER, Role.AGENCY_REPORTER)
    reporter.switch_page(REPORTER_PAGE).run()
    sent = next(frame.value for frame in reporter.dataframe if "Ý kiến của Sở" in frame.value)
    assert sent[["Tình trạng báo cáo", "Ý kiến của Sở"]].values.tolist() == [
        ["Bị trả lại", "Thiếu quyết định *kèm theo*"]
    ]


def test_a_return_without_a_comment_is_refused_with_one_sentence(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    send_report(signed_in(monkeypatch, url, REPORTER, Role.AGENCY_REPORTER))
    editor = signed_in(monkeypatch, url, EDITOR, Role.EDITOR)
    editor.switch_page(QUEUE_PAGE).run()
    next(b for b in editor.button if (b.key or "").startswith("return_")).click()
    editor.run()
    assert len(editor.error) == 1
    assert "ý kiến" in editor.error[0].value
    assert len([b for b in editor.button if (b.key or "").startswith("approve_")]) == 1


def open_task_13_record(at: AppTest) -> AppTest:
    at.switch_page("app_pages/5_Qua_han.py").run()
    listed = task_list(at).value.reset_index(drop=True)
    position = int(listed.index[(listed["Kế hoạch"] == "PL-II-2026") & (listed["STT"] == 13)][0])
    open_row(at, position)
    assert [s.value for s in at.subheader][-1] == "Hồ sơ nhiệm vụ"
    return at


def test_the_task_record_shows_the_reports_and_answers_to_signed_in_staff_only(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = sent_and_returned(monkeypatch, url, "Bổ sung quyết định")

    audit = next(f.value for f in open_task_13_record(editor).dataframe if "Duyệt lúc" in f.value)
    row = audit.iloc[0]
    assert (row["Người gửi"], row["Tình trạng báo cáo"], row["Ý kiến của Sở"]) == (
        "Nguyễn Văn An",
        "Bị trả lại",
        "Bổ sung quyết định",
    )
    assert row["Người duyệt"] == "Lê Văn Cường" and row["Duyệt lúc"]
    assert "Ngày hoàn thành: 15/05/2026" in row["Nội dung báo cáo"]

    anonymous = open_task_13_record(page_test(monkeypatch, url, APP).run())
    assert not [f for f in anonymous.dataframe if "Duyệt lúc" in f.value]
    assert "Nguyễn Văn An" not in str([t.value for t in anonymous.text])


def test_an_approved_report_exports_with_its_formulas_defused(url: str) -> None:
    """The record's report history, as its CSV and Excel buttons export it, after the Sở
    approved a report whose evidence number and description start like formulas."""
    engine = get_engine(url)
    task = submission_task(engine, "13")
    form = SubmissionForm("Đang thực hiện", None, '=HYPERLINK("http://x","y")', None, "@SUM(A1)")
    with session_scope(engine, write=True) as session:
        reporter = find_account(session=session, username=REPORTER)
        sent = submit(session, reporter, task, form)
        approve(session, find_account(session=session, username=EDITOR), sent.id or 0)
    with session_scope(engine) as session:
        detail = task_detail(session=session, task_id=task)
    assert detail is not None
    table = progress_table(detail.progress)
    rows = list(csv.reader(io.StringIO(table_csv(table).decode("utf-8-sig"))))
    newest = dict(zip(rows[0], rows[-1], strict=True))
    assert newest["Minh chứng"].startswith("'") and "HYPERLINK" in newest["Minh chứng"]
    assert newest["Mô tả"] == "'@SUM(A1)"
    workbook = table_xlsx(table, title="Lịch sử báo cáo tiến độ")
    sheet = zipfile.ZipFile(io.BytesIO(workbook)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet and b"<f " not in sheet


def test_the_report_forms_dates_and_file_pickers_are_set_in_vietnamese(
    monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    at = signed_in(monkeypatch, url, REPORTER, Role.AGENCY_REPORTER)
    at.switch_page(REPORTER_PAGE).run()
    row = lead_row(at, "PL-II-2026", "13")
    at.session_state["lead_tasks"] = {"selection": {"rows": [row], "columns": []}}
    at.run()
    assert not at.exception
    # The completion date and the evidence's date, as every date on screen (issue 15).
    assert [field.proto.format for field in at.date_input] == ["DD/MM/YYYY"] * 2
    pickers = at.file_uploader  # the evidence file, and the filled template (Nộp theo mẫu)
    assert len(pickers) == 2
    assert all(picker.help.startswith("Kéo tệp thả vào khung") for picker in pickers)
