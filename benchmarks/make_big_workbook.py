"""Write a large task workbook in the layout of seed 001 (Kế hoạch 92A/KH-UBND).

    python benchmarks/make_big_workbook.py OUT.xlsx [--tasks 10000]

Like the real file: title rows, a header, sections numbered I, II, …, task rows
numbered from 1 in each section, and every 12 tasks a page break that repeats the
header and spills the previous task's text onto a continuation row.

The workbook is saved the way Excel saves one (shared strings, a <dimension>
element). openpyxl's write-only mode leaves the dimension out, which makes any
reader parse the sheet twice and would flatter the loader against a raw read.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from openpyxl import Workbook

HEADER = (
    "STT",
    "Nội dung nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Hạn hoàn thành",
    "Yêu cầu kết quả",
    "Ghi chú",
)
TASKS_PER_SECTION = 500  # 20 sections for 10,000 tasks (numerals I..XX)
MAX_SECTIONS = 20  # larger lists have larger sections: 5,000 tasks each for 100,000
TASKS_PER_PAGE = 12

# Rows taken from seed 001: name, lead, coordinating, deadline, expected result, note.
SAMPLES = (
    (
        "Tiếp tục triển khai việc đồng bộ dữ liệu CSDL quốc gia, CSDL chuyên ngành về CSDL "
        "tổng hợp quốc gia, đảm bảo người dân chỉ kê khai thông tin một lần.",
        "Các sở, ban, ngành cấp tỉnh",
        "UBND cấp xã",
        "31/12/2025",
        "Đảm bảo đồng bộ 100% dữ liệu chuyên ngành, dữ liệu tổng hợp quốc gia.",
        "Kế hoạch số 02-KH/BCĐTW",
    ),
    (
        "Hoàn thành rà soát, cấu trúc lại các thủ tục hành chính chuyển từ thủ công trên giấy "
        "sang môi trường điện tử.",
        "Văn phòng UBND tỉnh (Trung tâm phục vụ hành chính công tỉnh), Công an tỉnh",
        "Các sở, ban, ngành cấp tỉnh; UBND cấp xã",
        "31/12/2025",
        "Hoàn thành nhiệm vụ rà soát, cấu trúc lại các thủ tục hành chính theo chỉ đạo.",
        "Kế hoạch số 02-KH/BCĐTW",
    ),
    (
        "Phối hợp với Bộ Công an, Bộ Quốc phòng, Bộ Khoa học và Công nghệ trong việc bảo đảm "
        "an toàn thông tin, an ninh mạng cho các hạ tầng kỹ thuật, dữ liệu, ứng dụng.",
        "Công an tỉnh",
        "Bộ Chỉ huy Quân sự tỉnh, Sở Khoa học và Công nghệ",
        "01/01/2026",
        "Không để xảy ra sự cố nghiêm trọng mất an toàn thông tin, an ninh mạng.",
        "Thông báo số 06-TB/BCĐTW",
    ),
    (
        "Hoàn thành việc lựa chọn, thống nhất Hệ thống thông tin giải quyết thủ tục hành chính "
        "của bộ, ngành, địa phương mình theo yêu cầu tại Kế hoạch số 02-KH/BCĐTW.",
        "Văn phòng Ủy ban nhân dân tỉnh",
        "Các sở, ban, ngành cấp tỉnh; UBND cấp xã",
        "30/9/2025",
        "Hoàn thành việc lựa chọn, thống nhất Hệ thống thông tin giải quyết thủ tục hành chính.",
        "Đã hoàn thành",
    ),
    (
        "Chủ trì, phối hợp với Văn phòng Chính phủ, Bộ Công an tiếp tục rà soát, cấu trúc lại "
        "quy trình các dịch vụ công trực tuyến có tỉ lệ hồ sơ trực tuyến thấp.",
        "Văn phòng Ủy ban nhân dân tỉnh, Công an tỉnh",
        "Sở, ngành cấp tỉnh; UBND cấp xã",
        "Thường xuyên",
        "Hoàn thành rà soát, cấu trúc lại quy trình các dịch vụ công trực tuyến.",
        "",
    ),
    (
        "Chủ động bố trí đủ nhân lực chuyên trách công nghệ thông tin, chuyển đổi số; phát huy "
        "hiệu quả thực chất phong trào “bình dân học vụ số”.",
        "Sở Nội vụ; Sở Khoa học và Công nghệ",
        "Các sở, ban, ngành cấp tỉnh, UBND cấp xã",
        "Quý II/2026",
        "100% các đơn vị, địa phương bố trí được cán bộ chuyên trách về chuyển đổi số.",
        "Thông báo số 46-TB/TGV",
    ),
)


def section_code(index: int) -> str:
    """I, II, III, …"""
    values = (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1)
    numerals = ("M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I")
    out = ""
    for value, numeral in zip(values, numerals, strict=True):
        while index >= value:
            out += numeral
            index -= value
    return out


def write_workbook(path: Path, tasks: int) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Phụ lục"
    sheet.append(["PHỤ LỤC NHIỆM VỤ"])
    sheet.append(["(Kèm theo Kế hoạch số 92A/KH-UBND ngày 01 tháng 11 năm 2025 của UBND tỉnh)"])
    sheet.append([])
    sheet.append(HEADER)
    per_section = max(TASKS_PER_SECTION, -(-tasks // MAX_SECTIONS))
    for index in range(tasks):
        number = index % per_section + 1
        if number == 1:
            title = f"Nhóm nhiệm vụ số {index // per_section + 1}"
            sheet.append([section_code(index // per_section + 1), title])
        name, lead, coordinating, deadline, result, note = SAMPLES[index % len(SAMPLES)]
        name, result = f"{name} (Nhóm {index})", f"{result} (Kết quả {index})"  # unique texts
        if index % TASKS_PER_PAGE == TASKS_PER_PAGE - 1:
            head, tail = name[: len(name) // 2], name[len(name) // 2 :]
            sheet.append([number, head, lead, coordinating, deadline, result, note])
            sheet.append(HEADER)
            sheet.append([None, tail])
        else:
            sheet.append([number, name, lead, coordinating, deadline, result, note])
    workbook.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--tasks", type=int, default=10_000)
    args = parser.parse_args()
    write_workbook(args.out, args.tasks)


if __name__ == "__main__":
    main()
