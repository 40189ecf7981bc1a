"""What the meeting pack, the reminder letters and the periodic report say, format aside.

Pure pandas: task lists with their lead agencies and assigning document, the
headline figures as labelled text, KPI rows; each document lays them out its
own way.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from datetime import date

import pandas as pd

from data_access.kinds import AgencyRole
from data_access.queries.status import SummaryMetrics
from data_access.queries.statuses import TaskStatus
from data_access.queries.tasks import links_for_role
from data_access.rules import DUE_SOON_DAYS
from labels import (
    INDICATIVE_DUE_NOTE,
    KPI_NO_DATA,
    as_of_words,
    format_date,
    format_decimal,
    format_int,
    format_percent,
    format_target,
    kpi_verdict,
)
from loaders import targets

TASK_LIST_COLUMNS = [
    "plan_code",
    "reference",
    "name",
    "leads",
    "due_date",
    "indicative",
    "deadline_text",
    "days_overdue",
    "document",
]
PLAN_TITLE_CHARS = 90  # a plan standing in for the assigning document
MAX_CELL_CHARS = 400  # a task name longer than this is cut with "…" in slides and tables
# What an agency is asked to send for each status chased besides overdue tasks.
FOLLOW_UP_REQUESTS: dict[str, str] = {
    TaskStatus.MILESTONE_LATE: "Báo cáo kết quả mốc đã qua (chậm mốc)",
    TaskStatus.DONE_NO_EVIDENCE: "Gửi minh chứng hoàn thành (số, ngày văn bản hoặc tài liệu)",
    TaskStatus.RECURRING_NOT_REPORTED: "Gửi báo cáo định kỳ kỳ này",
}


@dataclass(frozen=True)
class Figure:
    """One headline number: its label, the value as shown and a short explanation."""

    label: str
    value: str
    note: str = ""


def task_list(
    tasks: pd.DataFrame, agency_links: pd.DataFrame, documents: pd.DataFrame
) -> pd.DataFrame:
    """Tasks as listed in letters and reports (TASK_LIST_COLUMNS), in the input's order.

    ``reference`` is the task's place in its plan ("I.3" or "3"); ``document``
    is the assigning document as written, else the plan's title (cut), else its
    code; ``leads`` joins the lead agencies with "; ".
    """
    leads = links_for_role(agency_links, AgencyRole.LEAD)
    leads = leads[leads["task_id"].isin(tasks["task_id"])].sort_values(["task_id", "position"])
    joined = leads.groupby("task_id")["agency"].agg("; ".join).rename("leads")
    rows = tasks.merge(joined, left_on="task_id", right_index=True, how="left")
    rows = rows.merge(documents, on="task_id", how="left")
    section = rows["section_code"].fillna("").astype(str)
    number = rows["number"].fillna("").astype(str)
    basis = rows["basis"].fillna("").astype(str).str.strip()
    plan = rows["plan_title"].fillna("").astype(str).map(lambda s: short(s, PLAN_TITLE_CHARS))
    return pd.DataFrame(
        {
            "plan_code": rows["plan_code"].astype(str),
            "reference": (section + ".").where(section != "", "") + number,
            "name": rows["name"].astype(str),
            "leads": rows["leads"].fillna("").astype(str),
            "due_date": rows["due_date"],
            "indicative": rows["deadline_indicative"].fillna(False).astype(bool),
            "deadline_text": rows["deadline_text"].fillna("").astype(str),
            "days_overdue": rows["days_overdue"].fillna(0).astype("int64"),
            "document": basis.where(basis != "", plan.where(plan != "", rows["plan_code"])),
        }
    ).reset_index(drop=True)


def overdue_tasks(statuses: pd.DataFrame) -> pd.DataFrame:
    """Overdue rows of a status frame, longest overdue first."""
    rows = statuses[statuses["status"] == TaskStatus.OVERDUE]
    order = [c for c in ("days_overdue", "plan_code", "position") if c in rows]
    return rows.sort_values(order, ascending=[False] + [True] * (len(order) - 1), kind="stable")


def reports_owed(statuses: pd.DataFrame) -> pd.DataFrame:
    """Rows whose status asks for a report (FOLLOW_UP_REQUESTS), in that order, most days first."""
    rows = statuses[statuses["status"].isin(list(FOLLOW_UP_REQUESTS))]
    rank = rows["status"].map({code: i for i, code in enumerate(FOLLOW_UP_REQUESTS)})
    order = rows.assign(rank=rank).sort_values(["rank", "days_overdue"], ascending=[True, False])
    return order.drop(columns="rank")


def headline_figures(metrics: SummaryMetrics, window_days: int = DUE_SOON_DAYS) -> list[Figure]:
    """The overview numbers as every document shows them."""
    return [
        Figure("Tổng số nhiệm vụ", format_int(metrics.total)),
        Figure(
            "Tỷ lệ hoàn thành",
            format_percent(metrics.completion_rate),
            f"{format_int(metrics.completed)}/{format_int(metrics.with_due_date)} nhiệm vụ có hạn"
            + evidence_note(metrics),
        ),
        Figure(
            "Tỷ lệ hoàn thành đúng hạn",
            format_percent(metrics.on_time_rate),
            f"{format_int(metrics.completed_on_time)}/{format_int(metrics.due_by_as_of)} "
            "nhiệm vụ đã đến hạn",
        ),
        Figure(
            "Quá hạn",
            format_int(metrics.overdue),
            "chưa hoàn thành, đã quá hạn" + milestone_note(metrics),
        ),
        Figure(
            "Sắp đến hạn",
            format_int(metrics.due_soon),
            f"chưa hoàn thành, đến hạn trong {window_days} ngày tới",
        ),
        Figure("Thường xuyên", format_int(metrics.recurring), recurring_note(metrics)),
        Figure("Chưa xác định hạn", format_int(metrics.no_deadline), "cần bổ sung thời hạn"),
    ]


def milestone_note(metrics: SummaryMetrics) -> str:
    """ "; 1 nhiệm vụ khác chậm mốc", or "" when none is late on a milestone."""
    if not metrics.milestone_late:
        return ""
    return f"; {format_int(metrics.milestone_late)} nhiệm vụ khác chậm mốc"


def evidence_note(metrics: SummaryMetrics) -> str:
    """ "; 2 hoàn thành nhưng thiếu minh chứng (chưa tính)", or "" when there are none."""
    if not metrics.missing_evidence:
        return ""
    return f"; {format_int(metrics.missing_evidence)} hoàn thành nhưng thiếu minh chứng (chưa tính)"


def recurring_note(metrics: SummaryMetrics) -> str:
    """The recurring count's two parts: "10 đã báo cáo kỳ này, 18 chưa báo cáo"."""
    return (
        f"{format_int(metrics.recurring_reported)} đã báo cáo kỳ này, "
        f"{format_int(metrics.recurring_not_reported)} chưa báo cáo"
    )


