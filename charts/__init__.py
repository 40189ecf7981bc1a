"""Pure chart builders: DataFrame -> Altair (Vega-Lite) chart.

Every builder takes its DataFrame, a ``title`` and a ``subtitle`` (the as-of
date, the filters and, for sample progress, ``ILLUSTRATIVE_NOTE``; build it with
``compose_subtitle``) so an exported image says what it shows. Width is
``"container"``; an exporter sets a fixed width before rendering with
``vl_convert``. Text on screen is Vietnamese, dates read dd/mm/yyyy, status
colours come from ``charts.palette`` and are the same in every chart.

Empty input rule: a builder never returns None. With no rows it returns a valid
placeholder chart that shows "Không có dữ liệu để hiển thị" under the same title
and keeps the builder's selection param (so ``st.altair_chart(on_select=...)``
still works); ``is_empty_chart(chart)`` tells a page it got the placeholder.
A missing input column is a programming error and raises ``ValueError``.

Click selections (point params, read back from ``st.altair_chart(...,
on_select="rerun").selection``):
- ``status_pick`` -> ``status`` (TaskStatus code): status_breakdown
- ``agency_pick`` -> ``agency``: agency_status_bars, overdue_by_agency
- ``cell_pick`` -> ``agency``, ``month_key`` ("2026-06"): deadline_heatmap
- ``week_pick`` -> ``agency``, ``week_key`` ("2026-06-29", a Monday): week_heatmap
- ``kpi_pick`` -> ``kpi``: kpi_bullets
"""

from charts.ageing import ageing_bars, overdue_by_agency
from charts.common import EMPTY_MESSAGE, compose_subtitle, is_empty_chart
from charts.deadlines import deadline_heatmap
from charts.kpis import kpi_bullets, kpi_trend
from charts.status import agency_status_bars, status_breakdown
from charts.weeks import week_heatmap

__all__ = [
    "EMPTY_MESSAGE",
    "ageing_bars",
    "agency_status_bars",
    "compose_subtitle",
    "deadline_heatmap",
    "is_empty_chart",
    "kpi_bullets",
    "kpi_trend",
    "overdue_by_agency",
    "status_breakdown",
    "week_heatmap",
]
