"""Keys of ``st.session_state`` shared between pages, in one place."""

from __future__ import annotations


class StateKey:
    """Session-state keys; widgets that share state use these as their ``key=``."""

    AS_OF_DATE = "as_of_date"  # the "as of" day statuses are computed for
    SELECTED_PLANS = "selected_plans"  # plan codes chosen in the filters
    SELECTED_AGENCIES = "selected_agencies"  # agency names chosen in the filters
