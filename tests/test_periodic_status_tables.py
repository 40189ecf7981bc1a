"""The periodic report's table per status and its overdue table: the tasks reasoned from the
seeds."""

from __future__ import annotations

import pytest
from docx.document import Document as DocxDocument

from data_access.queries.statuses import TaskStatus
from exports.periodic_docx import OVERDUE_HEADERS
from labels import STATUS_ORDER, format_int, status_label
from tests.periodic_sample import quarter_document, table_after, texts


@pytest.fixture(scope="module")
def document(sample_url: str) -> DocxDocument:
    return quarter_document(sample_url)


def references(plan: str, numbers: str) -> set[str]:
    """The "Số hiệu" cells of ``plan``'s tasks ``numbers`` (space-separated)."""
    return {f"{plan} - {number}" for number in numbers.split()}


PL2, K92A, SKHCN, DMBS, DCNV = (
    "PL-II-2026",
    "KH-92A-UBND",
    "KH-SKHCN-2025",
    "DM-BS-2026",
    "DC-CT-NV-2026",
)
# The tasks of each status at 30/06/2026, the end of QUARTER, from the per-plan reasoning of
# test_status_samples (its 01/07 cases), moved back a day: a task due on 30/06 is not yet
# overdue on 30/06, so PL-II's 11 open tasks due that day (2, 9, 10, 12, 13, 15, 16, 17, 20,
# 21, 25), DM-BS III.4, IV.7, V.11, VII.12 and DC-CT-NV II.4, III.5 are in progress, not
# overdue; PL-II 10 and 25 are done only after 30/06. Recurring tasks are judged on June's
# reports on both days (due by the 20th, the 12th inside the Sở KH&CN). Nothing is recurring
# but not yet due, and every deadline in the sample reads.
TASKS_AT_QUARTER_END = {
    TaskStatus.DONE_ON_TIME: references(PL2, "3 14 18 19 22 28")
    | references(K92A, "II.13 II.16 II.19 II.20 II.23 II.25")
    | references(SKHCN, "19")
    | references(DMBS, "II.2 VIII.13")
    | references(DCNV, "II.3 III.7"),
    TaskStatus.DONE_LATE: references(PL2, "6")
    | references(K92A, "II.4 II.7 II.22 II.27 III.2")
    | references(SKHCN, "15")
    | references(DCNV, "VII.17 VII.19"),
    TaskStatus.DONE_NO_EVIDENCE: references(SKHCN, "18"),  # BC BCĐTW, its "Minh chứng" empty
    TaskStatus.IN_PROGRESS: references(PL2, "2 7 9 10 12 13 15 16 17 20 21 23 25 26 27 29")
    | references(DMBS, "III.3 III.4 IV.7 V.8 V.9 V.10 V.11 VII.12")
    | references(DCNV, "II.4 III.5 IV.11 VI.14"),
    TaskStatus.MILESTONE_LATE: references(PL2, "1"),  # its first milestone, 31/5/2026, missed
    TaskStatus.RECURRING_REPORTED: references(K92A, "I.3")
    | references(SKHCN, "1 4 5 7 10")
    | references(DMBS, "I.1 III.5 III.6")
    | references(DCNV, "I.1 III.6 III.8 V.13 VI.15 VII.16 VII.18 VII.21"),
    TaskStatus.RECURRING_NOT_REPORTED: references(
        K92A, "I.1 I.2 II.9 II.10 II.11 II.21 II.26 II.28 II.30 III.1"
    )
    | references(SKHCN, "2 3 6 11 13 14 20")
    | references(DCNV, "I.2 III.9 V.12"),
}
# 30/06/2026 minus each overdue task's due date (seeds 000–004): 92A II.29 is due 20/10/2025,
# II.24 01/01/2026, its other eleven undone dated tasks 31/12/2025; the Sở's 8, 9, 12 are due
# 31/10/2025, 17 on 15/12/2025, 16 "Theo lộ trình Bộ Công an (20/12/2025)"; DC-CT-NV IV.10
# 31/03/2026, VII.20 30/04; PL-II 4, 5, 8, 11 30/04, 24 15/06; DM-BS IX.14 15/05/2026.
DAYS_OVERDUE_AT_QUARTER_END = (
    dict.fromkeys(references(K92A, "II.1 II.2 II.3 II.5 II.6 II.8 II.12 II.14 II.15"), 181)
    | dict.fromkeys(references(K92A, "II.17 II.18"), 181)
    | {f"{K92A} - II.29": 253, f"{K92A} - II.24": 180}
    | dict.fromkeys(references(SKHCN, "8 9 12"), 242)
    | {f"{SKHCN} - 17": 197, f"{SKHCN} - 16": 192}
    | {f"{DCNV} - IV.10": 91, f"{DCNV} - VII.20": 61}
    | dict.fromkeys(references(PL2, "4 5 8 11"), 61)
    | {f"{PL2} - 24": 15, f"{DMBS} - IX.14": 46}
)


def test_the_reasoned_tables_hold_every_sample_task_once() -> None:
    listed = set().union(*TASKS_AT_QUARTER_END.values())
    assert len(listed) + len(DAYS_OVERDUE_AT_QUARTER_END) == 29 + 35 + 20 + 14 + 21  # no overlap


def test_each_status_has_its_heading_count_and_tasks(document: DocxDocument) -> None:
    paragraphs = texts(document)
    for number, status in enumerate(STATUS_ORDER, start=1):
        mine = (
            set(DAYS_OVERDUE_AT_QUARTER_END)
            if status == TaskStatus.OVERDUE
            else TASKS_AT_QUARTER_END.get(status, set())
        )
        heading = f"2.{number}. {status_label(status)}: {format_int(len(mine))} nhiệm vụ"
        assert heading in paragraphs
        if status == TaskStatus.OVERDUE or not mine:  # the overdue tasks have section 1
            continue
        rows = table_after(document, heading)
        assert {r[1] for r in rows[1:]} == mine and len(rows) - 1 == len(mine)


def test_overdue_table_lists_days_overdue(document: DocxDocument) -> None:
    rows = table_after(document, "1. Nhiệm vụ quá hạn")
    assert rows[0] == list(OVERDUE_HEADERS)
    assert len(rows) - 1 == 26  # as test_periodic_figures.test_quarter_figures_by_hand
    assert {r[1]: int(r[5]) for r in rows[1:]} == DAYS_OVERDUE_AT_QUARTER_END
    days = [int(r[5]) for r in rows[1:]]
    assert days == sorted(days, reverse=True)
