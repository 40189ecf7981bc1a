"""The agency directory's canonical names, and every agency cell of the seeds as written."""

from __future__ import annotations

import unicodedata

from loaders.agencies import AgencyDirectory
from loaders.text import fold
from sample_data.manifest import SOURCES_DIR

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
