"""Chỉ tiêu under AppTest on the sample data: results judged with the target's operator."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from data_access.db import get_engine, session_scope
from data_access.models import Kpi, Plan
from data_access.queries.kpis import kpi_frame, kpi_latest
from labels import ILLUSTRATIVE_NOTE, format_int
from tests.pages_db import (
    REPO_ROOT,
    TIMEOUT,
    open_through_app,
    page_test,
    run_on_empty_database,
    use_database,
)
from ui.safe_text import literal
from ui.state import StateKey

PAGE = REPO_ROOT / "app_pages" / "4_Chi_tieu.py"
PLAN = "DC-CT-NV-2026"  # the sample plan with the six KPIs
COUNTS = ("Số chỉ tiêu", "Đạt", "Chưa đạt", "Chưa có số liệu")
FIRST_KPI = "1. Tỉ lệ TTHC cung cấp DVCTT toàn trình"  # target ">80%"
FIRST_KPI_NAME = (
    "Tỉ lệ TTHC cung cấp DVCTT toàn trình trên tổng số TTHC đặc thù của tỉnh, thành phố."
)


@pytest.fixture
def page(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return page_test(monkeypatch, sample_url, PAGE)


def counts(at: AppTest) -> tuple[str, ...]:
    assert not at.exception
    shown = {metric.label: metric.value for metric in at.metric}
    return tuple(shown[label] for label in COUNTS)


def engine_counts(url: str, period_end: date) -> tuple[str, ...]:
    """The same four numbers from the data layer: latest actual by ``period_end``."""
    with session_scope(get_engine(url)) as session:
        latest = kpi_latest(kpi_frame(session=session, as_of=period_end))
    met = latest["met"]
    numbers = (len(latest), met.fillna(False).sum(), (~met.fillna(True)).sum(), met.isna().sum())
    return tuple(format_int(int(n)) for n in numbers)


def kpi_table(at: AppTest) -> pd.DataFrame:
    return at.dataframe[-1].value.reset_index(drop=True)


def chart_data(at: AppTest, position: int) -> pd.DataFrame:
    charts = [e for e in at.main if e.type == "vega_lite_chart"]
    return pa.ipc.open_stream(charts[position].proto.datasets[0].data.data).read_all().to_pandas()


# --- The numbers are the data layer's ---


# Latest actual by the as-of day (default period: the latest with results).
@pytest.mark.parametrize(
    ("as_of", "period_end", "expected"),
    [
        ("2026-07-01", date(2026, 6, 30), ("6", "2", "4", "0")),  # 80% does not meet ">80%"
        ("2026-11-23", date(2026, 9, 30), ("6", "4", "2", "0")),
        ("2026-02-01", date(2026, 2, 1), ("6", "0", "0", "6")),
    ],
)
def test_counts_are_the_data_layers(
    page: AppTest, sample_url: str, as_of: str, period_end: date, expected: tuple[str, ...]
) -> None:
    page.query_params["as_of"] = as_of
    page.run()
    assert counts(page) == expected == engine_counts(sample_url, period_end)
    day = date.fromisoformat(as_of)
    assert page.caption[0].value.startswith(literal(f"Tính đến {day:%d/%m/%Y}"))


def test_the_table_shows_targets_with_their_operator(page: AppTest) -> None:
    page.query_params["as_of"] = "2026-07-01"
    at = page.run()
    table = kpi_table(at)
    first = table.iloc[0]
    assert (first["STT"], first["Chỉ tiêu"]) == ("1", FIRST_KPI_NAME)
    assert (first["Mục tiêu"], first["Kết quả gần nhất"], first["Kỳ"]) == (
        "> 80%",
        80.0,
        "6 tháng đầu năm 2026",
    )
    assert (first["Chênh lệch"], first["Đơn vị tính"], first["Đánh giá"]) == (0.0, "%", "Chưa đạt")
    # 004's KPI table names "Văn phòng Sở"; the document does not say which Sở issued it
    assert first["Đơn vị theo dõi"] == "Văn phòng Sở (đơn vị ban hành DC-CT-NV-2026)"
    assert table["Mục tiêu"].tolist() == ["> 80%", "> 80%", "≥ 100%", "≥ 50%", "≥ 100%", "≥ 95%"]
    assert table["Chênh lệch"].tolist()[3] == -5.0  # 45% against ≥ 50%: 5 points short


def test_results_are_numbers_formatted_by_the_browser(page: AppTest) -> None:
    """Numbers reach the grid (sortable, exported as numbers), one decimal as the downloads."""
    page.query_params["as_of"] = "2026-07-01"
    table = page.run().dataframe[-1]
    config = json.loads(table.proto.columns)
    for heading in ("Kết quả gần nhất", "Chênh lệch"):
        values = table.value[heading].dropna()
        assert (values == values.round(1)).all()  # rounded here: the grid would cut at a step
        # the step makes every cell show one decimal ("81,5" beside "65,0")
        assert config[heading]["type_config"] == {
            "type": "number",
            "format": "localized",
            "step": 0.1,
        }


def test_a_kpi_not_reported_in_the_latest_period_keeps_its_earlier_result(page: AppTest) -> None:
    page.query_params["as_of"] = "2026-11-23"
    row = kpi_table(page.run()).iloc[3]  # KPI 4 has no Quý III figure
    assert (row["Kết quả gần nhất"], row["Kỳ"], row["Đánh giá"]) == (
        45.0,
        "6 tháng đầu năm 2026",
        "Chưa đạt",
    )


def test_illustrative_results_are_labelled(page: AppTest) -> None:
    page.run()
    assert [info.value for info in page.info] == [ILLUSTRATIVE_NOTE]


# --- The period selector ---


def test_period_defaults_to_the_latest_with_results(page: AppTest) -> None:
    page.query_params["as_of"] = "2026-11-23"
    page.run()
    picker = page.selectbox(key=StateKey.KPI_PERIOD)
    assert picker.options == ["Quý I/2026", "6 tháng đầu năm 2026", "Quý III/2026"]
    assert picker.value == "2026-Q3"


def test_choosing_an_earlier_period(page: AppTest, sample_url: str) -> None:
    page.query_params["as_of"] = "2026-11-23"
    page.run()
    page.selectbox(key=StateKey.KPI_PERIOD).select("2026-Q1").run()
    assert counts(page) == ("6", "0", "6", "0") == engine_counts(sample_url, date(2026, 3, 31))
    assert set(kpi_table(page)["Kỳ"]) == {"Quý I/2026"}


def test_the_period_comes_from_the_url(page: AppTest, sample_url: str) -> None:
    page.query_params.update({"as_of": "2026-11-23", StateKey.KPI_PERIOD: "6 tháng đầu năm 2026"})
    page.run()
    assert page.selectbox(key=StateKey.KPI_PERIOD).value == "2026-H1"
    assert counts(page) == engine_counts(sample_url, date(2026, 6, 30))


# --- Charts ---


def test_bullets_and_trend_show_every_kpi(page: AppTest) -> None:
    page.query_params["as_of"] = "2026-11-23"
    page.run()
    bullets, trend = chart_data(page, 0), chart_data(page, 1)
    assert bullets["kpi"].nunique() == 6
    assert bullets.loc[bullets["kpi"].str.startswith(FIRST_KPI), "result"].tolist() == ["Đạt"]
    assert trend["kpi"].nunique() == 6
    assert len(trend) == 17  # every reported period of every KPI


def test_clicking_a_kpi_shows_its_trend_alone(page: AppTest) -> None:
    page.query_params["as_of"] = "2026-11-23"
    page.run()
    name = next(k for k in chart_data(page, 0)["kpi"] if k.startswith(FIRST_KPI))
    page.session_state[StateKey.KPI_CHART] = {"selection": {"kpi_pick": [{"kpi": name}]}}
    page.run()
    trend = chart_data(page, 1)
    assert trend["kpi"].unique().tolist() == [name]
    assert trend["value"].tolist() == [72.0, 80.0, 86.0]


def test_many_kpis_chart_the_first_and_list_all(
    sample_copy_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = sample_copy_url
    with session_scope(get_engine(url)) as session:
        plan = session.exec(select(Plan).where(Plan.code == PLAN)).one()
        for number in range(7, 41):
            session.add(Kpi(plan_id=plan.id, number=str(number), name=f"Chỉ tiêu thêm {number}"))
    use_database(monkeypatch, url)
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT).run()
    assert counts(at)[0] == "40"
    assert len(kpi_table(at)) == 40
    assert chart_data(at, 0)["kpi"].nunique() == 25
    assert chart_data(at, 1)["kpi"].nunique() == 6  # the charted KPIs with results (at most 8)
    note = "Biểu đồ hiện 25 trên 40 chỉ tiêu — chọn kế hoạch trong bộ lọc để thu hẹp; "
    assert note + "bảng bên dưới có đủ." in [c.value for c in at.caption]


# --- Empty states ---


def test_the_plan_filter_applies_to_kpis(page: AppTest) -> None:
    page.query_params.update({"as_of": "2026-11-23", "plan": PLAN})
    assert counts(page.run()) == ("6", "4", "2", "0")


def test_plans_without_kpis_say_what_to_do(page: AppTest) -> None:
    page.query_params["plan"] = "KH-92A-UBND"
    page.run()
    assert not page.exception
    assert page.info[0].value.startswith("Các kế hoạch đã chọn không có chỉ tiêu")
    assert not page.metric
    page.button(key=f"{StateKey.RESET_FILTERS}_empty").click().run()
    assert counts(page)[0] == "6"


def test_an_empty_database_says_to_upload(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = run_on_empty_database(PAGE, tmp_path, monkeypatch)
    assert at.info[0].value.startswith("Chưa có chỉ tiêu nào — hãy tải lên")
    assert not at.metric


# --- Through app.py ---


def test_the_page_is_in_the_menu(sample_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_through_app(
        monkeypatch, sample_url, "app_pages/4_Chi_tieu.py", {"as_of": "2026-07-01"}
    )
    assert at.title[0].value == "Chỉ tiêu"
    assert counts(at) == ("6", "2", "4", "0")
    assert at.multiselect(key=StateKey.PLANS)  # the shared filters, drawn by app.py
