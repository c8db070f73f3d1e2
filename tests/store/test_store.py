"""The store on SQLite and PostgreSQL alike: round trips, idempotence, replacement, queries."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from newsgraph.ingest import ingest
from newsgraph.records import Actor, Event, Evidence, Extraction, Place, Quote, Span
from newsgraph.store.db import Store
from newsgraph.store.queries import EventFilter, event_detail, event_links, events_page, iter_events, places_summary
from newsgraph.store.schema import EventRow
from newsgraph.text.article import Metadata, make_article
from tests.casualties import HARMFUL, HARMLESS, INJURED, KILLED, casualty_record, counts
from tests.conftest import EXAMPLES


def sample_record(
    text: str = "Iran accused Israel of the attack in Vienna.", coder: str = "test-coder/1"
) -> Extraction:
    article = make_article(text, Metadata(title="T", published="2015-07-14"), "test")
    iran = Actor(id="a1", name="Iran", kind="country", country="IRN", cameo="IRN", mentions=(Span(0, 4, "Iran"),))
    israel = Actor(
        id="a2", name="Israel", kind="country", country="ISR", cameo="ISR", mentions=(Span(13, 19, "Israel"),)
    )
    vienna = Place(
        id="p1",
        name="Vienna",
        feature="city",
        country="AUT",
        lat=48.2,
        lon=16.37,
        geonameid=2761369,
        mentions=(Span(38, 44, "Vienna"),),
    )
    event = Event(
        id="e1",
        type="ACCUSE",
        cameo="112",
        source=("a1",),
        target=("a2",),
        place="p1",
        quad=3,
        score=-3.0,
        goldstein=-2.0,
        confidence=0.8,
        date="2015-07-14",
        date_precision="day",
        date_reason="publication date",
        evidence=Evidence(sentence=0, start=0, end=len(text), text=text, trigger=Span(5, 12, "accused")),
    )
    quote = Quote(id="q1", text="the attack", start=27, end=37, speaker="a1", cue="accused", direct=False)
    return Extraction(
        article=article, coder=coder, actors=(iran, israel), events=(event,), quotes=(quote,), places=(vienna,)
    )


def test_record_round_trips_through_the_store(db_url: str):
    record = sample_record()
    with Store(db_url) as store:
        assert store.save([record]) == 1
        stored = store.record(record.article.id)
        counts = store.counts()
    assert stored == record.to_dict()
    assert Extraction.from_dict(stored) == record
    assert counts["articles"] == 1 and counts["actors"] == 2 and counts["events"] == 1
    assert counts["event_actors"] == 2 and counts["quotes"] == 1 and counts["places"] == 1
    assert counts["mentions"] == 3


def test_casualty_counts_round_trip_through_the_store(db_url: str):
    record = casualty_record()
    expected = {HARMFUL: (KILLED, INJURED), HARMLESS: (None, None)}
    with Store(db_url) as store:
        store.save([record])
        stored = store.record(record.article.id)
        with store.engine.connect() as conn:
            columns = conn.execute(select(EventRow.local_id, EventRow.killed, EventRow.injured)).all()
        listed = events_page(store.engine, EventFilter(), 10, 0).items
        streamed = list(iter_events(store.engine, EventFilter(article=record.article.id)))
        detail = event_detail(store.engine, record.article.id, HARMFUL)
    assert stored is not None and Extraction.from_dict(stored) == record
    assert counts(stored["events"], "id") == expected
    assert {row.local_id: (row.killed, row.injured) for row in columns} == expected
    assert counts(listed) == counts(streamed) == expected
    assert detail is not None and (detail["killed"], detail["injured"]) == (KILLED, INJURED)


def _matching(store: Store, **minimums: int | None) -> dict[str, set[str]]:
    """The local ids of the events each filtered query returns, for the same casualty minimums."""
    f = EventFilter(**minimums)  # type: ignore[arg-type]
    return {
        "page": {e["local_id"] for e in events_page(store.engine, f, 100, 0).items},
        "stream": {e["local_id"] for e in iter_events(store.engine, f)},
        "links": {link["local_id"] for link in event_links(store.engine, f)},
    }


def test_casualty_minimums_filter_every_event_query(db_url: str):
    """killed/injured >= N in listings, downloads and the graph's links; a null count never matches."""
    both, harmful, nothing = {HARMFUL, HARMLESS}, {HARMFUL}, set[str]()
    with Store(db_url) as store:
        store.save([casualty_record()])
        expected = {
            (None, None): both, (0, 0): both,  # 0 means no filter: the event without counts stays
            (1, None): harmful, (KILLED, None): harmful, (KILLED + 1, None): nothing,
            (None, 1): harmful, (None, INJURED): harmful, (None, INJURED + 1): nothing,
            (KILLED, INJURED): harmful, (KILLED, INJURED + 1): nothing,
        }
        found = {(k, i): _matching(store, min_killed=k, min_injured=i) for k, i in expected}
        placed = {n: [p["events"] for p in places_summary(store.engine, EventFilter(min_killed=n), 10, 0).items]
                  for n in (KILLED, KILLED + 1)}
    for minimums, ids in expected.items():
        assert found[minimums] == {"page": ids, "stream": ids, "links": ids}, minimums
    assert placed == {KILLED: [1], KILLED + 1: [0]}  # the place stays listed, with no event under the filter


def test_same_coder_is_skipped_other_coder_replaces(db_url: str):
    record = sample_record()
    with Store(db_url) as store:
        store.save([record])
        assert store.save([record]) == 0
        recoded = replace(record, coder="test-coder/2", events=())
        assert store.save([recoded]) == 1
        assert store.counts()["events"] == 0 and store.counts()["articles"] == 1
        assert store.coders([record.article.id]) == {record.article.id: "test-coder/2"}


def test_articles_listing_and_search(db_url: str):
    with Store(db_url) as store:
        store.save([sample_record(), sample_record("Police in Lagos dispersed protesters on Friday.")])
        assert len(store.articles()) == 2
        hits = store.articles(search="lagos")
        assert len(hits) == 1 and hits[0]["published"] == "2015-07-14"
        assert store.articles(search="100%_") == []
        assert len(store.articles(limit=1)) == 1


def test_ingesting_a_directory_twice_adds_nothing(db_url: str):
    with Store(db_url) as store:
        first = ingest([str(EXAMPLES)], store, workers=1)
        counts = store.counts()
        second = ingest([str(EXAMPLES)], store, workers=1)
        assert store.counts() == counts
    assert first.stored >= 4 and not first.errors
    assert second.stored == 0 and second.skipped == first.stored


def test_bad_database_url_is_a_clear_error(tmp_path: Path):
    from newsgraph.errors import StoreError

    with pytest.raises(StoreError, match="sqlite:///"):
        Store("nonsense://what")
    with pytest.raises(StoreError, match="cannot open"):
        Store(f"sqlite:///{tmp_path}/missing-dir/x.db")
