"""The font shipped for exports: DejaVu Sans, which covers every Vietnamese letter (see LICENSE)."""

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent
FONT_FAMILY = "DejaVu Sans"
REGULAR_TTF = FONT_DIR / "DejaVuSans.ttf"
BOLD_TTF = FONT_DIR / "DejaVuSans-Bold.ttf"
