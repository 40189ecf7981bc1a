"""Time a 10,000-task plan and a 10,000-row progress workbook imported end to end.

    .venv/bin/python benchmarks/imports.py [--repeat 3] [--postgres URL] [--write]

For each database (SQLite; PostgreSQL when ``--postgres`` or BENCH_POSTGRES_URL gives
the URL of a database to connect to for creating others), on a fresh database holding
the sample data (``ensure_sample_data``), best of ``--repeat`` each, alternating:

(a) read: the loader alone (``load_bytes`` with the stored agency directory), the floor;
(b) read + preview: ``read.prepare``, what the page shows before the user confirms;
(c) read + preview + commit: (b), then ``write.commit`` in a write session.

Every (c) runs on a database of its own, copied from a template (a file copy on
SQLite, ``CREATE DATABASE ... TEMPLATE`` on PostgreSQL). The plan is
``make_big_workbook``'s seed-001 layout; the progress workbook reports once on every
task of that plan as stored, in the sample progress workbook's columns, so its
template also holds the plan. Target (issue 13): (c) <= 2 x (a). ``--write``
replaces the imports section of RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import create_engine, make_url, text
from sqlmodel import select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.make_big_workbook import write_workbook  # noqa: E402
from benchmarks.results_file import write_section  # noqa: E402
from data_access.accounts import SHELL_ADMIN  # noqa: E402
from data_access.agency_store import upload_directory  # noqa: E402
from data_access.bootstrap import ensure_sample_data  # noqa: E402
from data_access.db import get_engine, session_scope  # noqa: E402
from data_access.imports import read, write  # noqa: E402
from data_access.models import Plan, Task  # noqa: E402
from loaders.load import load_bytes  # noqa: E402
from loaders.text import fold  # noqa: E402
from sample_data.build_progress import DONE, IN_PROGRESS, NOT_STARTED, TASK_HEADER  # noqa: E402

TASKS = 10_000
PLAN_CODE = "KH-10000"
PLAN_FILE, PROGRESS_FILE = "ke_hoach_10000.xlsx", "tien_do_10000.xlsx"
REPORT_DAY = date(2026, 10, 15)
TARGET_RATIO = 2.0
DB_PREFIX = "imports_bench"  # PostgreSQL databases this script creates and drops
START, END = "<!-- imports:start -->", "<!-- imports:end -->"


@dataclass(frozen=True)
class Timing:
    database: str
    file: str
    read_s: float
    preview_s: float
    commit_s: float

    @property
    def ratio(self) -> float:
        return self.commit_s / self.read_s


class Databases:
    """Fresh databases copied from templates, on SQLite (files) or PostgreSQL."""

    def __init__(self, folder: Path, admin_url: str | None) -> None:
        self.folder, self.admin_url, self.count = folder, admin_url, 0
        self.name = "PostgreSQL" if admin_url else "SQLite"

    def url(self, name: str) -> str:
        if self.admin_url is None:
            return f"sqlite:///{self.folder / name}.sqlite"
        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def create(self, name: str, template: str | None = None) -> str:
        """A new database ``name``: empty, or a copy of ``template``."""
        if template is not None:
            get_engine(self.url(template)).dispose()  # a template must have no connections
        if self.admin_url is None:
            if template is not None:
                shutil.copyfile(self.folder / f"{template}.sqlite", self.folder / f"{name}.sqlite")
            return self.url(name)
        copy = f" TEMPLATE {template}" if template else ""
        self._admin(f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}{copy}")
        return self.url(name)

    @contextmanager
    def copy_of(self, template: str) -> Iterator[str]:
        """A throwaway copy of ``template``, dropped after the block."""
        self.count += 1
        name = f"{DB_PREFIX}_run_{self.count}"
        url = self.create(name, template)
        try:
            yield url
        finally:
            get_engine(url).dispose()
            if self.admin_url is not None:
                self._admin(f"DROP DATABASE {name}")

    def drop_all(self, names: list[str]) -> None:
        for name in names:
            get_engine(self.url(name)).dispose()
        if self.admin_url is not None:
            self._admin(*(f"DROP DATABASE IF EXISTS {name}" for name in names))

    def _admin(self, *statements: str) -> None:
        assert self.admin_url is not None
        engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            for statement in statements:
                connection.execute(text(statement))
        engine.dispose()


def plan_workbook(folder: Path) -> bytes:
    path = folder / PLAN_FILE
    write_workbook(path, TASKS)
    return path.read_bytes()


def progress_workbook(url: str) -> bytes:
    """One report on every task of the stored plan, in the sample progress workbook's columns."""
    with session_scope(get_engine(url)) as session:
        tasks = session.exec(
            select(Task.section_code, Task.number, Task.name)
            .join(Plan, Plan.id == Task.plan_id)  # type: ignore[arg-type]
            .where(Plan.code == PLAN_CODE)
            .order_by(Task.position)  # type: ignore[arg-type]
        ).all()
    book = Workbook()
    sheet = book.active
    sheet.title = "Tiến độ"
    sheet.append(TASK_HEADER)
    for index, (section, number, name) in enumerate(tasks):
        day = REPORT_DAY - timedelta(days=index % 30)
        status = (DONE, IN_PROGRESS, NOT_STARTED)[index % 3]
        done = status == DONE
        evidence = f"Quyết định số {index}/QĐ-UBND" if done else ""
        note = f"Báo cáo tiến độ nhiệm vụ {section}.{number}"
        sheet.append(
            [PLAN_CODE, section, number, name, day, status, day if done else None, evidence, note]
        )
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def read_only(url: str, data: bytes, name: str) -> None:
    with session_scope(get_engine(url)) as session:
        load_bytes(data, name, directory=upload_directory(session))


