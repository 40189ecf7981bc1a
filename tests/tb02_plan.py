"""A small plan coded TB02: the notice whose task numbers seed 004's "STT (TB02)" column gives.

Seed 004 (DC-CT-NV-2026) says its task 1 is TB02's task 1 and its task 2 is TB02's task 6;
this plan holds those two, worded after seed 004's rows, and is loaded through the real
upload pipeline.
"""

from __future__ import annotations

from data_access.db import get_engine
from tests.upload_db import HOME, SKHCN, import_file, plan_file

SEED_004 = "DC-CT-NV-2026"
TB02 = "TB02"
TB02_TASKS = (
    ("I", "1", "Tổ chức phổ biến, quán triệt Nghị quyết số 57-NQ/TW đến cán bộ các cấp", SKHCN,
     HOME, "31/12/2026"),
    ("I", "6", "Tiếp nhận, phản hồi ý kiến của tổ chức, cá nhân qua Hệ thống pakn.nq57.vn",
     SKHCN, "", "31/12/2026"),
)  # fmt: skip
# (seed 004's task, the TB02 task it names)
NAMES_TB02_1 = ((SEED_004, "1"), (TB02, "1"))
NAMES_TB02_6 = ((SEED_004, "2"), (TB02, "6"))


def load_tb02(url: str, plan_code: str = TB02) -> None:
    """Load the TB02 plan into ``url``'s database under ``plan_code``."""
    data = plan_file(TB02_TASKS, with_kpis=False)
    import_file(get_engine(url), data, f"{plan_code}.xlsx", plan_code=plan_code)
