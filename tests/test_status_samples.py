"""The status engine on the bundled sample data, per plan and status, counted by hand at fixed
dates (the rules applied by hand: tests/status_sample.py)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from tests.status_sample import (
    IN_PROGRESS,
    LATE,
    LATE_YEAR,
    MID_YEAR,
    MILESTONE_LATE,
    NO_EVIDENCE,
    NOT_REPORTED,
    ON_TIME,
    OVERDUE,
    REPORTED,
    count,
    sample_statuses,
)


@pytest.fixture(scope="module")
def statuses(sample_url: str) -> dict[date, pd.DataFrame]:
    return sample_statuses(sample_url)


# (as_of, plan, status, expected count)
CASES = [
    # --- PL-II-2026 (seed 000): 29 dated tasks, none recurring. Due 30/4/2026: 4, 5, 6,
    # 8, 11; 15/6: 24; 30/6: 2, 3, 9, 10, 12–22, 25, 28; 30/9: 7, 23; 31/12/2026: 27;
    # 30/6/2028: 26, 29; task 1 has milestones 31/5/2026 and 10/2027 (due 31/10/2027).
    # Reports "Đã hoàn thành" (completion / sent): 3 (21/5, 28/5), 6 (16/6, 21/6: late),
    # 10 (3/8, 5/8: late), 14 (29/6, 30/6), 18 (5/6, 7/6), 19 (21/6, 21/6), 22 (6/6, 14/6),
    # 25 (7/9, 13/9: late), 28 (30/6, sent 2/7), 29 (21/9, 3/10).
    # At 01/07: 23 tasks due; done: 3, 14, 18, 19, 22, and 28 (completed 30/6; its report,
    # sent 2/7, counts from the completion date) on time, 6 late -> 16 overdue; 7, 23, 26,
    # 27, 29 in progress; 1 is late on its first milestone (31/5/2026 passed; its reports,
    # 21/8 and 8/11/2026, say "Đang thực hiện").
    (MID_YEAR, "PL-II-2026", ON_TIME, 6),
    (MID_YEAR, "PL-II-2026", LATE, 1),
    (MID_YEAR, "PL-II-2026", OVERDUE, 16),
    (MID_YEAR, "PL-II-2026", IN_PROGRESS, 5),
    (MID_YEAR, "PL-II-2026", MILESTONE_LATE, 1),
    # At 23/11: 25 due (7 and 23 too); on time + 28, 29; late + 10, 25; in progress 26, 27;
    # 1 still late on its milestone.
    (LATE_YEAR, "PL-II-2026", ON_TIME, 7),
    (LATE_YEAR, "PL-II-2026", LATE, 3),
    (LATE_YEAR, "PL-II-2026", OVERDUE, 16),
    (LATE_YEAR, "PL-II-2026", IN_PROGRESS, 2),
    (LATE_YEAR, "PL-II-2026", MILESTONE_LATE, 1),
    # --- KH-92A-UBND (seed 001): 35 tasks; I.1–3, II.30, III.1 "Thường xuyên", and six
    # whose name says so (dated 01/01/2026, their first due date): II.9 "Thường xuyên
    # triển khai …", II.10, II.11, II.21, II.26, II.28 "(nhiệm vụ thường xuyên)". The other
    # 24 were due 20/9/2025..31/12/2025, so all are due on both dates. Done by reports
    # sent before 2026-04: on time II.13, II.16, II.19, II.20, II.23, II.25 (II.16/19/20
    # are also "Đã hoàn thành" in the plan); late II.4, II.7, II.22, II.27, III.2 (II.9's
    # "Đã hoàn thành" report does not end a recurring task).
    # Recurring reports: only I.3's 15/06/2026 falls after 20/05 by 01/07; none after
    # 20/10 (I.1's last is 11/09/2026, I.3's 15/06, II.9's 20/02, II.10's 27/01 …).
    (MID_YEAR, "KH-92A-UBND", REPORTED, 1),
    (MID_YEAR, "KH-92A-UBND", NOT_REPORTED, 10),
    (LATE_YEAR, "KH-92A-UBND", REPORTED, 0),
    (LATE_YEAR, "KH-92A-UBND", NOT_REPORTED, 11),
    (MID_YEAR, "KH-92A-UBND", ON_TIME, 6),
    (MID_YEAR, "KH-92A-UBND", LATE, 5),
    (MID_YEAR, "KH-92A-UBND", OVERDUE, 13),
    (MID_YEAR, "KH-92A-UBND", IN_PROGRESS, 0),
    (LATE_YEAR, "KH-92A-UBND", OVERDUE, 13),
    # --- KH-SKHCN-2025 (seed 002): 20 tasks; 1–7, 10, 20 "Thường xuyên" and 11, 13, 14
    # "(nhiệm vụ thường xuyên)" (dated 31/12/2025) recurring; 8 due by 31/12/2025 (15, 16, 19
    # indicative). Reported done: 18 (25/11/2025), 19 (23/12/2025) in time; 15 (26/12 for
    # 31/10) late. Nothing changes during 2026.
    # Recurring, reported by the 12th: after 12/05 by 01/07: 1 (14/06), 4 (18/06), 5 (18/06),
    # 7 (18/06), 10 (14/06); not 2 (20/04, then 17/07), 6 (13/04), 13 (19/02), 14 (06/01),
    # nor 3, 11, 20 (no report). After 12/10 by 23/11: 1 (13/11), 2 (19/11), 4 (16/11),
    # 5 (14/11), 7 (18/11), 10 (18/11); not 6 (09/09) nor the five above.
    (MID_YEAR, "KH-SKHCN-2025", REPORTED, 5),
    (MID_YEAR, "KH-SKHCN-2025", NOT_REPORTED, 7),
    (LATE_YEAR, "KH-SKHCN-2025", REPORTED, 6),
    (LATE_YEAR, "KH-SKHCN-2025", NOT_REPORTED, 6),
    # BC BCĐTW (11–14, 18): 18's report "Đã hoàn thành" (25/11/2025, sent 02/12/2025) has
    # an empty "Minh chứng": not done; 19's (23/12/2025) cites Văn bản số 2936: on time.
    (MID_YEAR, "KH-SKHCN-2025", ON_TIME, 1),
    (MID_YEAR, "KH-SKHCN-2025", NO_EVIDENCE, 1),
    (LATE_YEAR, "KH-SKHCN-2025", NO_EVIDENCE, 1),
    (MID_YEAR, "KH-SKHCN-2025", LATE, 1),
    (MID_YEAR, "KH-SKHCN-2025", OVERDUE, 5),
    (LATE_YEAR, "KH-SKHCN-2025", OVERDUE, 5),
    # --- DM-BS-2026 (seed 003): 14 tasks; I.1, III.5, III.6 recurring. Due 30/4: II.2;
    # 15/5: IX.14; 30/6: III.4, IV.7, V.11, VII.12; 31/12/2026: III.3, V.8–10, VIII.13.
    # Done on time: II.2 (29/4, sent 22/5), VIII.13 (21/6, sent 25/6), V.8 (2/7, sent 8/7),
    # V.10 (18/10, sent 29/10).
    # At 01/07: 6 due, II.2 done -> 5 overdue; III.3, V.8, V.9, V.10 in progress.
    # Recurring: I.1 (10/06), III.5 (10/06), III.6 (15/06) reported June; their last
    # reports (10/06, 19/09, 12/09) are before 20/10, so none has reported November.
    (MID_YEAR, "DM-BS-2026", REPORTED, 3),
    (LATE_YEAR, "DM-BS-2026", NOT_REPORTED, 3),
    (MID_YEAR, "DM-BS-2026", ON_TIME, 2),
    (MID_YEAR, "DM-BS-2026", OVERDUE, 5),
    (MID_YEAR, "DM-BS-2026", IN_PROGRESS, 4),
    (LATE_YEAR, "DM-BS-2026", ON_TIME, 4),
    (LATE_YEAR, "DM-BS-2026", OVERDUE, 5),
    (LATE_YEAR, "DM-BS-2026", IN_PROGRESS, 2),
    # --- DC-CT-NV-2026 (seed 004, a Sở Giáo dục và Đào tạo plan: its units report by the
    # 20th): 21 tasks, 11 recurring. Due 31/3: III.7, IV.10; 30/4:
    # VII.17, VII.19, VII.20; 30/6: II.3, II.4, III.5; 30/9: IV.11; 31/12: VI.14.
    # Done: III.7 (30/3), II.3 (7/6) on time; VII.19 (12/5), VII.17 (28/6) late;
    # later IV.11 (4/9, sent 11/9) and VI.14 (17/8, sent 26/8) on time.
    # At 01/07: 8 due, 4 done -> II.4, III.5, IV.10, VII.20 overdue; IV.11, VI.14 in progress.
    # Recurring, June (after 20/05): I.1 (09/06), III.6 (19/06), III.8 (17/06), V.13
    # (20/06), VI.15 (17/06), VII.16 (18/06), VII.18 (20/06), VII.21 (09/06); not I.2
    # (09/03, then 20/09), III.9, V.12 (no report). November (after 20/10): only VI.15
    # (13/11); VII.16's 19/10 is October's report.
    (MID_YEAR, "DC-CT-NV-2026", REPORTED, 8),
    (MID_YEAR, "DC-CT-NV-2026", NOT_REPORTED, 3),
    (LATE_YEAR, "DC-CT-NV-2026", REPORTED, 1),
    (LATE_YEAR, "DC-CT-NV-2026", NOT_REPORTED, 10),
    (MID_YEAR, "DC-CT-NV-2026", ON_TIME, 2),
    (MID_YEAR, "DC-CT-NV-2026", LATE, 2),
    (MID_YEAR, "DC-CT-NV-2026", OVERDUE, 4),
    (MID_YEAR, "DC-CT-NV-2026", IN_PROGRESS, 2),
    (LATE_YEAR, "DC-CT-NV-2026", ON_TIME, 4),
    (LATE_YEAR, "DC-CT-NV-2026", IN_PROGRESS, 0),
]


@pytest.mark.parametrize(("as_of", "plan", "status", "expected"), CASES)
def test_counts_per_plan_and_status(
    statuses: dict[date, pd.DataFrame], as_of: date, plan: str, status: str, expected: int
) -> None:
    assert count(statuses[as_of], plan, status) == expected
