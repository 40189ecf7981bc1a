"""Large type for a projector: one Vega-Lite config applied to every chart's spec.

At 1366×768 the default ~10 px axis text cannot be read from the back of a meeting room;
while presenting, every chart gets these sizes (a builder's own mark sizes are left as
they are) and is drawn as SVG, which stays sharp when the projector scales it.
"""

from __future__ import annotations

import copy
from typing import Any

AXIS_LABEL_PX = 16
AXIS_TITLE_PX = 18
LEGEND_LABEL_PX = 16
LEGEND_TITLE_PX = 18
TITLE_PX = 26
SUBTITLE_PX = 18

LARGE_TYPE: dict[str, Any] = {
    "axis": {"labelFontSize": AXIS_LABEL_PX, "titleFontSize": AXIS_TITLE_PX},
    "header": {"labelFontSize": AXIS_LABEL_PX, "titleFontSize": AXIS_TITLE_PX},
    "legend": {"labelFontSize": LEGEND_LABEL_PX, "titleFontSize": LEGEND_TITLE_PX},
    "title": {"fontSize": TITLE_PX, "subtitleFontSize": SUBTITLE_PX},
}


def large_type(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of the Vega-Lite ``spec`` with LARGE_TYPE over its config, drawn as SVG."""
    shown = copy.deepcopy(spec)
    config = shown.setdefault("config", {})
    for part, sizes in LARGE_TYPE.items():
        config[part] = {**config.get(part, {}), **sizes}
    usermeta = shown.setdefault("usermeta", {})
    usermeta["embedOptions"] = {**usermeta.get("embedOptions", {}), "renderer": "svg"}
    return shown
