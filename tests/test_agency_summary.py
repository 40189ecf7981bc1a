"""agency_summary: per lead agency, each group and the unassigned kept, rates, roles, and
a body's internal units counted once."""

from __future__ import annotations

import pandas as pd
import pytest

from data_access.queries.rollups import (
    UNASSIGNED_AGENCY,
    agency_summary,
    agency_summary_long,
    tasks_of_agency,
    units_beneath,
)
from tests.rollup_rows import GROUP, LINKS, POLICE, SKHCN, TASKS, UNIT, UNIT_LINKS, S, link

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
