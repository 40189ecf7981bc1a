"""The tracking rules as numbers, each defined once: windows, ageing edges, report days.

Everything that applies one of them imports it from here; "today" is Vietnam's
(data_access.clock.vietnam_today), never the server's. The plans' own rules about
a task (recurring tasks, milestones, evidence) are in data_access.queries.status_rules.
"""

from __future__ import annotations

# "Sắp đến hạn": a task not done whose due date falls within this many days of the as-of day.
DUE_SOON_DAYS = 30

# How long an overdue task has been late, in days: right-closed buckets 1–30, 31–90, 91–180
# and over the last edge, which the Quá hạn page also counts apart.
AGEING_EDGES_DAYS = (30, 90, 180)
LONG_OVERDUE_DAYS = AGEING_EDGES_DAYS[-1]

# When reports are due (DOMAIN.md): agencies send the monthly report by the 20th; the Sở's
# own units by the 12th; quarterly reports by the 10th of the quarter's last month (and the
# second half's by 10/12); the first half's by 10/6; the year's by 30/11.
MONTHLY_REPORT_DAY = 20
INTERNAL_MONTHLY_REPORT_DAY = 12
QUARTERLY_REPORT_DAY = 10
HALF_YEAR_REPORT = (6, 10)  # (month, day)
YEAR_REPORT = (11, 30)  # (month, day)
