"""A small OpenID Connect provider for the single sign-on tests: the real protocol, one user.

It serves discovery, an authorisation endpoint that signs in ``OidcProvider.user`` at once
(a provider's login form is not what is tested), a token endpoint that checks the client's
secret, the code and the redirect address and returns an RS256-signed ID token carrying the
nonce, and the key set. Streamlit's ``st.login`` (Authlib) talks to it as to Keycloak.
Tokens are signed with joserfc, which Authlib itself uses.
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

from joserfc import jwt
from joserfc.jwk import RSAKey

CLIENT_ID = "nq57-dashboard"
CLIENT_SECRET = secrets.token_urlsafe(16)
TOKEN_SECONDS = 300


@dataclass
class OidcProvider:
    issuer: str
    user: dict[str, str] = field(default_factory=dict)  # the claims of whoever signs in next
    _key: RSAKey = field(default_factory=lambda: RSAKey.generate_key(2048))
    _codes: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def metadata_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    def discovery(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        }

    def authorize(self, query: dict[str, str]) -> str:
        """Where the browser goes next: back to the app with a code for ``self.user``."""
        if query.get("client_id") != CLIENT_ID or query.get("response_type") != "code":
            raise PermissionError("unknown client or response type")
        code = secrets.token_urlsafe(16)
        self._codes[code] = {**query, "user": json.dumps(self.user)}
        back = {"code": code, "state": query.get("state", "")}
        return f"{query['redirect_uri']}?{urlencode(back)}"

    def token(self, form: dict[str, str], authorization: str) -> dict[str, Any]:
        client_id, client_secret = form.get("client_id"), form.get("client_secret")
        if authorization.startswith("Basic "):
            decoded = base64.b64decode(authorization.removeprefix("Basic ")).decode()
            client_id, _, client_secret = decoded.partition(":")
        if (client_id, client_secret) != (CLIENT_ID, CLIENT_SECRET):
            raise PermissionError("bad client credentials")
        asked = self._codes.pop(form.get("code", ""), None)  # a code is used once
        if asked is None or asked.get("redirect_uri") != form.get("redirect_uri"):
            raise PermissionError("unknown code or another redirect address")
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "iat": now,
            "exp": now + TOKEN_SECONDS,
            **json.loads(asked["user"]),
        }
        if "nonce" in asked:
            claims["nonce"] = asked["nonce"]
        header = {"alg": "RS256", "kid": self._key.thumbprint()}
        id_token = jwt.encode(header, claims, self._key)
        return {
            "access_token": secrets.token_urlsafe(16),
            "token_type": "Bearer",
            "expires_in": TOKEN_SECONDS,
            "id_token": id_token,
        }

    def key_set(self) -> dict[str, Any]:
        public = self._key.as_dict(private=False)
        return {"keys": [{**public, "kid": self._key.thumbprint(), "use": "sig", "alg": "RS256"}]}


def _handler(provider: OidcProvider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            url = urlparse(self.path)
            query = {name: values[0] for name, values in parse_qs(url.query).items()}
            if url.path == "/.well-known/openid-configuration":
                self._json(provider.discovery())
            elif url.path == "/jwks":
                self._json(provider.key_set())
            elif url.path == "/authorize":
                try:
                    self._redirect(provider.authorize(query))
                except PermissionError as refused:
                    self._json({"error": str(refused)}, status=400)
            else:
                self._json({"error": "not found"}, status=404)

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length", "0"))
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            try:
                self._json(provider.token(form, self.headers.get("Authorization", "")))
            except PermissionError as refused:
                self._json({"error": "invalid_grant", "error_description": str(refused)}, 400)

        def _json(self, body: dict[str, Any], status: int = 200) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _redirect(self, location: str) -> None:
            self.send_response(302)
            self.send_header("Location", location)
            self.end_headers()

        def log_message(self, *_: Any) -> None:  # the test output stays quiet
            return

    return Handler


@contextmanager
def running_provider() -> Iterator[OidcProvider]:
    """The provider on a free localhost port, for the duration of the block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(OidcProvider(issuer="")))
    provider = OidcProvider(issuer=f"http://127.0.0.1:{server.server_address[1]}")
    server.RequestHandlerClass = _handler(provider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield provider
    finally:
        server.shutdown()
        server.server_close()
