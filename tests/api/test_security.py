"""Binding rules, headers and the CLI's refusal to expose an unguarded server."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsgraph.api.security import BindRefused, check_bind, is_loopback
from tests.conftest import run_cli


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_needs_no_token(host: str) -> None:
    assert is_loopback(host)
    check_bind(host, None)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "::", "example.org"])
def test_other_hosts_need_a_token(host: str) -> None:
    assert not is_loopback(host)
    with pytest.raises(BindRefused, match="--token"):
        check_bind(host, None)
    check_bind(host, "a-token")


def test_cli_refuses_to_expose_the_store(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("serve", "--host", "0.0.0.0", "--db", f"sqlite:///{tmp_path / 'x.db'}", timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("error: refusing to listen on 0.0.0.0")
    assert "--token" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_pages_carry_a_strict_content_security_policy(client: TestClient) -> None:
    for path in ("/", "/api/status", "/nowhere"):
        csp = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert "object-src 'none'" in csp


def test_no_query_string_reaches_sql_as_text(client: TestClient) -> None:
    """Quotes and LIKE wildcards in filters are data, not SQL: matches are literal, nothing breaks."""
    ids = [a["id"] for a in client.get("/api/articles").json()["items"]]
    records = [client.get(f"/api/articles/{i}").json()["record"]["article"] for i in ids]
    for value in ("' OR 1=1 --", "%", "_", "\\", "%iran%"):
        literal = sum(1 for a in records if value.lower() in ((a["title"] or "") + " " + a["text"]).lower())
        assert client.get("/api/articles", params={"q": value}).json()["total"] == literal
        assert client.get("/api/events", params={"actor": value}).json()["total"] == 0
        assert client.get("/api/actors", params={"q": value}).status_code == 200
