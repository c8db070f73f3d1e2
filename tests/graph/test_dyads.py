"""Signed, weighted dyads built from the stored events, checked event by event."""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from newsgraph.graph import GraphOptions, build_graph, dumps, to_json
from newsgraph.store.db import Store
from newsgraph.store.queries import EventFilter, events_page
from newsgraph.store.schema import EventRow
from tests.conftest import run_cli


def stored_events(store: Store, **filters: object) -> list[dict]:
    """Events as the API lists them, plus ``reciprocal`` from the record when the store keeps it."""
    page = events_page(store.engine, EventFilter(**filters), 100_000, 0)  # type: ignore[arg-type]
    kept = "reciprocal" in EventRow.__table__.c
    flags: dict[str, bool] = {}
    for article in {e["article_id"] for e in page.items}:
        record = store.record(article) or {}
        flags.update({f"{article}/{e['id']}": bool(e.get("reciprocal")) for e in record.get("events", ())})
    return [{**e, "reciprocal": kept and flags[e["id"]]} for e in page.items]


def pairs(event: dict, node) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """The directed dyads an event puts on the graph (both ways for a reciprocal act)."""
    found = {(s, t) for s in {node(a) for a in event["source"]} for t in {node(a) for a in event["target"]} if s != t}
    return found | {(t, s) for s, t in found} if event["reciprocal"] else found


def test_each_edge_sums_exactly_its_events(corpus_store: Store) -> None:
    graph = build_graph(corpus_store.engine)
    assert graph.number_of_edges() > 0
    events = {e["id"]: e for e in stored_events(corpus_store)}
    for u, v, data in graph.edges(data=True):
        cited = [events[ref] for ref in data["events"]]
        assert all(not e["negated"] for e in cited)
        assert all((u, v) in pairs(e, lambda a: a["key"]) for e in cited)
        assert data["count"] == len(cited) == len(set(data["events"]))
        assert data["score"] == pytest.approx(sum(e["score"] or 0 for e in cited))
        assert data["sign"] == (data["score"] > 0) - (data["score"] < 0)
        assert dict(data["types"]) == dict(Counter(e["type"] for e in cited))
        dates = sorted(e["date"] for e in cited if e["date"])
        assert (data["first"], data["last"]) == ((dates[0], dates[-1]) if dates else (None, None))
        assert set(data["articles"]) == {e["article_id"] for e in cited}
        assert (data["killed"], data["injured"]) == (sum(e["killed"] or 0 for e in cited), sum(e["injured"] or 0 for e in cited))


def test_every_two_sided_event_is_on_its_edges(corpus_store: Store) -> None:
    graph = build_graph(corpus_store.engine)
    for event in stored_events(corpus_store, negated=False):
        for source, target in pairs(event, lambda a: a["key"]):
            assert event["id"] in graph.edges[source, target]["events"]


def test_negated_events_only_when_asked(corpus_store: Store) -> None:
    negated = [e for e in stored_events(corpus_store, negated=True) if e["source"] and e["target"]]
    assert negated, "the corpus should hold a negated two-sided event"
    plain = {ref for *_, d in build_graph(corpus_store.engine).edges(data=True) for ref in d["events"]}
    full = build_graph(corpus_store.engine, GraphOptions(include_negated=True))
    every = {ref for *_, d in full.edges(data=True) for ref in d["events"]}
    assert not {e["id"] for e in negated} & plain
    assert {e["id"] for e in negated} <= every


def test_country_level_merges_actors_by_country(corpus_store: Store) -> None:
    graph = build_graph(corpus_store.engine, GraphOptions(by="country"))
    events = {e["id"]: e for e in stored_events(corpus_store, negated=False)}

    def node(actor: dict) -> str:
        return actor["country"] or actor["key"]

    expected: dict[tuple[str, str], set[str]] = {}
    for ref, event in events.items():
        for dyad in pairs(event, node):
            expected.setdefault(dyad, set()).add(ref)
    assert {(u, v): set(d["events"]) for u, v, d in graph.edges(data=True)} == expected
    for (u, v), refs in expected.items():
        assert graph.edges[u, v]["score"] == pytest.approx(sum(events[r]["score"] or 0 for r in refs))


def test_filters_restrict_the_events(corpus_store: Store) -> None:
    window = build_graph(corpus_store.engine, GraphOptions(EventFilter(since=_d("2014-01-06"), until=_d("2014-01-07"))))
    events = {e["id"]: e for e in stored_events(corpus_store)}
    refs = [ref for *_, d in window.edges(data=True) for ref in d["events"]]
    assert refs and all("2014-01-06" <= events[r]["date"] <= "2014-01-07" for r in refs)
    typed = build_graph(corpus_store.engine, GraphOptions(EventFilter(types=("ASSAULT",))))
    assert typed.number_of_edges() > 0
    assert all(set(d["types"]) == {"ASSAULT"} for *_, d in typed.edges(data=True))


def test_graphml_and_gexf_load_in_networkx(corpus_store: Store) -> None:
    graph = build_graph(corpus_store.engine)
    loaded = nx.read_graphml(io.StringIO(dumps(graph, "graphml")))
    assert set(loaded.nodes) == set(graph.nodes) and set(loaded.edges) == set(graph.edges)
    for u, v, data in graph.edges(data=True):
        back = loaded.edges[u, v]
        assert back["score"] == pytest.approx(data["score"]) and back["sign"] == data["sign"]
        assert back["events"].split() == data["events"]
        assert {k[6:]: n for k, n in back.items() if k.startswith("count_")} == dict(data["types"])
    for node, data in graph.nodes(data=True):
        assert loaded.nodes[node]["label"] == data["label"] and loaded.nodes[node]["events"] == data["events"]
    gexf = nx.read_gexf(io.BytesIO(dumps(graph, "gexf").encode()))
    assert gexf.number_of_edges() == graph.number_of_edges()


