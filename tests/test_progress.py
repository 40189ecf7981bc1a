"""A long read tells its follower how many rows it has gone through."""

import io

from docx import Document
from openpyxl import Workbook

from loaders.load import load_bytes
from loaders.progress import ROWS_PER_PROGRESS


def task_workbook(tasks: int) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"])
    for number in range(1, tasks + 1):
        sheet.append([number, f"Nhiệm vụ {number}", "Sở Khoa học và Công nghệ", "Năm 2026"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def task_document(tasks: int) -> bytes:
    document = Document()
    table = document.add_table(rows=tasks + 1, cols=4)
    header = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"]
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for number in range(1, tasks + 1):
        row = [str(number), f"Nhiệm vụ {number}", "Sở Khoa học và Công nghệ", "Năm 2026"]
        for cell, text in zip(table.rows[number].cells, row, strict=True):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_workbook_reports_every_thousand_rows_read() -> None:
    told: list[int] = []
    # 2,500 tasks and the header: 2,501 rows, so the follower hears 1,000 and 2,000
    result = load_bytes(task_workbook(2500), "nhiem_vu.xlsx", progress=told.append)
    assert len(result.tasks) == 2500
    assert told == [ROWS_PER_PROGRESS, 2 * ROWS_PER_PROGRESS]


def test_a_word_table_reports_its_rows_too() -> None:
    told: list[int] = []
    result = load_bytes(task_document(1200), "nhiem_vu.docx", progress=told.append)
    assert len(result.tasks) == 1200
    assert told == [ROWS_PER_PROGRESS]
