"""The plans' own rules as whole-column functions (the engine's cases are in test_status)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from data_access.queries.status_rules import lacks_evidence, milestone_states
from data_access.queries.statuses import MilestoneState as M

AS_OF = date(2026, 11, 23)
MILESTONE = date(2026, 5, 31)


@pytest.mark.parametrize(
    ("completed", "completed_on", "day", "state"),
    [
        (True, date(2026, 5, 20), MILESTONE, M.MET),  # done before the milestone
        (True, MILESTONE, MILESTONE, M.MET),  # on its day
        (True, date(2026, 6, 20), MILESTONE, M.MET_LATE),  # done after it
        (True, None, MILESTONE, M.MET),  # a plan's own "Đã hoàn thành": no day to judge
        (False, None, MILESTONE, M.MISSED),  # passed, not done
        (False, None, AS_OF, M.PENDING),  # its day is the as-of day: not passed yet
        (False, None, date(2027, 10, 31), M.PENDING),
    ],
)
def test_milestone_states(completed: bool, completed_on: date | None, day: date, state: M) -> None:
    result = milestone_states(
        pd.Series([day]), pd.Series([completed]), pd.Series([completed_on]), AS_OF
    )
    assert result.tolist() == [state]


def test_milestone_states_keep_the_index() -> None:
    days = pd.Series([MILESTONE, date(2027, 10, 31)], index=[7, 9])
    done = pd.Series([False, False], index=[7, 9])
    result = milestone_states(days, done, pd.Series([None, None], index=[7, 9]), AS_OF)
    assert result.to_dict() == {7: M.MISSED, 9: M.PENDING}


@pytest.mark.parametrize(
    ("evidence", "lacking"),
    [
        ("Văn bản số 2936/BC-ĐV ngày 23/12/2025", False),
        ("QĐ 12", False),
        ("x", False),  # a mark that something is attached
        ("", True),
        (None, True),
        ("   ", True),
        ("-", True),
        ("—", True),
        ("Không có", True),
        ("KHÔNG CÓ.", True),
        ("chưa có", True),
        ("N/A", True),
    ],
)
def test_lacks_evidence(evidence: str | None, lacking: bool) -> None:
    assert lacks_evidence(pd.Series([evidence], dtype="object")).tolist() == [lacking]
