"""Cập nhật dữ liệu under AppTest: uploads given as bytes, on the sample data in SQLite: the
limit, re-upload, commit and undo, refusals, reading in the worker, the template."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from data_access.db import get_engine, session_scope
from data_access.kinds import ImportKind, Role
from data_access.queries.filters import TaskFilters
from data_access.queries.status import summary_metrics
from data_access.queries.tasks import filtered_statuses
from sample_data.manifest import PROGRESS_WORKBOOK, SAMPLE_PLAN_DOCX
from tests.cap_nhat_page import button, open_page, upload
from tests.pages_db import use_database
from tests.signed_in import EDITOR, account_in
from tests.upload_db import SKHCN, dump, edit_cell, sample_with_statuses_done
from ui.upload import UploadKey
from ui.upload_read import CANCELLED


@pytest.fixture
def url(sample_copy_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    use_database(monkeypatch, sample_copy_url)
    account_in(sample_copy_url, EDITOR, Role.EDITOR)  # before any "nothing changed" snapshot
    return sample_copy_url


MARKDOWN_NAME = "**đậm** [liên kết](http://example.com) <b>x</b>.xlsm"
# A fixed day, not the server's: the sample progress workbook's reports (sample_data/progress)
# are dated 05/11/2025 to 19/11/2026, so on 23/11/2026 every one of them is known and a
# completion dated on its report day counts as done, whatever day the tests run.
AS_OF = date(2026, 11, 23)


def _metrics(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def _keys(at: AppTest) -> list[str]:
    return [box.key for box in at.selectbox if box.key]


def _completed(url: str) -> int:
    with session_scope(get_engine(url)) as session:
        statuses = filtered_statuses(session=session, filters=TaskFilters(as_of=AS_OF))
    return summary_metrics(statuses, AS_OF).completed


def _shown_as_markup(at: AppTest) -> list[str]:
    """Every string Streamlit renders as Markdown on the page."""
    elements = [*at.markdown, *at.caption, *at.error, *at.warning, *at.info, *at.success]
    return [str(element.value) for element in elements]


# --- Before any upload ---


def test_the_page_states_the_upload_limit(url: str) -> None:
    at = open_page()
    assert not at.exception
    assert "dung lượng tối đa 10 MB" in at.caption[0].value  # loaders.limits.MAX_FILE_BYTES
    picker = at.file_uploader(key=UploadKey.FILE)
    assert picker.label.endswith("(tối đa 10 MB)")
    # Streamlit 1.67 draws the picker's words in English: the help names its "Upload" button.
    assert picker.help.startswith("Kéo tệp thả vào khung") and "“Upload”" in picker.help


def test_a_file_past_the_limit_gets_the_sentence_in_vietnamese(url: str) -> None:
    before = dump(get_engine(url))
    at = upload(open_page(), b"PK" + bytes(10 * 1024 * 1024 - 1), "lon.xlsx")  # 10 MB and 1 byte
    assert not at.exception
    assert [error.value for error in at.error] == ["Không nhận tệp này; dữ liệu không thay đổi."]
    assert "Tệp “lon.xlsx” nặng 10,1 MB, vượt mức tối đa 10 MB cho một tệp tải lên." in [
        text.value for text in at.text
    ]
    assert dump(get_engine(url)) == before


# --- The sample progress workbook: re-upload, change, commit, undo ---


def test_the_same_file_again_is_detected_and_changes_nothing(url: str) -> None:
    at = upload(open_page(), PROGRESS_WORKBOOK.read_bytes())
    assert not at.exception
    assert [info.value for info in at.info] == ["Nhận dạng: Cập nhật tiến độ nhiệm vụ."]
    assert at.warning[0].value.startswith("Tệp này (cùng nội dung) đã được nạp lúc ")
    assert _metrics(at)["Không đổi"] == "257"
    assert _metrics(at)["Thay đổi"] == "0"
    assert button(at, "commit").disabled


def test_kpi_results_chosen_for_the_progress_workbook_leave_its_task_rows_out(url: str) -> None:
    at = upload(open_page(), sample_with_statuses_done(3, AS_OF), "tien_do_thang_11.xlsx")
    assert _metrics(at)["Thay đổi"] == "3"
    kind = next(key for key in _keys(at) if key.startswith("kind_"))
    at.selectbox(key=kind).set_value(ImportKind.KPI_ACTUALS).run()
    assert not at.exception
    problems = next(frame.value for frame in at.dataframe if "Nội dung" in frame.value)
    assert problems["Nội dung"].str.contains("không được nạp").any()
    assert _metrics(at)["Thay đổi"] == "0"  # the three status changes are task rows


def test_changed_statuses_commit_move_the_numbers_and_undo_restores(url: str) -> None:
    before, completed = dump(get_engine(url)), _completed(url)
    at = upload(open_page(), sample_with_statuses_done(3, AS_OF), "tien_do_thang_11.xlsx")
    assert _metrics(at)["Thay đổi"] == "3"
    changes = next(frame.value for frame in at.dataframe if "Thay đổi (trước → sau)" in frame.value)
    assert changes["Loại"].tolist() == ["Thay đổi"] * 3
    assert changes["STT"].tolist() == changes["STT trong tệp"].tolist()  # matched by number
    assert changes["Thay đổi (trước → sau)"].str.contains("→ Đã hoàn thành").all()
    assert dump(get_engine(url)) == before  # nothing written by the preview

    button(at, "commit").click()
    at.run()
    assert not at.exception
    assert [s.value for s in at.success] == [
        "Đã nạp lần số 7: 3 nhiệm vụ, 0 chỉ tiêu, 3 báo cáo tiến độ nhiệm vụ, 0 kết quả chỉ tiêu."
    ]
    assert _completed(url) == completed + 3
    history = next(frame.value for frame in at.dataframe if "Người nạp" in frame.value)
    assert history.iloc[0][["Tệp", "Người nạp", "Báo cáo tiến độ, kết quả chỉ tiêu"]].tolist() == [
        "tien_do_thang_11.xlsx",
        "Người dùng bien.tap (bien.tap, biên tập của Sở)",
        3,
    ]

    at.checkbox(key=UploadKey.UNDO_CONFIRM).check()
    at.run()
    button(at, "undo").click()
    at.run()
    assert [s.value for s in at.success] == ["Đã hoàn tác lần nạp số 7."]
    assert dump(get_engine(url)) == before
    assert _completed(url) == completed


def test_a_word_plan_appendix_is_recognised_as_its_stored_plan(url: str) -> None:
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    at = open_page()
    at.file_uploader(key=UploadKey.FILE).set_value(
        (SAMPLE_PLAN_DOCX.name, SAMPLE_PLAN_DOCX.read_bytes(), docx)
    )
    at.run()
    assert not at.exception
    assert [info.value for info in at.info] == [
        "Nhận dạng: Kế hoạch (danh mục nhiệm vụ, chỉ tiêu)."
    ]
    assert at.selectbox(key=next(k for k in _keys(at) if k.startswith("plan_"))).value == (
        "DM-BS-2026"
    )
    assert _metrics(at)["Không đổi"] == "14"


# --- Files refused, errors that block ---


def test_a_macro_workbook_is_refused_in_plain_text(url: str) -> None:
    before = dump(get_engine(url))
    at = upload(open_page(), PROGRESS_WORKBOOK.read_bytes(), MARKDOWN_NAME)
    assert not at.exception
    assert [error.value for error in at.error] == ["Không nhận tệp này; dữ liệu không thay đổi."]
    sentence = next(text.value for text in at.text if "macro" in text.value)
    assert sentence.startswith(f"Tệp “{MARKDOWN_NAME}” là bảng tính có macro (.xlsm)")
    assert not any(MARKDOWN_NAME in shown for shown in _shown_as_markup(at))
    assert not at.metric
    assert dump(get_engine(url)) == before


def test_one_blocking_error_blocks_the_commit(url: str) -> None:
    before = dump(get_engine(url))
    data = edit_cell(sample_with_statuses_done(3, AS_OF), "Tiến độ", "G4", "31/02/2026")
    at = upload(open_page(), data)
    problems = next(frame.value for frame in at.dataframe if "Mức độ" in frame.value)
    assert problems[["Mức độ", "Trang tính", "Dòng", "Cột"]].values.tolist() == [
        ["Lỗi", "Tiến độ", 4, "Ngày hoàn thành"]
    ]
    assert at.error[0].value.startswith("Tệp còn 1 lỗi")
    assert button(at, "commit").disabled
    assert dump(get_engine(url)) == before


# --- Reading in the worker: "Hủy" and "Đọc lại" ---


def test_after_hủy_a_rerun_does_not_read_the_file_until_đọc_lại(url: str) -> None:
    at = upload(open_page(), sample_with_statuses_done(3, AS_OF))
    assert _metrics(at)["Thay đổi"] == "3"
    # "Hủy" pressed while the file was read: nothing kept, the flag set (as its callback does).
    at.session_state[UploadKey.PREPARED] = {}
    at.session_state[UploadKey.CANCELLED] = True
    at.run()
    assert [info.value for info in at.info] == [CANCELLED]
    assert not at.metric  # not read again
    button(at, UploadKey.READ_AGAIN).click()
    at.run()
    assert CANCELLED not in [info.value for info in at.info]
    assert _metrics(at)["Thay đổi"] == "3"
    assert not any(button.label == "Hủy" for button in at.button)  # gone once read


# --- Template ---


def test_the_template_tab_offers_a_download_per_agency(url: str) -> None:
    at = open_page()
    assert SKHCN in at.selectbox(key=UploadKey.TEMPLATE_AGENCY).options
    assert at.get("download_button")
