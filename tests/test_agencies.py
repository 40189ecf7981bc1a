"""Splitting and resolving agency cells: line breaks, spelling, unknown names, collective
groups, and cells that never make the splitter raise."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders.agencies import AgencyMention
from tests.agency_names import (
    CA,
    CDS,
    DIRECTORY,
    GDTX,
    KHTC,
    PHONG,
    SBN,
    SBN_DP,
    SKHCN,
    SNV,
    STC,
    TO_GIUP_VIEC,
    TRUC_THUOC,
    TT_HCC,
    VP_SO,
    VP_UB,
    XA,
    names,
    nfd,
)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # a name cut over a page break, joined with a line break instead of a space
        ("Sở Khoa học và\nCông nghệ; Các sở, ban, ngành, địa\nphương", [SKHCN, SBN_DP]),
        ("Văn phòng Ủy ban nhân dân\ntỉnh", [VP_UB]),
        (
            "Văn phòng UBND tỉnh\n(Trung tâm phục vụ hành chính công tỉnh), Công an tỉnh",
            [VP_UB, TT_HCC, CA],
        ),
        # ...but a line break between two names still separates them
        ("Văn phòng\nSở Tài chính", [VP_SO, STC]),
        # abbreviations and other separators
        ("Sở KH&CN; SKHCN, Sở KHCN", [SKHCN]),
        ("Sở KH & CN.", [SKHCN]),
        ("Sở Tài chính và Sở Nội vụ", [STC, SNV]),
        ("- Sở Tài chính\n- Sở Nội vụ", [STC, SNV]),
        ("1. Sở Tài chính\n2. Sở Nội vụ", [STC, SNV]),
        ("Phòng CĐS, Phòng KH-TC", [CDS, KHTC]),
        ("Phòng Kế hoạch – Tài chính", [KHTC]),
        ("UBND các phường, xã", [XA]),
        # a comma inside a name from the extra departments of the CSV
        (
            "Sở Văn hóa, Thể thao và Du lịch, Sở Y tế",
            ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế"],
        ),
        # markup debris and a bracketed note
        ("<p>Sở Tài chính</p><p>Sở Nội vụ</p>", [STC, SNV]),
        ("Công an tỉnh (b/c)", [CA]),
        # repeats are dropped, order kept
        ("Sở Nội vụ; Sở Tài chính; Sở nội vụ; Sở TC", [SNV, STC]),
        # empty cells
        ("", []),
        (None, []),
        (" ;\n, ", []),
    ],
)
def test_split_edge_cases(cell: object, expected: list[str]) -> None:
    assert names(cell) == expected


# --- spelling: Unicode form, case, spaces, typos ---


@pytest.mark.parametrize(
    "spelling",
    [
        SKHCN,
        nfd(SKHCN),
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "Sở\u00a0Khoa học\u00a0và  Công nghệ",
        "  Sở Khoa học và Công nghệ ;",
        "Sở Khoa học và Công nghệ.",
        "Sở KH&CN",
        "SKHCN",
        "Sở KHCN",
    ],
)
def test_resolve_ignores_form_case_spaces_and_end_punctuation(spelling: str) -> None:
    mention = DIRECTORY.resolve(spelling)
    assert (mention.name, mention.kind, mention.known) == (SKHCN, "department", True)


def test_split_handles_nfd_and_non_breaking_spaces() -> None:
    cell = nfd("Sở Khoa học và Công nghệ;\u00a0Các sở,\u00a0ban, ngành, địa phương")
    assert names(cell) == [SKHCN, SBN_DP]


@pytest.mark.parametrize(
    "spelling", ["Phòng Chuyển đổi số", "Phòng Chuyên đổi số", "Phòng Chuyên đối số", "Phòng CĐS"]
)
def test_digital_transformation_office_typos_are_one_unit(spelling: str) -> None:
    assert DIRECTORY.resolve(spelling).name == CDS
    assert DIRECTORY.resolve(nfd(spelling)).name == CDS


# --- unknown agencies and collective groups ---


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Ban Quản lý dự án tỉnh", [("Ban Quản lý dự án tỉnh", False)]),
        (
            "Ban Quản lý dự án, Sở Tài chính",
            [("Ban Quản lý dự án", False), (STC, True)],
        ),
        # a known prefix followed by more words is not that agency
        ("Văn phòng Đảng ủy UBND tỉnh", [("Văn phòng Đảng ủy UBND tỉnh", False)]),
        (
            "Sở Tài chính; Hiệp hội doanh nghiệp tỉnh.",
            [(STC, True), ("Hiệp hội doanh nghiệp tỉnh", False)],
        ),
    ],
)
def test_unknown_agencies_are_kept_not_dropped(cell: str, expected: list[tuple[str, bool]]) -> None:
    mentions = DIRECTORY.split(cell)
    assert [(m.name, m.known) for m in mentions] == expected
    assert all(m.kind == "other" for m in mentions if not m.known)


def test_resolve_keeps_an_unknown_name_as_written() -> None:
    assert DIRECTORY.resolve(" Ban  Quản lý\u00a0dự án; ") == AgencyMention(
        raw="Ban Quản lý dự án;", name="Ban Quản lý dự án", kind="other", known=False
    )


@pytest.mark.parametrize(
    "name", [SBN_DP, SBN, XA, "Các địa phương", PHONG, TRUC_THUOC, TO_GIUP_VIEC]
)
def test_collective_groups_are_kept_as_collective(name: str) -> None:
    mentions = DIRECTORY.split(f"Sở Tài chính; {name}")
    assert [(m.name, m.is_collective) for m in mentions] == [(STC, False), (name, True)]


# --- robustness ---


@given(st.text(max_size=300))
def test_split_never_raises(text: str) -> None:
    for mention in DIRECTORY.split(text):
        assert mention.name
        assert mention.known or mention.kind == "other"


@given(
    st.lists(
        st.sampled_from([SKHCN, CA, SBN_DP, GDTX, TT_HCC, "Ban Quản lý dự án", "(1)", "và"]),
        max_size=8,
    ),
    st.sampled_from([", ", "; ", "\n", " , "]),
)
def test_split_never_raises_on_joined_names(parts: list[str], separator: str) -> None:
    DIRECTORY.split(separator.join(parts))
