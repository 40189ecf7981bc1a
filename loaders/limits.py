"""What one uploaded file may hold and cost, in one place.

Generous for real plans: a national list of 100,000 tasks in seed 001's layout
(benchmarks/make_big_workbook.py) is a 5 MB .xlsx (5,067,131 bytes) whose sheet
inflates to 110 MB (110,433,884 bytes), a compression ratio of 21.8; it loads within
every limit below (measured once: building it takes 25 s, so tests/test_limits_zip.py
checks the 10,000-task workbook). A file past a limit is refused with one Vietnamese
sentence before or while it is read (loaders/package.py, the readers, loaders/guards.py).
"""

from __future__ import annotations

import os

MEGABYTE = 1024 * 1024

# The file as uploaded. Streamlit's own upload limit (.streamlit/config.toml,
# server.maxUploadSize, in MB) is kept equal to it; a test checks they agree.
MAX_FILE_BYTES = 10 * MEGABYTE

# The zip package inside an .xlsx/.docx, checked from its directory before reading,
# then proved by inflating each member once in small steps (loaders/package.py says why).
MAX_INFLATED_BYTES = 400 * MEGABYTE  # all members together
MAX_COMPRESSION_RATIO = 100  # inflated / compressed, per member (real sheets: 5-25)
RATIO_CHECKED_FROM = MEGABYTE  # smaller members cannot cost much whatever their ratio

# The table.
MAX_ROWS_PER_SHEET = 400_000  # rows read in one sheet or one Word document
MAX_COLUMNS = 64  # cells beyond this are never read (styled empty columns up to XFD)
MAX_CELL_CHARS = 32_767  # Excel's own maximum for one cell


def _setting(name: str, default: float) -> float:
    """A limit an operator (or a test's server) may set in the environment; else ``default``."""
    return float(os.environ.get(name, "").strip() or default)


# The worker process that reads and previews an upload (data_access, the CLIs).
# UPLOAD_PARSE_SECONDS and UPLOAD_PARSE_MEMORY_MB override them (README, set-up).
PARSE_SECONDS = _setting("UPLOAD_PARSE_SECONDS", 120)  # wall time before the read is stopped
PARSE_MEMORY_BYTES = int(_setting("UPLOAD_PARSE_MEMORY_MB", 2048) * MEGABYTE)  # beyond its start

# One field of a record, after cleaning (the models' VARCHAR lengths come from here).
# The seeds' longest: a task name of 962 characters, an expected output of 575.
MAX_NAME_CHARS = 4_000  # a task's or KPI's name
MAX_TEXT_CHARS = 8_000  # deadline text, expected output, basis, notes, evidence, titles…
MAX_AGENCY_CHARS = 300  # one agency's name or spelling
# An internal unit is stored with its body: "Văn phòng Sở (Sở Khoa học và Công nghệ)".
MAX_STORED_AGENCY_CHARS = 2 * MAX_AGENCY_CHARS + len(" ()")
MAX_PLAN_CODE_CHARS = 100
MAX_PERSON_CHARS = 300  # who imported, reported or approved
MAX_QUOTED_CHARS = 200  # of a value quoted in a problem message ("…" marks the cut)
MAX_USERNAME_CHARS = 60  # an account's sign-in name
MAX_PASSWORD_HASH_CHARS = 200  # argon2's encoded hash (about 100 characters today)
MAX_DOCUMENT_NUMBER_CHARS = 100  # a document's number and sign: "12/QĐ-UBND"
MAX_FILE_NAME_CHARS = 200  # an evidence file's name as stored

# An agency's evidence file (PDF, PNG or JPEG) attached to its report: as much as an upload.
MAX_EVIDENCE_BYTES = MAX_FILE_BYTES

# Sign-in: after this many wrong passwords in a row an account is locked for a while;
# counted in the database, so every app process sees the same count.
MAX_FAILED_SIGN_INS = 5
LOCKOUT_MINUTES = 15
MIN_PASSWORD_CHARS = 12  # a password an administrator or the account's owner chooses
SESSION_IDLE_MINUTES = 30  # a signed-in browser session left alone this long signs out
SESSION_MAX_HOURS = 10  # and any signed-in session ends after a working day

# Writes: a second writer (an undo during an import, two uploads, another app process)
# waits this long for the first to finish, then is told the database is busy.
WRITE_WAIT_SECONDS = _setting("DATABASE_WRITE_WAIT_SECONDS", 10)
