"""The register's table, as exported: every task the filters keep, in plan order."""

from __future__ import annotations

from datetime import date

from data_access.db import get_engine, session_scope
from data_access.kinds import AgencyRole
from data_access.queries.filters import TaskFilters
from data_access.queries.tasks import filtered_statuses, task_agency_frame
from tests.sample_tasks import task_id
from ui.task_links import task_record_url
from ui.task_register import RECORD_HEADING, in_plan_order, register_table, with_record_links


def test_the_exported_register_holds_every_task_in_plan_order(sample_url: str) -> None:
    with session_scope(get_engine(sample_url)) as session:
        statuses = filtered_statuses(session=session, filters=TaskFilters(as_of=date(2026, 11, 23)))
        links = task_agency_frame(session=session, role="any")
    tasks = in_plan_order(statuses)
    table = register_table(tasks, links, AgencyRole.LEAD)
    assert len(table) == 119  # DOMAIN.md: 29 + 35 + 20 + 14 + 21
    keys = list(zip(table["Kế hoạch"], table["STT"], strict=True))
    # seed 000 first (its 29 tasks in order), seed 004's 21st task last
    assert keys[:3] == [("PL-II-2026", "1"), ("PL-II-2026", "2"), ("PL-II-2026", "3")]
    assert keys[-1] == ("DC-CT-NV-2026", "21")
    assert RECORD_HEADING not in table  # an address means nothing in a spreadsheet
    third = table.iloc[2]
    assert third["Cơ quan chủ trì"] == "Công an tỉnh"  # seed 000, task 3
    assert third["Minh chứng"] == "Văn bản số 1498/BC-ĐV ngày 21/05/2026"
    linked = with_record_links(table, tasks["task_id"])
    assert linked[RECORD_HEADING].iloc[2] == task_record_url(task_id(sample_url, "PL-II-2026", "3"))
