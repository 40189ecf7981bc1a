"""The plans' reporting rhythm: reporting periods and the day each period's report is due.

The one place these days are written. From the plans (DOMAIN.md; Kế hoạch
92A/KH-UBND, part IV; the Sở's own plan, part IV): agencies report monthly by
the 20th, quarterly by the 10th of the quarter's last month, half-yearly by
10/6 and yearly by 30/11. Inside the Sở KH&CN, units report monthly by the
12th so the Sở can consolidate before the 20th. The second half-year has no
day of its own in the plans; it is due like a quarter's, by 10/12.

Pure: no database, no Streamlit; the status engine and the report builders use it.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

import pandas as pd

from data_access.rules import (
    HALF_YEAR_REPORT,
    INTERNAL_MONTHLY_REPORT_DAY,
    MONTHLY_REPORT_DAY,
    QUARTERLY_REPORT_DAY,
    YEAR_REPORT,
)
from loaders.records import Cadence
from loaders.targets import period_label

PeriodKind = Literal["month", "quarter", "half", "year"]
PERIOD_KINDS: tuple[PeriodKind, ...] = ("month", "quarter", "half", "year")
PERIOD_KIND_LABELS: dict[str, str] = {
    "month": "Tháng",
    "quarter": "Quý",
    "half": "6 tháng",
    "year": "Năm",
}
MONTHS_IN: dict[str, int] = {"month": 1, "quarter": 3, "half": 6, "year": 12}

HOME_AGENCY = "Sở Khoa học và Công nghệ"  # the standing office: its own units report by the 12th
REPORT_DAYS_VI = (  # the days above, as the help texts and reports say them
    f"báo cáo tháng gửi đến hết ngày {MONTHLY_REPORT_DAY} (trong nội bộ {HOME_AGENCY}: "
    f"ngày {INTERNAL_MONTHLY_REPORT_DAY}), báo cáo quý đến ngày {QUARTERLY_REPORT_DAY} "
    f"tháng cuối quý, báo cáo 6 tháng đầu năm đến ngày {HALF_YEAR_REPORT[1]}/"
    f"{HALF_YEAR_REPORT[0]} (6 tháng cuối năm: ngày {QUARTERLY_REPORT_DAY}/12), báo cáo năm "
    f"đến ngày {YEAR_REPORT[1]}/{YEAR_REPORT[0]}"
)

# A recurring task's cadence as written -> the period it reports for. The plans set no
# weekly report day, so a weekly task is held to the monthly report; no cadence: monthly.
CADENCE_PERIODS: dict[str, PeriodKind] = {
    Cadence.WEEKLY: "month",
    Cadence.MONTHLY: "month",
    Cadence.QUARTERLY: "quarter",
    Cadence.HALF_YEARLY: "half",
    Cadence.YEARLY: "year",
}
DEFAULT_PERIOD: PeriodKind = "month"


@dataclass(frozen=True)
class ReportingPeriod:
    """One reporting period: ``index`` is the month (1-12), quarter (1-4), half (1-2) or 1.

    ``until`` cuts a period that has not ended at a day inside it: its figures are
    as of that day ("tính đến hôm nay"), never as of a day still to come.
    """

    kind: PeriodKind
    year: int
    index: int = 1
    until: date | None = None

    def __post_init__(self) -> None:
        if self.kind not in MONTHS_IN or not 1 <= self.index <= 12 // MONTHS_IN[self.kind]:
            raise ValueError(f"no such period: {self.kind} {self.index}/{self.year}")
        if self.until is not None and not self.start <= self.until < self.end:
            raise ValueError(f"{self.until} does not cut {self.kind} {self.index}/{self.year}")

    @classmethod
    def containing(cls, kind: PeriodKind, day: date) -> ReportingPeriod:
        return cls(kind, day.year, (day.month - 1) // MONTHS_IN[kind] + 1)

    @property
    def start(self) -> date:
        return date(self.year, (self.index - 1) * MONTHS_IN[self.kind] + 1, 1)

    @property
    def end(self) -> date:
        month = self.index * MONTHS_IN[self.kind]
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def as_of(self) -> date:
        """The day the figures are taken: the period's end, or ``until``."""
        return self.until or self.end

    @property
    def next_day(self) -> date:
        """The day after ``as_of``, where what remains to do starts (once the period has
        ended, the following period's first day)."""
        return self.as_of + timedelta(days=1)

    def to_date(self, day: date) -> ReportingPeriod:
        """The period with its figures as of ``day`` (the whole period once ``day`` is its end)."""
        return replace(self, until=day if day < self.end else None)

    @property
    def code(self) -> str:
        """The form KPI actuals use: "2026-06", "2026-Q2", "2026-H1", "2026"."""
        suffix = {
            "month": f"-{self.index:02d}",
            "quarter": f"-Q{self.index}",
            "half": f"-H{self.index}",
            "year": "",
        }
        return f"{self.year}{suffix[self.kind]}"

    def label_vi(self) -> str:
        """ "Tháng 06/2026", "Quý II/2026", "6 tháng đầu năm 2026", "Năm 2026"."""
        return period_label(self.code)

    def previous(self) -> ReportingPeriod:
        if self.index > 1:
            return ReportingPeriod(self.kind, self.year, self.index - 1)
        return ReportingPeriod(self.kind, self.year - 1, 12 // MONTHS_IN[self.kind])

    def following(self) -> ReportingPeriod:
        if self.index < 12 // MONTHS_IN[self.kind]:
            return ReportingPeriod(self.kind, self.year, self.index + 1)
        return ReportingPeriod(self.kind, self.year + 1, 1)

    def report_due(self, *, internal: bool = False) -> date:
        """The last day this period's report may be sent; ``internal``: a unit inside the Sở."""
        if self.kind == "month":
            day = INTERNAL_MONTHLY_REPORT_DAY if internal else MONTHLY_REPORT_DAY
            return date(self.year, self.index, day)
        if self.kind == "quarter" or (self.kind == "half" and self.index == 2):
            return date(self.year, self.index * MONTHS_IN[self.kind], QUARTERLY_REPORT_DAY)
        if self.kind == "half":
            return date(self.year, *HALF_YEAR_REPORT)
        return date(self.year, *YEAR_REPORT)


def last_report_passed(kind: PeriodKind, as_of: date, *, internal: bool = False) -> ReportingPeriod:
    """The latest period whose report day is before ``as_of`` (its day itself is not yet late)."""
    period = ReportingPeriod.containing(kind, as_of)
    while period.report_due(internal=internal) >= as_of:
        period = period.previous()
    return period


def report_windows(cadences: pd.Series, internal: pd.Series, as_of: date) -> pd.DataFrame:
    """Per row: ``report_day``, the day the latest report due before ``as_of`` was due, and
    ``opened_on``, the report day before it (a report counts for the period when sent after).

    ``cadences`` holds Cadence values ("" or unknown: monthly); ``internal`` says the
    row reports inside the Sở (monthly by the 12th). Worked out once per distinct
    (period kind, internal) pair, then spread over the rows: no per-row Python.
    """
    keys = pd.DataFrame(
        {
            "kind": cadences.map(CADENCE_PERIODS).fillna(DEFAULT_PERIOD).astype("str"),
            "internal": internal.fillna(False).astype(bool),
        },
        index=cadences.index,
    )
    days = []
    for kind, inside in keys.drop_duplicates().itertuples(index=False):
        period = last_report_passed(kind, as_of, internal=inside)
        due = period.report_due(internal=inside)
        days.append((kind, inside, due, period.previous().report_due(internal=inside)))
    lookup = pd.DataFrame(days, columns=["kind", "internal", "report_day", "opened_on"])
    lookup = lookup.astype({"report_day": "datetime64[s]", "opened_on": "datetime64[s]"})
    windows = keys.merge(lookup, on=["kind", "internal"], how="left")
    return windows[["report_day", "opened_on"]].set_axis(cadences.index)
