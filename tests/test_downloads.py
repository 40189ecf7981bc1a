"""The shared download buttons under AppTest: labels, keys, built on click, no rerun.

AppTest cannot run a button's callable; the browser test clicks them and the
builders have their own tests.
"""

from __future__ import annotations

from datetime import date

from streamlit.testing.v1 import AppTest

from data_access.queries.filters import TaskFilters
from ui.downloads import ROW_ORDER_NOTE
from ui.state import StateKey


def script() -> None:
    import pandas as pd

    from charts import status_breakdown
    from ui.downloads import deferred_download, offer_chart, offer_table

    chart = status_breakdown(
        pd.DataFrame({"status": ["overdue"], "count": [3]}), "Nhiệm vụ theo trạng thái"
    )
    offer_chart(chart, title="Nhiệm vụ theo trạng thái", key="status")
    offer_table(pd.DataFrame({"Nhiệm vụ": ["=1+1"]}), title="Danh sách", key="list")
    deferred_download(
        "Tải báo cáo", lambda: b"x", file_name="bao-cao.docx", key="r", kind="primary"
    )


def buttons(at: AppTest) -> list[tuple[str, str, str]]:
    """(label, id, type) of every download button; each is deferred and leaves the page alone."""
    assert not at.exception
    found = []
    for button in at.get("download_button"):
        proto = button.proto  # type: ignore[attr-defined]
        assert proto.deferred_file_id, proto.label
        assert proto.ignore_rerun, proto.label
        found.append((proto.label, proto.id, proto.type))
    return found


def test_chart_table_and_report_buttons() -> None:
    at = AppTest.from_function(script, default_timeout=60)
    at.session_state[StateKey.ACTIVE_FILTERS] = TaskFilters(as_of=date(2026, 11, 23))
    at.run()
    found = buttons(at)
    assert [(label, kind) for label, _, kind in found] == [
        ("Tải ảnh PNG", "tertiary"),
        ("Tải ảnh SVG", "tertiary"),
        ("Tải Excel", "tertiary"),
        ("Tải CSV", "tertiary"),
        ("Tải báo cáo", "primary"),
    ]
    protos = [button.proto for button in at.get("download_button")]  # type: ignore[attr-defined]
    helps = {proto.label: proto.help for proto in protos}
    assert ROW_ORDER_NOTE in helps["Tải Excel"] and ROW_ORDER_NOTE in helps["Tải CSV"]
    ids = [element_id for _, element_id, _ in found]
    for key in ("status_dl_png", "status_dl_svg", "list_dl_xlsx", "list_dl_csv", "-r"):
        assert sum(element_id.endswith(key) for element_id in ids) == 1, key


def test_buttons_work_when_a_page_runs_without_app_filters() -> None:
    at = AppTest.from_function(script, default_timeout=60).run()
    assert len(buttons(at)) == 5