def kpi_rows(kpis: pd.DataFrame) -> pd.DataFrame:
    """One row per KPI (``kpi_queries.kpi_latest`` input): target, actual, period, result text."""
    values, units, verdicts = kpis["value"], kpis["unit"], kpis["met"]
    return pd.DataFrame(
        {
            "kpi": kpis["kpi"].astype(str),
            "target": [_target_text(r) for r in kpis.itertuples()],
            "actual": [_actual_text(v, u) for v, u in zip(values, units, strict=True)],
            "period_label": kpis["period"].map(period_label),
            "result": [_result_text(m, v) for m, v in zip(verdicts, values, strict=True)],
        }
    ).reset_index(drop=True)


def kpi_bullet_input(kpis: pd.DataFrame) -> pd.DataFrame:
    """``kpi_latest`` rows shaped for ``charts.kpi_bullets``."""
    return pd.DataFrame(
        {
            "kpi": kpis["kpi"].astype(str),
            "target_value": kpis["target_value"],
            "operator": kpis["operator"],
            "actual": kpis["value"],
            "unit": kpis["unit"].fillna("").astype(str),
            "met": kpis["met"].astype(object).where(kpis["met"].notna(), None),
            "period_label": kpis["period"].map(period_label),
        }
    ).reset_index(drop=True)


def period_label(code: object) -> str:
    """ "2026-Q2" -> "Quý II/2026" (``loaders.targets.period_label``); none -> ""."""
    return targets.period_label(code) if isinstance(code, str) else ""


def date_text(value: object) -> str:
    """dd/mm/yyyy of a date-like value; "" when missing."""
    if is_missing(value) or not isinstance(value, date | str):
        return ""
    return format_date(pd.Timestamp(value).date())


def due_text(value: object, indicative: object) -> str:
    """A task's due date as documents show it: "31/10/2025 (hạn dự kiến)" when indicative."""
    text = date_text(value)
    return f"{text} ({INDICATIVE_DUE_NOTE})" if text and indicative else text


def short(text: str, limit: int = MAX_CELL_CHARS) -> str:
    """Composed text cut at ``limit`` characters with "…"."""
    clean = composed(text)
    return clean if len(clean) <= limit else clean[: limit - 1].rstrip() + "…"


def composed(text: str) -> str:
    """NFC: one code point per Vietnamese letter, as fonts without shaping (PDF) need."""
    return unicodedata.normalize("NFC", text)


def rows_beyond(total: int, limit: int) -> str:
    """The note under a list cut at ``limit`` rows; "" when nothing was cut."""
    if total <= limit:
        return ""
    return (
        f"Danh sách chỉ hiện {format_int(limit)} dòng đầu trên tổng số {format_int(total)}; "
        "bản đầy đủ tải dạng Excel ở các trang bảng điều khiển."
    )


def as_of_line(as_of: date) -> str:
    """ "Tính đến ngày 23/11/2026"."""
    words = as_of_words(as_of)
    return words[0].upper() + words[1:]


def is_missing(value: object) -> bool:
    """None, pandas NA/NaT or NaN."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _target_text(row: object) -> str:
    value = getattr(row, "target_value", None)
    if is_missing(value) or not isinstance(value, int | float):
        return str(getattr(row, "target_text", "") or "")
    operator = getattr(row, "operator", None)
    unit = getattr(row, "unit", None)
    return format_target(
        operator if isinstance(operator, str) else None,
        float(value),
        unit if isinstance(unit, str) else "",
    )


def _actual_text(value: object, unit: object) -> str:
    if is_missing(value) or not isinstance(value, int | float):
        return KPI_NO_DATA
    return format_decimal(float(value)) + (unit if isinstance(unit, str) else "")


def _result_text(met: object, value: object) -> str:
    return KPI_NO_DATA if is_missing(value) else kpi_verdict(met)
