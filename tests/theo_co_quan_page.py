"""The Theo cơ quan page on the sample data as the AppTest tests read it."""

from __future__ import annotations

from datetime import date

import pandas as pd
from streamlit.testing.v1 import AppTest

from tests.pages_db import REPO_ROOT
from ui.state import StateKey

PAGE = REPO_ROOT / "app_pages" / "2_Theo_co_quan.py"
AS_OF = date(2026, 11, 23)
GROUP = "Các sở, ban, ngành, địa phương"


SKHCN = "Sở Khoa học và Công nghệ"


# DC-CT-NV-2026 (seed 004) on 23/11/2026, each task under the units that lead it (statuses
# from test_status_samples). The Văn phòng leads 1, 2, 6, 8, 9, 13, 16, 18, 21 (recurring,
# none reported for November), 3, 7, 11 (done on time), 17, 19 (late) and 4, 5, 10, 20
# (overdue): 18. The Phòng GDTX, GDNN&ĐH leads 1 and 12 (recurring, not reported), 14 (done
# on time) and 15 (reported on 13/11): 4. The Phòng Tổ chức cán bộ leads 13 with the
# Văn phòng: 1.
OFFICE, EDUCATION, STAFF = (
    f"{unit} (đơn vị ban hành DC-CT-NV-2026)"
    for unit in ("Văn phòng Sở", "Phòng GDTX, GDNN&ĐH", "Phòng Tổ chức cán bộ")
)


def ranking(at: AppTest) -> pd.DataFrame:
    assert not at.exception
    return at.dataframe[0].value


def select_row(at: AppTest, row: int) -> None:
    at.session_state[StateKey.AGENCY_TABLE] = {"selection": {"rows": [row], "columns": []}}