def test_json_is_stable_and_complete(corpus_store: Store) -> None:
    first = to_json(build_graph(corpus_store.engine))
    assert first == to_json(build_graph(corpus_store.engine))
    assert {"id", "label", "events", "sent", "received", "names"} <= set(first["nodes"][0])
    assert {"source", "target", "score", "sign", "types", "events", "articles", "first", "last"} <= set(first["edges"][0])


def test_cli_graphml_output_loads_in_networkx(corpus_db: str, corpus_store: Store, tmp_path: Path) -> None:
    result = run_cli("graph", "--db", corpus_db, "--format", "graphml")
    assert result.returncode == 0, result.stderr
    loaded = nx.read_graphml(io.StringIO(result.stdout))
    graph = build_graph(corpus_store.engine)
    assert set(loaded.edges) == set(graph.edges)
    out = tmp_path / "g.graphml"
    result = run_cli("graph", "--db", corpus_db, "--format", "graphml", "--by", "country", "--type", "AID",
                     "--output", str(out))
    assert result.returncode == 0, result.stderr
    by_country = nx.read_graphml(out)
    assert by_country.number_of_edges() > 0
    assert all("count_AID" in d and d["count"] == d["count_AID"] for *_, d in by_country.edges(data=True))


def test_cli_casualty_minimums_keep_only_those_events(corpus_db: str, corpus_store: Store) -> None:
    deadly = {e["id"] for e in stored_events(corpus_store) if e["killed"] is not None and e["killed"] >= 1}
    assert deadly, "the corpus should hold an event that reports deaths"
    result = run_cli("graph", "--db", corpus_db, "--min-killed", "1", "--include-negated")
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    shown = {ref for edge in body["edges"] for ref in edge["events"]}
    assert shown and shown <= deadly
    wider = build_graph(corpus_store.engine, GraphOptions(EventFilter(), include_negated=True))
    assert shown == {ref for *_, d in wider.edges(data=True) for ref in d["events"]} & deadly
    unfiltered = run_cli("graph", "--db", corpus_db, "--min-killed", "0", "--min-injured", "0")
    assert json.loads(unfiltered.stdout) == to_json(build_graph(corpus_store.engine))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--balance", "--format", "graphml"], "--balance prints a report"),
        (["--format", "text"], "--format text is for --balance"),
        (["--type", "FLY"], "unknown event type(s) FLY"),
        (["--since", "2014-02-01", "--until", "2014-01-01"], "is after --until"),
        (["--since", "soon"], "is not a date"),
        (["--min-killed", "-1"], "is negative"),
        (["--min-injured", "many"], "is not a valid integer"),
        (["--min-killed", str(2**31)], f"give at most {2**31 - 1}"),
    ],
)
def test_cli_errors_are_one_line(corpus_db: str, args: list[str], message: str) -> None:
    result = run_cli("graph", "--db", corpus_db, *args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def _d(value: str):  # type: ignore[no-untyped-def]
    import datetime as dt

    return dt.date.fromisoformat(value)


def test_a_two_sided_event_counts_once_for_each_partner() -> None:
    from newsgraph.graph.dyads import graph_from_links, partners

    def link(actor: str, role: str) -> dict:
        return {"article_id": "a", "local_id": "e1", "type": "CONSULT", "score": 2.5, "goldstein": 1.0,
                "date": "2020-01-01", "hypothetical": False, "future": False, "reciprocal": True,
                "key": actor, "name": actor, "kind": "country", "country": actor, "sector": None, "role": role}

    graph = graph_from_links([link("USA", "source"), link("RUS", "source"), link("USA", "target"), link("RUS", "target")])
    (partner,) = partners(graph, "USA")
    assert partner["key"] == "RUS" and partner["count"] == 1 and partner["cooperation"] == 1
    assert partner["score"] == 2.5 and (partner["sent"], partner["received"]) == (1, 1)


def test_edges_sum_the_dead_and_injured_of_their_events() -> None:
    from newsgraph.graph.dyads import graph_from_links

    def link(event: str, role: str, key: str, killed: int | None, injured: int | None) -> dict:
        return {"article_id": "a", "local_id": event, "type": "ASSAULT", "score": -9.0, "goldstein": -10.0,
                "date": "2019-03-04", "hypothetical": False, "future": False, "reciprocal": False, "role": role,
                "key": key, "name": key, "kind": "armed_group", "country": None, "sector": "REB",
                "killed": killed, "injured": injured}

    links = [link("e1", "source", "rebels", 3, None), link("e1", "target", "army", 3, None),
             link("e2", "source", "rebels", 2, 7), link("e2", "target", "army", 2, 7),
             link("e3", "source", "army", None, None), link("e3", "target", "rebels", None, None)]
    graph = graph_from_links(links)
    assert (graph.edges["rebels", "army"]["killed"], graph.edges["rebels", "army"]["injured"]) == (5, 7)
    assert (graph.edges["army", "rebels"]["killed"], graph.edges["army", "rebels"]["injured"]) == (0, 0)
    from newsgraph.graph import to_json

    edge = next(e for e in to_json(graph)["edges"] if (e["source"], e["target"]) == ("rebels", "army"))
    assert (edge["killed"], edge["injured"]) == (5, 7)
