"""Build every bundled sample from the seed documents.

Run: ``python -m sample_data.build_samples [--seeds DIR] [--out DIR]``. Writes one
workbook per seed into ``OUT/plans``, seed 003 also as .docx, and the illustrative
progress workbook into ``OUT/progress``. The seeds are read from ``sample_data/sources``
unless ``--seeds`` names another folder. Output is deterministic (fixed properties,
fixed zip times, seeded random), so rebuilding changes nothing; the generated files
are committed because the app and the tests open them.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from sample_data.build_progress import build_progress
from sample_data.layouts import PLAN_LAYOUTS
from sample_data.manifest import PROGRESS_WORKBOOK, SAMPLE_DIR, SAMPLE_PLAN_DOCX, SOURCES_DIR
from sample_data.word_sample import write_plan_docx
from sample_data.workbooks import write_plan_workbook

DOCX_PLAN_CODE = "DM-BS-2026"


def build_all(seeds_dir: Path = SOURCES_DIR, out_dir: Path = SAMPLE_DIR) -> list[Path]:
    """Write every sample file under ``out_dir``; returns their paths."""
    written: list[Path] = []
    for layout in PLAN_LAYOUTS:
        tables = layout.read_tables(seeds_dir)
        plan = layout.plan
        written.append(write_plan_workbook(layout, tables, out_dir / "plans" / plan.path.name))
        if plan.code == DOCX_PLAN_CODE:
            docx_path = out_dir / "plans" / SAMPLE_PLAN_DOCX.name
            written.append(write_plan_docx(tables[0], plan.title, docx_path))
    written.append(build_progress(seeds_dir, out_dir / "progress" / PROGRESS_WORKBOOK.name))
    return written


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Build the bundled sample data from the seeds.")
    parser.add_argument("--seeds", type=Path, default=SOURCES_DIR, help="seed .txt folder")
    parser.add_argument("--out", type=Path, default=SAMPLE_DIR, help="output folder")
    args = parser.parse_args(argv)
    for path in build_all(args.seeds, args.out):
        print(path)


if __name__ == "__main__":
    main()
