"""Coded events → a directed actor graph whose edges are signed, weighted dyads.

Each edge ``u → v`` sums every event in which ``u`` is a source and ``v`` a target: how
many events of each PLOVER type, the summed PLOVER score (its sign is the edge's sign:
cooperation > 0 > conflict), the summed Goldstein value, the people its attacks killed and
injured (an attack on two targets counts its dead on both edges), the first and last event
date, and the evidence — which event of which article says so. Nodes are actors identified
across articles by their key, or countries when the graph is built ``by="country"``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from sqlalchemy import Engine

from newsgraph.store.queries import EventFilter, event_links

LEVELS = ("actor", "country")

# Negated events state that something did *not* happen ("we will not send troops"); they
# are no cooperation or conflict between the actors, so the graph leaves them out unless
# asked. Hypothetical and future events stay in: promises and threats are signals too.
INCLUDE_NEGATED_DEFAULT = False


@dataclass(frozen=True, slots=True)
class GraphOptions:
    """What the graph covers and how actors are merged into nodes."""

    events: EventFilter = EventFilter()
    by: str = "actor"
    include_negated: bool = INCLUDE_NEGATED_DEFAULT


@dataclass(slots=True)
class _Event:
    article_id: str
    local_id: str
    type: str
    score: float | None
    goldstein: float | None
    date: str | None
    hypothetical: bool
    future: bool
    reciprocal: bool
    killed: int = 0
    injured: int = 0
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    targets: dict[str, dict[str, Any]] = field(default_factory=dict)


def build_graph(engine: Engine, options: GraphOptions = GraphOptions()) -> nx.DiGraph:
    """The actor graph of every stored event that matches ``options``."""
    if options.by not in LEVELS:
        from newsgraph.errors import ConfigError

        raise ConfigError(f"cannot build the graph by {options.by!r}; choose one of {', '.join(LEVELS)}")
    events_filter = options.events
    if not options.include_negated and events_filter.negated is None:
        from dataclasses import replace

        events_filter = replace(events_filter, negated=False)
    return graph_from_links(event_links(engine, events_filter), by=options.by)


def graph_from_links(links: Iterable[dict[str, Any]], by: str = "actor") -> nx.DiGraph:
    """Aggregate (event, actor, role) rows — as :func:`event_links` yields them — into dyads."""
    graph = nx.DiGraph(level=by)
    for event in _group_events(links, by):
        _add_event(graph, event)
    for _node, data in graph.nodes(data=True):
        data["names"] = sorted(data["names"])
        data["articles"] = len(data.pop("articles_seen"))
        del data["_events"]
    for _u, _v, data in graph.edges(data=True):
        data["sign"] = _sign(data["score"])
    return graph


def _group_events(links: Iterable[dict[str, Any]], by: str) -> Iterable[_Event]:
    current: _Event | None = None
    for link in links:
        ident = (link["article_id"], link["local_id"])
        if current is None or (current.article_id, current.local_id) != ident:
            if current is not None:
                yield current
            current = _Event(
                article_id=link["article_id"],
                local_id=link["local_id"],
                type=link["type"],
                score=link["score"],
                goldstein=link["goldstein"],
                date=link["date"],
                hypothetical=bool(link["hypothetical"]),
                future=bool(link["future"]),
                reciprocal=bool(link.get("reciprocal")),
                killed=link.get("killed") or 0,
                injured=link.get("injured") or 0,
            )
        node, attrs = _node_of(link, by)
        side = current.sources if link["role"] == "source" else current.targets
        side.setdefault(node, attrs)
    if current is not None:
        yield current


def _node_of(link: dict[str, Any], by: str) -> tuple[str, dict[str, Any]]:
    """The node an actor falls into, and the attributes it contributes to that node."""
    if by == "country" and link["country"]:
        code = link["country"]
        return code, {"label": country_name(code), "kind": "country", "country": code, "sector": None,
                      "name": link["name"], "node_type": "country"}
    return link["key"], {"label": link["name"], "kind": link["kind"], "country": link["country"],
                         "sector": link["sector"], "name": link["name"], "node_type": "actor"}


def _add_event(graph: nx.DiGraph, event: _Event) -> None:
    ref = f"{event.article_id}/{event.local_id}"
    for role, side in (("sent", event.sources), ("received", event.targets)):
        for node, attrs in side.items():
            data = _ensure_node(graph, node, attrs)
            data[role] += 1
            if ref not in data["_events"]:
                data["_events"].add(ref)
                data["events"] += 1
                data["articles_seen"].add(event.article_id)
    pairs = {(s, t) for s in event.sources for t in event.targets if s != t}
    if event.reciprocal:  # "A met B": B acted on A as much as A on B
        pairs |= {(t, s) for s, t in pairs}
    for source, target in sorted(pairs):
        _add_to_edge(graph, source, target, event, ref)


def _ensure_node(graph: nx.DiGraph, node: str, attrs: dict[str, Any]) -> dict[str, Any]:
    if node not in graph:
        graph.add_node(
            node, label=attrs["label"], kind=attrs["kind"], country=attrs["country"], sector=attrs["sector"],
            node_type=attrs["node_type"], names=set(), events=0, sent=0, received=0, _events=set(), articles_seen=set(),
        )
    data: dict[str, Any] = graph.nodes[node]
    data["names"].add(attrs["name"])
    return data


def _add_to_edge(graph: nx.DiGraph, source: str, target: str, event: _Event, ref: str) -> None:
    if not graph.has_edge(source, target):
        graph.add_edge(source, target, count=0, score=0.0, goldstein=0.0, types=Counter(), first=None, last=None,
                       events=[], event_scores=[], articles=[], cooperation=0, conflict=0, hypothetical=0, future=0,
                       killed=0, injured=0)
    data = graph.edges[source, target]
    if ref in data["events"]:
        return
    data["count"] += 1
    data["types"][event.type] += 1
    data["score"] += event.score or 0.0
    data["cooperation"] += int((event.score or 0.0) > 0)
    data["conflict"] += int((event.score or 0.0) < 0)
    data["goldstein"] += event.goldstein or 0.0
    data["hypothetical"] += int(event.hypothetical)
    data["future"] += int(event.future)
    data["killed"] += event.killed
    data["injured"] += event.injured
    data["events"].append(ref)
    data["event_scores"].append(event.score or 0.0)
    if event.article_id not in data["articles"]:
        data["articles"].append(event.article_id)
    if event.date:
        data["first"] = min(filter(None, (data["first"], event.date)))
        data["last"] = max(filter(None, (data["last"], event.date)))


def event_order(ref: str) -> tuple[str, int, str]:
    """'article/e10' after 'article/e6': events in the order the article codes them."""
    article, _, local = ref.partition("/")
    digits = "".join(ch for ch in local if ch.isdigit())
    return article, int(digits) if digits else 0, local


def _sign(score: float) -> int:
    return 1 if score > 0 else -1 if score < 0 else 0


def country_name(code: str) -> str:
    """A readable name for an ISO 3166-1 alpha-3 code; other codes (IGO, UNO...) as they are."""
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    return str(getattr(found, "common_name", None) or found.name) if found else code


def partners(graph: nx.DiGraph, node: str) -> list[dict[str, Any]]:
    """Every actor ``node`` has events with, both directions summed, most active first."""
    if node not in graph:
        return []
    rows: dict[str, dict[str, Any]] = {}
    edges = [(v, "sent", d) for _, v, d in graph.out_edges(node, data=True)]
    edges += [(u, "received", d) for u, _, d in graph.in_edges(node, data=True)]
    scores: dict[str, dict[str, float]] = {}  # partner → event → score: a two-sided event counts once
    for other, direction, data in edges:
        row = rows.setdefault(
            other,
            {"key": other, "name": graph.nodes[other]["label"], "sent": 0, "received": 0, "count": 0, "score": 0.0,
             "cooperation": 0, "conflict": 0, "events": []},
        )
        row[direction] += data["count"]
        scores.setdefault(other, {}).update(zip(data["events"], data["event_scores"], strict=True))
    for other, row in rows.items():
        by_event = scores[other]
        row["events"] = sorted(by_event, key=event_order)
        row["count"] = len(by_event)
        row["score"] = sum(by_event.values())
        row["cooperation"] = sum(1 for v in by_event.values() if v > 0)
        row["conflict"] = sum(1 for v in by_event.values() if v < 0)
        row["sign"] = _sign(row["score"])
    return sorted(rows.values(), key=lambda r: (-r["count"], r["key"]))
