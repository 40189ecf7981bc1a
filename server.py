"""The app as it is served: ``streamlit run server.py`` (``make run``, ``deploy/``).

``app.py`` is the script each visit runs; this wraps it in Streamlit's ``st.App``
so that, while the server runs, a background thread prepares the database and
keeps the default dashboards' data built (``ui.startup.keep_warm``): the first
visitor after a start, an import or midnight does not wait for it.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import streamlit as st

from ui.startup import keep_warm


@asynccontextmanager
async def warm_while_serving(_: st.App) -> AsyncIterator[None]:
    stop = threading.Event()
    warmer = threading.Thread(target=keep_warm, args=(stop,), name="keep-warm", daemon=True)
    warmer.start()
    try:
        yield
    finally:
        stop.set()


app = st.App("app.py", lifespan=warm_while_serving)
