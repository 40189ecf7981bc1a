import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from data_access.models import AgencyKind
from loaders.agencies import (
    DEFAULT_CSV,
    KINDS,
    AgencyDirectory,
    AgencyEntry,
    AgencyMention,
    agency_key,
)
from loaders.text import fold
from sample_data.manifest import SOURCES_DIR

AGENCY_HEADERS = {
    fold(header)
    for header in (
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Cơ quan chủ trì/theo dõi tổng hợp triển khai",
        "Cơ quan thực hiện/phối hợp",
        "Đơn vị chủ trì theo dõi, đánh giá",
    )
}

DIRECTORY = AgencyDirectory.load_default()

SKHCN = "Sở Khoa học và Công nghệ"
CA = "Công an tỉnh"
STC = "Sở Tài chính"
SNV = "Sở Nội vụ"
VP_UB = "Văn phòng UBND tỉnh"
TT_HCC = "Trung tâm Phục vụ hành chính công tỉnh"
VP_TU = "Văn phòng Tỉnh ủy"
SBN_DP = "Các sở, ban, ngành, địa phương"
SBN = "Các sở, ban, ngành cấp tỉnh"
XA = "UBND cấp xã"
VP_SO = "Văn phòng Sở"
CDS = "Phòng Chuyển đổi số"
CNTT = "Trung tâm Công nghệ thông tin và Truyền thông"
KHTC = "Phòng Kế hoạch - Tài chính"
GDTX = "Phòng GDTX, GDNN&ĐH"
PHONG = "Các phòng thuộc Sở"
TRUC_THUOC = "Đơn vị trực thuộc Sở"
TO_GIUP_VIEC = "Tổ Giúp việc Ban Chỉ đạo"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def names(cell: object, directory: AgencyDirectory = DIRECTORY) -> list[str]:
    return [mention.name for mention in directory.split(cell)]


# --- reading the agency columns of the seeds (continuation rows joined by a space) ---


def _tab_cells(text: str) -> list[str]:
    columns: list[int] = []
    rows: list[dict[int, str]] = []
    for line in text.splitlines():
        cells = line.split("\t")
        if any(fold(cell) in AGENCY_HEADERS for cell in cells):
            columns = [i for i, cell in enumerate(cells) if fold(cell) in AGENCY_HEADERS]
        elif columns and len(cells) > max(columns):
            parts = {i: cells[i].strip() for i in columns if cells[i].strip()}
            if cells[0].strip() or not rows:
                rows.append(parts)
            else:  # continuation row: the rest of the previous row's cells
                for i, part in parts.items():
                    rows[-1][i] = f"{rows[-1].get(i, '')} {part}".strip()
    return [cell for row in rows for cell in row.values()]


def _block_cells(text: str) -> list[str]:
    """Seed 004: one cell per line behind a tab, multi-line cells, rows split by blank lines."""
    columns: list[int] = []
    found: list[str] = []
    for block in text.split("\n\n"):
        cells: list[str] = []
        for line in block.split("\n"):
            if line.startswith("\t"):
                cells.append(line[1:])
            elif cells:
                cells[-1] += "\n" + line
        if any(fold(cell) in AGENCY_HEADERS for cell in cells):
            columns = [i for i, cell in enumerate(cells) if fold(cell) in AGENCY_HEADERS]
        elif columns and len(cells) > max(columns):
            found += [cells[i].strip() for i in columns if cells[i].strip()]
    return found


def seed_agency_cells() -> list[str]:
    cells: list[str] = []
    paths = sorted(SOURCES_DIR.glob("*.txt"))
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        cells += _block_cells(text) if path.name.startswith("004") else _tab_cells(text)
    return cells


