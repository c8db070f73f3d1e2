"""POST /api/extract: pasted text, uploaded files, optional storing, size limit and token."""

from __future__ import annotations

from fastapi.testclient import TestClient

from newsgraph.pipeline import extract
from newsgraph.store.db import Store
from newsgraph.text.article import Metadata, make_article
from tests.api.conftest import app_client
from tests.conftest import EXAMPLES
from tests.helpers import minimal_pdf

TEXT = (
    "Iran accused Israel of attacking its nuclear scientists on Monday.\n\n"
    "Iranian Foreign Minister Javad Zarif told reporters in Tehran that Israel would pay for the attack."
)


def test_pasted_text_gives_the_cli_record(client: TestClient) -> None:
    response = client.post("/api/extract", json={"text": TEXT, "published": "2015-07-14", "title": "T"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["stored"] is False and body["reader"] is None
    record = body["record"]
    expected = extract(make_article(TEXT, Metadata(title="T", published="2015-07-14"), "x")).to_dict()
    assert record["article"] == expected["article"]
    assert record["events"] == expected["events"] and record["actors"] == expected["actors"]
    assert client.get(f"/api/articles/{record['article']['id']}").status_code == 404  # not stored


def test_uploads_go_through_the_readers(client: TestClient) -> None:
    html = (EXAMPLES / "crimea-sanctions-2014.html").read_bytes()
    body = client.post("/api/extract", files={"file": ("page.html", html)}).json()
    assert "<" not in body["record"]["article"]["text"]
    assert "Crimea" in body["record"]["article"]["text"]
    pdf = minimal_pdf(["Iran accused Israel of attacking its scientists.", "Israel denied it on Monday."])
    body = client.post("/api/extract", files={"file": ("a.pdf", pdf)}, data={"published": "2015-01-02"}).json()
    assert body["record"]["article"]["text"].startswith("Iran accused Israel")
    assert body["record"]["article"]["published"] == "2015-01-02"


def test_store_true_keeps_the_article(db_url: str) -> None:
    with app_client(db_url) as client:
        response = client.post("/api/extract", data={"text": TEXT, "store": "true", "published": "2015-07-14"})
        body = response.json()
        assert response.status_code == 200 and body["stored"] is True
        article_id = body["record"]["article"]["id"]
        assert body["reader"] == f"/articles/{article_id}"
        stored = client.get(f"/api/articles/{article_id}").json()["record"]
        assert stored == body["record"]
        assert client.get("/api/status").json()["counts"]["articles"] == 1
    with Store(db_url) as store:
        assert store.record(article_id) == body["record"]


def test_token_guards_writes_only(db_url: str) -> None:
    with app_client(db_url, token="t0ken") as client:
        ok = client.post("/api/extract", json={"text": TEXT, "store": True}, headers={"Authorization": "Bearer t0ken"})
        assert ok.status_code == 200 and ok.json()["stored"] is True
        assert client.post("/api/extract", json={"text": TEXT}).status_code == 401
        assert client.get("/api/articles").json()["total"] == 1
        form = client.post("/paste", data={"text": TEXT, "token": "t0ken"})
        assert form.status_code == 200 and "article-text" in form.text


def test_limit_is_configurable(tmp_path) -> None:  # type: ignore[no-untyped-def]
    body = "Iran met Iraq. " * 800  # ≈ 12 kB
    url = f"sqlite:///{tmp_path / 'limit.db'}"
    with app_client(url, max_upload_mb=0.01) as small:
        assert small.post("/api/extract", json={"text": body}).status_code == 413
    with app_client(url, max_upload_mb=1) as large:
        assert large.post("/api/extract", data={"text": body}).status_code == 200
