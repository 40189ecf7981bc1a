"""load_file / load_bytes on the bundled seed workbooks: counts and fields that matter."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from loaders.agencies import AgencyDirectory, AgencyEntry
from loaders.load import load_bytes, load_file
from loaders.records import DeadlineKind, LoadResult, ProblemCode, TaskRecord
from sample_data.manifest import PLANS_DIR

SEEDS = {
    "000": PLANS_DIR / "000_phu_luc_II_nhiem_vu_2026.xlsx",
    "001": PLANS_DIR / "001_ke_hoach_92A_KH-UBND.xlsx",
    "002": PLANS_DIR / "002_ke_hoach_SKHCN_10-2025.xlsx",
    "003": PLANS_DIR / "003_danh_muc_bo_sung_2026.xlsx",
    "003docx": PLANS_DIR / "003_danh_muc_bo_sung_2026.docx",
    "004": PLANS_DIR / "004_dieu_chinh_chi_tieu_nhiem_vu_2026.xlsx",
}


@pytest.fixture(scope="module")
def seeds() -> dict[str, LoadResult]:
    return {key: load_file(path) for key, path in SEEDS.items()}


def task(result: LoadResult, number: str, section: str = "") -> TaskRecord:
    return next(t for t in result.tasks if (t.number, t.section) == (number, section))


# Counts --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "tasks", "kpis"),
    [("000", 29, 0), ("001", 35, 0), ("002", 20, 0), ("003", 14, 0), ("003docx", 14, 0),
     ("004", 21, 6)],
)  # fmt: skip
def test_seed_counts(seeds: dict[str, LoadResult], key: str, tasks: int, kpis: int) -> None:
    assert (len(seeds[key].tasks), len(seeds[key].kpis)) == (tasks, kpis)


def test_seeds_have_no_problems_except_001s_section_note(seeds: dict[str, LoadResult]) -> None:
    flat = {k: [(p.row, p.column, p.code) for p in r.problems] for k, r in seeds.items()}
    assert flat == {
        "000": [],
        "001": [(13, "STT", ProblemCode.ORPHAN_CONTINUATION)],
        "002": [],
        "003": [],
        "003docx": [],
        "004": [],
    }


# Seed 000 ---------------------------------------------------------------------


def test_000_task_1_has_two_labelled_milestones(seeds: dict[str, LoadResult]) -> None:
    first = task(seeds["000"], "1")
    assert first.deadline_kind is DeadlineKind.MILESTONES
    assert [(m.due_date, m.label) for m in first.milestones] == [
        (date(2026, 5, 31), "Triển khai giám sát an ninh mạng"),
        (date(2027, 10, 31), "Triển khai Xây dựng Trung tâm giám sát an ninh mạng"),
    ]
    assert first.due_date == date(2027, 10, 31)
    assert first.lead_agencies == ["Công an tỉnh"]


def test_000_text_split_by_page_breaks_is_joined(seeds: dict[str, LoadResult]) -> None:
    assert task(seeds["000"], "5").basis == "Kế hoạch số 04-KH/BCĐTW, ngày 05/01/2026"
    eighteen = task(seeds["000"], "18")
    assert eighteen.coordinating_agencies == ["Các sở, ban, ngành, địa phương"]
    assert eighteen.name.endswith("phục vụ phát triển kinh tế xã hội")
    assert eighteen.basis == "Chương trình số 02-CTr/BCĐTW, 02/02/2026"


# Seed 001 ---------------------------------------------------------------------


def test_001_sections_and_completion_notes(seeds: dict[str, LoadResult]) -> None:
    result = seeds["001"]
    assert [t.section for t in result.tasks].count("II") == 30
    assert task(result, "1", "III").section_title == (
        "Về bảo đảm kinh phí cho khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số"
    )
    sixteen = task(result, "16", "II")
    assert sixteen.completed and sixteen.notes == "Đã hoàn thành"
    assert sixteen.name.endswith(
        "tích hợp 100% dịch vụ công trực tuyến trên Cổng Dịch vụ công quốc gia."
    )
    assert not task(result, "15", "II").completed
    assert task(result, "3", "I").coordinating_agencies[-1] == "Các sở, ban, ngành cấp tỉnh"


@pytest.mark.parametrize(
    ("number", "first_due"),
    [
        ("9", date(2026, 1, 1)),  # the name starts "Thường xuyên triển khai việc rà soát …"
        ("10", date(2026, 1, 1)),  # "… (nhiệm vụ thường xuyên)." after a page break
        ("11", date(2026, 1, 1)),  # "… đáp ứng yêu cầu (nhiệm vụ thường xuyên)."
        ("21", date(2026, 1, 1)),  # "… hỗ trợ người dân (nhiệm vụ thường xuyên)."
        ("26", date(2026, 1, 1)),  # "… nguồn vốn ngân sách nhà nước (nhiệm vụ thường xuyên)."
        ("28", date(2026, 1, 1)),  # "… tránh hình thức (nhiệm vụ thường xuyên)." after a break
    ],
)
def test_001_tasks_the_plan_calls_recurring_keep_their_date_as_first_due(
    seeds: dict[str, LoadResult], number: str, first_due: date
) -> None:
    recurring = task(seeds["001"], number, "II")
    assert recurring.deadline_kind is DeadlineKind.RECURRING
    assert (recurring.due_date, recurring.deadline_text) == (first_due, "01/01/2026")
    assert recurring.reporting_cadence == ""  # none stated: judged monthly


def test_001_periodic_assessment_is_not_a_recurring_task(seeds: dict[str, LoadResult]) -> None:
    # II.12 "tổ chức đánh giá an toàn thông tin định kỳ đối với các CSDL": "định kỳ" alone
    twelve = task(seeds["001"], "12", "II")
    assert (twelve.deadline_kind, twelve.due_date) == (DeadlineKind.DATE, date(2025, 12, 31))


VP_UB, TT_HCC = "Văn phòng UBND tỉnh", "Trung tâm Phục vụ hành chính công tỉnh"


@pytest.mark.parametrize(
    ("number", "section", "role", "expected"),
    [
        # seed 001 lines 98, 102, 114: coordinating cells "…, Văn phòng UBND tỉnh (Trung tâm …)"
        ("1", "I", "coordinating", ["Sở Khoa học và Công nghệ", VP_UB, TT_HCC]),
        ("3", "I", "coordinating", ["Công an tỉnh", VP_UB, TT_HCC, "Các sở, ban, ngành cấp tỉnh"]),
        ("4", "II", "coordinating", [VP_UB, TT_HCC]),
        # lines 109 and 110/113: lead cells, 113 the rest of 110's cell after a page break
        ("2", "II", "lead", [VP_UB, TT_HCC, "Công an tỉnh"]),
        ("3", "II", "lead", [VP_UB, TT_HCC, "Công an tỉnh"]),
    ],
)
def test_001_a_b_cells_name_the_office_and_its_service_centre(
    seeds: dict[str, LoadResult], number: str, section: str, role: str, expected: list[str]
) -> None:
    record = task(seeds["001"], number, section)
    names = record.lead_agencies if role == "lead" else record.coordinating_agencies
    assert names == expected
    assert record.agency_units == {TT_HCC: VP_UB}  # the centre does the office's work


def test_001_has_no_other_a_b_cell(seeds: dict[str, LoadResult]) -> None:
    # the five tasks above are the only ones where seed 001 writes the centre
    with_units = {(t.section, t.number) for t in seeds["001"].tasks if t.agency_units}
    assert with_units == {("I", "1"), ("I", "3"), ("II", "2"), ("II", "3"), ("II", "4")}


@pytest.mark.parametrize("key", ["003", "003docx"])
def test_003_tasks_group_and_its_standing_agency_both_lead(
    seeds: dict[str, LoadResult], key: str
) -> None:
    # seed 003 line 10: "Tổ Giúp việc Ban Chỉ đạo (Cơ quan thường trực là Sở Khoa học và Công nghệ)"
    one = task(seeds[key], "1", "I")
    assert one.lead_agencies == ["Tổ Giúp việc Ban Chỉ đạo", "Sở Khoa học và Công nghệ"]
    assert one.agency_units == {"Sở Khoa học và Công nghệ": "Tổ Giúp việc Ban Chỉ đạo"}


def test_title_is_taken_from_the_rows_above_the_table(seeds: dict[str, LoadResult]) -> None:
    assert seeds["001"].title.startswith("PHỤ LỤC NHIỆM VỤ (Kèm theo Kế hoạch số 92A/KH-UBND")
    assert seeds["003docx"].title.startswith("Phụ lục DANH MỤC BỔ SUNG")


# Seed 002 ---------------------------------------------------------------------


def test_002_report_to_central_leader_recurring_and_indicative_deadlines(
    seeds: dict[str, LoadResult],
) -> None:
    eleven = task(seeds["002"], "11")
    assert eleven.report_to_central and eleven.leader == "Nguyễn Gia Phong"
    assert not task(seeds["002"], "10").report_to_central
    # 11, 13, 14 end "(nhiệm vụ thường xuyên)": recurring from their date 31/12/2025
    for number in ("11", "13", "14"):
        recurring = task(seeds["002"], number)
        assert (recurring.deadline_kind, recurring.due_date) == (
            DeadlineKind.RECURRING,
            date(2025, 12, 31),
        )
    assert task(seeds["002"], "12").deadline_kind is DeadlineKind.DATE  # no such mark
    fifteen = task(seeds["002"], "15")
    assert (fifteen.deadline_kind, fifteen.deadline_indicative) == (DeadlineKind.INDICATIVE, True)
    assert fifteen.due_date == date(2025, 10, 31)


# Seed 003 ---------------------------------------------------------------------


@pytest.mark.parametrize("key", ["003", "003docx"])
def test_003_completed_note_adjustment_and_deadlines(
    seeds: dict[str, LoadResult], key: str
) -> None:
    two = task(seeds[key], "2", "II")
    assert two.completed and two.notes == "(Đã thực hiện)"
    assert (two.deadline_kind, two.due_date) == (DeadlineKind.MONTH, date(2026, 4, 30))
    assert two.adjustment == "Nhiệm vụ bổ sung theo kế hoạch số 07-KH/BCĐ"
    fourteen = task(seeds[key], "14", "IX")
    assert fourteen.adjustment == (
        "Nhiệm vụ số 122 phụ lục II cập nhật lại tên theo Kế hoạch số 07-KH/BCĐ"
    )
    assert fourteen.due_date == date(2026, 5, 15)
    assert fourteen.expected_output.endswith("theo đúng quy định.")


def test_003_docx_and_xlsx_give_the_same_tasks(seeds: dict[str, LoadResult]) -> None:
    def plain(result: LoadResult) -> list[dict[str, object]]:
        return [t.to_json() | {"sheet": "", "source_row": None} for t in result.tasks]

    assert plain(seeds["003docx"]) == plain(seeds["003"])


# Seed 004 ---------------------------------------------------------------------


def test_004_tasks_lead_units_and_recurring_cadence(seeds: dict[str, LoadResult]) -> None:
    one = task(seeds["004"], "1", "I")
    assert one.lead_agencies == ["Văn phòng Sở", "Phòng GDTX, GDNN&ĐH"]
    assert one.reference_number == "1"
    fifteen = task(seeds["004"], "15", "VI")
    assert (fifteen.deadline_kind, fifteen.reporting_cadence) == (
        DeadlineKind.RECURRING,
        "hằng tháng",
    )
    assert fifteen.due_date is None and fifteen.reference_number == "32"


# Seed 004's "STT (TB02)" column, read from the document: task TT -> its STT in TB02.
TB02_NUMBERS = {
    "1": "1", "2": "6", "3": "9", "4": "10", "5": "15", "6": "16", "7": "18",
    "8": "19", "9": "20", "10": "21", "11": "24", "12": "26", "13": "28", "14": "31",
    "15": "32", "16": "33", "17": "39", "18": "41", "19": "43", "20": "44", "21": "46",
}  # fmt: skip


def test_004_every_task_keeps_its_number_in_tb02(seeds: dict[str, LoadResult]) -> None:
    tasks = seeds["004"].tasks
    assert {t.number: t.reference_number for t in tasks} == TB02_NUMBERS
    assert {t.reference_document for t in tasks} == {"TB02"}


def test_004_kpis_targets(seeds: dict[str, LoadResult]) -> None:
    targets = [(k.number, k.target_operator, k.target_value, k.unit) for k in seeds["004"].kpis]
    assert targets == [
        ("1", ">", 80.0, "%"),
        ("2", ">", 80.0, "%"),
        ("3", ">=", 100.0, "%"),
        ("4", ">=", 50.0, "%"),
        ("5", ">=", 100.0, "%"),
        ("6", ">=", 95.0, "%"),
    ]
    assert {(k.year, k.owner) for k in seeds["004"].kpis} == {(2026, "Văn phòng Sở")}


# Entry points ---------------------------------------------------------------


def test_load_bytes_equals_load_file_and_display_name_names_the_file(tmp_path: Path) -> None:
    path = SEEDS["000"]
    from_bytes = load_bytes(path.read_bytes(), "tai_len.xlsx")
    from_file = load_file(path, display_name="tai_len.xlsx")
    assert from_bytes.to_json() == from_file.to_json()
    assert from_bytes.file_name == "tai_len.xlsx"


def test_a_custom_directory_knows_more_agencies(make_xlsx: Callable[..., Path]) -> None:
    path = make_xlsx(
        {"KH": [["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
                [1, "Nhiệm vụ", "Ban Quản lý Khu công nghệ cao", "30/6/2026"]]}
    )  # fmt: skip
    default = load_file(path)
    assert [p.code for p in default.problems] == [ProblemCode.UNKNOWN_AGENCY]
    extra = AgencyEntry("Ban Quản lý Khu công nghệ cao", "BQL KCNC", "department")
    directory = AgencyDirectory.from_entries([*AgencyDirectory.load_default().entries(), extra])
    assert load_file(path, directory=directory).problems == []
