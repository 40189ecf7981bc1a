"""Run ``python -m data_access`` as IT staff would: a subprocess on a given DATABASE_URL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
OK, FAILED, USAGE = 0, 1, 2  # the command's exit codes: done, refused, wrong command line


def sentence_and_log(stderr: str) -> tuple[str, str]:
    """The first line of ``stderr`` (the sentence staff read) and the rest (the logged cause)."""
    sentence, _, log = stderr.partition("\n")
    return sentence, log.strip()


def run_data_access(
    url: str, *args: str | Path, **settings: str
) -> subprocess.CompletedProcess[str]:
    """``settings``: more environment variables (UPLOAD_PARSE_SECONDS, …)."""
    env = {**os.environ, "DATABASE_URL": url, "PYTHONIOENCODING": "utf-8", **settings}
    return subprocess.run(
        [sys.executable, "-m", "data_access", *map(str, args)],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
