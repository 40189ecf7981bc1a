"""Chỉ tiêu: each KPI's latest result against its target, its trend, and a table for reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from charts import compose_subtitle, kpi_bullets, kpi_trend
from charts.kpis import KPI_PICK
from data_access.queries.filters import TaskFilters
from data_access.queries.kpis import kpi_latest
from exports.table_format import Number
from labels import (
    ILLUSTRATIVE_NOTE,
    KPI_VERDICTS,
    format_date,
    format_int,
    kpi_targets,
    kpi_verdict,
)
from loaders.targets import period_label
from ui.common import (
    UNIT_HEADING,
    chart_pick,
    page_header,
    show_chart,
    show_table,
)
from ui.data import load_kpis
from ui.downloads import offer_table
from ui.filters import page_filters, reset_button
from ui.state import StateKey

NO_KPIS = (
    "Chưa có chỉ tiêu nào — hãy tải lên kế hoạch có bảng chỉ tiêu ở trang Cập nhật dữ liệu "
    "(mục Dữ liệu của menu), rồi quay lại trang này."
)
NO_PLAN_KPIS = (
    "Các kế hoạch đã chọn không có chỉ tiêu — hãy chọn kế hoạch khác trong bộ lọc "
    "hoặc bấm Đặt lại bộ lọc."
)
SCOPE_NOTE = (
    "Chỉ tiêu được lọc theo kế hoạch và ngày tính; các bộ lọc khác chỉ áp dụng cho nhiệm vụ."
)
PERIOD_HELP = "Mỗi chỉ tiêu hiện kết quả gần nhất tính đến hết kỳ này."
MAX_BULLETS = 25  # rows of the bullet chart; the table lists every KPI
MAX_TREND_LINES = 8  # lines on the trend chart when no KPI is clicked
# What the chart builders read; fewer columns make each rerun's chart spec smaller.
BULLET_COLUMNS = ("kpi", "target_value", "operator", "actual", "unit", "met", "period_label")
TREND_COLUMNS = ("kpi", "period_end", "period_label", "value", "target_value")
TABLE_COLUMNS = {
    "number": "STT",
    "name": "Chỉ tiêu",
    "target": "Mục tiêu",
    "actual": "Kết quả gần nhất",
    "gap": "Chênh lệch",
    "unit": UNIT_HEADING,
    "period_label": "Kỳ",
    "result": "Đánh giá",
    "owner": "Đơn vị theo dõi",
    "plan_code": "Kế hoạch",
}
# Result and gap (result minus target) in the KPI's unit; a gap in % is percentage points.
TABLE_FORMATS = {
    TABLE_COLUMNS[column]: Number(1, unit_column=UNIT_HEADING) for column in ("actual", "gap")
}


def plan_kpis(filters: TaskFilters, as_of: date) -> pd.DataFrame:
    """KPI rows (one per KPI and actual) of the chosen plans, periods ended by ``as_of``."""
    return kpis_of_plans(filters.plan_codes, as_of, filters.known_by)


def kpis_of_plans(plan_codes: tuple[str, ...], as_of: date, known_by: date | None) -> pd.DataFrame:
    kpis = load_kpis(as_of, known_by)
    if plan_codes:
        kpis = kpis[kpis["plan_code"].isin(list(plan_codes))]
    return kpis.assign(name=kpis["kpi"], kpi=kpi_names(kpis))  # kpi: the charts' label


def latest_view(filters: TaskFilters, period_end: date) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each KPI's latest result by ``period_end`` (judged), and the table shown for it."""
    return judged_kpis(filters.plan_codes, period_end, filters.known_by)


