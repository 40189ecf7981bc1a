"""Công khai through app.py (AppTest): on only with PUBLIC_VIEW, open to visitors without an
account, the same counts as Theo cơ quan, and no private field anywhere on the page: not
the tasks' notes, the reports' evidence and free text, the people who import, report or
review, the file names, the agencies' submissions or the Sở's comments."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import update
from sqlmodel import col
from streamlit.testing.v1 import AppTest

from data_access.accounts import find_account
from data_access.clock import vietnam_today
from data_access.db import get_engine, session_scope
from data_access.kinds import Role
from data_access.models import Account, ImportBatch, Plan, ProgressUpdate, Task
from data_access.submissions.form import EvidenceUpload, SubmissionForm
from data_access.submissions.review import approve, return_submission, submit
from labels import (
    ILLUSTRATIVE_NOTE,
    LEAD_AGENCY_HEADING,
    STATUS_LABELS,
    TOTAL_HEADING,
    format_date,
)
from loaders.text import fold
from tests.pages_db import APP, REPO_ROOT, open_through_app, page_test, run_on_empty_database
from tests.signed_in import VIEWER, sign_in_as
from tests.submission_db import PLAN, at, image_bytes, staff_on_sample, task_id
from ui.common import TASK_TABLE_COLUMNS
from ui.sign_in import NEEDS_SIGN_IN, PUBLIC_VIEW_OFF
from ui.state import StateKey

PAGE = "app_pages/11_Cong_khai.py"
AGENCIES_PAGE = "app_pages/2_Theo_co_quan.py"
PUBLIC = "Công khai"
DASHBOARDS = [
    *("Tổng quan", "Theo cơ quan", "Hạn hoàn thành", "Chỉ tiêu", "Quá hạn"),
    "Danh mục nhiệm vụ",
]
REPORTS = "Báo cáo và xuất"
MARK = "BIMATNOIBO"  # letters only: Markdown escaping cannot hide it
NAME, AGENCIES = "Nhiệm vụ", LEAD_AGENCY_HEADING
COUNTS = [*STATUS_LABELS.values(), TOTAL_HEADING]
SENT = at("01/12/2026")
DONE = SubmissionForm(
    status="Đã hoàn thành",
    completion_date=date(2026, 5, 15),
    evidence_number=f"45/QĐ-{MARK}",
    evidence_date=date(2026, 5, 15),
    description=f"{MARK} mô tả của đơn vị",
)
DOING = SubmissionForm(status="Đang thực hiện", description=f"{MARK} đang làm")
PDF = EvidenceUpload(f"{MARK}_quyet_dinh.pdf", image_bytes("PDF"))


def menu(at: AppTest) -> list[str]:
    return [link.proto.label for link in at.sidebar.get("page_link")]


def write_markers(url: str) -> None:
    """MARK in the task's notes, description, evaluation and leader; in every report's
    evidence (appended: evidence given stays given), description and evaluation; in the
    import batches' person and file names and the plans' file names."""
    with get_engine(url).begin() as connection:
        for field in ("notes", "description", "evaluation", "leader", "expected_output"):
            connection.execute(update(Task).values({field: f"{MARK} {field}"}))
        evidence = col(ProgressUpdate.evidence)
        connection.execute(
            update(ProgressUpdate)
            .where(evidence != "")
            .values(evidence=evidence + f" {MARK} evidence")
        )
        connection.execute(
            update(ProgressUpdate).values(
                description=f"{MARK} description",
                evaluation=f"{MARK} evaluation",
                source=f"{MARK}.xlsx",
            )
        )
        connection.execute(
            update(ImportBatch).values(imported_by=f"{MARK} người nạp", file_name=f"{MARK}.xlsx")
        )
        connection.execute(update(Plan).values(source_file=f"{MARK}.docx"))


def write_submissions(url: str) -> None:
    """Agency reports through the app, MARK in every field a person types or is named by:
    PL-II-2026/13 reported done on 15/05/2026 with a PDF and approved, 12 returned with the
    Sở's comment and sent again, pending; the reporters and the approver named with MARK."""
    staff = staff_on_sample(url)
    with staff.engine.begin() as connection:
        connection.execute(update(Account).values(display_name=f"{MARK} họ tên"))
    with session_scope(staff.engine) as session:
        reporter, other, editor = (
            find_account(session=session, username=person.username)
            for person in (staff.skhcn, staff.stc, staff.editor)
        )
    with session_scope(staff.engine, write=True) as session:
        done = submit(session, reporter, task_id(staff.engine, "13"), DONE, PDF, now=SENT)
        approve(session, editor, done.id or 0, now=SENT)
        returned = submit(session, other, task_id(staff.engine, "12"), DOING, PDF, now=SENT)
        return_submission(session, editor, returned.id or 0, f"{MARK} ý kiến của Sở", now=SENT)
        submit(session, other, task_id(staff.engine, "12"), DOING, PDF, now=SENT)  # again


