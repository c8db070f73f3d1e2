"""Structural balance of the signed actor graph: which triads are unbalanced.

Heider's balance: among three actors linked pairwise, "the friend of my friend is my
friend" and "the enemy of my enemy is my friend" hold when the product of the three edge
signs is positive. A negative product — two actors cooperating with each other while on
opposite sides of a third, or three mutual enemies — is an unbalanced triad, the tension
an analyst wants to see (e.g. two rivals both backing the same government).

Direction does not matter for balance: the signed tie between two actors is the sign of
the PLOVER scores summed over both directions. Ties that sum to zero carry no sign and
close no triad.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Any

import networkx as nx

from newsgraph.graph.dyads import event_order


@dataclass(frozen=True, slots=True)
class Tie:
    """The undirected signed relation between two actors, with its evidence."""

    a: str
    b: str
    sign: int
    score: float
    count: int
    events: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "sign": self.sign, "score": self.score, "count": self.count,
                "events": list(self.events)}


@dataclass(frozen=True, slots=True)
class Triad:
    actors: tuple[str, str, str]
    labels: tuple[str, str, str]
    ties: tuple[Tie, Tie, Tie]

    @property
    def balanced(self) -> bool:
        product = 1
        for tie in self.ties:
            product *= tie.sign
        return product > 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "actors": [{"key": k, "label": label} for k, label in zip(self.actors, self.labels, strict=True)],
            "balanced": self.balanced,
            "ties": [t.to_dict() for t in self.ties],
        }


def signed_ties(graph: nx.DiGraph) -> nx.Graph:
    """Undirected graph of signed ties: both directions of every dyad summed."""
    ties = nx.Graph()
    for u, v, data in graph.edges(data=True):
        a, b = sorted((u, v))
        if not ties.has_edge(a, b):
            ties.add_edge(a, b, by_event={})
        # a two-sided event ("A met B") sits on both directed edges: it counts once in the tie
        ties.edges[a, b]["by_event"].update(zip(data["events"], data["event_scores"], strict=True))
    for _a, _b, tie in ties.edges(data=True):
        by_event = tie.pop("by_event")
        tie["events"] = sorted(by_event, key=event_order)
        tie["count"] = len(by_event)
        tie["score"] = sum(by_event.values())
        tie["sign"] = 1 if tie["score"] > 0 else -1 if tie["score"] < 0 else 0
    ties.remove_edges_from([(a, b) for a, b, tie in ties.edges(data=True) if tie["sign"] == 0])
    return ties


def triads(graph: nx.DiGraph) -> list[Triad]:
    """Every closed triad of signed ties, in a stable order (sorted actor keys)."""
    ties = signed_ties(graph)
    found: list[Triad] = []
    for u in sorted(ties.nodes):
        later = sorted(n for n in ties.neighbors(u) if n > u)
        for v, w in combinations(later, 2):
            if ties.has_edge(v, w):
                trio = (u, v, w)
                found.append(
                    Triad(
                        actors=trio,
                        labels=tuple(str(graph.nodes[n].get("label", n)) for n in trio),  # type: ignore[arg-type]
                        ties=(_tie(ties, u, v), _tie(ties, u, w), _tie(ties, v, w)),
                    )
                )
    return found


def _tie(ties: nx.Graph, a: str, b: str) -> Tie:
    data = ties.edges[a, b]
    return Tie(a=a, b=b, sign=data["sign"], score=data["score"], count=data["count"], events=tuple(data["events"]))


def balance_report(graph: nx.DiGraph) -> dict[str, Any]:
    """Counts of balanced and unbalanced triads, and the unbalanced ones with their evidence."""
    every = triads(graph)
    unbalanced = [t for t in every if not t.balanced]
    return {
        "triads": len(every),
        "balanced": len(every) - len(unbalanced),
        "unbalanced": [t.to_dict() for t in unbalanced],
    }


def render_report(report: dict[str, Any]) -> str:
    """The balance report as text, one block per unbalanced triad."""
    lines = [f"{report['triads']} closed triads of signed ties: {report['balanced']} balanced, "
             f"{len(report['unbalanced'])} unbalanced"]
    for triad in report["unbalanced"]:
        labels = {a["key"]: a["label"] for a in triad["actors"]}
        lines.append("")
        lines.append("unbalanced: " + " / ".join(a["label"] for a in triad["actors"]))
        for tie in triad["ties"]:
            mark = "+" if tie["sign"] > 0 else "-"
            lines.append(
                f"  {mark} {labels[tie['a']]} — {labels[tie['b']]}  score {tie['score']:+.1f} "
                f"over {tie['count']} event(s): {' '.join(tie['events'])}"
            )
    return "\n".join(lines)
