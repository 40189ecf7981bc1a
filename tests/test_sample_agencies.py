"""Agencies of the bundled sample, from the seed documents to the dashboard's filters.

Expected numbers are counted by hand in the seeds (sample_data/sources/, the same
tables as sample_data/plans/): 002 is the Sở KH&CN's own plan (KH-SKHCN-2025,
"Sở Khoa học và Công nghệ xây dựng kế hoạch"); 004 (DC-CT-NV-2026) starts at its
appendices and names no issuing body; 001 (KH-92A-UBND) writes "Văn phòng UBND
tỉnh (Trung tâm phục vụ hành chính công tỉnh)" in five tasks.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from sqlmodel import select

from data_access.db import get_engine, session_scope
from data_access.imports.change_set import ChangeKind
from data_access.imports.read import prepare
from data_access.kinds import ImportKind
from data_access.models import Plan
from data_access.queries.filters import TaskFilters
from data_access.queries.kpis import kpi_frame
from data_access.queries.status import compute_statuses
from data_access.queries.tasks import apply_filters, task_agency_frame, task_frame
from sample_data.manifest import sample_plan

AS_OF = date(2026, 7, 1)
VP_SO_KHCN = "Văn phòng Sở (Sở KH&CN)"
VP_SO_004 = "Văn phòng Sở (đơn vị ban hành DC-CT-NV-2026)"
VP_UB, TT_HCC = "Văn phòng UBND tỉnh", "Trung tâm Phục vụ hành chính công tỉnh"
SKHCN = "Sở Khoa học và Công nghệ"


@pytest.fixture(scope="module")
def links(sample_url: str) -> pd.DataFrame:
    with session_scope(get_engine(sample_url)) as session:
        return task_agency_frame(session=session)


@pytest.fixture(scope="module")
def statuses(sample_url: str) -> pd.DataFrame:
    with session_scope(get_engine(sample_url)) as session:
        return compute_statuses(task_frame(session=session, as_of=AS_OF), AS_OF)


def tasks_of(
    statuses: pd.DataFrame,
    links: pd.DataFrame,
    agency: str,
    role: str = "lead",
    include_units: bool = False,
) -> set[str]:
    """ "PLAN section.number" of the tasks filtering by ``agency`` in ``role`` keeps."""
    filters = TaskFilters(as_of=AS_OF, agencies=(agency,), role=role, include_units=include_units)
    kept = apply_filters(statuses, links, filters)
    return {
        f"{r.plan_code} {r.section_code}.{r.number}".replace(" .", " ") for r in kept.itertuples()
    }


# --- "Văn phòng Sở" of two plans is two agencies ---


def test_vp_so_of_each_plan_is_its_own_agency(links: pd.DataFrame, statuses: pd.DataFrame) -> None:
    leads = links[links["role"] == "lead"].merge(statuses[["task_id", "plan_code"]], on="task_id")
    per_agency = leads.groupby("agency")["plan_code"].agg(lambda p: sorted(set(p)))
    counts = leads["agency"].value_counts()
    # 002 tasks 2 and 3 are led by "Văn phòng Sở" (the others by Phòng/Trung tâm of the Sở)
    assert (counts[VP_SO_KHCN], per_agency[VP_SO_KHCN]) == (2, ["KH-SKHCN-2025"])
    # 004 Phụ lục 02: 21 tasks, all led by "Văn phòng" / "Văn phòng Sở" but 12, 14 and 15
    # (led by the GDTX, GDNN&ĐH office alone)
    assert (counts[VP_SO_004], per_agency[VP_SO_004]) == (18, ["DC-CT-NV-2026"])
    assert "Văn phòng Sở" not in set(links["agency"])  # the bare spelling links nothing


def test_the_kpis_of_004_are_followed_by_its_own_vp_so(sample_url: str) -> None:
    with session_scope(get_engine(sample_url)) as session:
        kpis = kpi_frame(session=session, as_of=AS_OF).drop_duplicates("kpi_id")  # one per KPI
    # 004 Phụ lục 01: six KPIs, each "Đơn vị chủ trì theo dõi, đánh giá: Văn phòng Sở"
    assert kpis.loc[kpis["plan_code"] == "DC-CT-NV-2026", "owner"].tolist() == [VP_SO_004] * 6


def test_units_are_shown_with_their_body(links: pd.DataFrame) -> None:
    units = links.drop_duplicates("agency").set_index("agency")
    # 002's units belong to the Sở KH&CN; 004's to the body that issued it, whose name it omits
    assert units.loc[VP_SO_KHCN, "parent"] == SKHCN
    assert units.loc["Phòng Chuyển đổi số (Sở KH&CN)", "parent"] == SKHCN
    assert units.loc[VP_SO_004, "parent"] == "Đơn vị ban hành DC-CT-NV-2026"
    assert units.loc["Phòng GDTX, GDNN&ĐH (đơn vị ban hành DC-CT-NV-2026)", "parent"] == (
        "Đơn vị ban hành DC-CT-NV-2026"
    )
    assert units.loc["Công an tỉnh", "parent"] == ""  # not a unit of anything


# --- Units roll up to their body ---


def test_the_sos_units_tasks_count_for_the_so_when_asked(
    links: pd.DataFrame, statuses: pd.DataFrame
) -> None:
    alone = tasks_of(statuses, links, SKHCN)
    with_units = tasks_of(statuses, links, SKHCN, include_units=True)
    own_plan = {t for t in with_units if t.startswith("KH-SKHCN-2025 ")}
    # 002's 20 tasks are all led by units of the Sở (Phòng Chuyển đổi số, Văn phòng Sở,
    # Trung tâm CNTT&TT, Phòng Kế hoạch - Tài chính, Phòng QLCN&ĐMST), none by the Sở itself
    assert len(own_plan) == 20
    assert not {t for t in alone if t.startswith("KH-SKHCN-2025 ")}
    assert with_units == alone | own_plan  # nothing else is added
    # 004's Văn phòng Sở is another body's unit: not rolled into the Sở KH&CN
    assert not {t for t in with_units if t.startswith("DC-CT-NV-2026 ")}


def test_the_stand_in_body_of_004_gathers_its_units(
    links: pd.DataFrame, statuses: pd.DataFrame
) -> None:
    body = "Đơn vị ban hành DC-CT-NV-2026"
    assert tasks_of(statuses, links, body) == set()  # it leads nothing itself
    # 004's 21 tasks are all led by its units (Văn phòng, GDTX, GDNN&ĐH, TCCB)
    gathered = tasks_of(statuses, links, body, include_units=True)
    assert len(gathered) == 21
    assert {t.split()[0] for t in gathered} == {"DC-CT-NV-2026"}


def test_004_is_stored_without_an_issuing_body(sample_url: str) -> None:
    with session_scope(get_engine(sample_url)) as session:
        plans = {p.code: p.issuing_body for p in session.exec(select(Plan)).all()}
    assert plans["DC-CT-NV-2026"] == ""  # not stated in the document: unknown, not guessed
    assert (
        plans["KH-SKHCN-2025"] == "Sở Khoa học và Công nghệ"
    )  # "Sở Khoa học và Công nghệ xây dựng kế hoạch"


# --- "A (B)": the office and its service centre are both found ---


def test_filtering_by_vp_ubnd_finds_the_tasks_it_leads_as_a(
    links: pd.DataFrame, statuses: pd.DataFrame
) -> None:
    led = tasks_of(statuses, links, VP_UB)
    # 001 II.2 and II.3 lead: "Văn phòng UBND tỉnh (Trung tâm phục vụ hành chính công tỉnh), …"
    assert {"KH-92A-UBND II.2", "KH-92A-UBND II.3"} <= led
    # the centre leads exactly those two, and the office is found for both
    assert tasks_of(statuses, links, TT_HCC) == {"KH-92A-UBND II.2", "KH-92A-UBND II.3"}


def test_filtering_by_vp_ubnd_as_coordinating_finds_its_a_b_cells(
    links: pd.DataFrame, statuses: pd.DataFrame
) -> None:
    found = tasks_of(statuses, links, VP_UB, "coordinating")
    # 001 I.1, I.3 and II.4 write the office with its centre in the coordinating column
    assert {"KH-92A-UBND I.1", "KH-92A-UBND I.3", "KH-92A-UBND II.4"} <= found
    assert tasks_of(statuses, links, TT_HCC, "coordinating") == {
        "KH-92A-UBND I.1",
        "KH-92A-UBND I.3",
        "KH-92A-UBND II.4",
    }


def test_the_tasks_group_and_its_standing_agency_both_lead_003_1(
    links: pd.DataFrame, statuses: pd.DataFrame
) -> None:
    # 003 task 1: "Tổ Giúp việc Ban Chỉ đạo (Cơ quan thường trực là Sở Khoa học và Công nghệ)"
    assert tasks_of(statuses, links, "Tổ Giúp việc Ban Chỉ đạo") == {"DM-BS-2026 I.1"}
    assert "DM-BS-2026 I.1" in tasks_of(statuses, links, SKHCN)


@pytest.mark.parametrize("code", ["KH-SKHCN-2025", "DC-CT-NV-2026", "KH-92A-UBND"])
def test_a_plan_read_again_changes_nothing(sample_url: str, code: str) -> None:
    # the preview names units and "A (B)" cells as the import linked them: no agency "changes"
    path = sample_plan(code).path
    with session_scope(get_engine(sample_url)) as session:
        upload = prepare(
            session=session,
            data=path.read_bytes(),
            file_name=path.name,
            kind=ImportKind.PLAN,
            plan_code=code,
        )
        session.rollback()  # read only: the shared sample stays as built
    counts = upload.changes.counts()
    assert counts[ChangeKind.CHANGED] == counts[ChangeKind.NEW] == 0
    assert counts[ChangeKind.UNCHANGED] == len(upload.result.tasks) + len(upload.result.kpis)
