"""The read endpoints on a really ingested corpus, on SQLite and PostgreSQL.

Expectations are derived from the stored records (the contract), never typed in per article.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi.testclient import TestClient

from newsgraph.api.csv_export import COLUMNS
from newsgraph.store.db import Store
from tests.api.conftest import app_client
from tests.casualties import HARMFUL, HARMLESS, INJURED, KILLED, casualty_record, counts


def all_events(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    body = client.get("/api/events", params={**params, "limit": 1000}).json()
    assert body["total"] == len(body["items"]), "corpus bigger than one page: page through it"
    items: list[dict[str, Any]] = body["items"]
    return items


def test_status_counts_match_the_store(client: TestClient) -> None:
    body = client.get("/api/status").json()
    assert body["ok"] is True and body["writes_need_token"] is False
    assert body["counts"]["articles"] == 6
    assert body["counts"]["events"] == len(all_events(client))


def test_articles_list_search_and_paging(client: TestClient, seed_id: str) -> None:
    body = client.get("/api/articles").json()
    assert body["total"] == 6 and len(body["items"]) == 6
    published = [a["published"] for a in body["items"] if a["published"]]
    assert published == sorted(published, reverse=True)
    assert seed_id in {a["id"] for a in body["items"]}
    found = client.get("/api/articles", params={"q": "anbar"}).json()
    assert [a["id"] for a in found["items"]] == [seed_id]
    assert client.get("/api/articles", params={"q": "100%_nothing"}).json()["total"] == 0
    first = client.get("/api/articles", params={"limit": 4}).json()["items"]
    rest = client.get("/api/articles", params={"limit": 4, "offset": 4}).json()["items"]
    assert [a["id"] for a in first + rest] == [a["id"] for a in body["items"]]


def test_article_has_its_record_and_actor_keys(client: TestClient, seed_id: str) -> None:
    body = client.get(f"/api/articles/{seed_id}").json()
    record = body["record"]
    assert record["schema"] == "newsgraph/1" and record["article"]["id"] == seed_id
    assert set(body["actor_keys"]) == {a["id"] for a in record["actors"]}
    text = record["article"]["text"]
    for event in record["events"]:
        trigger = event["evidence"]["trigger"]
        assert text[trigger["start"]:trigger["end"]] == trigger["text"]


def test_event_filters(client: TestClient, seed_id: str) -> None:
    everything = all_events(client)
    assert everything, "the corpus should hold coded events"
    for event in all_events(client, type="ASSAULT"):
        assert event["type"] == "ASSAULT"
    both = all_events(client, type=["ASSAULT", "AID"])
    assert {e["type"] for e in both} <= {"ASSAULT", "AID"}
    assert len(both) == len(all_events(client, type="ASSAULT")) + len(all_events(client, type="AID"))
    assert all(e["quad"] == 4 for e in all_events(client, quad=4))
    negated = all_events(client, negated="true")
    assert negated and all(e["negated"] for e in negated)
    assert len(negated) + len(all_events(client, negated="false")) == len(everything)
    window = all_events(client, since="2014-01-06", until="2014-01-07")
    assert window and all("2014-01-06" <= e["date"] <= "2014-01-07" for e in window)
    assert len(window) == sum(1 for e in everything if e["date"] and "2014-01-06" <= e["date"] <= "2014-01-07")
    seed = all_events(client, article=seed_id)
    assert seed and {e["article_id"] for e in seed} == {seed_id}


def test_place_filter_matches_name_or_country(client: TestClient) -> None:
    placed = [e for e in all_events(client) if e["place"]]
    assert placed
    name = placed[0]["place"]["name"]
    by_name = all_events(client, place=name.upper())
    assert by_name and all(e["place"]["name"] == name for e in by_name)
    country = placed[0]["place"]["country"]
    by_country = all_events(client, place=country.lower())
    assert {e["place"]["country"] for e in by_country} == {country}
    assert len(by_country) == sum(1 for e in placed if e["place"]["country"] == country)


def test_actor_filters(client: TestClient) -> None:
    actors = client.get("/api/actors", params={"limit": 5}).json()["items"]
    busiest = actors[0]
    key = busiest["key"]
    sent = all_events(client, source=key)
    received = all_events(client, target=key)
    assert len(sent) == busiest["sent"] and len(received) == busiest["received"]
    assert all(any(a["key"] == key for a in e["source"]) for e in sent)
    assert all(any(a["key"] == key for a in e["target"]) for e in received)
    either = all_events(client, actor=key)
    assert {e["id"] for e in either} == {e["id"] for e in sent} | {e["id"] for e in received}
    activity = [a["sent"] + a["received"] for a in actors]
    assert activity == sorted(activity, reverse=True)


def test_pages_are_disjoint_and_complete(client: TestClient) -> None:
    everything = [e["id"] for e in all_events(client)]
    paged: list[str] = []
    offset = 0
    while True:
        page = client.get("/api/events", params={"limit": 7, "offset": offset}).json()
        assert page["total"] == len(everything)
        paged += [e["id"] for e in page["items"]]
        if len(page["items"]) < 7:
            break
        offset += 7
    assert paged == everything


def test_events_csv_has_every_match(client: TestClient) -> None:
    response = client.get("/api/events", params={"format": "csv", "quad": "4"})
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    expected = all_events(client, quad="4")
    assert tuple(rows[0].keys()) == COLUMNS
    assert [(r["article_id"], r["event_id"]) for r in rows] == [(e["article_id"], e["local_id"]) for e in expected]
    assert all(r["quad"] == "4" for r in rows)
    assert [(r["killed"], r["injured"]) for r in rows] == [(_cell(e["killed"]), _cell(e["injured"])) for e in expected]


def _cell(count: int | None) -> str:
    """A casualty count as the CSV writes it: the number, or an empty cell for "none reported"."""
    return "" if count is None else str(count)


def test_events_json_and_csv_carry_casualty_counts(db_url: str) -> None:
    record = casualty_record()
    aid = record.article.id
    with Store(db_url) as store:
        store.save([record])
    with app_client(db_url) as client:
        listed = all_events(client)
        harmful = client.get(f"/api/events/{aid}/{HARMFUL}").json()
        harmless = client.get(f"/api/events/{aid}/{HARMLESS}").json()
        table = client.get("/api/events", params={"format": "csv"}).text
    assert counts(listed) == {HARMFUL: (KILLED, INJURED), HARMLESS: (None, None)}
    assert (harmful["killed"], harmful["injured"]) == (KILLED, INJURED)
    assert "killed" in harmless and (harmless["killed"], harmless["injured"]) == (None, None)
    rows = {r["event_id"]: r for r in csv.DictReader(io.StringIO(table))}
    assert (rows[HARMFUL]["killed"], rows[HARMFUL]["injured"]) == (str(KILLED), str(INJURED))
    assert (rows[HARMLESS]["killed"], rows[HARMLESS]["injured"]) == ("", "")


def test_casualty_minimums_on_the_corpus(client: TestClient) -> None:
    """min_killed=1 is exactly the events that report a death; the smallest count + 1 leaves it out."""
    everything = all_events(client)
    deadly = {e["id"] for e in everything if e["killed"] is not None and e["killed"] >= 1}
    assert deadly, "the corpus should hold an event that reports deaths"
    assert {e["id"] for e in all_events(client, min_killed=1)} == deadly
    fewest = min(e["killed"] for e in everything if e["id"] in deadly)
    above = {e["id"] for e in all_events(client, min_killed=fewest + 1)}
    assert above == {e["id"] for e in everything if e["id"] in deadly and e["killed"] > fewest} != deadly
    assert len(all_events(client, min_killed=0)) == len(everything)  # 0 is no filter
    assert len(all_events(client, min_killed="")) == len(everything)  # an empty form field too
    hurt = {e["id"] for e in everything if e["injured"] is not None and e["injured"] >= 1}
    assert {e["id"] for e in all_events(client, min_injured=1)} == hurt
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events", params={"format": "csv", "min_killed": 1}).text)))
    assert {f"{r['article_id']}/{r['event_id']}" for r in rows} == deadly


def test_casualty_minimums_on_every_filtered_endpoint(db_url: str) -> None:
    """The hand-built attack (3 killed, 12 injured) and the condemnation without counts."""
    record = casualty_record()
    with Store(db_url) as store:
        store.save([record])
    with app_client(db_url) as client:
        def ids(**params: Any) -> set[str]:
            return {e["local_id"] for e in all_events(client, **params)}

        assert ids(min_killed=1) == ids(min_killed=KILLED) == ids(min_injured=INJURED) == {HARMFUL}
        assert ids(min_killed=KILLED + 1) == ids(min_injured=INJURED + 1) == set()
        assert ids(min_killed=KILLED, min_injured=INJURED + 1) == set()
        assert ids(min_killed=0, min_injured=0) == {HARMFUL, HARMLESS}
        table = client.get("/api/events", params={"format": "csv", "min_injured": INJURED}).text
        places = client.get("/api/places", params={"min_killed": KILLED + 1}).json()["items"]
        graph = {n: client.get("/api/graph", params={"min_killed": n}).json() for n in (KILLED, KILLED + 1)}
    assert [r["event_id"] for r in csv.DictReader(io.StringIO(table))] == [HARMFUL]
    assert [p["events"] for p in places] == [0]
    assert graph[KILLED]["options"]["min_killed"] == KILLED
    assert [e["events"] for e in graph[KILLED]["graph"]["edges"]] == [[f"{record.article.id}/{HARMFUL}"]]
    assert graph[KILLED + 1]["graph"]["edges"] == []


def test_event_detail_carries_its_evidence(client: TestClient, seed_id: str) -> None:
    record = client.get(f"/api/articles/{seed_id}").json()["record"]
    text = record["article"]["text"]
    coded = record["events"][0]
    event = client.get(f"/api/events/{seed_id}/{coded['id']}").json()
    assert event["type"] == coded["type"] and event["score"] == coded["score"]
    assert event["evidence"]["text"] == text[coded["evidence"]["start"]:coded["evidence"]["end"]]
    assert [a["id"] for a in event["source"]] == coded["source"]
    assert [a["id"] for a in event["target"]] == coded["target"]
    assert (event["killed"], event["injured"]) == (coded["killed"], coded["injured"])


def test_actor_profile(client: TestClient) -> None:
    key = client.get("/api/actors", params={"limit": 1}).json()["items"][0]["key"]
    profile = client.get(f"/api/actors/{key}").json()
    assert profile["actor"]["key"] == key
    events = profile["events"]["items"]
    dated = [e["date"] for e in events if e["date"]]
    assert dated == sorted(dated)
    for event in events:
        sides = {a["key"] for a in event["source"]} if event["direction"] == "sent" else {a["key"] for a in event["target"]}
        assert key in sides or event["direction"] == "both"
    for partner in profile["partners"]:
        shared = all_events(client, actor=key, partner=partner["key"], negated="false")
        with_scores = [e for e in shared if e["score"] is not None]
        assert partner["count"] <= len(shared)
        assert partner["cooperation"] == sum(1 for e in with_scores if e["score"] > 0 and _linked(e, key, partner["key"]))
        assert partner["conflict"] == sum(1 for e in with_scores if e["score"] < 0 and _linked(e, key, partner["key"]))


def _linked(event: dict[str, Any], a: str, b: str) -> bool:
    """``a`` and ``b`` on opposite sides of the event (that is what makes them partners)."""
    sources = {x["key"] for x in event["source"]}
    targets = {x["key"] for x in event["target"]}
    return (a in sources and b in targets) or (b in sources and a in targets)


def test_quotes_by_speaker(client: TestClient) -> None:
    quotes = client.get("/api/quotes", params={"limit": 1000}).json()["items"]
    spoken = [q for q in quotes if q["speaker"]]
    assert spoken, "the corpus should hold attributed quotes"
    key = spoken[0]["speaker"]["key"]
    theirs = client.get("/api/quotes", params={"speaker": key, "limit": 1000}).json()
    assert theirs["total"] == sum(1 for q in spoken if q["speaker"]["key"] == key)
    assert all(q["speaker"]["key"] == key for q in theirs["items"])


def test_places_count_events_under_the_filter(client: TestClient) -> None:
    places = client.get("/api/places", params={"limit": 1000}).json()["items"]
    assert sum(p["events"] for p in places) == sum(1 for e in all_events(client) if e["place"])
    assault = client.get("/api/places", params={"limit": 1000, "type": "ASSAULT"}).json()["items"]
    assert sum(p["events"] for p in assault) == sum(1 for e in all_events(client, type="ASSAULT") if e["place"])


def test_types_list_plover_in_order(client: TestClient) -> None:
    names = [t["type"] for t in client.get("/api/types").json()]
    assert len(names) == 16 and names[0] == "AGREE" and names[-1] == "ASSAULT"


def test_openapi_documents_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/actors", "/api/events", "/api/quotes", "/api/places", "/api/graph",
                 "/api/extract"):
        assert path in spec["paths"], path
    for path in ("/api/events", "/api/places", "/api/graph"):
        described = {p["name"]: p.get("description", "") for p in spec["paths"][path]["get"]["parameters"]}
        for name in ("min_killed", "min_injured"):
            assert "at least" in described[name] and "no filter" in described[name], (path, name)
    extract = spec["paths"]["/api/extract"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(extract)
    assert "/articles" not in spec["paths"]  # HTML pages stay out of the API description