def judged_kpis(
    plan_codes: tuple[str, ...], period_end: date, known_by: date | None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    latest = judged(kpi_latest(kpis_of_plans(plan_codes, period_end, known_by)))
    return latest, display_table(latest)


def kpi_names(kpis: pd.DataFrame) -> pd.Series:
    """ "1. Tên chỉ tiêu"; with several plans, the plan code first so names stay distinct."""
    names = kpis["number"].astype(str) + ". " + kpis["kpi"].astype(str)
    if kpis["plan_code"].nunique() > 1:
        names = kpis["plan_code"].astype(str) + " · " + names
    return names


def reported_periods(filters: TaskFilters) -> dict[str, date]:
    """Periods with results of the chosen plans by the as-of day, oldest first: code -> last day."""
    kpis = plan_kpis(filters, filters.as_of)
    periods = kpis.dropna(subset=["period"]).drop_duplicates("period").sort_values("period_end")
    ends = (pd.Timestamp(end).date() for end in periods["period_end"])
    return dict(zip(periods["period"], ends, strict=True))


def period_picker(filters: TaskFilters) -> date:
    """The chosen reporting period's last day (default: the latest period with results)."""
    ends = reported_periods(filters)
    if not ends:
        st.info(
            f"Chưa có kết quả chỉ tiêu nào đến ngày {format_date(filters.as_of)} — hãy tải lên "
            "bảng kết quả chỉ tiêu ở trang Cập nhật dữ liệu, hoặc chọn ngày tính muộn hơn."
        )
        return filters.as_of
    codes = list(ends)
    chosen = st.columns([1, 2])[0].selectbox(
        "Kỳ báo cáo",
        codes,
        index=len(codes) - 1,
        format_func=period_label,
        key=StateKey.KPI_PERIOD,
        help=PERIOD_HELP,
        bind="query-params",
    )
    return ends.get(str(chosen), ends[codes[-1]])


def judged(latest: pd.DataFrame) -> pd.DataFrame:
    """The latest rows with the texts the chart and the table show."""
    return latest.assign(
        actual=latest["value"],
        period_label=latest["period"].map(lambda p: period_label(p) if isinstance(p, str) else ""),
        result=latest["met"].map(kpi_verdict),
    )


def first_rows(latest: pd.DataFrame, limit: int) -> tuple[pd.DataFrame, str]:
    """At most ``limit`` KPIs for a chart, and a note saying so when some are left out."""
    if len(latest) <= limit:
        return latest, ""
    return latest.head(limit), f"Biểu đồ hiện {limit} trên {format_int(len(latest))} chỉ tiêu"


@dataclass(frozen=True)
class KpiView:
    """What the page shows for the chosen plans and period."""

    latest: pd.DataFrame  # one row per KPI, judged
    table: pd.DataFrame  # the KPI table as displayed
    bullets: pd.DataFrame  # the bullet chart's rows (at most MAX_BULLETS)
    shown_note: str  # says so when the chart leaves KPIs out
    trend: pd.DataFrame  # every reported result
    illustrative: bool


def kpi_view(filters: TaskFilters, period_end: date) -> KpiView:
    latest, table = latest_view(filters, period_end)
    trend = plan_kpis(filters, filters.as_of).dropna(subset=["period"])
    charted, shown_note = first_rows(latest, MAX_BULLETS)
    illustrative = bool(latest["is_illustrative"].any() or trend["is_illustrative"].any())
    bullets = charted[list(BULLET_COLUMNS)]
    return KpiView(latest, table, bullets, shown_note, trend, illustrative)


def trend_rows(filters: TaskFilters, period_end: date, picked: str | None) -> pd.DataFrame:
    """The clicked KPI's results over periods, else those of the first charted KPIs."""
    view = kpi_view(filters, period_end)
    trend = view.trend
    if picked is not None and (trend["kpi"] == picked).any():
        rows = trend[trend["kpi"] == picked]
    else:
        rows = trend[trend["kpi"].isin(view.bullets["kpi"].head(MAX_TREND_LINES))]
    rows = rows.assign(period_label=rows["period"].map(period_label))
    return rows[list(TREND_COLUMNS)]


def headline(latest: pd.DataFrame) -> None:
    results = latest["result"].value_counts()
    columns = st.columns(4)
    columns[0].metric("Số chỉ tiêu", format_int(len(latest)))
    for column, label in zip(columns[1:], KPI_VERDICTS, strict=True):
        column.metric(label, format_int(int(results.get(label, 0))))


def display_table(latest: pd.DataFrame) -> pd.DataFrame:
    """The KPI table as read on screen: targets with operators, results and gaps (numbers, in
    the unit beside them), verdicts."""
    table = latest.assign(
        target=kpi_targets(latest),
        unit=latest["unit"].fillna("").astype(str),
        owner=latest["owner"].fillna(""),
    )
    return table[list(TABLE_COLUMNS)].rename(columns=TABLE_COLUMNS)


def kpi_table(display: pd.DataFrame) -> None:
    show_table(
        display,
        formats=TABLE_FORMATS,
        hide_index=True,
        column_config={TABLE_COLUMNS["name"]: st.column_config.TextColumn(width="large")},
    )
    offer_table(display, title="Bảng chỉ tiêu", key="kpi_table", formats=TABLE_FORMATS)


filters = page_filters()
page_header("Chỉ tiêu", filters)
kpis = plan_kpis(filters, filters.as_of)
has_any = kpis.shape[0] > 0 or load_kpis(filters.as_of, filters.known_by).shape[0] > 0
if not has_any:
    st.info(NO_KPIS, icon=":material/upload_file:")
    st.stop()
if kpis.empty:
    st.info(NO_PLAN_KPIS, icon=":material/filter_alt_off:")
    reset_button(f"{StateKey.RESET_FILTERS}_empty")
    st.stop()
st.caption(SCOPE_NOTE)

period_end = period_picker(filters)
view = kpi_view(filters, period_end)
if view.illustrative:
    st.info(ILLUSTRATIVE_NOTE, icon=":material/science:")
headline(view.latest)

subtitle = compose_subtitle(
    f"Kết quả gần nhất tính đến {format_date(period_end)}",
    view.shown_note,
    illustrative=view.illustrative,
)
picked = chart_pick(
    kpi_bullets,
    view.bullets,
    "Kết quả so với mục tiêu",
    subtitle,
    key=StateKey.KPI_CHART,
    param=KPI_PICK,
).get("kpi")
st.caption("Vạch đen là mục tiêu. Bấm vào một chỉ tiêu để xem riêng diễn biến của nó.")
if view.shown_note:
    st.caption(f"{view.shown_note} — chọn kế hoạch trong bộ lọc để thu hẹp; bảng bên dưới có đủ.")
chosen_kpi = str(picked) if picked else None
show_chart(
    kpi_trend,
    trend_rows(filters, period_end, chosen_kpi),
    "Diễn biến kết quả qua các kỳ",
    compose_subtitle(chosen_kpi or "", illustrative=view.illustrative),
)

st.subheader("Bảng chỉ tiêu")
kpi_table(view.table)
