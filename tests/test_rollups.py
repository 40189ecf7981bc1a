"""Roll-ups of a status frame: per agency, per month, ageing, upcoming, search."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest

from data_access.queries.rollups import (
    UNASSIGNED_AGENCY,
    agency_names,
    agency_summary,
    agency_summary_long,
    deadline_month_matrix,
    overdue_ageing,
    overdue_ageing_by_agency,
    search_tasks,
    tasks_of_agency,
    units_beneath,
    upcoming,
)
from data_access.queries.status import compute_statuses
from data_access.queries.statuses import TaskStatus

AS_OF = date(2026, 6, 30)
S = TaskStatus
SKHCN, POLICE, GROUP = "Sở Khoa học và Công nghệ", "Công an tỉnh", "Các sở, ban, ngành, địa phương"


def statuses_of(rows: list[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    frame.insert(0, "task_id", range(1, len(rows) + 1))
    return compute_statuses(frame, AS_OF)


def t(name: str, due: date | None, kind: str = "date", **more: Any) -> dict[str, Any]:
    return {"name": name, "due_date": due, "deadline_kind": kind, "plan_code": "92A"} | more


DONE = {"reported_status": "Đã hoàn thành", "reported_on": date(2026, 5, 1)}
TASKS = statuses_of(
    [
        t("Chiến lược chuyển đổi số", date(2026, 5, 31), **DONE),  # 1: done on time
        t("Rà soát thủ tục", date(2026, 6, 15)),  # 2: overdue 15 days
        # 3: recurring from 01/06 (a first due date, not a deadline); June's report not sent
        t("Báo cáo định kỳ", date(2026, 6, 1), "recurring"),
        t("Số hoá hồ sơ", date(2026, 7, 20)),  # 4: due in 20 days
        t("Đề án Đắk Lắk số", date(2025, 12, 1)),  # 5: overdue 211 days
        t("Nhiệm vụ chưa rõ hạn", None, "unparsed"),  # 6
    ]
)


def link(
    task_id: int, agency: str, role: str = "lead", kind: str = "department", parent: str = ""
) -> dict[str, Any]:
    return {
        "task_id": task_id,
        "agency": agency,
        "agency_kind": kind,
        "is_collective": kind == "collective",
        "role": role,
        "position": 0,
        "parent": parent,
    }


LINKS = pd.DataFrame(
    [
        link(1, SKHCN),
        link(1, POLICE),  # two leads: counts for each
        link(1, GROUP, "coordinating", "collective"),
        link(2, GROUP, kind="collective"),
        link(3, SKHCN),
        link(4, POLICE),
        link(4, SKHCN, "coordinating"),
        link(5, SKHCN),
    ]
)


# --- agency_summary ---


def test_agency_summary_counts_each_lead_and_keeps_groups_and_unassigned() -> None:
    summary = agency_summary(TASKS, LINKS).set_index("agency")
    unassigned = UNASSIGNED_AGENCY["lead"]
    assert summary.index.tolist() == [SKHCN, GROUP, POLICE, unassigned]  # most overdue first
    assert summary.loc[SKHCN, ["total", "done_on_time", "overdue", "recurring"]].tolist() == [
        3,
        1,
        1,
        1,
    ]
    assert summary.loc[POLICE, ["total", "done_on_time", "in_progress", "due_soon"]].tolist() == [
        2,
        1,
        1,
        1,
    ]
    group = summary.loc[GROUP]
    assert (group["agency_kind"], bool(group["is_collective"]), group["overdue"]) == (
        "collective",
        True,
        1,
    )
    assert summary.loc[unassigned, ["total", "no_deadline"]].tolist() == [1, 1]


@pytest.mark.parametrize(
    ("agency", "completion_rate", "on_time_rate"),
    [
        (SKHCN, 1 / 2, 1 / 2),  # tasks 1 and 5 are dated (3 is recurring); 1 done on time
        (POLICE, 1 / 2, 1.0),  # task 4 not due yet
        (GROUP, 0.0, 0.0),
    ],
)
def test_agency_rates(agency: str, completion_rate: float, on_time_rate: float) -> None:
    row = agency_summary(TASKS, LINKS).set_index("agency").loc[agency]
    assert (row["completion_rate"], row["on_time_rate"]) == pytest.approx(
        (completion_rate, on_time_rate)
    )


def test_agency_rates_are_missing_without_denominator() -> None:
    row = agency_summary(TASKS, LINKS).set_index("agency").loc[UNASSIGNED_AGENCY["lead"]]
    assert pd.isna(row["completion_rate"]) and pd.isna(row["on_time_rate"])


@pytest.mark.parametrize(
    ("role", "totals"),
    [
        ("coordinating", {GROUP: 1, SKHCN: 1, UNASSIGNED_AGENCY["coordinating"]: 4}),
        ("any", {SKHCN: 4, POLICE: 2, GROUP: 2, UNASSIGNED_AGENCY["any"]: 1}),
    ],
)
def test_agency_summary_by_role(role: str, totals: dict[str, int]) -> None:
    summary = agency_summary(TASKS, LINKS, role=role)
    assert dict(zip(summary["agency"], summary["total"], strict=True)) == totals


# A unit of the Sở leading task 1 (which the Sở leads too) and task 2 (overdue).
UNIT = "Văn phòng Sở (Sở KH&CN)"
UNIT_LINKS = pd.concat(
    [
        LINKS,
        pd.DataFrame([link(t, UNIT, kind="internal_unit", parent=SKHCN) for t in (1, 2)]),
    ],
    ignore_index=True,
)


def test_with_units_a_body_counts_its_units_tasks_once() -> None:
    flat = agency_summary(TASKS, UNIT_LINKS).set_index("agency")
    rolled = agency_summary(TASKS, UNIT_LINKS, with_units=True).set_index("agency")
    assert flat.loc[SKHCN, ["total", "overdue"]].tolist() == [3, 1]  # tasks 1, 3, 5
    # tasks 1, 3, 5 and the unit's 2: task 1 counted once; 2 and 5 overdue
    assert rolled.loc[SKHCN, ["total", "overdue"]].tolist() == [4, 2]
    assert rolled.loc[UNIT, ["total", "parent", "agency_kind"]].tolist() == [
        2,
        SKHCN,
        "internal_unit",
    ]
    assert rolled.loc[SKHCN, ["parent", "agency_kind"]].tolist() == ["", "department"]


def test_with_units_a_body_without_links_of_its_own_is_kind_other() -> None:
    links = pd.DataFrame([link(2, UNIT, kind="internal_unit", parent="Đơn vị ban hành X")])
    rolled = agency_summary(TASKS, links, with_units=True).set_index("agency")
    assert rolled.loc["Đơn vị ban hành X", ["total", "agency_kind"]].tolist() == [1, "other"]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ([POLICE, UNIT, GROUP, SKHCN], [POLICE, GROUP, SKHCN, UNIT]),  # moved under its body
        ([UNIT, POLICE], [UNIT, POLICE]),  # its body not listed: stays where it is
    ],
)
def test_units_beneath_their_body(order: list[str], expected: list[str]) -> None:
    summary = agency_summary(TASKS, UNIT_LINKS, with_units=True)
    assert units_beneath(summary, order) == expected


def test_tasks_of_a_body_with_units() -> None:
    rows = tasks_of_agency(TASKS, UNIT_LINKS, SKHCN, with_units=True)
    assert sorted(rows["task_id"]) == [1, 2, 3, 5]
    assert sorted(tasks_of_agency(TASKS, UNIT_LINKS, SKHCN)["task_id"]) == [1, 3, 5]


def test_agency_summary_long_feeds_the_stacked_bars() -> None:
    long = agency_summary_long(agency_summary(TASKS, LINKS))
    assert {"agency", "status", "count", "total", "completion_rate", "on_time_rate"} <= set(long)
    skhcn = long[long["agency"] == SKHCN].set_index("status")["count"]
    assert skhcn.to_dict() == {
        S.DONE_ON_TIME: 1,
        S.DONE_LATE: 0,
        S.DONE_NO_EVIDENCE: 0,
        S.IN_PROGRESS: 0,
        S.MILESTONE_LATE: 0,
        S.OVERDUE: 1,
        S.RECURRING_REPORTED: 0,
        S.RECURRING_NOT_REPORTED: 1,
        S.RECURRING_NOT_DUE: 0,
        S.NO_DEADLINE: 0,
    }


def test_agency_summary_of_nothing_is_empty() -> None:
    summary = agency_summary(TASKS.iloc[:0], LINKS)
    assert summary.empty
    assert {"agency", "total", "completion_rate"} <= set(summary)


# --- deadline_month_matrix ---


def test_deadline_month_matrix() -> None:
    matrix = deadline_month_matrix(TASKS, LINKS, role="lead")
    rows = {
        (r.agency, r.month.strftime("%m/%Y")): (r.due, r.overdue, r.completed)
        for r in matrix.itertuples()
    }
    assert rows == {
        (GROUP, "06/2026"): (1, 1, 0),
        (POLICE, "05/2026"): (1, 0, 1),
        (POLICE, "07/2026"): (1, 0, 0),
        (SKHCN, "05/2026"): (1, 0, 1),
        (SKHCN, "12/2025"): (1, 1, 0),
    }  # no (SKHCN, "06/2026"): task 3 is recurring, its 01/06 only starts its reports
    assert (matrix["month"].dt.day == 1).all()


def test_deadline_month_matrix_with_units() -> None:
    matrix = deadline_month_matrix(TASKS, UNIT_LINKS, role="lead", with_units=True)
    rows = {
        (r.agency, r.month.strftime("%m/%Y")): (r.due, r.overdue, r.completed)
        for r in matrix.itertuples()
    }
    # the unit's task 2 (due 15/06/2026, overdue) counts for the Sở too; its task 1 only once
    assert rows[(SKHCN, "06/2026")] == (1, 1, 0)
    assert rows[(SKHCN, "05/2026")] == (1, 0, 1)
    assert rows[(UNIT, "06/2026")] == (1, 1, 0)


# --- overdue_ageing ---


@pytest.mark.parametrize(
    ("due_dates", "counts"),
    [
        ([], [0, 0, 0, 0]),
        ([date(2026, 6, 29), date(2026, 5, 31)], [2, 0, 0, 0]),  # 1 and 30 days
        ([date(2026, 5, 30), date(2026, 4, 1)], [0, 2, 0, 0]),  # 31 and 90
        ([date(2026, 3, 31), date(2026, 1, 1)], [0, 0, 2, 0]),  # 91 and 180
        ([date(2025, 12, 31)], [0, 0, 0, 1]),  # 181
    ],
)
def test_overdue_ageing_buckets(due_dates: list[date], counts: list[int]) -> None:
    statuses = statuses_of([t("x", due) for due in due_dates] + [t("not late", date(2026, 8, 1))])
    ageing = overdue_ageing(statuses)
    assert ageing["bucket"].tolist() == ["1–30", "31–90", "91–180", ">180"]
    assert ageing["count"].tolist() == counts


# --- upcoming ---


def test_upcoming_lists_open_tasks_due_in_the_window_soonest_first() -> None:
    statuses = statuses_of(
        [
            t("later", date(2026, 7, 30)),
            t("today", AS_OF),
            t("too late", date(2026, 7, 31)),
            t("done early", date(2026, 7, 5), **DONE),
            t("overdue", date(2026, 6, 1)),
            t("routine", None, "recurring"),
            t("reports from 10/07", date(2026, 7, 10), "recurring"),  # no deadline falls due
        ]
    )
    soon = upcoming(statuses, AS_OF, days=30)
    assert soon["name"].tolist() == ["today", "later"]
    assert soon["days_left"].tolist() == [0, 30]


# --- search ---


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("chuyen doi so", ["Chiến lược chuyển đổi số"]),
        ("CHUYỂN ĐỔI", ["Chiến lược chuyển đổi số"]),
        ("chuye\u0302\u0309n", ["Chiến lược chuyển đổi số"]),  # NFD query
        ("dak lak", ["Đề án Đắk Lắk số"]),
        ("so hoa", ["Số hoá hồ sơ"]),
        ("thu tuc ra soat", ["Rà soát thủ tục"]),  # any word order
        ("92a", [n for n in TASKS["name"]]),  # plan code
        ("khong co", []),
        ("   ", [n for n in TASKS["name"]]),
    ],
)
def test_search_ignores_case_and_diacritics(query: str, names: list[str]) -> None:
    assert search_tasks(TASKS, query)["name"].tolist() == names


def test_search_reads_nfd_names() -> None:
    statuses = statuses_of([t("Chuye\u0302\u0309n đo\u0302\u0309i so\u0302\u0301", None)])
    assert len(search_tasks(statuses, "chuyen doi so")) == 1


# --- overdue_ageing_by_agency, tasks_of_agency ---


def test_overdue_ageing_by_agency_counts_each_lead_in_its_bucket() -> None:
    by_agency = overdue_ageing_by_agency(TASKS, LINKS)
    rows = list(by_agency.itertuples(index=False, name=None))
    assert rows == [(GROUP, "1–30", 1), (SKHCN, ">180", 1)]  # tasks 2 (15 days) and 5 (211)


def test_overdue_ageing_by_agency_keeps_unassigned_and_roles() -> None:
    statuses = statuses_of([t("late, nobody", date(2026, 4, 1)), t("late, shared", AS_OF)])
    statuses = statuses.assign(days_overdue=[90, 400], status=S.OVERDUE)
    links = pd.DataFrame([link(2, SKHCN, "coordinating"), link(2, POLICE, "coordinating")])
    lead = overdue_ageing_by_agency(statuses, links, role="lead")
    assert lead.to_dict("list") == {
        "agency": [UNASSIGNED_AGENCY["lead"]] * 2,
        "bucket": ["31–90", ">180"],
        "count": [1, 1],
    }
    coordinating = overdue_ageing_by_agency(statuses, links, role="coordinating")
    assert set(coordinating["agency"]) == {SKHCN, POLICE, UNASSIGNED_AGENCY["coordinating"]}


def test_overdue_ageing_by_agency_of_nothing_is_empty() -> None:
    empty = overdue_ageing_by_agency(TASKS.iloc[:0], LINKS)
    assert empty.empty and list(empty) == ["agency", "bucket", "count"]


@pytest.mark.parametrize(
    ("agency", "role", "names"),
    [
        (SKHCN, "lead", ["Chiến lược chuyển đổi số", "Báo cáo định kỳ", "Đề án Đắk Lắk số"]),
        (SKHCN, "coordinating", ["Số hoá hồ sơ"]),
        (GROUP, "any", ["Chiến lược chuyển đổi số", "Rà soát thủ tục"]),
        (UNASSIGNED_AGENCY["lead"], "lead", ["Nhiệm vụ chưa rõ hạn"]),
        ("Không có", "lead", []),
    ],
)
def test_tasks_of_agency(agency: str, role: str, names: list[str]) -> None:
    assert tasks_of_agency(TASKS, LINKS, agency, role)["name"].tolist() == names


# --- agency_names ---


@pytest.mark.parametrize(
    ("role", "names"),
    [
        ("lead", [f"{SKHCN}; {POLICE}", GROUP, SKHCN, POLICE, SKHCN, ""]),
        ("coordinating", [GROUP, "", "", SKHCN, "", ""]),
        ("any", [f"{SKHCN}; {POLICE}; {GROUP}", GROUP, SKHCN, f"{POLICE}; {SKHCN}", SKHCN, ""]),
    ],
)
def test_agency_names_in_document_order_leads_first(role: str, names: list[str]) -> None:
    task_ids = pd.Series([1, 2, 3, 4, 5, 6], index=[10, 11, 12, 13, 14, 15])
    links = LINKS.assign(position=LINKS.groupby(["task_id", "role"]).cumcount())
    shown = agency_names(links.iloc[::-1], task_ids, role)
    assert shown.tolist() == names
    assert shown.index.tolist() == task_ids.index.tolist()
