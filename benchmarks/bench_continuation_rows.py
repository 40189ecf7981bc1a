"""Time per row of a task continued over many rows: it must stay flat as the rows grow.

    .venv/bin/python benchmarks/bench_continuation_rows.py [--repeat 3] [--write]

For a task table whose first task's name continues over 5,000 / 20,000 / 50,000 /
100,000 rows (``tests/hostile_files.py`` ``continuation_rows``) it measures, in the
same run and each in a fresh process, the CPU time (user + system of the child) of

(a) ``python -m loaders FILE --json`` end to end;
(b) the floor: openpyxl (read-only) iterating every cell value of the same file.

and divides by the rows. Joining the parts was quadratic (50,000 rows: 118 s); linear,
(a) per row stays level from 5,000 rows to 100,000, and so does (a) / (b).
``--write`` replaces the continuation-rows section of RESULTS.md.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_loader import Run, load_and_raw  # noqa: E402
from benchmarks.results_file import write_section  # noqa: E402
from tests.hostile_files import continuation_rows  # noqa: E402

SIZES = (5_000, 20_000, 50_000, 100_000)
START, END = "<!-- continuation:start -->", "<!-- continuation:end -->"


@dataclass(frozen=True)
class Row:
    rows: int
    load: Run
    raw: Run

    def per_row_us(self, run: Run) -> float:
        return run.cpu_s / self.rows * 1e6

    @property
    def cpu_ratio(self) -> float:
        return self.load.cpu_s / self.raw.cpu_s


def measure(repeat: int) -> list[Row]:
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for rows in SIZES:
            path = Path(folder) / f"continued_{rows}.xlsx"
            path.write_bytes(continuation_rows(rows))
            row = Row(rows, *load_and_raw(path, repeat))
            results.append(row)
            print(
                f"{rows:>7} rows: CPU {row.load.cpu_s:.2f}s vs {row.raw.cpu_s:.2f}s "
                f"({row.cpu_ratio:.2f}), {row.per_row_us(row.load):.0f} vs "
                f"{row.per_row_us(row.raw):.0f} µs/row, peak {row.load.peak_mb:.0f} MB",
                flush=True,
            )
    return results


def markdown(rows: list[Row], repeat: int) -> str:
    lines = [
        "## Continuation rows: one task continued over n rows, time per row",
        "",
        f"Measured by `benchmarks/bench_continuation_rows.py` (best of {repeat} fresh "
        f"processes each; Python {platform.python_version()}, {platform.machine()}). The "
        "file: `tests/hostile_files.py` `continuation_rows(n)`, a task whose name continues "
        "over n rows (the name ends far past its limit and is refused with one problem). "
        "Load = `python -m loaders FILE --json`; floor = openpyxl reading the same cells. "
        "CPU time of the child (user + system). Before the fix: 5,000 rows 1.4 s, "
        "20,000 rows 17 s, 50,000 rows 118 s (quadratic).",
        "",
        "| rows | load CPU (s) | floor CPU (s) | ratio | load µs/row | floor µs/row "
        "| peak RSS load / floor (MB) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {r.rows:,} | {r.load.cpu_s:.2f} | {r.raw.cpu_s:.2f} | {r.cpu_ratio:.2f} "
        f"| {r.per_row_us(r.load):.0f} | {r.per_row_us(r.raw):.0f} "
        f"| {r.load.peak_mb:.0f} / {r.raw.peak_mb:.0f} |"
        for r in rows
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args()
    section = markdown(measure(args.repeat), args.repeat)
    print(section)
    if args.write:
        write_section(section, start=START, end=END)


if __name__ == "__main__":
    main()
