"""Where the real source documents live: ``shared/seeds`` beside the repository.

A clone made elsewhere (``git clone /work/main /tmp/fresh``) finds them beside
the repository it was cloned from; ``NQ57_SEEDS_DIR`` names them explicitly.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def _origin() -> Path | None:
    """The local repository this one was cloned from, if it was cloned from a path."""
    try:
        url = subprocess.run(
            ["git", "-C", str(REPO_ROOT), "config", "--get", "remote.origin.url"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        return None
    path = Path(url.removeprefix("file://")) if url else None
    return path.resolve() if path is not None and path.is_dir() else None


def _seeds_dir() -> Path:
    explicit = os.environ.get("NQ57_SEEDS_DIR")
    if explicit:
        return Path(explicit)
    beside = REPO_ROOT.parent / "shared" / "seeds"
    origin = _origin()
    if beside.is_dir() or origin is None:
        return beside
    return origin.parent / "shared" / "seeds"


SEEDS_DIR = _seeds_dir()
MISSING = f"the seed documents are not in {SEEDS_DIR} (set NQ57_SEEDS_DIR to their folder)"
