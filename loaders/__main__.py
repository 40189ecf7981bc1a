"""Command line: ``python -m loaders PATH [--json]``.

Exit 0 when the file was read (even with problems), 2 when it cannot be read
(one sentence on stderr; after it, when there is one, a log line with the technical
cause, such as the zip error of a broken workbook), 1 on an unexpected failure
(one sentence, no traceback).
The file is read in a worker process (loaders.isolation); what to print comes from
loaders.cli_output. Output piped into a reader that stops early (``… | head``) is
dropped (loaders.console).
"""

from __future__ import annotations

import argparse
import logging
import sys
from functools import partial
from pathlib import Path

from errors import log_cause
from loaders.cli_output import render, write_utf8
from loaders.console import reader_may_leave
from loaders.isolation import run_isolated
from loaders.problems import unreadable_message
from loaders.records import UnreadableFileError

EXIT_OK, EXIT_UNEXPECTED, EXIT_UNREADABLE = 0, 1, 2
_log = logging.getLogger("loaders")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m loaders",
        description="Đọc một bảng nhiệm vụ / chỉ tiêu (.xlsx, .docx) và in kết quả.",
    )
    parser.add_argument("path", type=Path, help="tệp .xlsx hoặc .docx")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")
    args = parser.parse_args(argv)
    try:  # in a worker process, within the time and memory limits
        read = partial(render, args.path, as_json=args.json)
        output = run_isolated(read, file_name=args.path.name)
    except UnreadableFileError as exc:
        write_utf8(sys.stderr, f"{exc}\n")
        log_cause(_log, exc)
        return EXIT_UNREADABLE
    except Exception as exc:  # the contract: one sentence, never a traceback
        detail = f"{type(exc).__name__}: {exc}"
        write_utf8(
            sys.stderr, unreadable_message("unexpected", args.path.name, detail=detail) + "\n"
        )
        return EXIT_UNEXPECTED
    write_utf8(sys.stdout, output)
    return EXIT_OK


if __name__ == "__main__":
    logging.basicConfig(format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    with reader_may_leave():
        status = main()
    sys.exit(status)
