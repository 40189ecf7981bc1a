"""Who is using the app in this browser session.

Until sign-in exists (issue 14), everyone who reaches the app acts as the built-in
administrator of the server's shell; sign-in replaces ``acting_account`` alone.
"""

from __future__ import annotations

from data_access.accounts import SHELL_ADMIN
from data_access.models import Account


def acting_account() -> Account:
    """The account every write of this session is made as."""
    return SHELL_ADMIN
