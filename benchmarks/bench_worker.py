"""What reading an upload in its worker process costs, against reading it in the caller.

    .venv/bin/python benchmarks/bench_worker.py [--repeat 5] [--write]

In one run, alternating, best of ``--repeat`` each, on a copy of the sample database:

(a) floor: ``read.prepare`` in this process (the page before issue 11);
(b) ``worker.prepare_isolated``: the same in ``python -m loaders.worker``;
(c) the worker's start alone: a call that does nothing (imports: loaders only).

for the seed plan 001 (35 tasks) and a 10,000-task workbook in its layout. The
difference (b) - (a) is the price of isolation per upload. ``--write`` replaces
the worker section of RESULTS.md.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

START, END = "<!-- worker:start -->", "<!-- worker:end -->"


def nothing(*, progress: Callable[[int], None]) -> None:
    """The smallest call a worker can run: its cost is starting the worker."""


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args()

    from benchmarks.bench_worker import nothing as start_only  # by module name, for the worker
    from benchmarks.make_big_workbook import write_workbook
    from benchmarks.results_file import write_section
    from data_access.bootstrap import ensure_sample_data
    from data_access.db import get_engine, session_scope
    from data_access.imports import read, worker
    from loaders.isolation import run_isolated
    from sample_data.manifest import PLANS_DIR

    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "nq57.sqlite"
        url = f"sqlite:///{database}"
        ensure_sample_data(get_engine(url))
        big = Path(folder) / "ke_hoach_10000.xlsx"
        write_workbook(big, 10_000)
        seed = Path(folder) / "001.xlsx"
        shutil.copyfile(next(PLANS_DIR.glob("001_*.xlsx")), seed)

        def in_process(data: bytes, name: str) -> None:
            with session_scope(get_engine(url)) as session:
                read.prepare(session=session, data=data, file_name=name)

        def isolated(data: bytes, name: str) -> None:
            worker.prepare_isolated(url=url, data=data, file_name=name)

        start = min(
            timed(lambda: run_isolated(start_only, file_name="-")) for _ in range(args.repeat)
        )
        rows = []
        for path, label in ((seed, "seed 001 (35 tasks)"), (big, "10,000 tasks")):
            data = path.read_bytes()
            floor: list[float] = []
            isolated_times: list[float] = []
            for _ in range(args.repeat):  # alternate: a busy moment hits both alike
                floor.append(timed(partial(in_process, data, path.name)))
                isolated_times.append(timed(partial(isolated, data, path.name)))
            rows.append((label, min(floor), min(isolated_times)))
            print(
                f"{label}: in process {min(floor):.2f}s, worker {min(isolated_times):.2f}s",
                flush=True,
            )
    print(f"worker start alone: {start:.2f}s")
    text = markdown(rows, start, args.repeat)
    if args.write:
        write_section(text, start=START, end=END)
    print(text)


def markdown(rows: list[tuple[str, float, float]], start: float, repeat: int) -> str:
    lines = [
        "## Reading an upload in its worker process (issue 11)",
        "",
        f"Measured by `benchmarks/bench_worker.py` (best of {repeat}, alternating; Python "
        f"{platform.python_version()}, {platform.machine()}, {time.strftime('%d/%m/%Y')}). "
        "Floor: `read.prepare` in the caller's process, as the page read before; worker: "
        "`worker.prepare_isolated` (`python -m loaders.worker`, a fresh interpreter).",
        "",
        "| file | in process (s) | in the worker (s) | cost of isolation (s) |",
        "|---|---|---|---|",
        *(f"| {label} | {a:.2f} | {b:.2f} | {b - a:+.2f} |" for label, a, b in rows),
        "",
        f"A worker that does nothing (start, imports of `loaders` only, exit): {start:.2f} s. "
        "The rest of the cost is the worker importing `data_access.imports.read` (pandas, "
        "SQLAlchemy) and the result coming back pickled.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
