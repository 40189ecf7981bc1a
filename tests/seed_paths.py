"""Where the real source documents live: ``shared/seeds`` beside the repository."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = REPO_ROOT.parent / "shared" / "seeds"
