"""Indicators (chỉ tiêu): result against target, and results over periods."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from charts.common import AnyChart, empty_chart, finish, require_columns, rows_height
from charts.palette import (
    BACKGROUND_COLOR,
    MET_COLOR,
    NO_DATA_COLOR,
    NOT_MET_COLOR,
    SERIES_COLORS,
    TARGET_COLOR,
)
from labels import (
    DATE_FORMAT_D3,
    KPI_NO_DATA,
    KPI_VERDICTS,
    format_decimal,
    format_target,
    kpi_verdict,
)

KPI_PICK = "kpi_pick"
KPI_TITLE = "Chỉ tiêu"
RESULT_SCALE = alt.Scale(
    domain=list(KPI_VERDICTS),
    range=[MET_COLOR, NOT_MET_COLOR, NO_DATA_COLOR],
)
PERCENT_UNIT = "%"
MAX_PERIOD_TICKS = 12


def kpi_bullets(kpis: pd.DataFrame, title: str, subtitle: str = "") -> AnyChart:
    """One bullet row per KPI, in input order.

    Input: ``kpi, target_value, operator, actual, unit, met, period_label``
    (``actual``/``met`` may be missing). Grey range to 100 for percentages (to
    the larger of target and result otherwise), a bar for the result coloured
    Đạt / Chưa đạt / Chưa có số liệu, and a black tick at the target. Clicking a
    row selects ``kpi_pick`` with field ``kpi``.
    """
    columns = ("kpi", "target_value", "operator", "actual", "unit", "met", "period_label")
    require_columns(kpis, columns, "kpi_bullets")
    pick = alt.selection_point(name=KPI_PICK, fields=["kpi"])
    if kpis.empty:
        return empty_chart(title, subtitle, pick)
    data = _bullet_frame(kpis)
    order = data["kpi"].drop_duplicates().tolist()
    all_percent = bool((data["unit"] == PERCENT_UNIT).all())
    base = alt.Chart(data).encode(
        y=alt.Y("kpi:N", title=None, sort=order, axis=alt.Axis(labelLimit=320)),
        tooltip=[
            alt.Tooltip("kpi:N", title=KPI_TITLE),
            alt.Tooltip("target_text:N", title="Mục tiêu"),
            alt.Tooltip("actual_text:N", title="Kết quả"),
            alt.Tooltip("result:N", title="Đánh giá"),
            alt.Tooltip("period_label:N", title="Kỳ"),
        ],
    )
    x_title = "Giá trị (%)" if all_percent else "Giá trị"
    background = base.mark_bar(color=BACKGROUND_COLOR, size=22).encode(
        x=alt.X("range_max:Q", title=x_title)
    )
    actual = base.mark_bar(size=10).encode(
        x=alt.X("actual_or_zero:Q"),
        color=alt.Color("result:N", title="Đánh giá", scale=RESULT_SCALE),
    )
    target = base.mark_tick(color=TARGET_COLOR, thickness=2, size=26).encode(
        x=alt.X("target_value:Q")
    )
    layered = background.add_params(pick) + actual + target
    return finish(layered, title, subtitle, height=rows_height(len(order)) + 20)


def _bullet_frame(kpis: pd.DataFrame) -> pd.DataFrame:
    unit = kpis["unit"].fillna("").astype(str)
    actual = pd.to_numeric(kpis["actual"], errors="coerce")
    target = pd.to_numeric(kpis["target_value"], errors="coerce")
    peak = pd.concat([actual, target], axis=1).max(axis=1).fillna(0.0)
    range_max = peak.where(unit != PERCENT_UNIT, peak.clip(lower=100.0))
    data = kpis.assign(
        kpi=kpis["kpi"].astype(str),
        unit=unit,
        actual=actual,
        target_value=target,
        actual_or_zero=actual.fillna(0.0),
        range_max=range_max.where(range_max > 0, 1.0),
        period_label=kpis["period_label"].fillna("").astype(str),
    )
    return data.assign(
        result=[
            KPI_NO_DATA if pd.isna(a) else kpi_verdict(m)
            for a, m in zip(data["actual"], data["met"], strict=True)
        ],
        target_text=[
            format_target(_text_or_none(op), _float_or_none(v), u)
            for op, v, u in zip(data["operator"], data["target_value"], data["unit"], strict=True)
        ],
        actual_text=[
            KPI_NO_DATA if pd.isna(a) else format_decimal(float(a)) + u
            for a, u in zip(data["actual"], data["unit"], strict=True)
        ],
    )


def _text_or_none(value: object) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def _float_or_none(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _period_axis(period_ends: pd.Series) -> alt.Axis:
    """Ticks on the period ends themselves when there are few, dd/mm/yyyy."""
    ends = sorted(period_ends.dropna().unique())
    if len(ends) > MAX_PERIOD_TICKS:
        return alt.Axis(format=DATE_FORMAT_D3)
    values = [alt.DateTime(year=d.year, month=d.month, date=d.day) for d in pd.to_datetime(ends)]
    return alt.Axis(format=DATE_FORMAT_D3, values=values)


def kpi_trend(actuals: pd.DataFrame, title: str, subtitle: str = "") -> AnyChart:
    """Result per period, one line per KPI, with its target as a dashed rule.

    Input: ``kpi, period_end, period_label, value, target_value``; the x axis is
    the last day of each period.
    """
    columns = ("kpi", "period_end", "period_label", "value", "target_value")
    require_columns(actuals, columns, "kpi_trend")
    if actuals.empty:
        return empty_chart(title, subtitle)
    data = actuals.assign(
        kpi=actuals["kpi"].astype(str),
        period_end=pd.to_datetime(actuals["period_end"]).dt.normalize(),
        period_label=actuals["period_label"].fillna("").astype(str),
        value_text=actuals["value"].map(lambda v: format_decimal(_float_or_none(v))),
        target_text=actuals["target_value"].map(lambda v: format_decimal(_float_or_none(v))),
    )
    color = alt.Color(
        "kpi:N",
        title=KPI_TITLE,
        scale=alt.Scale(range=list(SERIES_COLORS)),
        legend=alt.Legend(orient="bottom", columns=1, labelLimit=400),
    )
    lines = (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(filled=True, size=60))
        .encode(
            x=alt.X("period_end:T", title="Kỳ báo cáo", axis=_period_axis(data["period_end"])),
            y=alt.Y("value:Q", title="Giá trị"),
            color=color,
            tooltip=[
                alt.Tooltip("kpi:N", title=KPI_TITLE),
                alt.Tooltip("period_label:N", title="Kỳ"),
                alt.Tooltip("period_end:T", title="Ngày cuối kỳ", format=DATE_FORMAT_D3),
                alt.Tooltip("value_text:N", title="Kết quả"),
                alt.Tooltip("target_text:N", title="Mục tiêu"),
            ],
        )
    )
    targets = data.dropna(subset=["target_value"]).drop_duplicates("kpi")
    rules = (
        alt.Chart(targets)
        .mark_rule(strokeDash=[6, 4], strokeWidth=1.5)
        .encode(
            y=alt.Y("target_value:Q"),
            color=color,
            tooltip=[
                alt.Tooltip("kpi:N", title=KPI_TITLE),
                alt.Tooltip("target_text:N", title="Mục tiêu"),
            ],
        )
    )
    return finish(lines + rules, title, subtitle, height=300)
