"""The sign-in settings read from the environment: anonymous reading, the method, the
public view."""

from __future__ import annotations

import pytest

from data_access.settings import SignInMethod, get_settings


@pytest.mark.parametrize(
    ("value", "allowed"),
    [(None, True), ("1", True), ("0", False), ("false", False), (" OFF ", False), ("no", False)],
)
def test_anonymous_reading_is_on_unless_turned_off(
    monkeypatch: pytest.MonkeyPatch, value: str | None, allowed: bool
) -> None:
    if value is None:
        monkeypatch.delenv("ALLOW_ANONYMOUS_VIEW", raising=False)
    else:
        monkeypatch.setenv("ALLOW_ANONYMOUS_VIEW", value)
    assert get_settings().allow_anonymous_view is allowed


@pytest.mark.parametrize(
    ("value", "method"),
    [(None, SignInMethod.LOCAL), ("local", SignInMethod.LOCAL), ("SSO", SignInMethod.SSO)],
)
def test_the_sign_in_method_is_local_unless_sso_is_chosen(
    monkeypatch: pytest.MonkeyPatch, value: str | None, method: SignInMethod
) -> None:
    if value is None:
        monkeypatch.delenv("SIGN_IN", raising=False)
    else:
        monkeypatch.setenv("SIGN_IN", value)
    assert get_settings().sign_in_method is method


@pytest.mark.parametrize(
    ("value", "on"),
    [(None, False), ("", False), ("0", False), ("off", False), ("1", True), (" TRUE ", True)],
)
def test_the_public_view_is_off_unless_turned_on(
    monkeypatch: pytest.MonkeyPatch, value: str | None, on: bool
) -> None:
    if value is None:
        monkeypatch.delenv("PUBLIC_VIEW", raising=False)
    else:
        monkeypatch.setenv("PUBLIC_VIEW", value)
    assert get_settings().public_view is on