# Every distinct agency cell of the five seeds, with its canonical names written by hand.
SEED_CELLS: dict[str, list[str]] = {
    # 000: one name, several names split by ";" or ","
    "Công an tỉnh": [CA],
    "Sở Khoa học và Công nghệ": [SKHCN],
    "Sở Tài chính": [STC],
    "Sở Xây dựng": ["Sở Xây dựng"],
    "Văn phòng Tỉnh ủy": [VP_TU],
    "Sở Khoa học và Công nghệ; Các sở, ban, ngành, địa phương": [SKHCN, SBN_DP],
    "Công an tỉnh, Sở Khoa học và Công nghệ": [CA, SKHCN],
    "Sở Tài chính, Sở Khoa học và Công nghệ": [STC, SKHCN],
    "Ban Tổ chức Tỉnh ủy; Sở Nội vụ": ["Ban Tổ chức Tỉnh ủy", SNV],
    "Văn phòng Tỉnh ủy, Sở Khoa học và Công nghệ": [VP_TU, SKHCN],
    "Văn phòng Tỉnh ủy; Sở Khoa học và Công nghệ": [VP_TU, SKHCN],
    "Sở Khoa học và Công nghệ; Văn phòng UBND tỉnh": [SKHCN, VP_UB],
    "Công an tỉnh; Sở Khoa học và Công nghệ": [CA, SKHCN],
    # 000: collectives, with and without the comma before "địa phương"
    "Các sở, ban, ngành, địa phương": [SBN_DP],
    "Các sở, ban, ngành địa phương": [SBN_DP],
    "Các Sở, ban, ngành": [SBN],
    "Các địa phương": ["Các địa phương"],
    "Các địa phương; Các doanh nghiệp viễn thông, internet": [
        "Các địa phương",
        "Các doanh nghiệp viễn thông, internet",
    ],
    # 000: a role note after the name is not an agency
    "Công an tỉnh hướng dẫn, thẩm định, phê duyệt theo thẩm quyền": [CA],
    # 001: collectives mixed with single agencies, commas everywhere
    "Các sở, ban, ngành, Công an tỉnh, UBND cấp xã": [SBN, CA, XA],
    "Các sở, ban, ngành, UBND cấp xã": [SBN, XA],
    "Các sở, ban, ngành cấp tỉnh": [SBN],
    "Các sở, ban, ngành cấp tỉnh; UBND cấp xã": [SBN, XA],
    "Các sở, ban, ngành cấp tỉnh, UBND cấp xã": [SBN, XA],
    "Sở, ngành cấp tỉnh; UBND cấp xã": [SBN, XA],
    "Sở Khoa học và Công nghệ, UBND cấp xã": [SKHCN, XA],
    "Sở Khoa học và Công nghệ; Các sở, ban, ngành cấp tỉnh; UBND cấp xã": [SKHCN, SBN, XA],
    "Sở Nội vụ, Sở Khoa học và Công nghệ, các sở, ban, ngành cấp tỉnh, UBND cấp xã": [
        SNV,
        SKHCN,
        SBN,
        XA,
    ],
    "Các Sở, ban, ngành, địa phương": [SBN_DP],
    "Các Sở, ban, ngành, địa phương, UBND cấp xã": [SBN_DP, XA],
    "UBND cấp xã": [XA],
    "Các cơ quan chủ trì quản lý, vận hành các nền tảng số, hệ thống thông tin, cơ sở dữ liệu": [
        "Các cơ quan chủ trì quản lý, vận hành các nền tảng số, hệ thống thông tin, cơ sở dữ liệu"
    ],
    "Cơ quan tham mưu, giúp việc Tỉnh ủy": ["Cơ quan tham mưu, giúp việc Tỉnh ủy"],
    "Đơn vị có liên quan": ["Đơn vị có liên quan"],
    # 001: "A (B)": Văn phòng UBND tỉnh and the service centre that does its work, both named
    "Văn phòng UBND tỉnh (Trung tâm phục vụ hành chính công tỉnh)": [VP_UB, TT_HCC],
    "Sở Khoa học và Công nghệ, Văn phòng UBND tỉnh (Trung tâm phục vụ hành chính công tỉnh)": [
        SKHCN,
        VP_UB,
        TT_HCC,
    ],
    "Văn phòng UBND tỉnh (Trung tâm phục vụ hành chính công tỉnh), Công an tỉnh": [
        VP_UB,
        TT_HCC,
        CA,
    ],
    (
        "Công an tỉnh, Văn phòng UBND tỉnh (Trung tâm phục vụ hành chính công tỉnh), "
        "Các sở, ban, ngành"
    ): [CA, VP_UB, TT_HCC, SBN],
    # 001: other single agencies and their spellings
    "Văn phòng UBND tỉnh": [VP_UB],
    "Văn phòng Ủy ban nhân dân tỉnh": [VP_UB],
    "Văn phòng Ủy ban nhân dân tỉnh, Sở Nội vụ": [VP_UB, SNV],
    "Văn phòng Ủy ban nhân dân tỉnh, Công an tỉnh": [VP_UB, CA],
    "Văn phòng Ủy ban nhân dân tỉnh; UBND cấp xã": [VP_UB, XA],
    "Bộ Chỉ huy Quân sự tỉnh, Sở Khoa học và Công nghệ": ["Bộ Chỉ huy Quân sự tỉnh", SKHCN],
    "Sở Tài chính, Sở Công thương, Sở Khoa học và Công nghệ": [STC, "Sở Công Thương", SKHCN],
    "Sở Khoa học và Công nghệ, Sở Tài chính": [SKHCN, STC],
    "Sở Nội vụ; Sở Khoa học và Công nghệ": [SNV, SKHCN],
    "Sở Tài chính; Sở Khoa học và Công nghệ": [STC, SKHCN],
    "Sở Khoa học và Công nghệ; Công an tỉnh; Sở Tài chính": [SKHCN, CA, STC],
    "UBND tỉnh, Sở Khoa học và Công nghệ, Sở Tài chính, Công an tỉnh, Sở Nội vụ": [
        "UBND tỉnh",
        SKHCN,
        STC,
        CA,
        SNV,
    ],
    "UBND tỉnh, Sở Khoa học và Công nghệ, Sở Tài chính": ["UBND tỉnh", SKHCN, STC],
    # 002: units inside the Sở, typos included
    "Phòng Chuyên đổi số": [CDS],
    "Phòng Chuyên đối số": [CDS],
    "Văn phòng Sở": [VP_SO],
    "Trung tâm Công nghệ thông tin và Truyền thông": [CNTT],
    "Phòng Kế hoạch - Tài chính": [KHTC],
    "Phòng Quản lý công nghệ và Đổi mới sáng tạo": ["Phòng Quản lý công nghệ và Đổi mới sáng tạo"],
    # 003: "A (B)": the Tổ Giúp việc and its standing agency, both named
    "Tổ Giúp việc Ban Chỉ đạo (Cơ quan thường trực là Sở Khoa học và Công nghệ)": [
        TO_GIUP_VIEC,
        SKHCN,
    ],
    "Các cơ quan, tổ chức, đơn vị": ["Các cơ quan, tổ chức, đơn vị"],
    "Các cấp ủy, cơ quan, đơn vị, địa phương": ["Các cấp ủy, cơ quan, đơn vị, địa phương"],
    "Sở Tài chính, Các sở, ban, ngành, địa phương": [STC, SBN_DP],
    "UBND các xã, phường báo cáo, thực hiện theo chỉ đạo của Đảng ủy xã, phường": [XA],
    "Các sở, ban, ngành": [SBN],
    "Các sở, ban, ngành, các địa phương": [SBN_DP],
    # 004: "(1)" markers, line breaks, a comma inside a unit's name, bare "Văn phòng"
    "Văn phòng (1)\nGDTX, GDNN&ĐH (2)": [VP_SO, GDTX],
    "Các phòng thuộc Sở;\nĐơn vị trực thuộc": [PHONG, TRUC_THUOC],
    "Văn phòng": [VP_SO],
    "Các phòng thuộc Sở": [PHONG],
    "Các phòng thuộc Sở, đơn vị trực thuộc Sở": [PHONG, TRUC_THUOC],
    "GDTX, GDNN&ĐH": [GDTX],
    "Phòng GDTX, GDNN&ĐH": [GDTX],
    "Văn phòng,\nTCCB": [VP_SO, "Phòng Tổ chức cán bộ"],
}


