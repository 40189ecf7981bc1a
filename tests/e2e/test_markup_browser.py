"""A Markdown payload as plan code and agency name stays literal text in the filter caption.

The app runs on a copy of the sample database whose plan KH-92A-UBND and agency
"Công an tỉnh" were renamed to the payloads (tests/hostile_db.py); each page is
opened with both selected through the URL, as a shared link would.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import save_screenshot, serving, wait_for_app
from tests.hostile_db import AGENCY_PAYLOAD, PLAN_PAYLOAD, hostile_copy
from ui.safe_text import WORD_JOINER

pytestmark = pytest.mark.e2e

CAPTION = "[data-testid='stMain'] [data-testid='stCaptionContainer']"  # the first: filters
PAGES = ["", "theo-co-quan", "han-hoan-thanh", "qua-han"]  # the four the issue names
PLOTLY = "[data-testid='stPlotlyChart'] .js-plotly-plot"
MARKUP = "a, strong, em, b, .katex, [data-testid='stIconMaterial'], span[class*='Colored']"


@pytest.fixture(scope="module")
def hostile_app(sample_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    directory = tmp_path_factory.mktemp("hostile_e2e")
    database = hostile_copy(sample_file, directory / "nq57.sqlite")
    with serving(database, directory / "streamlit.log") as url:
        yield url


@pytest.mark.parametrize("path", PAGES)
def test_payloads_stay_literal_in_the_filter_caption(
    page: Page, hostile_app: str, path: str
) -> None:
    query = urlencode({"plan": PLAN_PAYLOAD, "agency": AGENCY_PAYLOAD, "as_of": "2026-11-23"})
    page.goto(f"{hostile_app}/{path}?{query}")
    wait_for_app(page)
    caption = page.locator(CAPTION).first
    expect(caption).to_contain_text("Cơ quan chủ trì:", timeout=60_000)
    text = caption.inner_text().replace(WORD_JOINER, "")  # invisible; see ui.safe_text
    assert PLAN_PAYLOAD in text and AGENCY_PAYLOAD in text
    assert caption.locator(MARKUP).count() == 0, caption.inner_html()
    assert "😄" not in text  # the :smile: shortcode stayed a shortcode
    expect(page.locator("[data-testid='stException']")).to_have_count(0)
    save_screenshot(page, f"markup_caption_{path or 'tong-quan'}")


def test_payloads_stay_literal_in_the_treemap(page: Page, hostile_app: str) -> None:
    """Plotly reads tags in the text it draws: the agency payload's <b>in</b> is shown as
    typed in its tile, not as bold "in" (charts.common.plotly_literal)."""
    page.goto(f"{hostile_app}/theo-co-quan?as_of=2026-11-23")
    wait_for_app(page)
    plot = page.locator(f"{PLOTLY} .treemaplayer")
    plot.wait_for(timeout=60_000)
    texts = page.locator(f"{PLOTLY} .treemaplayer text").all_text_contents()
    assert any("<b>in</b>" in text for text in texts), texts
    bold = page.locator(f"{PLOTLY} .treemaplayer tspan[style*='bold']")
    expect(bold).to_have_count(0)
    save_screenshot(page, "markup_treemap")
