"""Reading "Nội dung điều chỉnh": every phrase the sample plans hold, and what it names."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import create_engine
from sqlmodel import Session, col, select

from data_access.models import Task
from loaders.lineage import Change, TaskReference, parse_adjustment, same_number

BASIS = "Kế hoạch số 07-KH/BCĐ"
# Every distinct phrase of seed 003's "Nội dung điều chỉnh" column, read from the document.
SEED_PHRASES = {
    # row 1: task 3 of Phụ lục II (seed 000) renamed
    "Nhiệm vụ số 03 Phụ lục II cập nhật lại tên theo Kế hoạch số 07-KH/BCĐ": TaskReference(
        Change.RENAMED, "3", "Phụ lục II", BASIS
    ),
    # row 14: task 122 of Phụ lục II, written in lower case
    "Nhiệm vụ số 122 phụ lục II cập nhật lại tên theo Kế hoạch số 07-KH/BCĐ": TaskReference(
        Change.RENAMED, "122", "Phụ lục II", BASIS
    ),
    # rows 2 and 5-13: new tasks, naming none ("kế hoạch" in lower case)
    "Nhiệm vụ bổ sung theo kế hoạch số 07-KH/BCĐ": TaskReference(Change.ADDED, "", "", BASIS),
    # rows 3-4: the row's own deadline changed, no other task named
    "Điều chỉnh lại thời gian hoàn thành theo Kế hoạch số 07-KH/BCĐ": TaskReference(
        Change.RESCHEDULED, "", "", BASIS
    ),
}


@pytest.mark.parametrize(("phrase", "expected"), SEED_PHRASES.items())
def test_each_phrase_of_the_seeds(phrase: str, expected: TaskReference) -> None:
    assert parse_adjustment(phrase) == expected


@pytest.mark.parametrize("phrase", SEED_PHRASES)
def test_spelling_variants_read_the_same(phrase: str) -> None:
    decomposed = unicodedata.normalize("NFD", phrase)  # files may arrive in NFD
    spaced = phrase.replace(" ", "\u00a0 \n")  # non-breaking spaces, line breaks
    assert parse_adjustment(decomposed) == parse_adjustment(spaced) == SEED_PHRASES[phrase]


def test_the_sample_plans_hold_those_phrases_and_no_others(sample_file: Path) -> None:
    engine = create_engine(f"sqlite:///{sample_file}")
    with Session(engine) as session:
        stored = session.exec(select(Task.adjustment).where(col(Task.adjustment) != "")).all()
    engine.dispose()
    assert len(stored) == 14  # seed 003: every row says what it adjusts
    assert set(stored) == set(SEED_PHRASES)


def test_an_empty_cell_names_nothing() -> None:
    assert parse_adjustment("") is None
    assert parse_adjustment(" \n ") is None


def test_other_wording_is_an_adjustment_kept_as_text() -> None:
    reference = parse_adjustment("Gộp với nhiệm vụ STT 7 của Thông báo số 02-TB/BCĐ")
    assert reference == TaskReference(Change.ADJUSTED, "7", "Thông báo số 02-TB/BCĐ", "")


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        ("03", "3", True),  # "Nhiệm vụ số 03" and seed 000's "3."
        ("3.", "3", True),
        ("30", "3", False),
        ("122", "12", False),
    ],
)
def test_task_numbers_compare_as_written(left: str, right: str, same: bool) -> None:
    assert same_number(left, right) is same


@given(st.text())
def test_any_text_parses_without_raising(text: str) -> None:
    reference = parse_adjustment(text)
    assert reference is None or reference.task_number.isdigit() or not reference.task_number
