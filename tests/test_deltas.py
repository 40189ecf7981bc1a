"""The month-on-month changes under Tổng quan's big numbers."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.proto.Metric_pb2 import Metric as MetricProto
from streamlit.testing.v1 import AppTest

from labels import NO_CHANGE, kpi_verdict, points_change, signed_change
from ui.common import count_delta, points_delta


@pytest.mark.parametrize(
    ("now", "before", "shown"), [(5, 2, "+3"), (2, 5, "-3"), (4, 4, NO_CHANGE), (0, 0, NO_CHANGE)]
)
def test_count_delta(now: int, before: int, shown: str) -> None:
    assert count_delta(now, before) == shown


@pytest.mark.parametrize(
    ("now", "before", "shown"),
    [
        (0.5, 0.475, "+2,5 điểm %"),
        (0.4, 0.5, "-10 điểm %"),
        (0.5, 0.5, NO_CHANGE),
        (0.5, 0.5004, NO_CHANGE),  # -0.04 points: shown rounded, so unchanged
        (0.5, None, None),
        (None, 0.5, None),
    ],
)
def test_points_delta(now: float | None, before: float | None, shown: str | None) -> None:
    assert points_delta(now, before) == shown


def test_an_unchanged_number_shows_grey_without_an_arrow() -> None:
    app = AppTest.from_string(
        "import streamlit as st\n"
        "from ui.common import count_delta\n"
        "st.metric('Quá hạn', '50', count_delta(50, 50), delta_color='inverse')\n"
        "st.metric('Quá hạn', '52', count_delta(52, 50), delta_color='inverse')\n"
    ).run()
    unchanged, worse = (metric.proto for metric in app.metric)
    assert (unchanged.color, unchanged.direction) == (MetricProto.GRAY, MetricProto.NONE)
    assert (worse.color, worse.direction) == (MetricProto.RED, MetricProto.UP)


@pytest.mark.parametrize(
    ("delta", "unit", "decimals", "shown"),
    [
        # documents and tables: the true minus sign, U+2212
        (3, "", 0, "+3"),
        (-1234, "", 0, "\u22121.234"),
        (-2.5, " điểm %", 1, "\u22122,5 điểm %"),
        (0.04, " điểm %", 1, NO_CHANGE),  # shown as 0,0: no change, no unit
        (0, "", 0, NO_CHANGE),
    ],
)
def test_signed_change(delta: float, unit: str, decimals: int, shown: str) -> None:
    assert signed_change(delta, unit, decimals) == shown


def test_points_change_in_a_document_uses_the_true_minus() -> None:
    # 40% after 50%: ten points down
    assert points_change(0.4, 0.5) == "\u221210 điểm %"
    assert points_change(None, 0.5) is None


@pytest.mark.parametrize(
    ("met", "verdict"),
    [(True, "Đạt"), (False, "Chưa đạt"), (None, "Chưa có số liệu"), (pd.NA, "Chưa có số liệu")],
)
def test_kpi_verdict(met: object, verdict: str) -> None:
    assert kpi_verdict(met) == verdict


def test_a_lower_rate_shows_a_red_down_arrow() -> None:
    app = AppTest.from_string(
        "import streamlit as st\n"
        "from ui.common import points_delta\n"
        "st.metric('Tỷ lệ', '40%', points_delta(0.4, 0.5))\n"
    ).run()
    (lower,) = (metric.proto for metric in app.metric)
    assert (lower.color, lower.direction) == (MetricProto.RED, MetricProto.DOWN)
