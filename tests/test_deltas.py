"""The month-on-month changes under Tổng quan's big numbers."""

from __future__ import annotations

import pytest
from streamlit.proto.Metric_pb2 import Metric as MetricProto
from streamlit.testing.v1 import AppTest

from ui.common import NO_CHANGE, count_delta, points_delta


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
