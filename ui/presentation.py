"""Presentation mode (``?trinh_chieu=1``) on every dashboard page, and the page stylesheet.

While presenting, the sidebar is hidden, type is large, and "Trang trước" / "Trang sau"
(or the ← / → keys) step through the dashboard pages in menu order, keeping the mode.
The CSS here is static text of our own: no data ever goes into it.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from ui.state import StateKey

ON = "1"  # ?trinh_chieu=1; "true" (the older links) is read as on too
ON_VALUES = frozenset({ON, "true"})
TOGGLE_LABEL = "Trình chiếu"
TOGGLE_HELP = (
    "Chữ lớn, ẩn thanh bên, bảng hiện đủ mọi dòng, để chiếu trong cuộc họp; "
    "phím ← / → chuyển trang. In (Ctrl+P) khi đang trình chiếu thì bảng được in đủ dòng. "
    "Tắt để quay lại bộ lọc."
)
PREVIOUS_LABEL = "Trang trước"
NEXT_LABEL = "Trang sau"
PREVIOUS_KEY = "trang_truoc"
NEXT_KEY = "trang_sau"

# On every page: metric labels wrap instead of ending in "…" ("Đến hạn 30 ngày tới" at
# 1366 px), and a printout leaves out the sidebar and the header and uses the page's width.
PAGE_CSS = """
<style>
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
[data-testid="stMetricLabel"] { height: auto !important; }
@media print {
  section[data-testid="stSidebar"], header[data-testid="stHeader"],
  [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], .stButton, .stDownloadButton,
  [data-testid="stElementToolbar"], .st-key-SWITCH { display: none !important; }
  .block-container, [data-testid="stMainBlockContainer"] {
    max-width: 100% !important; padding: 0 !important;
  }
  [data-testid="stVegaLiteChart"], [data-testid="stVegaLiteChart"] canvas,
  [data-testid="stVegaLiteChart"] svg { width: 100% !important; height: auto !important; }
  [data-testid="stVegaLiteChart"], [data-testid="stMetric"] { break-inside: avoid; }
  [data-testid="stDataFrame"], [data-testid="stDataFrame"] * { overflow: visible !important; }
}
</style>
""".replace("SWITCH", StateKey.PRESENTATION)  # Streamlit's class for the switch (its key)
# While presenting: large type, no sidebar, the whole width for the page.
PRESENTATION_CSS = """
<style>
section[data-testid="stSidebar"],
[data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"],
[data-testid="stSidebarNav"],
header[data-testid="stHeader"] { display: none !important; }
html { font-size: 22px; }
.block-container { max-width: 100% !important; padding: 1rem 2.5rem !important; }
[data-testid="stMetricValue"] { font-size: 3.2rem !important; }
[data-testid="stMetricLabel"] p { font-size: 1.25rem !important; }
[data-testid="stMetricDelta"] { font-size: 1.1rem !important; }
[data-testid="stCaptionContainer"] { font-size: 1rem !important; }
[data-testid="stDataFrame"] { font-size: 1.1rem; }
</style>
"""


def presenting() -> bool:
    """Whether the page is shown in presentation mode (the address says so)."""
    return st.query_params.get(StateKey.PRESENTATION, "") in ON_VALUES


def carried() -> dict[str, str]:
    """The query parameters a link to another dashboard page keeps: the mode, when on."""
    return {StateKey.PRESENTATION: ON} if presenting() else {}


def _follow_switch() -> None:
    if st.session_state[StateKey.PRESENTATION]:
        st.query_params[StateKey.PRESENTATION] = ON
    else:
        st.query_params.pop(StateKey.PRESENTATION, None)


def presentation_bar(pages: Sequence[st.Page], current: st.Page) -> bool:
    """The "Trình chiếu" switch atop a dashboard page; while on, the presentation stylesheet
    and, on the pages of the sequence ``pages`` (a task's record is not one), the previous
    and next page buttons (← / →). Returns whether the page presents."""
    st.session_state[StateKey.PRESENTATION] = presenting()  # the address decides
    switch, previous, following = st.columns([4, 1, 1], vertical_alignment="center")
    with switch:
        st.toggle(
            TOGGLE_LABEL, key=StateKey.PRESENTATION, help=TOGGLE_HELP, on_change=_follow_switch
        )
    if not presenting():
        return False
    st.html(PRESENTATION_CSS)
    titles = [page.title for page in pages]  # by title: "/" shows Tổng quan too
    if current.title not in titles:
        return True
    at = titles.index(current.title)
    with previous:
        _step(pages[at - 1] if at > 0 else None, PREVIOUS_LABEL, PREVIOUS_KEY, "Left", "←")
    with following:
        _step(pages[at + 1] if at + 1 < len(pages) else None, NEXT_LABEL, NEXT_KEY, "Right", "→")
    return True


def _step(target: st.Page | None, label: str, key: str, shortcut: str, arrow: str) -> None:
    """A button to ``target`` (disabled at either end), also pressed by its arrow key."""
    help_text = f"Phím {arrow}" if target is None else f"Sang trang {target.title} (phím {arrow})"
    if (
        st.button(
            label,
            key=key,
            shortcut=shortcut,
            disabled=target is None,
            help=help_text,
            width="stretch",
        )
        and target is not None
    ):
        st.switch_page(target, query_params=carried())
