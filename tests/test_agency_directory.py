"""The agency directory's data (the default CSV, kinds, keys) and the aliases staff add."""

from __future__ import annotations

import pytest

from data_access.kinds import AgencyKind
from loaders.agencies import DEFAULT_CSV, KINDS, AgencyDirectory, AgencyEntry, agency_key
from tests.agency_names import (
    DIRECTORY,
    GDTX,
    SKHCN,
    SNV,
    STC,
    TT_HCC,
    VP_SO,
    VP_UB,
    XA,
    names,
    nfd,
)

# --- the directory data ---


def test_kinds_match_the_database_enum() -> None:
    assert set(KINDS) == {kind.value for kind in AgencyKind}
    assert {entry.kind for entry in DIRECTORY.entries()} <= set(KINDS)


def test_default_csv_is_utf8_with_the_expected_header() -> None:
    first_line = DEFAULT_CSV.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "name,short_name,kind,aliases"


@pytest.mark.parametrize(
    ("name", "kind", "short_name"),
    [
        (SKHCN, "department", "Sở KH&CN"),
        (TT_HCC, "department", "TT PVHCC tỉnh"),
        ("UBND tỉnh", "other", "UBND tỉnh"),
        (GDTX, "internal_unit", "Phòng GDTX, GDNN&ĐH"),
        (XA, "collective", "UBND cấp xã"),
    ],
)
def test_default_entries(name: str, kind: str, short_name: str) -> None:
    entry = next(e for e in DIRECTORY.entries() if e.name == name)
    assert (entry.kind, entry.short_name, entry.is_collective) == (
        kind,
        short_name,
        kind == "collective",
    )


def test_agency_key_folds_and_drops_markers() -> None:
    assert agency_key(nfd("Sở KH&CN.")) == agency_key("sở kh và cn") == "so kh va cn"
    assert agency_key("Văn phòng (1)") == "van phong"


def test_a_bad_kind_or_a_spelling_shared_by_two_agencies_is_refused() -> None:
    with pytest.raises(ValueError, match="Loại"):
        AgencyDirectory.from_entries([AgencyEntry("Sở A", "A", "ministry")])
    with pytest.raises(ValueError, match="trùng"):
        AgencyDirectory.from_entries(
            [
                AgencyEntry("Sở A", "SA", "department", ("Sở X",)),
                AgencyEntry("Sở B", "SB", "department", ("sở x",)),
            ]
        )


# --- staff aliases ---


def test_with_alias_makes_a_new_spelling_resolve_in_a_new_directory() -> None:
    assert not DIRECTORY.resolve("Sở Khoa học Công nghệ").known
    extended = DIRECTORY.with_alias("Sở Khoa học Công nghệ", "Sở KH&CN")
    assert extended.resolve("SỞ KHOA HỌC CÔNG NGHỆ").name == SKHCN
    assert names("Sở Khoa học Công nghệ, Sở Tài chính", extended) == [SKHCN, STC]
    assert not DIRECTORY.resolve("Sở Khoa học Công nghệ").known  # the original is unchanged


def test_with_alias_moves_an_alias_from_another_agency() -> None:
    extended = DIRECTORY.with_alias("Văn phòng", VP_UB)
    assert extended.resolve("Văn phòng").name == VP_UB
    assert "Văn phòng" not in next(e for e in extended.entries() if e.name == VP_SO).aliases


def test_with_alias_refuses_an_unknown_agency_or_another_agencys_name() -> None:
    with pytest.raises(ValueError):
        DIRECTORY.with_alias("Sở X", "Sở không có")
    with pytest.raises(ValueError):
        DIRECTORY.with_alias("Sở Tài chính", SNV)
