"""The shared filter sidebar under AppTest: URL seeding, widgets, reset, options from the data."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from data_access.clock import vietnam_today
from data_access.queries.filters import TaskFilters
from labels import STATUS_LABELS, STATUS_ORDER
from tests.frozen_clock import freeze_clock
from tests.pages_db import TIMEOUT, use_database
from ui.filters import RESET_LABEL
from ui.state import StateKey

SEEN = "seen_filters"
TODAY = TaskFilters(as_of=vietnam_today())


def filters_script() -> None:
    """A page that only draws the shared filters and keeps what they select."""
    import streamlit as st

    from ui.filters import page_filters

    st.session_state["seen_filters"] = page_filters()


@pytest.fixture
def app(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppTest]:
    use_database(monkeypatch, sample_url)
    yield AppTest.from_function(filters_script, default_timeout=TIMEOUT)


def seen(at: AppTest) -> TaskFilters:
    assert not at.exception
    filters = at.session_state[SEEN]
    assert isinstance(filters, TaskFilters)
    return filters


# --- Defaults and options ---


def test_defaults_select_everything_as_of_today(app: AppTest) -> None:
    assert seen(app.run()) == TODAY
    assert app.query_params == {}
    assert app.button(key=StateKey.RESET_FILTERS).label == RESET_LABEL


def test_the_date_fields_read_day_month_year(app: AppTest) -> None:
    app.run()
    fields = [
        app.date_input(key=key) for key in (StateKey.AS_OF_DATE, StateKey.DUE_FROM, StateKey.DUE_TO)
    ]
    assert [field.proto.format for field in fields] == ["DD/MM/YYYY"] * 3


def test_options_come_from_the_data(app: AppTest) -> None:
    app.run()
    plans = app.multiselect(key=StateKey.PLANS).options
    assert plans == ["PL-II-2026", "KH-92A-UBND", "KH-SKHCN-2025", "DM-BS-2026", "DC-CT-NV-2026"]
    sections = app.multiselect(key=StateKey.SECTIONS).options
    assert sections == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    agencies = app.multiselect(key=StateKey.AGENCIES).options
    assert "Các sở, ban, ngành, địa phương" in agencies
    assert agencies.index("Công an tỉnh") < agencies.index("Sở Khoa học và Công nghệ")
    statuses = app.multiselect(key=StateKey.STATUSES).options
    assert statuses == [STATUS_LABELS[s] for s in STATUS_ORDER]  # every status, in order
    assert statuses[5] == "Quá hạn"
    assert app.radio(key=StateKey.ROLE).options == ["Chủ trì", "Phối hợp", "Chủ trì hoặc phối hợp"]
    # units are offered with their body; a body is offered though only its units lead tasks
    assert "Văn phòng Sở (Sở KH&CN)" in agencies
    assert "Văn phòng Sở (đơn vị ban hành DC-CT-NV-2026)" in agencies
    assert "Đơn vị ban hành DC-CT-NV-2026" in agencies
    assert "Văn phòng Sở" not in agencies  # the bare spelling leads nothing
    assert app.checkbox(key=StateKey.INCLUDE_UNITS).label == "Gồm các đơn vị thuộc Sở"


# --- A link reproduces the view: each query parameter seeds its widget ---


@pytest.mark.parametrize(
    ("params", "changes"),
    [
        ({"as_of": "2026-07-01"}, {"as_of": date(2026, 7, 1)}),
        ({"plan": ["KH-92A-UBND", "DM-BS-2026"]}, {"plan_codes": ("KH-92A-UBND", "DM-BS-2026")}),
        ({"agency": "Công an tỉnh"}, {"agencies": ("Công an tỉnh",)}),
        ({"role": "Phối hợp"}, {"role": "coordinating"}),
        ({"section": ["II", "IX"]}, {"sections": ("II", "IX")}),
        (
            {"status": ["Quá hạn", "Thường xuyên – chưa báo cáo kỳ này"]},
            {"statuses": ("overdue", "recurring_not_reported")},
        ),
        ({"due_from": "2026-01-01"}, {"due_from": date(2026, 1, 1)}),
        ({"due_to": "2026-06-30"}, {"due_to": date(2026, 6, 30)}),
        ({"recurring": "false"}, {"include_recurring": False}),
        ({"indicative": "false"}, {"include_indicative": False}),
        ({"units": "true"}, {"include_units": True}),
    ],
)
def test_query_parameters_seed_the_filters(
    app: AppTest, params: dict[str, Any], changes: dict[str, Any]
) -> None:
    app.query_params.update(params)
    assert seen(app.run()) == replace(TODAY, **changes)
    assert app.query_params == params  # kept in the URL


@pytest.mark.parametrize(
    "params",
    [
        {"as_of": "01/07/2026"},  # the URL form is ISO
        {"plan": "KHONG-CO"},
        {"status": "overdue"},  # the URL holds the label shown, not the code
        {"role": "lead"},
        {"due_from": "2099-01-01"},  # outside the pickers' range
    ],
)
def test_bad_query_parameters_are_dropped(app: AppTest, params: dict[str, Any]) -> None:
    app.query_params.update(params)
    assert seen(app.run()) == TODAY
    assert app.query_params == {}


# --- Widgets change the filters ---


def test_every_widget_changes_the_filters(app: AppTest) -> None:
    app.run()
    app.date_input(key=StateKey.AS_OF_DATE).set_value(date(2026, 7, 1))
    app.multiselect(key=StateKey.PLANS).select("KH-92A-UBND")
    app.multiselect(key=StateKey.AGENCIES).select("Sở Tài chính")
    app.radio(key=StateKey.ROLE).set_value("any")
    app.multiselect(key=StateKey.SECTIONS).select("II")
    app.multiselect(key=StateKey.STATUSES).select("done_late")
    app.date_input(key=StateKey.DUE_FROM).set_value(date(2025, 10, 1))
    app.date_input(key=StateKey.DUE_TO).set_value(date(2025, 12, 31))
    app.checkbox(key=StateKey.INCLUDE_RECURRING).uncheck()
    app.checkbox(key=StateKey.INCLUDE_INDICATIVE).uncheck()
    app.checkbox(key=StateKey.INCLUDE_UNITS).check()
    assert seen(app.run()) == TaskFilters(
        as_of=date(2026, 7, 1),
        plan_codes=("KH-92A-UBND",),
        agencies=("Sở Tài chính",),
        role="any",
        sections=("II",),
        statuses=("done_late",),
        due_from=date(2025, 10, 1),
        due_to=date(2025, 12, 31),
        include_recurring=False,
        include_indicative=False,
        include_units=True,
    )


def test_reset_restores_every_default_and_clears_the_url(app: AppTest) -> None:
    app.query_params.update(
        {
            "as_of": "2026-07-01",
            "plan": "DM-BS-2026",
            "recurring": "false",
            "indicative": "false",
            "units": "true",
        }
    )
    app.run()
    app.multiselect(key=StateKey.STATUSES).select("overdue").run()
    assert seen(app) != TODAY
    app.button(key=StateKey.RESET_FILTERS).click().run()
    assert seen(app) == TODAY
    assert app.query_params == {}


# --- Drawn once: a page gets the filters app.py drew ---


def test_page_filters_reuse_what_app_py_drew(app: AppTest) -> None:
    drawn = TaskFilters(as_of=date(2026, 7, 1), plan_codes=("KH-92A-UBND",))
    app.session_state[StateKey.ACTIVE_FILTERS] = drawn
    assert seen(app.run()) == drawn
    assert not app.sidebar.children  # no second set of widgets


def test_an_unreadable_database_leaves_the_filters_usable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_database(monkeypatch, f"sqlite:///{tmp_path / 'missing' / 'nq57.sqlite'}")
    at = AppTest.from_function(filters_script, default_timeout=TIMEOUT).run()
    assert seen(at) == TODAY
    assert at.multiselect(key=StateKey.PLANS).options == []


def test_the_as_of_date_starts_on_vietnams_today_not_the_servers(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """00:30 on 01/07/2026 in Vietnam is still 30/06 on a UTC server: the page counts as of
    the first of July, the day its readers are living."""
    freeze_clock(monkeypatch, datetime(2026, 6, 30, 17, 30, tzinfo=UTC))
    app.run()
    assert app.date_input(key=StateKey.AS_OF_DATE).value == date(2026, 7, 1)
    assert seen(app).as_of == date(2026, 7, 1)
