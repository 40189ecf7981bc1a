"""KPI targets with actuals per period, judged with the target's operator."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlmodel import Session, select

from data_access.models import Kpi, KpiActual
from data_access.queries.kpis import kpi_frame, kpi_latest
from tests.dashboard_db import SKHCN, fill


def test_one_row_per_actual_and_one_for_a_kpi_never_reported(session: Session) -> None:
    fill(session)
    frame = kpi_frame(session=session)
    assert frame[["number", "period"]].fillna("").values.tolist() == [
        ["1", "2026-Q1"],
        ["1", "2026-H1"],  # 2026-Q3 came from an undone import
        ["2", ""],
    ]
    first = frame.iloc[0]
    assert (first["kpi"], first["operator"], first["target_value"], first["unit"]) == (
        "Tỷ lệ hồ sơ trực tuyến",
        ">",
        80.0,
        "%",
    )
    assert frame["owner"].tolist() == [SKHCN, SKHCN, "Văn phòng UBND tỉnh"]
    assert frame["is_illustrative"].tolist() == [True, False, False]
    assert frame["period_end"].iloc[1] == pd.Timestamp(2026, 6, 30)


def test_gap_met_and_latest(session: Session) -> None:
    fill(session)
    frame = kpi_frame(session=session)
    assert frame["gap"].iloc[:2].tolist() == [-5.0, 0.0]
    assert frame["met"].iloc[:2].tolist() == [False, False]  # ">80%" is not met by 80
    assert pd.isna(frame["met"].iloc[2])  # no operator, no actual
    assert frame["is_latest"].tolist() == [False, True, False]


def test_as_of_keeps_periods_ended_by_then(session: Session) -> None:
    fill(session)
    frame = kpi_frame(session=session, as_of=date(2026, 5, 1))
    assert frame["period"].fillna("").tolist() == ["2026-Q1", ""]
    latest = kpi_latest(frame)
    assert latest[["number", "value"]].fillna(0).values.tolist() == [["1", 75.0], ["2", 0]]


def test_latest_keeps_every_kpi_once(session: Session) -> None:
    fill(session)
    latest = kpi_latest(kpi_frame(session=session))
    assert latest["number"].tolist() == ["1", "2"]
    assert latest["period"].fillna("").tolist() == ["2026-H1", ""]


def test_a_corrected_result_replaces_the_earlier_one_of_its_period(session: Session) -> None:
    fill(session)
    kpi = session.exec(select(Kpi).where(Kpi.number == "1")).one()
    correction = KpiActual(
        kpi_id=kpi.id or 0, period="2026-H1", period_end=date(2026, 6, 30), value=82.0
    )
    session.add(correction)
    session.flush()
    frame = kpi_frame(session=session)
    first = frame[frame["number"] == "1"]
    assert first["period"].tolist() == ["2026-Q1", "2026-H1"]
    assert first["value"].tolist() == [75.0, 82.0]
    assert kpi_latest(frame)["value"].iloc[0] == 82.0


def test_no_kpis(session: Session) -> None:
    frame = kpi_frame(session=session)
    assert frame.empty
    assert {"kpi", "gap", "met", "is_latest"} <= set(frame)
    assert kpi_latest(frame).empty