def preview(url: str, data: bytes, name: str) -> read.PreparedUpload:
    code = PLAN_CODE if name == PLAN_FILE else None
    with session_scope(get_engine(url)) as session:
        return read.prepare(session=session, data=data, file_name=name, plan_code=code)


def end_to_end(url: str, data: bytes, name: str) -> None:
    upload = preview(url, data, name)
    assert not upload.errors, upload.errors[:3]
    with session_scope(get_engine(url), write=True) as session:
        write.commit(session=session, actor=SHELL_ADMIN, upload=upload)


def timed(action: Callable[[], object]) -> float:
    """Seconds for ``action``, cold: the page and the CLI read in a new worker process."""
    fold.cache_clear()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measure(databases: Databases, template: str, data: bytes, name: str, repeat: int) -> Timing:
    """Best of ``repeat`` of each step, alternating, each commit on a fresh copy."""
    reads: list[float] = []
    previews: list[float] = []
    commits: list[float] = []
    url = databases.url(template)
    for _ in range(repeat):
        reads.append(timed(partial(read_only, url, data, name)))
        previews.append(timed(partial(preview, url, data, name)))
        with databases.copy_of(template) as copy:
            commits.append(timed(partial(end_to_end, copy, data, name)))
    timing = Timing(databases.name, name, min(reads), min(previews), min(commits))
    print(
        f"{timing.database} {name}: read {timing.read_s:.2f}s, +preview {timing.preview_s:.2f}s, "
        f"+commit {timing.commit_s:.2f}s ({timing.ratio:.1f}x read)",
        flush=True,
    )
    return timing


def run(databases: Databases, plan: bytes, repeat: int) -> list[Timing]:
    """Both files on ``databases``: the plan on the sample data, progress on sample + plan."""
    samples, with_plan = f"{DB_PREFIX}_samples", f"{DB_PREFIX}_with_plan"
    try:
        ensure_sample_data(get_engine(databases.create(samples)))
        plan_timing = measure(databases, samples, plan, PLAN_FILE, repeat)
        end_to_end(databases.create(with_plan, samples), plan, PLAN_FILE)
        progress = progress_workbook(databases.url(with_plan))
        return [plan_timing, measure(databases, with_plan, progress, PROGRESS_FILE, repeat)]
    finally:
        databases.drop_all([samples, with_plan])


def markdown(timings: list[Timing], repeat: int, load: str) -> str:
    lines = [
        "## Imports, 10,000 rows",
        "",
        f"Measured by `benchmarks/imports.py` (best of {repeat}, alternating, each commit on "
        f"a fresh copy of the database; Python {platform.python_version()}, "
        f"{platform.machine()}, {time.strftime('%d/%m/%Y')}; `/proc/loadavg` at the start: "
        f"{load}). Read: the loader alone with the stored agencies; preview: `read.prepare`; "
        "commit: preview then `write.commit`, as the page does. Target: end to end <= "
        f"{TARGET_RATIO:g} x read.",
        "",
        "| database | file | read (s) | read + preview (s) | end to end (s) | end to end / read |",
        "|---|---|---:|---:|---:|---:|",
        *(
            f"| {t.database} | {t.file} | {t.read_s:.2f} | {t.preview_s:.2f} "
            f"| {t.commit_s:.2f} | {t.ratio:.2f} |"
            for t in timings
        ),
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--postgres",
        default=os.environ.get("BENCH_POSTGRES_URL"),
        help="URL of a PostgreSQL database to connect to for creating the benchmark's own",
    )
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args()
    load = Path("/proc/loadavg").read_text().strip()
    timings: list[Timing] = []
    with tempfile.TemporaryDirectory() as folder:
        plan = plan_workbook(Path(folder))
        timings += run(Databases(Path(folder), None), plan, args.repeat)
        if args.postgres:
            timings += run(Databases(Path(folder), args.postgres), plan, args.repeat)
    section = markdown(timings, args.repeat, load)
    print(section)
    if args.write:
        write_section(section, start=START, end=END)


if __name__ == "__main__":
    main()
