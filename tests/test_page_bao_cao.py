"""Báo cáo và xuất under AppTest on the sample data: sections, download buttons, choices.

AppTest cannot click a download button (the browser test does); here the
buttons must be there, deferred (built on click, no rerun), with choices that
follow the data. What they build is tested in test_report_files.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data_access.clock import LOCAL_TIME
from data_access.queries.discipline import DISCIPLINE_TITLE, VIEW_HEADERS
from exports.reminder_letters import GROUPS_NOTE
from labels import EMPTY_VALUE, ILLUSTRATIVE_NOTE
from tests.frozen_clock import freeze_clock
from tests.pages_db import REPO_ROOT, open_through_app, page_test, run_on_empty_database
from ui.common import NO_DATA
from ui.safe_text import literal
from ui.state import StateKey

PAGE = REPO_ROOT / "app_pages" / "7_Bao_cao.py"
AS_OF = "2026-06-15"
SECTIONS = ["Bộ tài liệu họp", "Văn bản đôn đốc", "Báo cáo định kỳ", DISCIPLINE_TITLE]


@pytest.fixture
def page(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return page_test(monkeypatch, sample_url, PAGE, {"as_of": AS_OF})


def buttons(at: AppTest) -> dict[str, object]:
    """Download buttons by label, each checked to build its file on click without a rerun."""
    assert not at.exception
    found = {}
    for button in at.get("download_button"):
        proto = button.proto  # type: ignore[attr-defined]
        assert proto.deferred_file_id and proto.ignore_rerun, proto.label
        found[proto.label] = proto
    return found


def selectbox(at: AppTest, key_start: str) -> object:
    boxes = [s for s in at.selectbox if (s.key or "").startswith(key_start)]
    assert len(boxes) == 1
    return boxes[0]


def test_the_page_is_in_the_menu(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_through_app(monkeypatch, sample_url, "app_pages/7_Bao_cao.py", {"as_of": AS_OF})
    assert at.title[0].value == "Báo cáo và xuất"
    assert list(buttons(at))[0] == "Tải bản trình chiếu (PowerPoint)"
    assert at.multiselect(key=StateKey.PLANS)  # the shared filters, drawn by app.py


def test_sections_and_buttons(page: AppTest) -> None:
    at = page.run()
    assert [s.value for s in at.subheader] == SECTIONS
    assert list(buttons(at)) == [
        "Tải bản trình chiếu (PowerPoint)",
        "Tải bản PDF",
        "Tải văn bản cho cơ quan đã chọn",
        # 14 lead agencies have tasks overdue or due soon on 15/06/2026, the 3 collective groups
        # among them get none; 4 more owe only recurring reports: UBND tỉnh (92A III.1), the
        # Sở's Văn phòng Sở (#2, #3), 004's Phòng GDTX, GDNN&ĐH and Phòng Tổ chức cán bộ; one
        # more only missed May's report (due 20/05): Sở Xây dựng
        "Tải tất cả (16 cơ quan, tệp .zip)",
        "Tải báo cáo Quý II/2026, tính đến ngày 15/06/2026",  # due by 10/06: the quarter so far
        # the reporting discipline's chart and table
        "Tải ảnh PNG",
        "Tải ảnh SVG",
        "Tải Excel",
        "Tải CSV",
    ]
    assert any(ILLUSTRATIVE_NOTE in i.value for i in at.info)
    assert literal("Tính đến 15/06/2026") in at.caption[0].value


def test_agencies_offered_are_those_to_remind(page: AppTest) -> None:
    at = page.run()
    offered = list(selectbox(at, StateKey.REPORT_AGENCY).options)  # type: ignore[attr-defined]
    # Reasoned from the seeds and the illustrative progress (test_status_samples), on 15/06/2026
    # over every plan: 16 agencies (as the zip button says), most overdue tasks first.
    assert len(offered) == len(set(offered)) == 16
    # Công an tỉnh leads 8 overdue tasks (92A II.2, II.3, II.6, II.12, II.17, II.18, due in
    # 2025; PL-II 4, due 30/04; DM-BS IX.14, due 15/05), Văn phòng UBND tỉnh 4 (92A II.2,
    # II.3, II.14, II.29): no one else leads more than 2.
    assert offered[:2] == ["Công an tỉnh", "Văn phòng UBND tỉnh"]
    # nothing overdue, but PL-II 9 is due 30/06, within the due-soon window
    assert "Ban Tổ chức Tỉnh ủy" in offered
    # owes only 92A III.1's recurring report, one task: last of those with something to chase
    assert offered[-2] == "UBND tỉnh"
    # Sở Xây dựng leads only PL-II 29, due 30/06/2028, reported on 21/02 and 03/10/2026: nothing
    # to chase but May's report, due 20/05 and not sent by 15/06; those come last
    assert offered[-1] == "Sở Xây dựng"
    # Văn phòng Tỉnh ủy leads only 92A II.23, done on time in 2025: nothing to report in May
    # (it coordinates PL-II 15, 21 and 22, due 30/06: coordinators get no letter)
    assert "Văn phòng Tỉnh ủy" not in offered
    # the collective leads of overdue tasks are groups: not offered; the page says why and
    # names them as plain text
    groups = ["Các sở, ban, ngành cấp tỉnh", "Các sở, ban, ngành, địa phương", "UBND cấp xã"]
    assert not set(groups) & set(offered)
    assert GROUPS_NOTE in [i.value for i in at.info]
    assert "; ".join(groups) in [t.value for t in at.text]


def test_reporting_discipline_of_the_chosen_period(page: AppTest) -> None:
    at = page.run()
    at.button_group(key=StateKey.REPORT_PERIOD_KIND).set_value("month").run()
    selectbox(at, StateKey.REPORT_PERIOD).select_index(1).run()  # type: ignore[attr-defined]
    assert not at.exception
    frame = next(f.value for f in at.dataframe if list(f.value.columns) == list(VIEW_HEADERS))
    rows = {r[0]: list(r[1:]) for r in frame.itertuples(index=False)}
    # May 2026 (due 20/05; the Sở's units 12/05), as reports stood on 15/06/2026:
    # Phòng Chuyển đổi số, a unit of the Sở, first reported on 08/05 (its task 4)
    assert rows["Phòng Chuyển đổi số (Sở KH&CN)"] == ["12/05/2026", "08/05/2026", "Đúng hạn"]
    # Văn phòng UBND tỉnh sent its first on 24/05, after the 20th, on DM-BS VIII.13 (DM-BS was
    # issued on 31/05, within May, so its tasks owe May's report); none on its 92A tasks
    assert rows["Văn phòng UBND tỉnh"] == ["20/05/2026", "24/05/2026", "Muộn"]
    # Sở Xây dựng's only task, PL-II 29, was reported on 21/02 and 03/10/2026: none in May
    assert rows["Sở Xây dựng"] == ["20/05/2026", EMPTY_VALUE, "Chưa báo cáo"]


def test_period_choices_follow_the_kind(page: AppTest) -> None:
    at = page.run()
    quarters = selectbox(at, StateKey.REPORT_PERIOD)
    assert quarters.options[:2] == [  # type: ignore[attr-defined]
        "Quý II/2026, tính đến ngày 15/06/2026 (01/04/2026 – 15/06/2026)",
        "Quý I/2026 (01/01/2026 – 31/03/2026)",
    ]
    at.button_group(key=StateKey.REPORT_PERIOD_KIND).set_value("month").run()
    months = selectbox(at, StateKey.REPORT_PERIOD)
    assert len(months.options) == 12  # type: ignore[attr-defined]
    assert months.options[0] == (  # type: ignore[attr-defined]
        "Tháng 06/2026, tính đến ngày 15/06/2026 (01/06/2026 – 15/06/2026)"
    )
    months.select_index(2).run()  # type: ignore[attr-defined]
    assert "Tải báo cáo Tháng 04/2026" in buttons(at)


# --- The default period: never a day still to come ---
@pytest.mark.parametrize(
    ("params", "kind", "chosen", "button"),
    [
        # the issue's day: Q4/2026's report falls due by 10/12, so Q4 as of today
        (
            {},
            "quarter",
            "Quý IV/2026, tính đến hôm nay (01/10/2026 – 06/12/2026)",
            "Tải báo cáo Quý IV/2026, tính đến hôm nay",
        ),
        # a year's report by 30/11: the year so far
        ({}, "year", "Năm 2026, tính đến hôm nay (01/01/2026 – 06/12/2026)", None),
        # an as-of day still to come is cut to today
        ({"as_of": "2027-02-01"}, "quarter", "Quý IV/2026, tính đến hôm nay", None),
        # before the month Q4's report falls due: Q3, ended
        ({"as_of": "2026-11-23"}, "quarter", "Quý III/2026 (01/07/2026 – 30/09/2026)", None),
    ],
)
def test_the_default_period_is_never_after_today(
    sample_url: str,
    monkeypatch: pytest.MonkeyPatch,
    params: dict[str, str],
    kind: str,
    chosen: str,
    button: str | None,
) -> None:
    freeze_clock(monkeypatch, datetime(2026, 12, 6, 9, 0, tzinfo=LOCAL_TIME))
    at = page_test(monkeypatch, sample_url, PAGE, params).run()
    at.button_group(key=StateKey.REPORT_PERIOD_KIND).set_value(kind).run()
    box = selectbox(at, StateKey.REPORT_PERIOD)
    assert box.options[box.index].startswith(chosen)  # type: ignore[attr-defined]
    assert box.value.as_of <= date(2026, 12, 6)  # type: ignore[attr-defined]
    if button:
        assert button in buttons(at)


def test_nothing_to_chase_says_so(page: AppTest) -> None:
    # before 92A's deadlines, reports and issue (01/11/2025): its recurring tasks owe nothing
    page.query_params.update({"as_of": "2025-01-01", "plan": "KH-92A-UBND"})
    at = page.run()
    assert not [s for s in at.selectbox if (s.key or "").startswith(StateKey.REPORT_AGENCY)]
    assert any(i.value.startswith("Không có cơ quan chủ trì nào") for i in at.info)
    assert "Tải bản PDF" in buttons(at)


def test_empty_database_asks_for_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = run_on_empty_database(PAGE, tmp_path, monkeypatch)
    assert [i.value for i in at.info] == [NO_DATA]
    assert not at.get("download_button")
