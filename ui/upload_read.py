"""Reading an upload for the "Cập nhật dữ liệu" page: in a worker process, with progress and "Hủy".

Previews are read by data_access.imports.worker.prepare_isolated and kept in the session
on (file hash, choices, data revision): reruns do not read again; a commit, an
undo or a new agency spelling changes the revision, so the preview is read again.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from data_access.clock import vietnam_today
from data_access.imports import read, worker
from data_access.imports.new_plan import content_hash_of
from data_access.kinds import ImportKind
from labels import format_int
from loaders.isolation import ReadCancelled
from loaders.load import check_size
from loaders.records import UnreadableFileError
from ui.cache import current_revision, database_url
from ui.upload import UploadKey

READING = "Đang đọc và kiểm tra tệp…"
ROWS_READ = "Đã đọc {rows} dòng…"
KEPT_READS = 4  # previews of one file kept per session (other choices, other dates)
CANCELLED = "Đã hủy việc đọc tệp; dữ liệu không thay đổi. Bấm “Đọc lại” để đọc lại tệp."


def prepared(
    data: bytes,
    file_name: str,
    kind: ImportKind | None = None,
    plan_code: str | None = None,
    *,
    reported_on: date | None = None,
    issued_on: date | None = None,
) -> read.PreparedUpload:
    """The preview of an upload against the current data, read in a worker process.

    Kept in this session per (file hash, choices, data revision): reruns do not read
    again, a commit or a new spelling does. Raises UnreadableFileError if unreadable,
    ReadCancelled after "Hủy" (until the file changes or "Đọc lại" is pressed).
    ``reported_on`` dates progress rows without a date of their own (default: today);
    ``issued_on`` is a new plan's issue date (default: as its title block states it).
    """
    url = database_url()
    choices = {"kind": kind, "plan_code": plan_code, "reported_on": reported_on}
    choices |= {"issued_on": issued_on, "today": vietnam_today()}
    content_hash = content_hash_of(data)
    key = (content_hash, *choices.values(), url, current_revision(url))
    kept: dict[tuple[object, ...], read.PreparedUpload]
    kept = st.session_state.setdefault(UploadKey.PREPARED, {})
    if key in kept:
        kept[key] = kept.pop(key)  # the most recently used last
        return kept[key]
    if st.session_state.get(UploadKey.CANCELLED):
        raise ReadCancelled(file_name)
    check_size(data, file_name)  # no worker for a file refused on its size alone
    upload = _read(url, data, file_name, choices, button_key=f"{UploadKey.CANCEL}_{hash(key)}")
    mine = [(k, v) for k, v in kept.items() if k[0] == content_hash]  # this file's only
    st.session_state[UploadKey.PREPARED] = dict(mine[1 - KEPT_READS :]) | {key: upload}
    return upload


def _read(
    url: str, data: bytes, file_name: str, choices: dict[str, Any], *, button_key: str
) -> read.PreparedUpload:
    """Read in the worker while the page shows the rows read so far and a "Hủy" button.

    The server only waits (other sessions do not notice); asking ``should_stop``
    reads st.session_state, where Streamlit interrupts a script whose session has
    closed (StopException: the tab went away) or must rerun ("Hủy" was pressed):
    either way the worker is killed before the exception goes on.
    """
    holder = st.empty()
    with holder.container():
        status = st.empty()
        status.text(READING)
        st.button("Hủy", key=button_key, on_click=_cancel)  # a run may read twice

    def show(rows: int) -> None:
        status.text(ROWS_READ.format(rows=format_int(rows)))

    try:
        upload = worker.prepare_isolated(
            url=url,
            data=data,
            file_name=file_name,
            progress=show,
            should_stop=lambda: bool(st.session_state.get(UploadKey.CANCELLED)),
            **choices,
        )
    except UnreadableFileError:  # not on a stop or a rerun: the page is then drawn anew
        holder.empty()
        raise
    holder.empty()
    return upload


def _cancel() -> None:
    st.session_state[UploadKey.CANCELLED] = True


def read_again() -> None:
    """Forget "Hủy": the file is read again (on "Đọc lại", or when another file is chosen)."""
    st.session_state.pop(UploadKey.CANCELLED, None)
