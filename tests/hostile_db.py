"""The sample database with a plan code and an agency name that are Markdown payloads.

Plan codes and agency names reach the filter caption and every page; uploaded
files can carry such text, so pages must show it as typed (ui.safe_text).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

PLAN = "KH-92A-UBND"  # 14 of its tasks are led by AGENCY in the samples
AGENCY = "Công an tỉnh"
LINK = "[Phiên hết hạn - đăng nhập lại](http://example.invalid/login)"
PLAN_PAYLOAD = f"{LINK} :red[đỏ] $x^2$"
AGENCY_PAYLOAD = "**Sở** :material/warning: :smile: <b>in</b> _nghiêng_ -> $$y$$"
# Fragments that would become markup if a Markdown element received them unescaped.
MARKUP = ("](http", ":red[", "$x^2$", "**Sở**", ":material/", ":smile:", "<b>", "_nghiêng_")


def hostile_copy(sample: Path, copy: Path) -> Path:
    """``sample`` copied to ``copy``, PLAN renamed PLAN_PAYLOAD and AGENCY AGENCY_PAYLOAD."""
    shutil.copyfile(sample, copy)
    with sqlite3.connect(copy) as connection:
        connection.execute("UPDATE plan SET code = ? WHERE code = ?", (PLAN_PAYLOAD, PLAN))
        connection.execute("UPDATE agency SET name = ? WHERE name = ?", (AGENCY_PAYLOAD, AGENCY))
    connection.close()
    return copy
