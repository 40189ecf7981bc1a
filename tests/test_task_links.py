"""Task-agency links: roles and collective groups, one role's links, the agencies of a task."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlmodel import Session, select

from data_access.models import TaskAgency
from data_access.queries.tasks import linked_agency_names, task_agency_frame
from tests.dashboard_db import COLLECTIVE, HOME_AFFAIRS, POLICE, SKHCN


def test_agency_links_keep_roles_and_collective_groups(
    session: Session, ids: dict[str, int]
) -> None:
    links = task_agency_frame(session=session)
    strategy = links[links["task_id"] == ids["strategy"]]
    assert strategy[["agency", "role"]].values.tolist() == [
        [HOME_AFFAIRS, "coordinating"],
        [SKHCN, "lead"],
        [POLICE, "lead"],
    ]
    collective = links[links["agency"] == COLLECTIVE].iloc[0]
    assert (collective["agency_kind"], bool(collective["is_collective"])) == ("collective", True)


@pytest.mark.parametrize("role", ["lead", "coordinating"])
def test_links_of_one_role_are_those_of_the_full_frame(
    session: Session, ids: dict[str, int], role: str
) -> None:
    everything = task_agency_frame(session=session)
    expected = everything[everything["role"] == role].reset_index(drop=True)
    pd.testing.assert_frame_equal(task_agency_frame(session=session, role=role), expected)


def test_links_of_any_role_are_every_stored_link_once_in_order(
    session: Session, ids: dict[str, int]
) -> None:
    stored = session.exec(select(TaskAgency)).all()
    frame = task_agency_frame(session=session)
    found = list(zip(frame["task_id"], frame["role"], frame["position"], strict=True))
    assert found == sorted((link.task_id, link.role, link.position) for link in stored)
    assert set(frame["role"]) == {"lead", "coordinating"}


def test_linked_agency_names(session: Session, ids: dict[str, int]) -> None:
    assert sorted(linked_agency_names(session=session)) == sorted(
        {SKHCN, POLICE, HOME_AFFAIRS, COLLECTIVE}
    )
