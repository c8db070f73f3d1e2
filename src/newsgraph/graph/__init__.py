"""Events → the actor network and its analyses (signed dyads, structural balance, export).

    build_graph(engine, GraphOptions(...))   directed graph of signed, weighted dyads
    balance_report(graph)                    closed triads, the unbalanced ones with evidence
    dumps(graph, "graphml" | "gexf" | "json")

:func:`graph_report` is the one call behind ``newsgraph graph`` and ``/api/graph``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from newsgraph.graph.balance import balance_report, render_report, signed_ties, triads
from newsgraph.graph.dyads import LEVELS, GraphOptions, build_graph, graph_from_links, partners
from newsgraph.graph.export import FORMATS, dumps, flat_graph, to_json


def graph_report(engine: Engine, options: GraphOptions, fmt: str = "json", balance: bool = False) -> str:
    """The graph in ``fmt``, or its balance report (text, or JSON when ``fmt`` is json)."""
    graph = build_graph(engine, options)
    if not balance:
        return dumps(graph, fmt)
    report = balance_report(graph)
    if fmt == "json":
        import json

        return json.dumps(report, ensure_ascii=False, indent=2)
    return render_report(report)


def options_dict(options: GraphOptions) -> dict[str, Any]:
    """The options as JSON (echoed by the API so a client knows what it is looking at)."""
    f = options.events
    return {
        "by": options.by,
        "include_negated": options.include_negated,
        "since": f.since.isoformat() if f.since else None,
        "until": f.until.isoformat() if f.until else None,
        "types": list(f.types),
        "min_killed": f.min_killed,
        "min_injured": f.min_injured,
    }


__all__ = [
    "FORMATS",
    "LEVELS",
    "GraphOptions",
    "balance_report",
    "build_graph",
    "dumps",
    "flat_graph",
    "graph_from_links",
    "graph_report",
    "options_dict",
    "partners",
    "render_report",
    "signed_ties",
    "to_json",
    "triads",
]
