"""Every 4xx and 5xx has the same JSON shape, on every endpoint (model: datasette's test_error_shape)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from tests.api.conftest import app_client

SHAPE = {"ok", "status", "error", "message", "details"}
JSON = {"Accept": "application/json"}

# (method, path, request options, expected status) — at least one failure per endpoint.
CASES: list[tuple[str, str, dict[str, Any], int]] = [
    ("GET", "/api/articles?limit=0", {}, 422),
    ("GET", "/api/articles?offset=-1", {}, 422),
    ("GET", "/api/articles/0000000000000000", {}, 404),
    ("GET", "/api/actors?limit=abc", {}, 422),
    ("GET", "/api/actors/no%7Csuch%7Cactor", {}, 404),
    ("GET", "/api/events?type=FLY", {}, 422),
    ("GET", "/api/events?since=yesterday", {}, 422),
    ("GET", "/api/events?since=2014-02-01&until=2014-01-01", {}, 422),
    ("GET", "/api/events?quad=7", {}, 422),
    ("GET", "/api/events?negated=maybe", {}, 422),
    ("GET", "/api/events?format=xml", {}, 422),
    ("GET", "/api/events?min_killed=-1", {}, 422),
    ("GET", "/api/events?min_killed=abc", {}, 422),
    ("GET", "/api/events?min_injured=2.5", {}, 422),
    ("GET", "/api/events?min_killed=99999999999999999999", {}, 422),
    ("GET", "/api/events?format=csv&min_injured=-4", {}, 422),
    ("GET", "/api/events?limit=100000", {}, 422),
    ("GET", "/api/events/0000000000000000/e1", {}, 404),
    ("GET", "/api/quotes?limit=5000", {}, 422),
    ("GET", "/api/places?until=soon", {}, 422),
    ("GET", "/api/places?min_killed=many", {}, 422),
    ("GET", "/api/graph?by=planet", {}, 422),
    ("GET", "/api/graph?type=NOPE", {}, 422),
    ("GET", "/api/graph?include_negated=perhaps", {}, 422),
    ("GET", "/api/graph?min_injured=-1", {}, 422),
    ("POST", "/api/status", {}, 405),
    ("POST", "/api/types", {}, 405),
    ("DELETE", "/api/articles", {}, 405),
    ("GET", "/api/extract", {}, 405),
    ("POST", "/api/extract", {"json": {}}, 422),
    ("POST", "/api/extract", {"json": ["not", "an", "object"]}, 422),
    ("POST", "/api/extract", {"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 422),
    ("POST", "/api/extract", {"json": {"text": "   "}}, 422),
    ("POST", "/api/extract", {"json": {"text": "Iran met Iraq.", "published": "someday"}}, 422),
    ("POST", "/api/extract", {"content": b"Iran met Iraq.", "headers": {"Content-Type": "text/plain"}}, 415),
    ("POST", "/api/extract", {"files": {"file": ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(200))}}, 422),
    ("POST", "/api/extract", {"files": {"file": ("a.txt", b"\x00\x01\x02" * 100)}}, 422),
    ("POST", "/api/extract", {"data": {"text": "x"}, "files": {"file": ("a.txt", b"Iran met Iraq.")}}, 422),
    ("GET", "/nowhere", {}, 404),
    ("GET", "/api/nowhere", {}, 404),
    ("GET", "/static/nowhere.css", {}, 404),
    ("GET", "/vendor/not-served.js", {}, 404),
    ("GET", "/vendor/..%2F..%2Fpackage.json", {}, 404),
    ("GET", "/articles/0000000000000000", {}, 404),
    ("GET", "/articles?limit=-3", {}, 422),
    ("GET", "/events?quad=9", {}, 422),
    ("GET", "/events?min_killed=-2", {}, 422),
    ("GET", "/events/0000000000000000/e1", {}, 404),
    ("GET", "/actors/no%7Csuch%7Cactor", {}, 404),
    ("GET", "/network?since=never", {}, 422),
    ("GET", "/map?type=NOPE", {}, 422),
    ("POST", "/paste", {"data": {"text": ""}}, 422),
    ("PUT", "/paste", {}, 405),
]


def assert_error_shape(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json"), response.headers["content-type"]
    body: dict[str, Any] = response.json()
    assert set(body) == SHAPE, body
    assert body["ok"] is False
    assert body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["message"], str) and len(body["message"]) > 10
    assert isinstance(body["details"], list)
    return body


@pytest.mark.parametrize(("method", "path", "options", "status"), CASES, ids=[f"{m} {p}" for m, p, _, _ in CASES])
def test_error_shape(client: TestClient, method: str, path: str, options: dict[str, Any], status: int) -> None:
    extra = dict(options)  # CASES is shared by both backends: never mutate it
    headers = {**JSON, **extra.pop("headers", {})}
    response = client.request(method, path, headers=headers, **extra)
    assert_error_shape(response, status)


def test_every_api_route_has_an_error_case(client: TestClient) -> None:
    """A new endpoint must get a row in CASES: compare the OpenAPI paths with the cases."""
    spec = client.get("/openapi.json").json()
    covered = {path.split("?")[0] for _, path, _, _ in CASES}
    for route in spec["paths"]:
        prefix = route.split("{")[0].rstrip("/")
        assert any(c == route or (c.startswith(prefix) and "{" in route) for c in covered), route


def test_validation_errors_name_the_field(client: TestClient) -> None:
    body = assert_error_shape(client.get("/api/events?limit=0", headers=JSON), 422)
    assert body["details"][0]["field"] == "limit"
    assert "limit" in body["message"]
    body = assert_error_shape(client.get("/api/events?type=FLY", headers=JSON), 422)
    assert "FLY" in body["message"] and "ASSAULT" in body["message"]


@pytest.mark.parametrize(("name", "value"), [("min_killed", "-1"), ("min_injured", "three"), ("min_killed", "1e3")])
def test_bad_casualty_minimum_says_what_to_give(client: TestClient, name: str, value: str) -> None:
    body = assert_error_shape(client.get("/api/events", params={name: value}, headers=JSON), 422)
    assert body["details"] == [{"field": name, "in": "query", "message": "expected a whole number, 0 or more"}]
    assert f"{name}={value!r}" in body["message"] and "0 or more" in body["message"]


def test_too_large_casualty_minimum_names_the_largest(client: TestClient) -> None:
    body = assert_error_shape(client.get("/api/events", params={"min_killed": 2**31}, headers=JSON), 422)
    assert body["details"][0]["field"] == "min_killed" and f"at most {2**31 - 1}" in body["message"]
    assert client.get("/api/events", params={"min_killed": 2**31 - 1}).json()["total"] == 0


def test_browsers_get_the_error_as_a_page(client: TestClient) -> None:
    response = client.get("/actors/no%7Csuch%7Cactor", headers={"Accept": "text/html,application/xhtml+xml"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no actor has key" in response.text
    # the API keeps answering JSON whatever the browser asks for
    api = client.get("/api/actors/no%7Csuch%7Cactor", headers={"Accept": "text/html"})
    assert_error_shape(api, 404)


def test_body_over_the_limit_is_413(corpus_url: str) -> None:
    with app_client(corpus_url, max_upload_mb=0.01) as small:
        big = "Iran met Iraq. " * 2000
        assert_error_shape(small.post("/api/extract", json={"text": big}, headers=JSON), 413)
        upload = {"file": ("big.txt", big.encode())}
        assert_error_shape(small.post("/api/extract", files=upload, headers=JSON), 413)

        def chunks():  # no Content-Length: the limit is counted while the body streams in
            for _ in range(40):
                yield b"Iran met Iraq. " * 100

        streamed = small.post("/api/extract", content=chunks(), headers={**JSON, "Content-Type": "application/json"})
        assert_error_shape(streamed, 413)


def test_token_errors(corpus_url: str) -> None:
    with app_client(corpus_url, token="s3cret-token") as guarded:
        body = assert_error_shape(guarded.post("/api/extract", json={"text": "Iran met Iraq."}, headers=JSON), 401)
        assert "bearer token" in body["message"]
        wrong = {**JSON, "Authorization": "Bearer nope"}
        assert_error_shape(guarded.post("/api/extract", json={"text": "Iran met Iraq."}, headers=wrong), 401)
        assert_error_shape(guarded.post("/paste", data={"text": "Iran met Iraq."}, headers=JSON), 401)
        assert guarded.get("/api/status").status_code == 200  # reads need no token


def test_cross_site_writes_and_foreign_hosts_are_refused(client: TestClient) -> None:
    evil = {**JSON, "Origin": "http://evil.example"}
    body = assert_error_shape(client.post("/api/extract", json={"text": "Iran met Iraq."}, headers=evil), 403)
    assert "evil.example" in body["message"]
    rebinding = client.get("/api/status", headers={**JSON, "Host": "evil.example"})
    assert_error_shape(rebinding, 400)


def test_server_errors_have_the_shape_too(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A store broken under the running app (a dropped table) gives a 500 in the same shape, no trace."""
    url = f"sqlite:///{tmp_path / 'broken.db'}"
    with app_client(url) as broken:
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP TABLE event_actors"))
        engine.dispose()
        body = assert_error_shape(broken.get("/api/graph", headers=JSON), 500)
        assert "Traceback" not in body["message"] and "event_actors" not in body["message"]
