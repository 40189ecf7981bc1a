"""How each seed document is laid out as a sample workbook.

The workbooks keep each document's realities so the loader meets them: title rows,
repeated headers at page breaks, continuation rows, section rows (merged in 003),
numbers written ``1.`` in 000, and 002's table starting at column B.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sample_data.manifest import SamplePlan, sample_plan
from sample_data.seeds import SeedTable, find_seed, read_block_tables, read_tab_table


@dataclass(frozen=True)
class SheetLayout:
    """Where and how one table goes on its sheet."""

    name: str
    first_column: int = 1  # 2 = the table starts at column B, column A left empty
    number_columns: int = 1  # leading columns holding numbers (004 has TT and STT (TB02))
    merge_titles: bool = False  # title rows merged across the table's width
    merge_sections: bool = False  # section title cells merged to the last column


@dataclass(frozen=True)
class PlanLayout:
    """One seed document and the sheets its tables become."""

    plan: SamplePlan
    seed_prefix: str
    sheets: tuple[SheetLayout, ...]
    title_from: str | None = None  # first title line of the appendix; None = top of file
    one_cell_per_line: bool = False  # seed 004's layout

    def read_tables(self, seeds_dir: Path) -> list[SeedTable]:
        """The seed's tables, one per sheet."""
        text = find_seed(seeds_dir, self.seed_prefix).read_text(encoding="utf-8")
        if self.one_cell_per_line:
            tables = read_block_tables(text)
        else:
            tables = [read_tab_table(text, self.title_from)]
        if len(tables) != len(self.sheets):
            raise ValueError(f"seed {self.seed_prefix}: {len(tables)} tables for {self.sheets}")
        return tables


PLAN_LAYOUTS: tuple[PlanLayout, ...] = (
    PlanLayout(
        plan=sample_plan("PL-II-2026"),
        seed_prefix="000",
        sheets=(SheetLayout("Phụ lục II", merge_titles=True),),
    ),
    PlanLayout(
        plan=sample_plan("KH-92A-UBND"),
        seed_prefix="001",
        sheets=(SheetLayout("Phụ lục nhiệm vụ", merge_titles=True),),
        title_from="PHỤ LỤC NHIỆM VỤ",
    ),
    PlanLayout(
        plan=sample_plan("KH-SKHCN-2025"),
        seed_prefix="002",
        sheets=(SheetLayout("Phụ lục 2", first_column=2),),
        title_from="Phụ lục 2",
    ),
    PlanLayout(
        plan=sample_plan("DM-BS-2026"),
        seed_prefix="003",
        sheets=(SheetLayout("Phụ lục", merge_titles=True, merge_sections=True),),
    ),
    PlanLayout(
        plan=sample_plan("DC-CT-NV-2026"),
        seed_prefix="004",
        sheets=(SheetLayout("Phụ lục 01"), SheetLayout("Phụ lục 02", number_columns=2)),
        one_cell_per_line=True,
    ),
)
