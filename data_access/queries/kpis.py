"""KPI (chỉ tiêu) targets with their actuals per period, judged against the target."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import and_, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from data_access.clock import end_of_day_utc
from data_access.models import Agency, Kpi, KpiActual, Plan
from data_access.queries.latest_reports import in_force, known_by_end_of
from data_access.queries.tasks import read_frame
from loaders.targets import is_met

KPI_COLUMNS = [
    "kpi_id",
    "plan_code",
    "number",
    "kpi",
    "target_text",
    "operator",
    "target_value",
    "unit",
    "year",
    "owner",
    "period",
    "period_end",
    "value",
    "is_illustrative",
]


def kpi_frame(
    *, session: Session, as_of: date | None = None, known_by: date | None = None
) -> pd.DataFrame:
    """One row per KPI and period (a KPI without actuals keeps one row with no period).

    Besides KPI_COLUMNS: ``gap`` (actual − target), ``met`` (True/False, NA when
    target, operator or actual is missing) and ``is_latest`` (the KPI's most
    recent period). With ``as_of``, only periods ending by that day count; with
    ``known_by``, only KPIs and actuals imported by the end of that day.
    """
    joined = [col(KpiActual.kpi_id) == col(Kpi.id), in_force(col(KpiActual.import_batch_id))]
    if as_of is not None:
        joined.append(col(KpiActual.period_end) <= as_of)
    plans_known = []
    if known_by is not None:
        joined.append(known_by_end_of(col(KpiActual.import_batch_id), known_by))
        plans_known.append(col(Plan.created_at) < end_of_day_utc(known_by))
    statement = (
        sa_select(
            col(Kpi.id),
            col(Plan.code),
            col(Kpi.number),
            col(Kpi.name),
            col(Kpi.target_text),
            col(Kpi.target_operator),
            col(Kpi.target_value),
            col(Kpi.unit),
            col(Kpi.year),
            func.coalesce(col(Agency.name), col(Kpi.owner_text)),
            col(KpiActual.period),
            col(KpiActual.period_end),
            col(KpiActual.value),
            col(KpiActual.is_illustrative),
        )
        .join(Plan, col(Plan.id) == col(Kpi.plan_id))
        .outerjoin(Agency, col(Agency.id) == col(Kpi.owner_agency_id))
        .outerjoin(KpiActual, and_(*joined))
        .where(*plans_known)
        .order_by(col(Plan.id), col(Kpi.id), col(KpiActual.period_end), col(KpiActual.id))
    )
    frame = read_frame(session, statement, KPI_COLUMNS)
    # A corrected result is added, never overwritten: the newest row of a period wins.
    frame = frame.drop_duplicates(["kpi_id", "period"], keep="last", ignore_index=True)
    frame = frame.assign(
        period_end=pd.to_datetime(frame["period_end"]).astype("datetime64[s]"),
        value=frame["value"].astype("float64"),
        target_value=frame["target_value"].astype("float64"),
        is_illustrative=frame["is_illustrative"].fillna(False).astype(bool),
    )
    return frame.assign(
        gap=frame["value"] - frame["target_value"],
        met=_met(frame),
        is_latest=~frame.duplicated("kpi_id", keep="last") & frame["period"].notna(),
    )


def kpi_latest(kpis: pd.DataFrame) -> pd.DataFrame:
    """One row per KPI from ``kpi_frame``: its latest actual, or none (NaN) when never reported."""
    latest = kpis[kpis["is_latest"]]
    never = kpis[~kpis["kpi_id"].isin(latest["kpi_id"])].drop_duplicates("kpi_id")
    return pd.concat([latest, never]).sort_index()


def _met(frame: pd.DataFrame) -> pd.Series:
    """``is_met`` per row; NA when the operator, the target or the actual is missing."""
    verdicts = [
        is_met(str(op), float(target), float(value))
        if isinstance(op, str) and op and pd.notna(target) and pd.notna(value)
        else None
        for op, target, value in zip(
            frame["operator"], frame["target_value"], frame["value"], strict=True
        )
    ]
    return pd.Series(verdicts, index=frame.index, dtype="boolean")
