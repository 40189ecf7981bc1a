import altair as alt

from charts import palette
from data_access.queries.statuses import TaskStatus
from labels import AGEING_BUCKETS, STATUS_LABELS, STATUS_ORDER


def test_status_scale_maps_labels_in_status_order_to_okabe_ito() -> None:
    scale = palette.status_color_scale().to_dict()
    assert scale["domain"] == [STATUS_LABELS[s] for s in STATUS_ORDER]  # pinned in test_labels
    assert scale["range"] == [
        "#009E73",  # done on time
        "#E69F00",  # done late
        "#F0E442",  # done without evidence
        "#0072B2",  # in progress
        "#CC79A7",  # late on a milestone
        "#D55E00",  # overdue
        "#56B4E9",  # recurring, reported
        "#000000",  # recurring, not reported
        "#8C8C8C",  # recurring, nothing to report yet
        "#C8C8C8",  # no deadline
    ]


def test_every_status_has_a_distinct_colour() -> None:
    assert set(palette.STATUS_COLORS) == set(TaskStatus)
    assert len(set(palette.STATUS_COLORS.values())) == len(TaskStatus)


def test_scale_is_rebuilt_identically() -> None:
    assert palette.status_color_scale().to_dict() == palette.status_color_scale().to_dict()
    assert isinstance(palette.status_color_scale(), alt.Scale)


def test_status_domain_follows_status_order() -> None:
    assert palette.status_domain() == [STATUS_LABELS[s] for s in STATUS_ORDER]


# --- Overdue means vermillion wherever it shows up ---
def test_overdue_vermillion_is_reused_for_not_met_and_heat() -> None:
    overdue = palette.STATUS_COLORS[TaskStatus.OVERDUE]
    assert overdue == "#D55E00"
    assert overdue == palette.NOT_MET_COLOR
    assert palette.HEAT_RANGE[-1] == overdue
    assert palette.STATUS_COLORS[TaskStatus.DONE_ON_TIME] == palette.MET_COLOR


def test_ageing_scale_covers_every_bucket_in_order() -> None:
    scale = palette.ageing_color_scale().to_dict()
    assert scale["domain"] == ["1–30 ngày", "31–90 ngày", "91–180 ngày", "Trên 180 ngày"]
    assert len(scale["range"]) == len(AGEING_BUCKETS)
