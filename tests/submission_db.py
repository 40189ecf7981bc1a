"""The sample database with the accounts of the submission tests, and real evidence files.

Tasks are those of the five seed plans (sample_data/plans): PL-II-2026 has tasks 12 and
13, both due 30/06/2026, led by Sở Tài chính and Sở Khoa học và Công nghệ; the
illustrative progress workbook's latest reports on them are "Đang thực hiện" (07/08/2026,
"Đang triển khai, ước đạt 40% khối lượng.") and "Chưa thực hiện" (13/07/2026).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import datetime

from PIL import Image
from sqlalchemy import Engine, update
from sqlmodel import select

from data_access.accounts import SHELL_ADMIN, add_account, find_account
from data_access.clock import LOCAL_TIME
from data_access.db import get_engine, session_scope
from data_access.kinds import Role
from data_access.models import Account, ImportBatch, Plan, Task

SKHCN, STC = "Sở Khoa học và Công nghệ", "Sở Tài chính"
PLAN = "PL-II-2026"
# When the sample was imported, for "what was known by" a day: before any submission.
SAMPLE_IMPORTED_AT = datetime(2026, 9, 1, 8, 0, tzinfo=LOCAL_TIME)


@dataclass(frozen=True)
class Staff:
    engine: Engine
    skhcn: Account  # agency reporter of Sở Khoa học và Công nghệ
    stc: Account  # agency reporter of Sở Tài chính
    editor: Account
    viewer: Account


def staff_on_sample(url: str) -> Staff:
    """The sample database at ``url`` (imported on SAMPLE_IMPORTED_AT), with four accounts."""
    engine = get_engine(url)
    people = (
        ("dm-skhcn", Role.AGENCY_REPORTER, SKHCN, "Nguyễn Văn An"),
        ("dm-stc", Role.AGENCY_REPORTER, STC, "Trần Thị Bình"),
        ("bt-so", Role.EDITOR, None, "Lê Văn Cường"),
        ("xem", Role.VIEWER, None, ""),
    )
    with session_scope(engine, write=True) as session:
        session.execute(update(ImportBatch).values(imported_at=SAMPLE_IMPORTED_AT))
        session.execute(update(Plan).values(created_at=SAMPLE_IMPORTED_AT))
        for username, role, agency, name in people:
            add_account(
                session=session,
                actor=SHELL_ADMIN,
                username=username,
                role=role,
                agency_name=agency,
                display_name=name,
            )
    with session_scope(engine) as session:
        accounts = [find_account(session=session, username=p[0]) for p in people]
    skhcn, stc, editor, viewer = (account for account in accounts if account is not None)
    return Staff(engine, skhcn, stc, editor, viewer)


def task_id(engine: Engine, number: str, plan: str = PLAN) -> int:
    with session_scope(engine) as session:
        found = session.exec(
            select(Task.id).join(Plan).where(Plan.code == plan, Task.number == number)
        ).one()
    assert found is not None
    return found


def at(day: str, hour: int = 9) -> datetime:
    """A moment in Vietnam time: at("01/12/2026")."""
    return datetime.strptime(day, "%d/%m/%Y").replace(hour=hour, tzinfo=LOCAL_TIME)


def image_bytes(kind: str) -> bytes:
    """A real 8x8 picture saved by Pillow as "PNG", "JPEG" or "PDF"."""
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, kind)
    return out.getvalue()


def zip_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("quyet_dinh.txt", "Quyết định số 45/QĐ-SKHCN")
    return out.getvalue()
