"""Agency spellings through an upload: unknown ones listed once, mapped or added, then known."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlmodel import Session

from data_access.accounts import SHELL_ADMIN
from data_access.db import session_scope
from data_access.imports import agencies
from data_access.imports.new_plan import ImportRefused
from data_access.kinds import AgencyKind
from tests.backends import ON_BOTH_DATABASES
from tests.upload_db import SKHCN, TASKS, plan_file, planned_engine, preview

pytestmark = ON_BOTH_DATABASES

UNKNOWN = "Ban Quản lý Khu kinh tế tỉnh"


# --- Agency spellings ---


def _plan_with_unknown_lead() -> bytes:
    return plan_file([(*TASKS[0][:3], UNKNOWN, "", "30/6/2026")], with_kpis=False)


def test_unknown_spellings_are_listed_once() -> None:
    tasks = [(*task[:3], f"{UNKNOWN}; {SKHCN}", UNKNOWN, task[5]) for task in TASKS]
    upload = preview(planned_engine(), plan_file(tasks, with_kpis=False), plan_code="KH-02")
    assert upload.unknown_agencies == [UNKNOWN]


def test_a_mapped_spelling_is_used_from_then_on() -> None:
    engine = planned_engine()
    with session_scope(engine) as session:
        agencies.map_spelling(
            session=session, actor=SHELL_ADMIN, spelling=UNKNOWN, agency_name=SKHCN
        )
    upload = preview(engine, _plan_with_unknown_lead(), plan_code="KH-02")
    assert upload.unknown_agencies == []
    assert upload.result.tasks[0].lead_agencies == [SKHCN]


def test_a_new_agency_is_known_afterwards() -> None:
    engine = planned_engine()
    with session_scope(engine) as session:
        agency = agencies.add_agency(
            session=session, actor=SHELL_ADMIN, name=UNKNOWN, kind=AgencyKind.DEPARTMENT
        )
        assert agency.kind == AgencyKind.DEPARTMENT
        assert UNKNOWN in agencies.agency_names(session=session)
    assert preview(engine, _plan_with_unknown_lead(), plan_code="KH-02").unknown_agencies == []


def test_a_new_agency_under_its_proper_name_keeps_the_files_spelling() -> None:
    engine = planned_engine()
    proper = "Ban Quản lý Khu kinh tế tỉnh Hà Tĩnh"
    with session_scope(engine) as session:
        agencies.add_agency(
            session=session,
            actor=SHELL_ADMIN,
            name=proper,
            kind=AgencyKind.DEPARTMENT,
            spelling=UNKNOWN,
        )
    upload = preview(engine, _plan_with_unknown_lead(), plan_code="KH-02")
    assert upload.unknown_agencies == []
    assert upload.result.tasks[0].lead_agencies == [proper]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda s: agencies.map_spelling(
                session=s, actor=SHELL_ADMIN, spelling="X", agency_name="Không có"
            ),
            "Chưa có",
        ),
        (
            lambda s: agencies.add_agency(
                session=s, actor=SHELL_ADMIN, name=" ", kind=AgencyKind.OTHER
            ),
            "để trống",
        ),
    ],
)
def test_agency_edits_refused(call: Callable[[Session], object], message: str) -> None:
    engine = planned_engine()
    with pytest.raises(ImportRefused, match=message), session_scope(engine) as session:
        call(session)
