"""The one error contract: every error a user may read derives from UserFacingError.

Its message is one Vietnamese sentence, shown exactly as written: app.py catches it
once around the page run, the command lines print it on stderr. The technical error
behind it, if any, is chained (``raise … from cause``) and goes to the log only.
Top level so that loaders/ (which never imports data_access/) can use it too.
"""

from __future__ import annotations

import logging
import traceback


class UserFacingError(Exception):
    """An error whose message is one Vietnamese sentence a user can act on."""


def cause_text(error: BaseException) -> str | None:
    """The error behind ``error`` (its ``__cause__``) as type and message, no frames."""
    cause = error.__cause__
    if cause is None:
        return None
    return "".join(traceback.format_exception_only(cause)).strip()


def log_cause(logger: logging.Logger, error: UserFacingError) -> None:
    """Log the technical error behind ``error``, when there is one, for whoever keeps the app."""
    text = cause_text(error)
    if text is not None:
        logger.error("%s; cause: %s", type(error).__name__, text)
