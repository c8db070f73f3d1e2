"""GDELT, POLECAT and PLOVER exports, read back with standard readers and checked against the store's tables."""

from __future__ import annotations

import csv
import json
from collections import Counter
from itertools import product
from pathlib import Path
from typing import Any

from newsgraph.export import export
from newsgraph.store.db import Store
from tests.casualties import HARMFUL, HARMLESS, INJURED, KILLED, casualty_record
from tests.export.conftest import asserted_events, event_actors, places, query

# GDELT 2.0 event table columns, in order (GDELT event codebook v2.0).
GDELT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode "
    "Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code "
    "Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code IsRootEvent EventCode EventBaseCode "
    "EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone Actor1Geo_Type "
    "Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long "
    "Actor1Geo_FeatureID Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code "
    "Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName "
    "ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID "
    "DATEADDED SOURCEURL"
).split()
# POLECAT's public TSV header.
POLECAT_COLUMNS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW",
    "Primary Recipient Sector", "Recipient Sectors", "Recipient Title", "Recipient Name Raw",
    "Wikipedia Recipient ID", "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude",
    "GeoNames ID", "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People",
    "Story Organizations", "Story Locations", "Language", "Version",
]


def _tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _number(cell: str) -> float | None:
    return float(cell) if cell else None


def _day(event: dict[str, Any]) -> str:
    value = event["date"] or event["published"]
    return str(value)[:10].replace("-", "") if value else ""


def test_gdelt_has_61_columns_and_one_row_per_actor_pair(store: Store, tmp_path: Path):
    out = tmp_path / "events.tsv"
    report = export(store, "gdelt-tsv", str(out))
    rows = _tsv(out)
    assert len(GDELT_COLUMNS) == 61
    assert rows and all(len(row) == 61 for row in rows)
    assert report.rows["gdelt-tsv"] == len(rows)
    got = [dict(zip(GDELT_COLUMNS, row, strict=True)) for row in rows]
    linked, place_rows = event_actors(store), places(store)
    expected = Counter()
    for event in asserted_events(store):
        key = (event["article_id"], event["local_id"])
        sources = linked.get((*key, "source"), []) or [None]
        targets = linked.get((*key, "target"), []) or [None]
        place = place_rows.get((event["article_id"], event["place"])) if event["place"] else None
        for actor1, actor2 in product(sources, targets):
            expected[(
                _day(event),
                actor1["cameo"] or "" if actor1 else "", actor1["name"].upper() if actor1 else "",
                actor2["cameo"] or "" if actor2 else "", actor2["name"].upper() if actor2 else "",
                event["cameo"] or "", event["quad"], event["goldstein"],
                place["lat"] if place and place["lon"] is not None else None,
                place["lon"] if place and place["lat"] is not None else None,
                event["url"] or "",
            )] += 1
    exported = Counter(
        (
            r["SQLDATE"], r["Actor1Code"], r["Actor1Name"], r["Actor2Code"], r["Actor2Name"], r["EventCode"],
            int(r["QuadClass"]) if r["QuadClass"] else None, _number(r["GoldsteinScale"]),
            _number(r["ActionGeo_Lat"]), _number(r["ActionGeo_Long"]), r["SOURCEURL"],
        )
        for r in got
    )
    assert exported == expected
    assert len({r["GLOBALEVENTID"] for r in got}) == len(got), "event ids are unique"
    for r in got:
        assert r["EventBaseCode"] == r["EventCode"][:3] and r["EventRootCode"] == r["EventCode"][:2]
        assert (r["NumMentions"], r["NumSources"], r["NumArticles"]) == ("1", "1", "1")
        assert len(r["DATEADDED"]) == 14 and r["DATEADDED"].isdigit()
        assert r["IsRootEvent"] in ("0", "1") and r["Actor1Geo_Type"] == r["Actor2Geo_Type"] == "0"
        if r["SQLDATE"]:
            assert r["Year"] == r["SQLDATE"][:4] and r["MonthYear"] == r["SQLDATE"][:6]
            assert r["FractionDate"].startswith(r["Year"] + ".")
        if r["ActionGeo_Lat"]:
            assert r["ActionGeo_Type"] in {"1", "2", "3", "4", "5"} and len(r["ActionGeo_CountryCode"]) in (0, 2)