def texts(node: Any) -> Iterator[str]:
    """Every piece of text an element tree shows: values (a table's cells and column
    names), labels, options, placeholders and help, of every element in ``node``'s blocks."""
    children = getattr(node, "children", None)
    if children is not None:  # a block: only its elements show anything
        for child in children.values():
            yield from texts(child)
        return
    for name in ("value", "label", "options", "placeholder", "help"):
        shown = getattr(node, name, None)
        if isinstance(shown, pd.DataFrame):
            yield from map(str, shown.columns)
            yield from (str(cell) for cell in shown.to_numpy().ravel())
        elif isinstance(shown, list | tuple):
            yield from map(str, shown)
        elif shown is not None:
            yield str(shown)


def public_page(monkeypatch: pytest.MonkeyPatch, url: str) -> AppTest:
    monkeypatch.setenv("PUBLIC_VIEW", "1")
    return open_through_app(monkeypatch, url, PAGE)


def table(at: AppTest, heading: str) -> pd.DataFrame:
    return next(df.value for df in at.dataframe if heading in df.value.columns)


def test_no_private_field_reaches_the_public_page(
    sample_copy_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_submissions(sample_copy_url)
    write_markers(sample_copy_url)
    at = public_page(monkeypatch, sample_copy_url)
    tasks = table(at, NAME).set_index([TASK_TABLE_COLUMNS["plan_code"], "STT"])
    approved = tasks.loc[(PLAN, "13"), ["Trạng thái", "Ngày hoàn thành"]].tolist()
    assert approved == ["Hoàn thành đúng hạn", "15/05/2026"]  # the approved report counts
    assert [title.value for title in at.title] == ["Công khai tiến độ thực hiện nhiệm vụ"]
    assert len(table(at, NAME)) > 0 and len(table(at, TOTAL_HEADING)) > 0
    assert [text for text in texts(at.main) if MARK in text] == []
    assert [text for text in texts(at.sidebar) if MARK in text] == []
    at.selectbox(key=StateKey.PUBLIC_AGENCY).select_index(0).run()
    at.text_input(key=StateKey.PUBLIC_SEARCH).input(MARK.lower()).run()  # not searchable
    assert not any(NAME in df.value.columns for df in at.dataframe)
    assert [text for text in texts(at.main) if MARK in text] == []


def test_counts_are_the_agency_dashboards_of_today(
    sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = public_page(monkeypatch, sample_url)
    assert [info.value for info in at.info] == [ILLUSTRATIVE_NOTE]  # the samples are made up
    assert format_date(vietnam_today()) in at.caption[0].value  # today, no day to choose
    assert not at.date_input and not at.checkbox
    public = table(at, TOTAL_HEADING).set_index(AGENCIES)
    at.switch_page(AGENCIES_PAGE).run()
    dashboard = table(at, TOTAL_HEADING).set_index(AGENCIES)
    assert public.index.size > 1
    pd.testing.assert_frame_equal(public[COUNTS].sort_index(), dashboard[COUNTS].sort_index())
    rate = "Tỷ lệ hoàn thành"
    pd.testing.assert_series_equal(public[rate].sort_index(), dashboard[rate].sort_index())


def test_the_task_list_follows_the_agency_and_the_search(
    sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = public_page(monkeypatch, sample_url)
    everything = table(at, NAME)
    agency = at.selectbox(key=StateKey.PUBLIC_AGENCY).options[0]
    at.selectbox(key=StateKey.PUBLIC_AGENCY).select(agency).run()
    led = table(at, NAME)
    total = table(at, TOTAL_HEADING).set_index(AGENCIES).loc[agency, TOTAL_HEADING]
    assert len(led) == total < len(everything)
    assert all(agency in names.split("; ") for names in led[AGENCIES])
    at.text_input(key=StateKey.PUBLIC_SEARCH).input("AN NINH MANG").run()
    found = table(at, NAME)
    assert 0 < len(found) < len(led)
    assert all("an ninh mang" in fold(name) for name in found[NAME])


def test_an_empty_database_says_there_is_nothing_yet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = run_on_empty_database(REPO_ROOT / PAGE, tmp_path, monkeypatch)
    assert [info.value for info in at.info] == ["Chưa có nhiệm vụ nào được công khai."]
    assert not at.dataframe


def test_off_by_default_the_page_is_neither_listed_nor_shown(
    sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PUBLIC_VIEW", raising=False)
    at = open_through_app(monkeypatch, sample_url, PAGE)
    assert PUBLIC not in menu(at)
    assert list(texts(at.main)) == [PUBLIC_VIEW_OFF]  # one sentence and nothing else


def test_without_anonymous_reading_a_visitor_has_the_public_page_only(
    sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLOW_ANONYMOUS_VIEW", "0")
    at = public_page(monkeypatch, sample_url)
    assert menu(at) == [PUBLIC]
    assert len(table(at, NAME)) > 0
    at.switch_page(AGENCIES_PAGE).run()
    assert [info.value for info in at.info] == [NEEDS_SIGN_IN]
    assert not at.dataframe


def test_a_signed_in_viewer_has_it_too_when_on(
    sample_copy_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PUBLIC_VIEW", "1")
    at = page_test(monkeypatch, sample_copy_url, APP)
    at = sign_in_as(at, sample_copy_url, VIEWER, Role.VIEWER).run()
    assert menu(at) == [*DASHBOARDS, REPORTS, PUBLIC]
