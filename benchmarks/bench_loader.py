"""Time the loader against openpyxl merely reading the same cells, and record peak memory.

    .venv/bin/python benchmarks/bench_loader.py [--repeat 3] [--write]

For workbooks of 2,500 / 5,000 / 10,000 tasks in seed 001's layout it measures,
in the same run and each in a fresh process (so start-up and imports count on
both sides; the two alternate, best of ``--repeat`` each):

(a) ``python -m loaders BIG --json`` end to end, output to a file: the CLI contract;
(b) a script that opens the workbook with openpyxl (read-only) and iterates
    every cell value, doing nothing with them.

The target is (a) <= 1.5 x (b), in wall time and in CPU time (the child's user +
system time, steadier on a busy machine). Peak memory is the child's maximum
resident set (ru_maxrss) for both. ``--write`` replaces the loader section of RESULTS.md.
"""

from __future__ import annotations

import argparse
import platform
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.make_big_workbook import write_workbook  # noqa: E402
from benchmarks.results_file import write_section  # noqa: E402

SIZES = (2_500, 5_000, 10_000)
TARGET_RATIO = 1.5
START, END = "<!-- loader:start -->", "<!-- loader:end -->"

RAW_READ = """
import resource, sys
from openpyxl import load_workbook
book = load_workbook(sys.argv[1], read_only=True, data_only=True)
for sheet in book.worksheets:
    sheet.reset_dimensions()
    for row in sheet.iter_rows(values_only=True):
        pass
book.close()
sys.stderr.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
"""

CLI = """
import resource, runpy, sys
sys.argv = ["loaders", *sys.argv[1:]]
try:
    runpy.run_module("loaders", run_name="__main__")
except SystemExit as done:
    assert not done.code, done.code
self, children = resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN
peaks = [resource.getrusage(who).ru_maxrss for who in (self, children)]
sys.stderr.write(str(max(peaks)))  # the CLI or its worker process, whichever peaked higher
"""


@dataclass(frozen=True)
class Run:
    wall_s: float
    cpu_s: float
    peak_mb: float

    @staticmethod
    def best(runs: list[Run]) -> Run:
        """Fastest wall and CPU time over the runs, and the largest peak."""
        return Run(
            min(r.wall_s for r in runs),
            min(r.cpu_s for r in runs),
            max(r.peak_mb for r in runs),
        )


@dataclass(frozen=True)
class Row:
    tasks: int
    load: Run
    raw: Run

    @property
    def wall_ratio(self) -> float:
        return self.load.wall_s / self.raw.wall_s

    @property
    def cpu_ratio(self) -> float:
        return self.load.cpu_s / self.raw.cpu_s


def run_once(script: str, *args: str) -> Run:
    """Wall and CPU time of one fresh process, and its peak RSS."""
    before = _children_cpu()
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", script, *args],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.PIPE,
            check=True,
        )
        elapsed = time.perf_counter() - start
    peak_mb = int(done.stderr.decode().strip().splitlines()[-1]) / 1024
    return Run(elapsed, _children_cpu() - before, peak_mb)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def load_and_raw(path: Path, repeat: int) -> tuple[Run, Run]:
    """The best load and the best raw read of ``path``, alternating, so a busy moment on
    the machine hits both alike."""
    loads: list[Run] = []
    raws: list[Run] = []
    for _ in range(repeat):
        loads.append(run_once(CLI, str(path), "--json"))
        raws.append(run_once(RAW_READ, str(path)))
    return Run.best(loads), Run.best(raws)


def measure(repeat: int) -> list[Row]:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for tasks in SIZES:
            path = Path(folder) / f"big_{tasks}.xlsx"
            write_workbook(path, tasks)
            row = Row(tasks, *load_and_raw(path, repeat))
            rows.append(row)
            print(
                f"{tasks:>6} tasks: wall {row.load.wall_s:.2f}s vs {row.raw.wall_s:.2f}s "
                f"({row.wall_ratio:.2f}), CPU {row.load.cpu_s:.2f}s vs {row.raw.cpu_s:.2f}s "
                f"({row.cpu_ratio:.2f}), peak {row.load.peak_mb:.0f} vs {row.raw.peak_mb:.0f} MB",
                flush=True,
            )
    return rows


def markdown(rows: list[Row], repeat: int) -> str:
    lines = [
        "## Loader: `python -m loaders BIG --json` vs openpyxl reading the same cells",
        "",
        f"Measured by `benchmarks/bench_loader.py` (best of {repeat} fresh processes each; "
        f"Python {platform.python_version()}, {platform.machine()}). Workbooks in seed 001's "
        "layout from `benchmarks/make_big_workbook.py`: sections, a repeated header and a "
        "continuation row every 12 tasks. Target: load <= "
        f"{TARGET_RATIO} x raw read. CPU time (user + system of the child) is shown beside "
        "wall time because it is far less disturbed by other work on a shared machine.",
        "",
        "| tasks | load wall (s) | raw wall (s) | ratio | load CPU (s) | raw CPU (s) | CPU ratio "
        "| peak RSS load / raw (MB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {r.tasks:,} | {r.load.wall_s:.2f} | {r.raw.wall_s:.2f} | {r.wall_ratio:.2f} "
        f"| {r.load.cpu_s:.2f} | {r.raw.cpu_s:.2f} | {r.cpu_ratio:.2f} "
        f"| {r.load.peak_mb:.0f} / {r.raw.peak_mb:.0f} |"
        for r in rows
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args()
    section = markdown(measure(args.repeat), args.repeat)
    print(section)
    if args.write:
        write_section(section, start=START, end=END)


if __name__ == "__main__":
    main()
