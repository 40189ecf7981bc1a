"""Cập nhật dữ liệu under AppTest: a new plan's issuing body, agency spellings mapped, added
or suggested."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from data_access.agency_store import find_agency
from data_access.db import get_engine, session_scope
from data_access.imports import agencies
from data_access.kinds import Role
from tests.cap_nhat_page import button, open_page, upload
from tests.pages_db import use_database
from tests.signed_in import ADMIN, account_in
from tests.upload_db import SKHCN, TASKS, plan_file, workbook
from ui.upload import UploadKey


def as_admin() -> AppTest:
    """Agency names are the administrator's (issue 14's table)."""
    return open_page(ADMIN, Role.ADMIN)


@pytest.fixture
def url(sample_copy_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    use_database(monkeypatch, sample_copy_url)
    account_in(sample_copy_url, ADMIN, Role.ADMIN)  # before any "nothing changed" snapshot
    return sample_copy_url


UNKNOWN = "Ban Quản lý Khu kinh tế tỉnh"


# --- A new plan and its issuing body ---


@pytest.mark.parametrize(
    ("issuer", "unit"),
    [
        ("Sở Y tế", "Văn phòng Sở (Sở YT)"),  # known: the unit is that Sở's
        ("", "Văn phòng Sở (đơn vị ban hành KH-MOI)"),  # left blank: unknown, not guessed
    ],
)
def test_a_new_plan_asks_its_issuing_body_and_scopes_its_units(
    url: str, issuer: str, unit: str
) -> None:
    tasks = [(*TASKS[0][:3], "Văn phòng Sở", "", "30/6/2026")]
    at = upload(
        open_page(ADMIN, Role.ADMIN), plan_file(tasks, with_kpis=False), "ke_hoach_moi.xlsx"
    )
    new_code = next(box for box in at.text_input if box.key.startswith("new_code_"))
    new_code.input("KH-MOI")
    at.run()
    field = next(box for box in at.text_input if box.key.startswith("issuer_"))
    assert (field.label, field.value) == ("Cơ quan ban hành", "")  # asked, never pre-filled
    field.input(issuer)
    button(at.run(), "commit").click()
    at.run()
    assert not at.exception
    assert at.success[0].value.startswith("Đã nạp lần số")
    # the file now reads as the plan it created, no longer as a new plan
    plan = next(box for box in at.selectbox if box.key.startswith("plan_"))
    assert plan.value == "KH-MOI"
    with session_scope(get_engine(url)) as session:
        assert agencies.agency_tasks(session=session, agency_name=unit)["plan_code"].tolist() == [
            "KH-MOI"
        ]


# --- Agency spellings and suggested matches ---


def test_an_unknown_agency_is_mapped_and_remembered(url: str) -> None:
    tasks = [(*TASKS[0][:3], UNKNOWN, "", "30/6/2026")]
    at = upload(
        open_page(ADMIN, Role.ADMIN), plan_file(tasks, with_kpis=False), "ke_hoach_moi.xlsx"
    )
    unknown = next(frame.value for frame in at.dataframe if "Tên trong tệp" in frame.value)
    assert unknown["Tên trong tệp"].tolist() == [UNKNOWN]
    at.radio(key=UploadKey.SPELLING_ACTION).set_value("Là tên khác của một cơ quan đã có")
    at.selectbox(key=UploadKey.SPELLING_AGENCY).set_value(SKHCN)
    at.button[0].click()  # the form's submit button comes first
    at.run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Đã lưu tên gọi khác của cơ quan."]
    assert not any("Tên trong tệp" in frame.value for frame in at.dataframe)


def test_an_unknown_agency_is_added_under_its_proper_name(url: str) -> None:
    tasks = [(*TASKS[0][:3], UNKNOWN, "", "30/6/2026")]
    at = upload(
        open_page(ADMIN, Role.ADMIN), plan_file(tasks, with_kpis=False), "ke_hoach_moi.xlsx"
    )
    at.radio(key=UploadKey.SPELLING_ACTION).set_value("Thêm cơ quan mới")
    at.text_input(key=UploadKey.SPELLING_NAME).input(f"{UNKNOWN} Hà Tĩnh")
    at.button[0].click()
    at.run()
    assert [s.value for s in at.success] == ["Đã thêm cơ quan mới vào danh mục."]
    with session_scope(get_engine(url)) as session:
        assert find_agency(session=session, name=UNKNOWN).name == f"{UNKNOWN} Hà Tĩnh"


def test_a_suggested_match_waits_for_confirmation(url: str) -> None:
    rows = [["Kế hoạch", "Mục", "STT", "Tên nhiệm vụ", "Ngày báo cáo", "Tình trạng"]]
    rows.append(["PL-II-2026", None, 99, "Trung tâm giám sát an ninh mạng tập trung", None, "Chậm"])
    at = upload(open_page(ADMIN, Role.ADMIN), workbook({"Tiến độ": rows}))
    confirm = at.multiselect[0]
    assert len(confirm.options) == 1
    assert "(điểm " in confirm.options[0]
    assert button(at, "commit").disabled  # nothing to write until it is confirmed
    confirm.select(confirm.options[0])
    at.run()
    assert not button(at, "commit").disabled
