"""Charts as images for reports and slides: PNG at print resolution and SVG, without a browser.

``vl_convert`` renders the Altair spec on the server with the shipped DejaVu Sans
(full Vietnamese coverage), at a fixed width (the on-screen ``"container"``
width would render at ~300 px and cut legends), with the title and subtitle
(as-of date, filters) wrapped so no line runs off the image.
"""

from __future__ import annotations

import copy
import re
import textwrap
from datetime import date
from functools import cache
from typing import Any

import altair as alt
import vl_convert

from exports.fonts import FONT_DIR, FONT_FAMILY
from loaders.text import fold

EXPORT_WIDTH = 900  # CSS pixels: the plot's total width in the image
PRINT_SCALE = 3.0  # 2700 px wide: ~430 dpi across a 16 cm column, ~270 dpi across A4 landscape
PADDING = 12
CHARS_PER_LINE_DIVISOR = 7  # DejaVu Sans 11-13 px averages under 7 px a character
SVG_FONT_STACK = f"{FONT_FAMILY}, Arial, sans-serif"  # recipients without DejaVu still read it
# d3-format in Vietnamese style: 1.234,5
VI_NUMBER_LOCALE: dict[str, Any] = {
    "decimal": ",",
    "thousands": ".",
    "grouping": [3],
    "currency": ["", " ₫"],
}
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def chart_png(
    chart: alt.TopLevelMixin,
    *,
    scale: float = PRINT_SCALE,
    width: int = EXPORT_WIDTH,
    title: str | None = None,
    subtitle: str | None = None,
) -> bytes:
    """The chart as a PNG ``width * scale`` pixels wide; ``title``/``subtitle`` replace its own."""
    spec = export_spec(chart, width=width, title=title, subtitle=subtitle)
    _register_fonts()
    return bytes(vl_convert.vegalite_to_png(spec, scale=scale, format_locale=VI_NUMBER_LOCALE))


def chart_svg(
    chart: alt.TopLevelMixin,
    *,
    width: int = EXPORT_WIDTH,
    title: str | None = None,
    subtitle: str | None = None,
) -> bytes:
    """The chart as UTF-8 SVG text (scalable, editable in Word and PowerPoint)."""
    spec = export_spec(chart, width=width, title=title, subtitle=subtitle)
    _register_fonts()
    svg = vl_convert.vegalite_to_svg(spec, format_locale=VI_NUMBER_LOCALE)
    return str(svg).encode("utf-8")


def export_spec(
    chart: alt.TopLevelMixin,
    *,
    width: int = EXPORT_WIDTH,
    title: str | None = None,
    subtitle: str | None = None,
) -> dict[str, Any]:
    """The Vega-Lite dict to render: fixed width, shipped font, padding, wrapped title lines."""
    spec = copy.deepcopy(chart.to_dict())
    spec["width"] = width
    spec["padding"] = PADDING
    spec["config"] = {**spec.get("config", {}), "font": SVG_FONT_STACK}
    heading = _heading(spec.get("title"), title, subtitle)
    if heading:
        spec["title"] = _wrapped_heading(heading, width // CHARS_PER_LINE_DIVISOR)
    return spec


def export_file_name(page_slug: str, as_of: date, ext: str) -> str:
    """ASCII-safe name such as ``qua-han_23-11-2026.png`` (page, then the as-of day)."""
    day = f"{as_of.day:02d}-{as_of.month:02d}-{as_of.year:04d}"
    return f"{slugify(page_slug) or 'bieu-do'}_{day}.{ext.lstrip('.')}"


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by ``-``: "Quá hạn" -> "qua-han"."""
    return _NON_SLUG.sub("-", fold(text)).strip("-")


def _heading(current: Any, title: str | None, subtitle: str | None) -> dict[str, Any]:
    """The chart's title params as a dict, with the given title/subtitle put in."""
    heading: dict[str, Any]
    if isinstance(current, dict):
        heading = dict(current)
    elif current:
        heading = {"text": current}
    else:
        heading = {}
    if title is not None:
        heading["text"] = title
    if subtitle is not None:
        heading["subtitle"] = [line for line in subtitle.splitlines() if line.strip()]
    if heading:
        heading.setdefault("anchor", "start")
    return heading


def _wrapped_heading(heading: dict[str, Any], chars: int) -> dict[str, Any]:
    wrapped = dict(heading)
    for key in ("text", "subtitle"):
        if key in wrapped:
            wrapped[key] = wrap_lines(wrapped[key], chars)
    return wrapped


def wrap_lines(lines: str | list[str], chars: int) -> list[str]:
    """Each line cut at ``chars``, preferring the " · " between filter parts."""
    items = [lines] if isinstance(lines, str) else [str(x) for x in lines]
    out: list[str] = []
    for line in items:
        out.extend(_wrap_one(line, chars))
    return out


def _wrap_one(line: str, chars: int) -> list[str]:
    if len(line) <= chars:
        return [line]
    out: list[str] = []
    current = ""
    for part in line.split(" · "):
        candidate = f"{current} · {part}" if current else part
        if len(candidate) <= chars:
            current = candidate
            continue
        if current:
            out.append(current)
        pieces = textwrap.wrap(part, chars) or [part]
        out.extend(pieces[:-1])
        current = pieces[-1]
    out.append(current)
    return out


@cache
def _register_fonts() -> None:
    """Once per process: make the shipped font known to vl_convert."""
    vl_convert.register_font_directory(str(FONT_DIR))
