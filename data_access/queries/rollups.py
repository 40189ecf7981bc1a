"""Pure roll-ups of a status frame for the pages: per agency, per month, ageing, upcoming, search.

Input is the output of ``compute_statuses`` (possibly filtered) and, for the
agency views, ``task_agency_frame``. A task with several agencies in the chosen
role counts once for each; collective groups are rows of their own, and tasks
with no agency in that role are gathered under ``UNASSIGNED_AGENCY`` rather
than dropped.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from data_access.kinds import ANY_ROLE, AgencyKind, AgencyRole
from data_access.queries.status import DONE_STATUSES, add_rates, metric_flags
from data_access.queries.statuses import RECURRING_STATUSES, TaskStatus
from data_access.queries.tasks import links_for_role
from data_access.rules import AGEING_EDGES_DAYS, DUE_SOON_DAYS
from labels import AGEING_BUCKETS, STATUS_ORDER
from loaders.text import fold

UNASSIGNED_AGENCY = {
    AgencyRole.LEAD: "(Chưa ghi cơ quan chủ trì)",
    AgencyRole.COORDINATING: "(Không có cơ quan phối hợp)",
    ANY_ROLE: "(Chưa ghi cơ quan)",
}
STATUS_COLUMNS = [str(s) for s in STATUS_ORDER]
AGEING_EDGES = (0, *AGEING_EDGES_DAYS, float("inf"))  # right-closed, as AGEING_BUCKETS reads
_COMBINING_MARKS = r"[\u0300-\u036f]"


def agency_summary(
    statuses: pd.DataFrame,
    agency_links: pd.DataFrame,
    role: str = AgencyRole.LEAD,
    window_days: int = DUE_SOON_DAYS,
    with_units: bool = False,
) -> pd.DataFrame:
    """One row per agency: tasks per status, the metric counts, rates, kind; worst first.

    Columns: agency, agency_kind, is_collective, parent (the body of an internal
    unit, "" otherwise), one count per status code, METRIC_COLUMNS,
    completion_rate and on_time_rate (NaN without denominator). ``with_units``
    counts each unit's tasks for its body too (a task once per body); units keep
    their own rows.
    """
    rows = _with_agencies(statuses, agency_links, role, with_units)
    # pd.crosstab gives the same table, 2-3 times slower
    by_status = rows.groupby(["agency", "status"]).size().unstack(fill_value=0)
    by_status = by_status.reindex(columns=STATUS_COLUMNS, fill_value=0)
    flags = metric_flags(rows, rows["days_to_due"], window_days).groupby(rows["agency"]).sum()
    kinds = rows.groupby("agency")[["agency_kind", "is_collective", "parent"]].first()
    metrics = flags.drop(columns=[c for c in flags if c in by_status])
    summary = add_rates(kinds.join(by_status).join(metrics)).reset_index()
    columns = ["agency", "agency_kind", "is_collective", "parent", *STATUS_COLUMNS]
    columns += [*metrics.columns, "completion_rate", "on_time_rate"]
    ordered = summary[columns].sort_values(
        ["overdue", "total", "agency"], ascending=[False, False, True]
    )
    return ordered.reset_index(drop=True)


def units_beneath(summary: pd.DataFrame, order: list[str]) -> list[str]:
    """``order`` with each unit moved just below its body, when the body is listed."""
    parents = dict(zip(summary["agency"], summary["parent"], strict=True))
    listed = set(order)
    units: dict[str, list[str]] = {}
    for name in order:
        if parents.get(name, "") in listed:
            units.setdefault(parents[name], []).append(name)
    placed: list[str] = []

    def place(name: str) -> None:
        placed.append(name)
        for unit in units.pop(name, []):
            place(unit)

    for name in order:
        if parents.get(name, "") not in listed:
            place(name)
    return placed


def agency_summary_long(summary: pd.DataFrame) -> pd.DataFrame:
    """``agency_summary`` as one row per agency and status (the charts' input)."""
    keep = ["agency", "agency_kind", "is_collective", "total", "completion_rate", "on_time_rate"]
    long = summary.melt(id_vars=keep, value_vars=STATUS_COLUMNS, var_name="status")
    return long.rename(columns={"value": "count"})[["agency", "status", "count", *keep[1:]]]


def deadline_month_matrix(
    statuses: pd.DataFrame,
    agency_links: pd.DataFrame,
    role: str = AgencyRole.LEAD,
    with_units: bool = False,
) -> pd.DataFrame:
    """Agency x month of due date (first day of the month): tasks due, overdue, completed.

    ``with_units``: a body's row counts its units' tasks too, as in ``agency_summary``.
    Recurring tasks have no month they fall due in (a date the plan gives them is
    only when their reporting starts): they are left out.
    """
    rows = _with_agencies(statuses, agency_links, role, with_units)
    recurring = rows["status"].isin([str(s) for s in RECURRING_STATUSES])
    rows = rows[rows["due_date"].notna() & ~recurring]
    grouped = rows.assign(
        month=rows["due_date"].dt.to_period("M").dt.to_timestamp().astype("datetime64[s]"),
        due=1,
        overdue=(rows["status"] == TaskStatus.OVERDUE).astype("int64"),
        completed=rows["status"].isin([str(s) for s in DONE_STATUSES]).astype("int64"),
    ).groupby(["agency", "month"], as_index=False)[["due", "overdue", "completed"]]
    return grouped.sum().sort_values(["agency", "month"], ignore_index=True)


def deadline_week_matrix(
    calendar: pd.DataFrame,
    statuses: pd.DataFrame,
    agency_links: pd.DataFrame,
    role: str = AgencyRole.LEAD,
    with_units: bool = False,
) -> pd.DataFrame:
    """Agency x week (its Monday): how many of ``calendar``'s dates (due dates and
    milestones, ``queries.calendar.deadline_calendar``) fall in it; no zero rows."""
    agencies = _with_agencies(statuses, agency_links, role, with_units)[["task_id", "agency"]]
    rows = calendar.merge(agencies, on="task_id")
    monday = rows["due_date"] - pd.to_timedelta(rows["due_date"].dt.day_of_week, unit="D")
    counts = rows.assign(week_start=monday).groupby(["agency", "week_start"]).size()
    return counts.rename("count").reset_index()


def tasks_in_week(
    calendar: pd.DataFrame,
    statuses: pd.DataFrame,
    agency_links: pd.DataFrame,
    agency: str,
    week_start: date,
    role: str = AgencyRole.LEAD,
    with_units: bool = False,
) -> pd.DataFrame:
    """``calendar``'s dates of ``agency``'s tasks in the week from Monday ``week_start``,
    with each task's status columns (``kind`` and ``milestone`` first)."""
    monday = pd.Timestamp(week_start)
    in_week = calendar[
        (calendar["due_date"] >= monday) & (calendar["due_date"] < monday + pd.Timedelta(days=7))
    ]
    ids = tasks_of_agency(statuses, agency_links, agency, role, with_units)["task_id"]
    dates = in_week.loc[in_week["task_id"].isin(ids), ["task_id", "kind", "milestone"]]
    return dates.merge(statuses, on="task_id")


def task_agency_rows(
    statuses: pd.DataFrame,
    agency_links: pd.DataFrame,
    role: str = AgencyRole.LEAD,
    with_units: bool = False,
) -> pd.DataFrame:
    """One row per task and agency in ``role``: plan_code, agency, status, task_id, name."""
    rows = _with_agencies(statuses, agency_links, role, with_units)[["task_id", "agency"]]
    facts = statuses[["task_id", "plan_code", "status", "name"]]
    return rows.merge(facts, on="task_id")[["plan_code", "agency", "status", "task_id", "name"]]


def overdue_ageing(statuses: pd.DataFrame) -> pd.DataFrame:
    """Overdue tasks counted by days overdue: bucket ("1–30", "31–90", "91–180", ">180"), count."""
    buckets = ageing_bucket(statuses.loc[statuses["status"] == TaskStatus.OVERDUE, "days_overdue"])
    counts = buckets.value_counts().reindex(list(AGEING_BUCKETS), fill_value=0)
    return pd.DataFrame({"bucket": list(AGEING_BUCKETS), "count": counts.to_numpy("int64")})


def ageing_bucket(days_overdue: pd.Series) -> pd.Series:
    """The AGEING_BUCKETS code of each number of days overdue (NaN for 0 or less)."""
    return pd.cut(days_overdue, bins=list(AGEING_EDGES), labels=list(AGEING_BUCKETS), right=True)


def overdue_ageing_by_agency(
    statuses: pd.DataFrame, agency_links: pd.DataFrame, role: str = AgencyRole.LEAD
) -> pd.DataFrame:
    """Overdue tasks per agency in ``role`` and bucket: agency, bucket, count; no zero rows."""
    overdue = statuses[statuses["status"] == TaskStatus.OVERDUE]
    buckets = pd.DataFrame(
        {"task_id": overdue["task_id"], "bucket": ageing_bucket(overdue["days_overdue"])}
    )
    rows = _with_agencies(overdue, agency_links, role).merge(buckets, on="task_id")
    counts = rows.groupby(["agency", "bucket"], observed=True).size().rename("count")
    return counts.reset_index().astype({"bucket": "str", "count": "int64"})  # buckets in order


def tasks_of_agency(
    statuses: pd.DataFrame,
    agency_links: pd.DataFrame,
    agency: str,
    role: str = AgencyRole.LEAD,
    with_units: bool = False,
) -> pd.DataFrame:
    """Rows of ``statuses`` whose agency in ``role`` is ``agency`` (UNASSIGNED_AGENCY included).

    ``with_units``: also the tasks of ``agency``'s units, as ``agency_summary`` counts them.
    """
    rows = _with_agencies(statuses, agency_links, role, with_units)
    return statuses[statuses["task_id"].isin(rows.loc[rows["agency"] == agency, "task_id"])]


def upcoming(statuses: pd.DataFrame, as_of: date, days: int = DUE_SOON_DAYS) -> pd.DataFrame:
    """Tasks not completed that fall due from ``as_of`` to ``as_of + days``, soonest first."""
    start, end = pd.Timestamp(as_of), pd.Timestamp(as_of + timedelta(days=days))
    due = statuses["due_date"]
    open_ = ~statuses["status"].isin([str(s) for s in (*DONE_STATUSES, *RECURRING_STATUSES)])
    rows = statuses[open_ & (due >= start).fillna(False) & (due <= end).fillna(False)]
    rows = rows.assign(days_left=(rows["due_date"] - start).dt.days.astype("int64"))
    order = [c for c in ("due_date", "plan_code", "position") if c in rows]
    return rows.sort_values(order, kind="stable")


def search_tasks(statuses: pd.DataFrame, query: str) -> pd.DataFrame:
    """Rows whose name, number or plan code holds every word of ``query``, ignoring diacritics."""
    words = fold(query).split()
    if not words:
        return statuses
    text = statuses["name"].fillna("").astype("str")
    for column in ("number", "plan_code"):
        if column in statuses:
            text = text + " " + statuses[column].fillna("").astype("str")
    keys = _fold_series(text)
    keep = pd.Series(True, index=statuses.index)
    for word in words:
        keep &= keys.str.contains(word, regex=False)
    return statuses[keep]


def agency_names(
    agency_links: pd.DataFrame, task_ids: pd.Series, role: str = AgencyRole.LEAD
) -> pd.Series:
    """For each of ``task_ids``, its agencies in ``role``, "; "-joined ("" when none).

    Document order (``position``); with ``role="any"``, lead agencies first.
    """
    links = links_for_role(agency_links, role)
    links = links[links["task_id"].isin(task_ids)]
    ranked = links.assign(lead_first=links["role"] != AgencyRole.LEAD)
    ranked = ranked.sort_values(["task_id", "lead_first", "position"], kind="stable")
    ranked = ranked.assign(place=ranked.groupby("task_id").cumcount())
    wide = ranked.pivot(index="task_id", columns="place", values="agency")  # one column per place
    names = pd.Series("", index=wide.index, dtype="str")
    for place in wide.columns:  # a handful of places, each a vectorised step
        name = wide[place]
        names = names.where(name.isna(), (names + "; ").where(names != "", "") + name)
    return task_ids.map(names).astype(object).fillna("").astype("str")  # object: none linked


def _with_agencies(
    statuses: pd.DataFrame, agency_links: pd.DataFrame, role: str, with_units: bool = False
) -> pd.DataFrame:
    """One row per task and agency in ``role``; tasks with none get UNASSIGNED_AGENCY.

    ``with_units`` adds a row for the body of each unit (once per task and body),
    of the body's own kind when it has links, else "other".
    """
    links = links_for_role(agency_links, role)[
        ["task_id", "agency", "agency_kind", "is_collective", "parent"]
    ]
    if with_units:
        kinds = agency_links.drop_duplicates("agency").set_index("agency")["agency_kind"]
        units = links[links["parent"] != ""]
        bodies = units.assign(
            agency=units["parent"],
            agency_kind=units["parent"].map(kinds).fillna(str(AgencyKind.OTHER)),
            is_collective=False,
            parent="",
        )
        links = pd.concat([links, bodies], ignore_index=True)
        links = links.drop_duplicates(["task_id", "agency"])
    needed = statuses[["task_id", "status", "due_date", "days_to_due"]]
    rows = needed.merge(links, on="task_id", how="left")
    return rows.assign(
        agency=rows["agency"].fillna(UNASSIGNED_AGENCY.get(role, UNASSIGNED_AGENCY[ANY_ROLE])),
        agency_kind=rows["agency_kind"].fillna(str(AgencyKind.OTHER)),
        is_collective=rows["is_collective"].fillna(False).astype(bool),
        parent=rows["parent"].fillna(""),
    )


def _fold_series(text: pd.Series) -> pd.Series:
    """``loaders.text.fold`` for a column of already-clean text, vectorised."""
    lowered = text.str.lower().str.normalize("NFD")
    return lowered.str.replace(_COMBINING_MARKS, "", regex=True).str.replace("đ", "d")
