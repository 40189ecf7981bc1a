"""Rows fed straight to the table interpreter: a seed-like header, a task row, the problems."""

from __future__ import annotations

from collections.abc import Sequence

from loaders.agencies import AgencyDirectory
from loaders.assemble import Assembler
from loaders.grid import TableInterpreter
from loaders.problems import ProblemCollector

HEADER = ["STT", "Tên nhiệm vụ", "Văn bản giao", "Cơ quan chủ trì", "Cơ quan phối hợp",
          "Thời gian hoàn thành", "Ghi chú"]  # fmt: skip


def interpret(
    rows: Sequence[Sequence[object]], sheet: str = "Phụ lục"
) -> tuple[TableInterpreter, list[tuple[int | None, str, str]]]:
    """Feed rows numbered from 1; problems flattened to (row, column, code)."""
    collector = ProblemCollector("plan.xlsx")
    interpreter = TableInterpreter(Assembler(collector, AgencyDirectory.load_default()), sheet)
    for number, row in enumerate(rows, start=1):
        interpreter.feed(number, row)
    interpreter.finish()
    return interpreter, [(p.row, p.column, str(p.code)) for p in collector.problems]


def task_row(number: object, name: str, **cells: str) -> list[object]:
    return [number, name, cells.get("basis", "Kế hoạch số 02-KH/BCĐTW"),
            cells.get("lead", "Công an tỉnh"), cells.get("coordinating", "Sở Tài chính"),
            cells.get("deadline", "30/6/2026"), cells.get("notes", "")]  # fmt: skip
