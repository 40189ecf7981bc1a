"""Roll-ups of a status frame: per month, ageing, upcoming, search, per agency's tasks."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from data_access.queries.rollups import (
    UNASSIGNED_AGENCY,
    agency_names,
    deadline_month_matrix,
    deadline_week_matrix,
    overdue_ageing,
    overdue_ageing_by_agency,
    search_tasks,
    task_agency_rows,
    tasks_in_week,
    tasks_of_agency,
    upcoming,
)
from tests.rollup_rows import (
    AS_OF,
    DONE,
    GROUP,
    LINKS,
    POLICE,
    SKHCN,
    TASKS,
    UNIT,
    UNIT_LINKS,
    S,
    link,
    statuses_of,
    t,
)

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


# --- The next weeks and the drill-down ---
def test_week_matrix_counts_each_agencys_dates_per_monday() -> None:
    statuses = pd.DataFrame(
        {
            "task_id": [1, 2],
            "status": ["in_progress", "overdue"],
            "due_date": pd.to_datetime(["2026-07-01", "2026-07-05"]),
            "days_to_due": [10, 14],
            "plan_code": ["KH-01", "KH-01"],
            "name": ["Một", "Hai"],
        }
    )
    links = pd.DataFrame(
        {
            "task_id": [1, 2, 2],
            "agency": ["Sở A", "Sở A", "Sở B"],
            "agency_kind": ["department"] * 3,
            "is_collective": [False] * 3,
            "role": ["lead"] * 3,
            "position": [0, 0, 1],
            "parent": [""] * 3,
        }
    )
    calendar = pd.DataFrame(
        {
            "task_id": [1, 1, 2],
            "due_date": pd.to_datetime(["2026-06-24", "2026-07-01", "2026-07-05"]),
            "kind": ["Mốc", "Hạn nhiệm vụ", "Hạn nhiệm vụ"],
            "milestone": ["Bước 1", "", ""],
        }
    )
    weeks = deadline_week_matrix(calendar, statuses, links)
    cells = sorted(weeks.itertuples(index=False, name=None))
    # 24/06 is in the week of Monday 22/06; 01/07 (a Wednesday) and 05/07 (a Sunday) in 29/06's
    assert cells == [
        ("Sở A", pd.Timestamp("2026-06-22"), 1),
        ("Sở A", pd.Timestamp("2026-06-29"), 2),
        ("Sở B", pd.Timestamp("2026-06-29"), 1),
    ]
    in_week = tasks_in_week(calendar, statuses, links, "Sở A", date(2026, 6, 22))
    assert in_week[["task_id", "kind", "milestone"]].values.tolist() == [[1, "Mốc", "Bước 1"]]
    leaves = task_agency_rows(statuses, links)
    assert sorted(leaves[["agency", "task_id"]].itertuples(index=False, name=None)) == [
        ("Sở A", 1),
        ("Sở A", 2),
        ("Sở B", 2),
    ]
