"""The server under measure (its memory) and many browser sessions at once (load)."""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from collections.abc import Awaitable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import Browser
from playwright.async_api import Error as PlaywrightError

from benchmarks.browser_session import OVERVIEW, PageFailed, Session, open_once
from tests.e2e.conftest import streamlit_server

PERIOD = 3.0  # seconds between one session's filter changes
IDLE_CPU = 0.02  # s of server CPU per IDLE_WINDOW below which the server counts as idle
IDLE_WINDOW = 1.0  # s
IDLE_PATIENCE = 300.0  # s: longest start-up work waited for


@dataclass
class Server:
    url: str
    pid: int

    def memory_mb(self) -> tuple[float, float]:
        """Resident and peak resident memory (MB) of the server and its child processes."""
        pids = [self.pid, *_descendants(self.pid)]
        return _status_mb(pids, "VmRSS"), _status_mb(pids, "VmHWM")

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the server process has used so far."""
        return _cpu_seconds(Path(f"/proc/{self.pid}/stat").read_text())

    async def idle(self) -> float:
        """Wait until the server's start-up work is done: its CPU and the database server's
        (PostgreSQL's processes, which work while the app waits on a query) at rest; seconds
        waited."""
        began = time.monotonic()
        before = self.cpu_seconds() + _database_cpu_seconds()
        while time.monotonic() - began < IDLE_PATIENCE:
            await asyncio.sleep(IDLE_WINDOW)
            now = self.cpu_seconds() + _database_cpu_seconds()
            if now - before < IDLE_CPU:
                return time.monotonic() - began
            before = now
        raise TimeoutError(f"the server was still busy after {IDLE_PATIENCE:g} s")


def _cpu_seconds(stat: str) -> float:
    """User + system CPU seconds from a /proc/PID/stat line."""
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _database_cpu_seconds() -> float:
    """CPU used so far by every PostgreSQL process on this machine (none for SQLite)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            line = stat.read_text()
        except OSError:  # the process ended meanwhile
            continue
        if "(postgres)" in line:
            total += _cpu_seconds(line)
    return total


def _descendants(pid: int) -> list[int]:
    found = []
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in map(int, children.read_text().split()):
            found += [child, *_descendants(child)]
    return found


def _status_mb(pids: list[int], key: str) -> float:
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{key}:"):
                total += int(line.split()[1])  # kB
    return total / 1024


@contextmanager
def serving(script: Path, database_url: str, log: Path) -> Iterator[Server]:
    with streamlit_server(script, database_url, log, LOAD_SAMPLE_DATA="0") as (url, process):
        yield Server(url, process.pid)


@dataclass
class Load:
    times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    server_cpu: float = 0.0  # s of CPU the server used meanwhile
    wall: float = 0.0  # s

    @property
    def p95(self) -> float:
        t = sorted(self.times)
        return statistics.quantiles(t, n=20, method="inclusive")[18] if len(t) > 1 else t[0]

    def summary(self) -> str:
        """p50, p95, max, how many and how many errors."""
        return (
            f"p50 {statistics.median(self.times):.2f} s, p95 {self.p95:.2f} s, "
            f"max {max(self.times):.2f} s; {len(self.times)} timed, {len(self.errors)} errors; "
            f"server CPU {self.server_cpu:.0f} s in {self.wall:.0f} s"
        )


async def arrivals(
    browser: Browser, server: Server, url: str, count: int, ready: str = OVERVIEW[2]
) -> Load:
    """``count`` new sessions asking for ``url`` at once: each one's time, the server's CPU."""
    load = Load()
    cpu, began = server.cpu_seconds(), time.monotonic()
    runs = [open_once(browser, url, ready) for _ in range(count)]
    for outcome in await asyncio.gather(*runs, return_exceptions=True):
        _record(load, outcome)
    load.server_cpu, load.wall = server.cpu_seconds() - cpu, time.monotonic() - began
    return load


async def filter_load(
    browser: Browser, server: Server, url: str, agencies: list[str], seconds: float, ready: str
) -> Load:
    """One session per agency, each choosing or removing it every ``PERIOD`` s for ``seconds``
    on the page at ``url`` (drawn when ``ready`` shows); the server's CPU meanwhile."""
    load = Load()
    cpu, began = server.cpu_seconds(), time.monotonic()

    async def person(index: int, agency: str) -> None:
        session = await Session.new(browser)
        try:
            await session.open(url, ready)
            await asyncio.sleep(PERIOD * index / len(agencies))  # spread over one period
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                began = time.monotonic()
                outcome = await _attempt(session.toggle_agency(agency))
                _record(load, outcome)
                if isinstance(outcome, BaseException):  # start again from a fresh page
                    session.agency_chosen = False
                    _record(load, await _attempt(session.open(url, ready)))
                await asyncio.sleep(max(0.0, PERIOD - (time.monotonic() - began)))
        finally:
            await session.close()

    await asyncio.gather(*(person(i, agency) for i, agency in enumerate(agencies)))
    load.server_cpu, load.wall = server.cpu_seconds() - cpu, time.monotonic() - began
    return load


async def _attempt(step: Awaitable[float]) -> float | BaseException:
    try:
        return await step
    except (PageFailed, PlaywrightError) as error:
        return error


def _record(load: Load, outcome: float | BaseException) -> None:
    if isinstance(outcome, BaseException):
        load.errors.append(f"{type(outcome).__name__}: {str(outcome)[:200]}")
    else:
        load.times.append(outcome)
