"""What both command lines do when the reader of their output goes away."""

from __future__ import annotations

import os
import sys


def reader_gone() -> None:
    """The reader of stdout stopped early (``… | head``): not an error, and nothing more to say.

    stdout is pointed at /dev/null so that Python's final flush does not fail again.
    """
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
