"""Colours used by every chart: one per status, colour-blind safe (Okabe–Ito).

Colour never carries meaning alone: stacks follow ``STATUS_ORDER`` and every
tooltip names the status.
"""

from __future__ import annotations

import altair as alt

from data_access.queries.statuses import TaskStatus
from labels import AGEING_BUCKET_LABELS, AGEING_BUCKETS, STATUS_LABELS, STATUS_ORDER

STATUS_COLORS: dict[str, str] = {
    TaskStatus.DONE_ON_TIME: "#009E73",  # bluish green
    TaskStatus.DONE_LATE: "#E69F00",  # orange
    TaskStatus.DONE_NO_EVIDENCE: "#F0E442",  # yellow
    TaskStatus.IN_PROGRESS: "#0072B2",  # blue
    TaskStatus.MILESTONE_LATE: "#CC79A7",  # reddish purple
    TaskStatus.OVERDUE: "#D55E00",  # vermillion
    TaskStatus.RECURRING_REPORTED: "#56B4E9",  # sky blue
    TaskStatus.RECURRING_NOT_REPORTED: "#000000",  # black
    TaskStatus.RECURRING_NOT_DUE: "#8C8C8C",  # grey
    TaskStatus.NO_DEADLINE: "#C8C8C8",  # light grey
}

# Overdue ageing, light to dark towards the vermillion of "Quá hạn".
AGEING_COLORS: tuple[str, ...] = ("#FDBF6F", "#F28E2B", "#D55E00", "#8C2D04")

# KPI bullets: met / not met / no actual yet.
MET_COLOR = STATUS_COLORS[TaskStatus.DONE_ON_TIME]
NOT_MET_COLOR = STATUS_COLORS[TaskStatus.OVERDUE]
NO_DATA_COLOR = STATUS_COLORS[TaskStatus.RECURRING_NOT_DUE]  # grey: nothing to judge yet
BACKGROUND_COLOR = "#E8E8E8"  # bullet range
TARGET_COLOR = "#000000"

# Heatmap of overdue tasks: from nothing overdue to the vermillion of "Quá hạn".
HEAT_RANGE: tuple[str, str] = ("#FFF5EB", STATUS_COLORS[TaskStatus.OVERDUE])

# Series that are not statuses (one line per KPI): the rest of Okabe–Ito.
SERIES_COLORS: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
)


def status_domain() -> list[str]:
    """The Vietnamese status labels in ``STATUS_ORDER``."""
    return [STATUS_LABELS[s] for s in STATUS_ORDER]


def status_colors() -> dict[str, str]:
    """Each Vietnamese status label's colour, in ``STATUS_ORDER``."""
    return {STATUS_LABELS[s]: STATUS_COLORS[s] for s in STATUS_ORDER}


def status_color_scale() -> alt.Scale:
    """The same label -> colour mapping for every chart that shows statuses."""
    return alt.Scale(domain=status_domain(), range=[STATUS_COLORS[s] for s in STATUS_ORDER])


def ageing_domain() -> list[str]:
    """The Vietnamese ageing bucket labels, shortest wait first."""
    return [AGEING_BUCKET_LABELS[b] for b in AGEING_BUCKETS]


def ageing_colors() -> dict[str, str]:
    """Each Vietnamese ageing bucket label's colour, shortest wait first."""
    return dict(zip(ageing_domain(), AGEING_COLORS, strict=True))


def ageing_color_scale() -> alt.Scale:
    return alt.Scale(domain=ageing_domain(), range=list(AGEING_COLORS))
