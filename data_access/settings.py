"""The app's configuration, read from environment variables in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = REPO_ROOT / "data"  # git-ignored
DEFAULT_SAMPLE_DATA_DIR = REPO_ROOT / "sample_data"

_FALSE_WORDS = frozenset({"0", "false", "no", "off"})


class SignInMethod(StrEnum):
    """How people sign in (``SIGN_IN``): the app's own accounts, or the province's single
    sign-on through Streamlit's ``st.login`` (its ``[auth]`` secrets name the provider)."""

    LOCAL = "local"
    SSO = "sso"


@dataclass(frozen=True)
class Settings:
    """``DATABASE_URL``, ``SAMPLE_DATA_DIR``, ``LOAD_SAMPLE_DATA`` and
    ``ALLOW_ANONYMOUS_VIEW`` (0/false turns either off), ``SIGN_IN`` (local or sso),
    ``PUBLIC_VIEW`` (1/true turns it on)."""

    database_url: str
    sample_data_dir: Path
    load_sample_data: bool = True
    # Dashboards, reports and exports open without signing in; every write needs an account.
    allow_anonymous_view: bool = True
    sign_in_method: SignInMethod = SignInMethod.LOCAL
    # The public page (Công khai), for anyone with or without an account; off unless asked.
    public_view: bool = False


def get_settings() -> Settings:
    """Read the environment now (not cached: tests and CLI runs change it)."""
    url = os.environ.get("DATABASE_URL", "").strip() or _default_database_url()
    sample_dir = os.environ.get("SAMPLE_DATA_DIR", "").strip()
    method = os.environ.get("SIGN_IN", "").strip().lower()
    return Settings(
        database_url=url,
        sample_data_dir=Path(sample_dir) if sample_dir else DEFAULT_SAMPLE_DATA_DIR,
        load_sample_data=_switch("LOAD_SAMPLE_DATA"),
        allow_anonymous_view=_switch("ALLOW_ANONYMOUS_VIEW"),
        sign_in_method=SignInMethod.SSO if method == SignInMethod.SSO else SignInMethod.LOCAL,
        public_view=_switch("PUBLIC_VIEW", default="0"),
    )


def _switch(name: str, default: str = "1") -> bool:
    """On unless the variable (``default`` when unset or empty) says 0, false, no or off."""
    return (os.environ.get(name, "").strip().lower() or default) not in _FALSE_WORDS


def _default_database_url() -> str:
    DEFAULT_DATA_DIR.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_DATA_DIR / 'nq57.sqlite'}"
