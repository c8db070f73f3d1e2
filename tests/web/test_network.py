"""The network view draws the graph of /api/graph; the seed's dyads carry the signs its events give.

Signs are derived here from the coded events (/api/events), never typed in per article.
Actors are picked by their coded country and sector, not by name.
"""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.store.schema import EventRow
from tests.web.conftest import Page

pytestmark = pytest.mark.browser

DRAWN = """() => ({
  nodes: window.newsgraphNetwork.nodes().map(n => n.id()),
  edges: window.newsgraphNetwork.edges().map(e => ({source: e.data('source'), target: e.data('target'),
         sign: e.data('sign'), colour: getComputedStyleColour(e)})),
})""".replace("getComputedStyleColour(e)", "e.style('line-color')")


def sign(value: float) -> int:
    return (value > 0) - (value < 0)


def rgb(colour: str) -> tuple[int, int, int]:
    r, g, b = (int(x) for x in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3])
    return r, g, b


def coded_events(api: Any, query: str) -> list[dict[str, Any]]:
    """Events from /api/events, marked reciprocal (a two-way act) when the store keeps that flag."""
    events: list[dict[str, Any]] = api(f"/api/events?limit=1000&{query}")["items"]
    if "reciprocal" not in EventRow.__table__.c:
        return [{**e, "reciprocal": False} for e in events]
    records = {a: api(f"/api/articles/{a}")["record"] for a in {e["article_id"] for e in events}}
    flags = {f"{a}/{e['id']}": bool(e.get("reciprocal")) for a, r in records.items() for e in r["events"]}
    return [{**e, "reciprocal": flags[e["id"]]} for e in events]


def derived_dyads(events: list[dict[str, Any]], node) -> dict[tuple[str, str], float]:  # type: ignore[no-untyped-def]
    """Summed PLOVER score of every directed dyad, straight from the coded events."""
    sums: dict[tuple[str, str], float] = {}
    for event in events:
        pairs = {(s, t) for s in {node(a) for a in event["source"]} for t in {node(a) for a in event["target"]} if s != t}
        if event["reciprocal"]:
            pairs |= {(t, s) for s, t in pairs}
        for dyad in pairs:
            sums[dyad] = sums.get(dyad, 0.0) + (event["score"] or 0.0)
    return sums


def open_network(page: Page, query: str = "") -> dict[str, Any]:
    page.open("/network" + query, ready="#network[data-ready=true]")
    drawn: dict[str, Any] = page.tab.evaluate(DRAWN)
    return drawn


def check_drawing(drawn: dict[str, Any], graph: dict[str, Any], dyads: dict[tuple[str, str], float]) -> None:
    assert set(drawn["nodes"]) == {n["id"] for n in graph["nodes"]}
    assert {(e["source"], e["target"]) for e in drawn["edges"]} == set(dyads)
    for edge in drawn["edges"]:
        expected = sign(dyads[(edge["source"], edge["target"])])
        assert edge["sign"] == expected
        r, g, _ = rgb(edge["colour"])
        assert (g > r) if expected > 0 else (r > g) if expected < 0 else (r == g)


def test_network_draws_the_api_graph_with_derived_signs(page: Page, api: Any, seed_id: str) -> None:
    events = coded_events(api, "negated=false")
    dyads = derived_dyads(events, lambda a: a["key"])
    graph = api("/api/graph")["graph"]
    drawn = open_network(page)
    check_drawing(drawn, graph, dyads)
    seed = api(f"/api/articles/{seed_id}")
    two_sided = [e for e in events if e["article_id"] == seed_id and e["source"] and e["target"]]
    seed_keys = {a["key"] for e in two_sided for a in e["source"] + e["target"]}
    assert seed_keys and seed_keys <= set(drawn["nodes"]), "the seed's actors are drawn"
    assert seed_keys <= set(seed["actor_keys"].values())
    page.shot("15-network")
    page.assert_clean()


def _between(dyads: dict[tuple[str, str], float], one: set[str], other: set[str]) -> list[float]:
    return [v for (s, t), v in dyads.items() if (s in one and t in other) or (s in other and t in one)]


def test_seed_must_show_edges(page: Page, api: Any, seed_id: str) -> None:
    """US–Iraq and Iran–Iraq cooperative, Iraqi forces → civilians conflictual (derived, then drawn)."""
    events = coded_events(api, "negated=false")
    seed_events = [e for e in events if e["article_id"] == seed_id]
    record = api(f"/api/articles/{seed_id}")
    keys = record["actor_keys"]
    actors = record["record"]["actors"]

    # country level: one node per country, both directions of the dyad summed
    by_country = derived_dyads(events, lambda a: a["country"] or a["key"])
    in_seed = derived_dyads(seed_events, lambda a: a["country"] or a["key"])
    for other in ("USA", "IRN"):
        seed_sum = _between(in_seed, {other}, {"IRQ"})
        assert seed_sum, f"the coder produced no {other}–IRQ event in the seed"
        assert sum(seed_sum) > 0, f"{other}–IRQ events in the seed sum to {sum(seed_sum)}"
        assert sum(_between(by_country, {other}, {"IRQ"})) > 0
    graph = api("/api/graph?by=country")["graph"]
    drawn = open_network(page, "?by=country")
    check_drawing(drawn, graph, by_country)
    for other in ("USA", "IRN"):
        ties = [e for e in drawn["edges"] if {e["source"], e["target"]} == {other, "IRQ"}]
        assert ties and sum(by_country[(e["source"], e["target"])] for e in ties) > 0
    page.shot("16-network-by-country")

    # actor level: the Iraqi military's edge(s) to civilian populations
    forces = {keys[a["id"]] for a in actors if a["country"] == "IRQ" and a["sector"] == "MIL"}
    civilians = {keys[a["id"]] for a in actors if a["sector"] == "CVL"}
    by_actor = derived_dyads(events, lambda a: a["key"])
    edges = {(s, t): v for (s, t), v in by_actor.items() if s in forces and t in civilians}
    assert edges, "the coder produced no event from Iraqi forces to civilians in the seed"
    assert all(v < 0 for v in edges.values()), edges
    drawn = open_network(page)
    shown = {(e["source"], e["target"]): e for e in drawn["edges"]}
    for dyad in edges:
        assert shown[dyad]["sign"] == -1
        r, g, _ = rgb(shown[dyad]["colour"])
        assert r > g
    page.assert_clean()


def test_network_filters_by_time_and_type(page: Page, api: Any) -> None:
    events = coded_events(api, "negated=false&type=ASSAULT&since=2014-01-01&until=2014-12-31")
    dyads = derived_dyads(events, lambda a: a["key"])
    graph = api("/api/graph?type=ASSAULT&since=2014-01-01&until=2014-12-31")["graph"]
    page.open("/network")
    page.tab.fill("#network-filters input[name=since]", "2014-01-01")
    page.tab.fill("#network-filters input[name=until]", "2014-12-31")
    page.tab.locator("#network-filters select[name=type]").select_option("ASSAULT")
    page.tab.locator("#network-filters button[type=submit]").click()
    page.tab.wait_for_selector("#network[data-ready=true]")
    drawn = page.tab.evaluate(DRAWN)
    check_drawing(drawn, graph, dyads)
    assert all(e["sign"] == -1 for e in drawn["edges"])
    page.shot("17-network-assault-2014")
    page.assert_clean()