def test_the_table_lists_every_agency_cell_of_the_seeds() -> None:
    assert set(seed_agency_cells()) == set(SEED_CELLS)


@pytest.mark.parametrize(("cell", "expected"), list(SEED_CELLS.items()))
def test_seed_cells_split_into_canonical_names(cell: str, expected: list[str]) -> None:
    assert names(cell) == expected


def test_every_mention_in_the_seeds_is_known() -> None:
    cells = seed_agency_cells()
    assert len(cells) > 200  # all five seeds were read
    unknown = [(cell, m.raw) for cell in cells for m in DIRECTORY.split(cell) if not m.known]
    assert unknown == []


# --- "A (B)": a responsible agency and its executing or standing unit ---

# Every seed cell written "A (B)" (001's service centre, 003's Tổ Giúp việc), as
# (name, the agency it is the unit of) pairs: B is returned after A, A is kept.
A_B_CELLS: dict[str, list[tuple[str, str]]] = {
    # 001 I.1 coordinating: a single agency, then "A (B)"
    "Sở Khoa học và Công nghệ, Văn phòng UBND tỉnh (Trung tâm phục vụ hành chính công tỉnh)": [
        (SKHCN, ""),
        (VP_UB, ""),
        (TT_HCC, VP_UB),
    ],
    # 001 II.2 lead (and II.3, whose cell the page break cuts before the bracket)
    "Văn phòng UBND tỉnh (Trung tâm phục vụ hành chính công tỉnh), Công an tỉnh": [
        (VP_UB, ""),
        (TT_HCC, VP_UB),
        (CA, ""),
    ],
    # 001 II.4 coordinating: the bracket alone
    "Văn phòng UBND tỉnh (Trung tâm phục vụ hành chính công tỉnh)": [(VP_UB, ""), (TT_HCC, VP_UB)],
    # 003 task 1 lead: the bracket names the standing agency after a role phrase
    "Tổ Giúp việc Ban Chỉ đạo (Cơ quan thường trực là Sở Khoa học và Công nghệ)": [
        (TO_GIUP_VIEC, ""),
        (SKHCN, TO_GIUP_VIEC),
    ],
}


@pytest.mark.parametrize(("cell", "expected"), list(A_B_CELLS.items()))
def test_a_b_cells_of_the_seeds_link_both_and_keep_the_relation(
    cell: str, expected: list[tuple[str, str]]
) -> None:
    assert cell in seed_agency_cells()  # written so in a seed, not made up
    assert [(m.name, m.unit_of) for m in DIRECTORY.split(cell)] == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # the page break of 001 II.3: "A" on one line, "(B), C" on the next
        (
            "Văn phòng UBND tỉnh\n(Trung tâm phục vụ hành chính công tỉnh), Công an tỉnh",
            [(VP_UB, ""), (TT_HCC, VP_UB), (CA, "")],
        ),
        # a bracket that does not end with a known name is a note, not a unit
        ("Công an tỉnh (b/c)", [(CA, "")]),
        ("Sở Tài chính (Sở Nội vụ thẩm định)", [(STC, "")]),
        # a bracket after an unknown name names no unit of it
        ("Ban Quản lý dự án (Sở Tài chính)", [("Ban Quản lý dự án (Sở Tài chính)", "")]),
    ],
)
def test_a_b_edge_cases(cell: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.name, m.unit_of) for m in DIRECTORY.split(cell)] == expected


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
