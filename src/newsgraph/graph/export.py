"""The actor graph as JSON, GraphML or GEXF.

JSON keeps the full structure (type counts as an object, evidence as lists). GraphML and
GEXF only carry scalar attributes, so there the counts become ``count_<TYPE>`` columns
and the evidence space-separated ``article/event`` references — enough for Gephi,
Cytoscape desktop or ``networkx.read_graphml`` to rebuild every dyad and trace it back.
"""

from __future__ import annotations

import io
from typing import Any

import networkx as nx

FORMATS = ("json", "graphml", "gexf")
NODE_FIELDS = ("label", "node_type", "kind", "country", "sector", "events", "sent", "received", "articles")
EDGE_FIELDS = ("count", "score", "goldstein", "sign", "cooperation", "conflict", "hypothetical", "future", "killed",
               "injured", "first", "last")


def to_json(graph: nx.DiGraph) -> dict[str, Any]:
    """Nodes and edges as plain JSON, sorted so the same store gives the same bytes."""
    nodes = [
        {"id": node, **{k: data.get(k) for k in NODE_FIELDS}, "names": list(data.get("names", []))}
        for node, data in sorted(graph.nodes(data=True))
    ]
    edges = [
        {
            "source": u,
            "target": v,
            **{k: data.get(k) for k in EDGE_FIELDS},
            "types": dict(sorted(data["types"].items())),
            "events": list(data["events"]),
            "articles": list(data["articles"]),
        }
        for u, v, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1]))
    ]
    return {"level": graph.graph.get("level", "actor"), "directed": True, "nodes": nodes, "edges": edges}


def flat_graph(graph: nx.DiGraph) -> nx.DiGraph:
    """A copy with only scalar attributes, as GraphML and GEXF require (absent, never None)."""
    flat = nx.DiGraph()
    flat.graph["level"] = graph.graph.get("level", "actor")
    for node, data in sorted(graph.nodes(data=True)):
        attrs = {k: data[k] for k in NODE_FIELDS if data.get(k) is not None}
        attrs["names"] = "; ".join(data.get("names", []))
        flat.add_node(node, **attrs)
    for u, v, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])):
        attrs = {k: data[k] for k in EDGE_FIELDS if data.get(k) is not None}
        attrs.update({f"count_{t}": n for t, n in sorted(data["types"].items())})
        attrs["events"] = " ".join(data["events"])
        attrs["articles"] = " ".join(data["articles"])
        flat.add_edge(u, v, **attrs)
    return flat


def dumps(graph: nx.DiGraph, fmt: str) -> str:
    """The graph serialised in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        import json

        return json.dumps(to_json(graph), ensure_ascii=False, indent=2)
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(flat_graph(graph), buffer, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(flat_graph(graph), buffer, encoding="utf-8")
    else:
        from newsgraph.errors import ConfigError

        raise ConfigError(f"unknown graph format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return buffer.getvalue().decode("utf-8")
