"""Every record the pipeline makes keeps the contract: offsets, references, codes, scales.

Run on the bundled examples and the seed article: not their answers (those are judged by
`newsgraph evaluate`), only the promises every record makes.
"""

from __future__ import annotations

import pytest

from newsgraph.events.tables import cameo_codes, plover_types
from newsgraph.pipeline import extract
from newsgraph.records import ACTOR_KINDS, DATE_PRECISIONS, PLACE_FEATURES, Extraction
from newsgraph.text import Metadata, read_inputs
from tests.conftest import EXAMPLES, SEED


def records() -> list[Extraction]:
    found = [extract(a) for a in read_inputs([str(EXAMPLES)]) if not isinstance(a, Exception)]
    seed = next(iter(read_inputs([str(SEED)], Metadata(published="2014-01-07"))))
    found.append(extract(seed))  # type: ignore[arg-type]
    return found


@pytest.fixture(scope="module")
def all_records() -> list[Extraction]:
    return records()


def test_every_span_is_a_slice_of_the_text(all_records: list[Extraction]) -> None:
    for record in all_records:
        text = record.article.text
        spans = [m for a in record.actors for m in a.mentions] + [m for p in record.places for m in p.mentions]
        spans += [e.evidence.trigger for e in record.events] + list(record.entities)
        for span in spans:
            assert text[span.start : span.end] == span.text
        for event in record.events:
            ev = event.evidence
            assert text[ev.start : ev.end] == ev.text and ev.start <= ev.trigger.start < ev.trigger.end <= ev.end
            sentence = record.sentences[ev.sentence]
            assert (sentence.start, sentence.end) == (ev.start, ev.end)
        for quote in record.quotes:
            assert text[quote.start : quote.end] == quote.text
        for date in record.dates:
            assert text[date.start : date.end] == date.text


def test_every_reference_points_at_something_in_the_record(all_records: list[Extraction]) -> None:
    for record in all_records:
        actors = {a.id for a in record.actors}
        places = {p.id for p in record.places}
        assert len(actors) == len(record.actors) and len(places) == len(record.places)
        for event in record.events:
            assert event.source, "no event without a source"
            assert set(event.source) <= actors and set(event.target) <= actors
            assert event.attributed_to is None or event.attributed_to in actors
            assert event.place is None or event.place in places
        for quote in record.quotes:
            assert quote.speaker is None or quote.speaker in actors


def test_codes_and_scales_come_from_the_tables(all_records: list[Extraction]) -> None:
    types, codes = plover_types(), cameo_codes()
    for record in all_records:
        for actor in record.actors:
            assert actor.kind in ACTOR_KINDS and actor.mentions
        for event in record.events:
            assert event.type in types, event.type
            assert event.cameo in codes and event.cameo != "010", event.cameo
            assert event.quad == types[event.type].quad and event.score == types[event.type].score
            assert set(event.mode) <= set(types[event.type].modes) | {"military", "economic", "humanitarian", "intelligence", "legal"}
            assert 0 < event.confidence <= 1
            assert event.date_precision is None or event.date_precision in DATE_PRECISIONS
        for place in record.places:
            assert place.feature in PLACE_FEATURES
            assert (place.lat is None) == (place.lon is None)
        for date in record.dates:
            assert date.precision is None or date.precision in DATE_PRECISIONS


def test_the_record_survives_its_json_form(all_records: list[Extraction]) -> None:
    import json

    for record in all_records:
        assert Extraction.from_dict(json.loads(json.dumps(record.to_dict()))) == record
