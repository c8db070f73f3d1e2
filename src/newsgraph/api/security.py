"""What keeps the server safe to run: loopback by default, tokens, size limits, headers.

* :func:`check_bind` refuses a non-loopback address unless a token is set.
* :class:`Guard` (outermost ASGI middleware) rejects unknown Host headers when bound to
  loopback (DNS rebinding), cross-site writes (an ``Origin`` that is not this server),
  bodies over the size limit (413, before the endpoint reads them), and adds the
  security headers — a Content-Security-Policy that allows only our own scripts.
* :func:`require_token` guards every write endpoint when the server has a token.
"""

from __future__ import annotations

import hmac
import ipaddress
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsgraph.api.errors import ApiError, error_body
from newsgraph.errors import ConfigError

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

# Our pages load only our own scripts and styles; inline <script> never runs, so escaped
# text is not the only defence. Inline *styles* are allowed for Swagger UI and the
# graph/map libraries, which set element styles.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


class BindRefused(ConfigError):
    """The server would be reachable from other machines without a token."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to listen beyond this machine without a token guarding the write endpoints."""
    if not is_loopback(host) and not token:
        raise BindRefused(
            f"refusing to listen on {host}: other machines could reach the server and write to the store; "
            "give --token (or NEWSGRAPH_TOKEN) to require a bearer token on write endpoints, "
            "or keep the default --host 127.0.0.1"
        )


def token_matches(expected: str | None, given: str | None) -> bool:
    if not expected:
        return True
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())


def bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def require_token(request: Request) -> None:
    """Dependency of every write endpoint: the bearer token, when the server has one."""
    expected = request.app.state.token
    given = bearer(request)
    if not token_matches(expected, given):
        problem = "is missing" if given is None else "is wrong"
        raise ApiError(
            401,
            f"this server requires a bearer token for writes and the token {problem}; "
            "send the header 'Authorization: Bearer TOKEN' with the token the server was started with",
            headers={"WWW-Authenticate": "Bearer"},
        )


class BodyTooLarge(ApiError):
    def __init__(self, limit: int) -> None:
        super().__init__(
            413,
            f"the request body is over the {limit / 1048576:g} MB limit; send a smaller file, "
            "or start the server with a larger --max-upload-mb",
        )


class Guard:
    """Host and origin checks, body size limit and security headers for every request."""

    def __init__(self, app: ASGIApp, max_body: int, check_host: bool) -> None:
        self.app = app
        self.max_body = max_body
        self.check_host = check_host

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        problem = self._problem(scope, headers)
        if problem is not None:
            status, message = problem
            await _send_json(scope, receive, send, status, message)
            return
        await self.app(scope, self._limited(receive), self._with_headers(send))

    def _problem(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        host = headers.get("host", "")
        if self.check_host and _hostname(host) not in LOOPBACK_NAMES:
            return 400, (f"Host header {host!r} is not this machine; the server listens on loopback only "
                         "(open it as http://127.0.0.1:PORT/, or start it with --host and --token)")
        origin = headers.get("origin")
        if scope["method"] in UNSAFE_METHODS and origin and origin != "null" and urlsplit(origin).netloc != host:
            return 403, (f"a page at {origin} tried to write to this server; writes are accepted only from the "
                         "server's own pages or from clients that send no Origin header")
        length = headers.get("content-length")
        if length and length.isdigit() and int(length) > self.max_body:
            return 413, str(BodyTooLarge(self.max_body).detail)
        return None

    def _limited(self, receive: Receive) -> Receive:
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        return limited

    @staticmethod
    def _with_headers(send: Send) -> Send:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                present = {k.lower() for k, _ in message["headers"]}
                message["headers"] = list(message["headers"]) + [h for h in SECURITY_HEADERS if h[0] not in present]
            await send(message)

        return with_headers


def _hostname(host_header: str) -> str:
    if host_header.startswith("["):
        return host_header[1:].split("]", 1)[0]
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


async def _send_json(scope: Scope, receive: Receive, send: Send, status: int, message: str) -> None:
    response = JSONResponse(error_body(status, message), status_code=status)
    response.headers.update({k.decode(): v.decode() for k, v in SECURITY_HEADERS})
    await response(scope, receive, send)


def guard_options(host: str, max_upload_mb: float) -> dict[str, Any]:
    return {"max_body": int(max_upload_mb * 1024 * 1024), "check_host": is_loopback(host)}
