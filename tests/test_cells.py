"""Joining split cells and the clean-text fast path used when building records."""

import functools
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders.cells import cell_text, clean, join_parts
from loaders.text import clean_text

# join_parts: how a field split by a page break is put back together -----------


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        (
            ["Kế hoạch số 04-KH/BCĐTW, ngày", "05/01/2026"],
            "Kế hoạch số 04-KH/BCĐTW, ngày 05/01/2026",
        ),
        (["Hoàn thành số hoá ít ", " nhất 30%"], "Hoàn thành số hoá ít nhất 30%"),
        (["(1) Một;\n", "(2) Hai."], "(1) Một;\n(2) Hai."),
        (["Văn bản số", 12.0], "Văn bản số 12"),
        ([datetime(2026, 6, 30)], datetime(2026, 6, 30)),  # one part is kept as it came
    ],
)
def test_join_parts(parts: list[object], joined: object) -> None:
    assert join_parts(parts) == joined


def _joined_by_the_rule(parts: list[object]) -> str:
    """The docstring's rule, part by part: spaces and tabs at the joint dropped, then a
    space, unless what comes before ends with a line break."""

    def joint(text: str, part: object) -> str:
        head = text.rstrip(" \t")
        return head + ("" if head.endswith("\n") else " ") + cell_text(part).lstrip(" \t")

    return functools.reduce(joint, parts[1:], cell_text(parts[0]))


_PART = st.one_of(
    st.text(alphabet=" \t\nab", max_size=6),  # blank parts and edge whitespace included
    st.integers(-5, 5),
    st.floats(allow_nan=False, allow_infinity=False, width=16),
    st.dates(),
)


@given(st.lists(_PART, min_size=2, max_size=10))
def test_join_parts_follows_its_rule(parts: list[object]) -> None:
    assert join_parts(parts) == _joined_by_the_rule(parts)


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, ""), ("x", "x"), (3.0, "3"), (2.5, "2.5"), (7, "7"),
     (datetime(2026, 5, 15, 0, 0), "15/05/2026"), (date(2026, 1, 2), "02/01/2026")],
)  # fmt: skip
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


# clean: must always agree with clean_text ----------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "Sở Khoa học và Công nghệ",
        "<p>Kế hoạch</p>",
        "**Đậm**",
        "[bookmark: _GoBack]Phụ lục",
        "A &amp; B",
        "hai  dấu cách",
        " đầu",
        "cuối ",
        "dòng\nmới",
        "Sở\u00a0Tài chính",
        "Cơ quan chu\u0309 tri\u0300",  # NFD
        "zero\u200bwidth",
    ],
)
def test_clean_matches_clean_text_on_debris(value: str) -> None:
    assert clean(value) == clean_text(value)


CELL_LIKE = "aáàảãạăâđĐƯơ ệ Sở\n\t<>&*[]/\u00a0\u0301\u200b.,;()-09"


@given(
    st.one_of(
        st.text(alphabet=st.characters(codec="utf-8"), max_size=60),
        st.text(alphabet=CELL_LIKE, max_size=60),
    )
)
def test_clean_never_differs_from_clean_text(value: str) -> None:
    assert clean(value) == clean_text(value)
