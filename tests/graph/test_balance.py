"""Structural balance: triads of signed ties, checked on hand-made stores and on the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.graph import balance_report, build_graph, render_report, signed_ties, triads
from newsgraph.records import Actor, Event, Evidence, Extraction, Span
from newsgraph.store.db import Store
from newsgraph.store.rows import actor_key
from newsgraph.text.article import Metadata, make_article
from tests.conftest import run_cli

SCORES = {"AID": 10.0, "SUPPORT": 5.0, "ASSAULT": -9.0, "ACCUSE": -3.0}


def coded(text: str, acts: list[tuple[str, str, str]]) -> Extraction:
    """A record whose events are ``(source, type, target)`` between country actors named in ``text``."""
    article = make_article(text, Metadata(published="2020-05-01"), "test")
    names = sorted({n for s, _, t in acts for n in (s, t)})
    actors = []
    for number, name in enumerate(names, start=1):
        at = text.index(name)
        actors.append(Actor(id=f"a{number}", name=name, kind="country", country=name[:3].upper(),
                            mentions=(Span(at, at + len(name), name),)))
    ids = {a.name: a.id for a in actors}
    events = []
    for number, (source, kind, target) in enumerate(acts, start=1):
        at = text.index(source)
        events.append(Event(
            id=f"e{number}", type=kind, cameo=None, source=(ids[source],), target=(ids[target],),
            evidence=Evidence(sentence=0, start=0, end=len(text), text=text, trigger=Span(at, at + len(source), source)),
            score=SCORES[kind], quad=2 if SCORES[kind] > 0 else 4, date="2020-05-01",
        ))
    return Extraction(article=article, coder="test/1", actors=tuple(actors), events=tuple(events))


def store_of(tmp_path: Path, *records: Extraction) -> Store:
    store = Store(f"sqlite:///{tmp_path / 'b.db'}")
    store.save(list(records))
    return store


def key(record: Extraction, name: str) -> str:
    return next(actor_key(a) for a in record.actors if a.name == name)


def test_friends_of_an_enemy_make_an_unbalanced_triad(tmp_path: Path) -> None:
    record = coded("Atlantis Borduria Carpania", [("Atlantis", "AID", "Borduria"), ("Borduria", "SUPPORT", "Carpania"),
                                                  ("Atlantis", "ASSAULT", "Carpania")])
    with store_of(tmp_path, record) as store:
        report = balance_report(build_graph(store.engine))
    assert report["triads"] == 1 and report["balanced"] == 0
    (triad,) = report["unbalanced"]
    assert {a["key"] for a in triad["actors"]} == {key(record, n) for n in ("Atlantis", "Borduria", "Carpania")}
    signs = sorted(t["sign"] for t in triad["ties"])
    assert signs == [-1, 1, 1]
    evidence = {ref for t in triad["ties"] for ref in t["events"]}
    assert evidence == {f"{record.article.id}/e{n}" for n in (1, 2, 3)}


def test_enemy_of_an_enemy_is_balanced(tmp_path: Path) -> None:
    record = coded("Atlantis Borduria Carpania", [("Atlantis", "ASSAULT", "Borduria"), ("Borduria", "ACCUSE", "Carpania"),
                                                  ("Atlantis", "AID", "Carpania")])
    with store_of(tmp_path, record) as store:
        report = balance_report(build_graph(store.engine))
    assert (report["triads"], report["balanced"], report["unbalanced"]) == (1, 1, [])


def test_both_directions_are_summed_and_zero_ties_close_nothing(tmp_path: Path) -> None:
    record = coded(
        "Atlantis Borduria Carpania",
        [("Atlantis", "SUPPORT", "Borduria"), ("Borduria", "ASSAULT", "Atlantis"),  # +5 - 9 = -4
         ("Borduria", "SUPPORT", "Carpania"), ("Carpania", "SUPPORT", "Atlantis")],
    )
    with store_of(tmp_path, record) as store:
        graph = build_graph(store.engine)
    ties = signed_ties(graph)
    a, b = key(record, "Atlantis"), key(record, "Borduria")
    assert ties.edges[a, b]["score"] == pytest.approx(-4.0) and ties.edges[a, b]["sign"] == -1
    assert len(ties.edges[a, b]["events"]) == 2
    (triad,) = triads(graph)
    assert not triad.balanced


def test_cli_lists_the_unbalanced_triad_with_evidence(tmp_path: Path) -> None:
    record = coded("Atlantis Borduria Carpania", [("Atlantis", "AID", "Borduria"), ("Borduria", "SUPPORT", "Carpania"),
                                                  ("Atlantis", "ASSAULT", "Carpania")])
    store_of(tmp_path, record).close()
    result = run_cli("graph", "--db", f"sqlite:///{tmp_path / 'b.db'}", "--balance")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 closed triads of signed ties: 0 balanced, 1 unbalanced")
    assert "unbalanced: Atlantis / Borduria / Carpania" in result.stdout
    assert f"{record.article.id}/e3" in result.stdout


def test_corpus_report_is_consistent(corpus_store: Store) -> None:
    graph = build_graph(corpus_store.engine)
    report = balance_report(graph)
    every = triads(graph)
    assert report["triads"] == len(every)
    for triad in report["unbalanced"]:
        product = 1
        for tie in triad["ties"]:
            product *= tie["sign"]
            assert tie["events"]
        assert product < 0
    assert render_report(report).splitlines()[0].startswith(f"{len(every)} closed triads")


def test_a_two_sided_event_is_one_event_of_its_tie() -> None:
    from newsgraph.graph.balance import signed_ties
    from newsgraph.graph.dyads import graph_from_links

    def link(actor: str, role: str) -> dict:
        return {"article_id": "a", "local_id": "e1", "type": "AGREE", "score": 2.5, "goldstein": 1.0,
                "date": "2020-01-01", "hypothetical": False, "future": False, "reciprocal": True,
                "key": actor, "name": actor, "kind": "country", "country": actor, "sector": None, "role": role}

    ties = signed_ties(graph_from_links([link("USA", "source"), link("RUS", "source"), link("USA", "target"), link("RUS", "target")]))
    tie = ties.edges["RUS", "USA"]
    assert (tie["count"], tie["score"], tie["events"]) == (1, 2.5, ["a/e1"])
