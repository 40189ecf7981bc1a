"""The bundled sample plans, for the app's first-run bootstrap, the tests and the README."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

SAMPLE_DIR = Path(__file__).resolve().parent
PLANS_DIR = SAMPLE_DIR / "plans"
PROGRESS_DIR = SAMPLE_DIR / "progress"
SOURCES_DIR = SAMPLE_DIR / "sources"  # the seed documents' text, read by the builder and tests


@dataclass(frozen=True)
class SamplePlan:
    """One seed document as a bundled workbook."""

    code: str
    title: str
    issuing_body: str  # "" when the document does not state it
    issued_on: date | None  # None when the document leaves the day blank
    path: Path


SAMPLE_PLANS: tuple[SamplePlan, ...] = (
    SamplePlan(
        code="PL-II-2026",
        title=(
            "Phụ lục II: Danh mục các nhiệm vụ trọng tâm theo các Chương trình, Kế hoạch, "
            "Thông báo kết luận của Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, "
            "đổi mới sáng tạo và chuyển đổi số năm 2026"
        ),
        issuing_body="Ban Chỉ đạo tỉnh",
        issued_on=None,
        path=PLANS_DIR / "000_phu_luc_II_nhiem_vu_2026.xlsx",
    ),
    SamplePlan(
        code="KH-92A-UBND",
        title=(
            "Kế hoạch số 92A/KH-UBND triển khai thực hiện Kế hoạch số 05-KH/TU ngày 23/10/2025 "
            "của Ban Thường vụ Tỉnh ủy về phát triển khoa học, công nghệ, đổi mới sáng tạo "
            "và chuyển đổi số"
        ),
        issuing_body="UBND tỉnh",
        issued_on=date(2025, 11, 1),
        path=PLANS_DIR / "001_ke_hoach_92A_KH-UBND.xlsx",
    ),
    SamplePlan(
        code="KH-SKHCN-2025",
        title=(
            "Kế hoạch của Sở Khoa học và Công nghệ triển khai Kế hoạch số 14-KH/BCĐ "
            "ngày 17/10/2025 của Ban Chỉ đạo tỉnh (Phụ lục 2: Nhiệm vụ)"
        ),
        issuing_body="Sở Khoa học và Công nghệ",
        issued_on=date(2025, 10, 22),
        path=PLANS_DIR / "002_ke_hoach_SKHCN_10-2025.xlsx",
    ),
    SamplePlan(
        code="DM-BS-2026",
        title=(
            "Danh mục bổ sung các nhiệm vụ trọng tâm triển khai thực hiện Nghị quyết số "
            "57-NQ/TW của Bộ Chính trị năm 2026"
        ),
        issuing_body="Ban Chỉ đạo tỉnh",
        # "Ban hành kèm theo Công văn số /CV-BCĐ ngày … tháng 5 năm 2026": the day is left
        # blank, so the end of May, the latest day the document can bear. Its task II.2 is
        # marked "(Đã thực hiện)" and counts as done from this day, never from the import day.
        issued_on=date(2026, 5, 31),
        path=PLANS_DIR / "003_danh_muc_bo_sung_2026.xlsx",
    ),
    SamplePlan(
        code="DC-CT-NV-2026",
        title=(
            "Bổ sung, điều chỉnh, cập nhật và phân công thực hiện các chỉ tiêu, nhiệm vụ "
            "năm 2026 (Phụ lục 01: chỉ tiêu; Phụ lục 02: nhiệm vụ)"
        ),
        # The document starts at its appendices: no letterhead, number or signature names
        # who issued it. Its units (Văn phòng Sở, Phòng GDTX, GDNN&ĐH…) suggest a Sở Giáo
        # dục và Đào tạo, but a suggestion is not what the document states: left unknown.
        issuing_body="",
        issued_on=None,
        path=PLANS_DIR / "004_dieu_chinh_chi_tieu_nhiem_vu_2026.xlsx",
    ),
)

SAMPLE_PLAN_DOCX = PLANS_DIR / "003_danh_muc_bo_sung_2026.docx"
PROGRESS_WORKBOOK = PROGRESS_DIR / "tien_do_MINH_HOA_illustrative.xlsx"


def sample_plan(code: str) -> SamplePlan:
    """The sample plan with this code."""
    return next(plan for plan in SAMPLE_PLANS if plan.code == code)
