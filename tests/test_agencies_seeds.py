"""Every agency cell of the five seeds splits into canonical names written by hand."""

from __future__ import annotations

import pytest

from tests.agency_names import (
    CA,
    CDS,
    CNTT,
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
    VP_TU,
    VP_UB,
    XA,
    names,
    seed_agency_cells,
)

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