def test_gdelt_and_polecat_leave_out_events_that_did_not_happen(store: Store, tmp_path: Path):
    linked = event_actors(store)

    def gdelt_rows(events: list[dict[str, Any]]) -> int:
        return sum(
            max(1, len(linked.get((e["article_id"], e["local_id"], "source"), [])))
            * max(1, len(linked.get((e["article_id"], e["local_id"], "target"), [])))
            for e in events
        )

    every = query(store, "SELECT * FROM events")
    real = asserted_events(store)
    assert len(real) < len(every), "the examples hold negated, hypothetical or future events"
    gdelt, polecat, plover = tmp_path / "g.tsv", tmp_path / "p.tsv", tmp_path / "p.jsonl"
    export(store, "gdelt-tsv", str(gdelt))
    export(store, "polecat-tsv", str(polecat))
    export(store, "plover-jsonl", str(plover))
    assert len(_tsv(gdelt)) == gdelt_rows(real) < gdelt_rows(every)
    assert len(_tsv(polecat)) - 1 == len(real)
    lines = [json.loads(line) for line in plover.read_text(encoding="utf-8").splitlines()]
    assert sum(1 for e in lines if e["negated"] or e["hypothetical"] or e["future"]) == len(every) - len(real)


def test_polecat_header_and_rows_match_the_store(store: Store, tmp_path: Path):
    out = tmp_path / "polecat.tsv"
    export(store, "polecat-tsv", str(out))
    header, *rows = _tsv(out)
    assert header == POLECAT_COLUMNS
    assert all(len(row) == 40 for row in rows)
    events = {f"{e['article_id']}-{e['local_id']}": e for e in asserted_events(store)}
    assert len(rows) == len(events)
    linked, place_rows = event_actors(store), places(store)
    for row in rows:
        got = dict(zip(POLECAT_COLUMNS, row, strict=True))
        event = events[got["Event ID"]]
        assert got["Event Type"] == event["type"]
        assert got["Quad Code"] == (str(event["quad"]) if event["quad"] is not None else "")
        assert _number(got["Event Intensity"]) == event["score"]
        assert got["Event Date"].replace("-", "") == _day(event)
        for side, role in (("Actor", "source"), ("Recipient", "target")):
            actors = linked.get((event["article_id"], event["local_id"], role), [])
            assert got[f"{side} Name"] == "; ".join(a["name"] for a in actors)
            assert got[f"Primary {side} Sector"] == ((actors[0]["sector"] or "") if actors else "")
        place = place_rows.get((event["article_id"], event["place"])) if event["place"] else None
        assert got["Placename"] == (place["name"] if place else "")
        assert _number(got["Latitude"]) == (place["lat"] if place else None)
        assert got["GeoNames ID"] == (str(place["geonameid"]) if place and place["geonameid"] is not None else "")


def test_plover_jsonl_has_every_event_with_its_fields(store: Store, tmp_path: Path):
    out = tmp_path / "plover.jsonl"
    export(store, "plover-jsonl", str(out))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    events = {f"{e['article_id']}-{e['local_id']}": e for e in query(store, "SELECT * FROM events")}
    assert len(records) == len(events) == len({r["id"] for r in records})
    linked, place_rows = event_actors(store), places(store)
    for record in records:
        for name in ("id", "date", "actor", "recipient", "event", "mode", "context", "event_loc", "event_text",
                     "quad_code", "event_scale", "text_info", "cite_info", "coder"):
            assert name in record
        event = events[record["id"]]
        assert record["event"] == event["type"] and record["quad_code"] == event["quad"]
        assert record["cameo"] == event["cameo"] and bool(record["negated"]) == bool(event["negated"])
        assert record["event_scale"] == event["score"]
        assert (record["killed"], record["injured"]) == (event["killed"], event["injured"])
        assert record["text_info"]["start"] == event["start"] and record["text_info"]["end"] == event["end"]
        assert record["text_info"]["trigger"]["text"] == event["trigger_text"]
        for field, role in (("actor", "source"), ("recipient", "target")):
            actors = linked.get((event["article_id"], event["local_id"], role), [])
            assert [a["id"] for a in record[field]] == [a["local_id"] for a in actors]
            assert [a["name"] for a in record[field]] == [a["name"] for a in actors]
        if event["place"]:
            place = place_rows[(event["article_id"], event["place"])]
            assert record["event_loc"]["name"] == place["name"] and record["event_loc"]["lat"] == place["lat"]
        else:
            assert record["event_loc"] is None
        assert record["cite_info"]["article_id"] == event["article_id"]


def test_plover_jsonl_carries_casualty_counts(store: Store, tmp_path: Path):
    record = casualty_record()
    store.save([record])
    out = tmp_path / "plover.jsonl"
    export(store, "plover-jsonl", str(out))
    exported = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    harmful, harmless = exported[f"{record.article.id}-{HARMFUL}"], exported[f"{record.article.id}-{HARMLESS}"]
    assert (harmful["killed"], harmful["injured"]) == (KILLED, INJURED)
    assert "killed" in harmless and (harmless["killed"], harmless["injured"]) == (None, None)
    assert all("killed" in r and "injured" in r for r in exported.values())
