"""Article → Extraction: composes the stages; the only module that imports them all.

Stages run in data-flow order on one parsed document:

    document (spaCy parse) → actors → dates → places → quotes → events

Batch coding runs the same function in worker processes, each loading the spaCy model
once, with a bounded number of batches in flight so memory stays flat whatever the
size of the input.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING

from newsgraph import __version__, settings
from newsgraph.records import Article, Extraction, Quote

if TYPE_CHECKING:
    from newsgraph.actors import ActorStage
    from newsgraph.document.document import Document
    from newsgraph.quotes import QuoteFinding

CODER_NAME = "rules.plover.v1"
# Batches queued per worker: enough to keep every core busy, few enough to bound memory.
BATCHES_IN_FLIGHT_PER_WORKER = 2


def coder_version() -> str:
    """Names the code and data that made a record; stored with every row."""
    return f"newsgraph-{__version__}/{CODER_NAME}"


def extract_document(document: Document) -> Extraction:
    """Run every stage on a parsed document."""
    from newsgraph.actors import find_actors
    from newsgraph.dates import find_dates
    from newsgraph.places import find_places
    from newsgraph.quotes import find_quotes

    actors = find_actors(document)
    dates = find_dates(document)
    places = find_places(document, actors.metonyms)
    quotes = tuple(_quote_records(find_quotes(document), actors))
    return Extraction(
        article=document.article,
        coder=coder_version(),
        paragraphs=document.paragraphs,
        sentences=document.sentences,
        entities=document.entities,
        actors=actors.actors,
        quotes=quotes,
        places=places,
        dates=dates,
    )


def _quote_records(findings: Iterable[QuoteFinding], actors: ActorStage) -> Iterator[Quote]:
    """Quotes with their speaker span resolved to an actor id (None when no actor fits)."""
    for number, found in enumerate(findings, start=1):
        speaker = actors.actor_at(*found.speaker_span) if found.speaker_span else None
        yield Quote(id=f"q{number}", speaker=speaker, text=found.text, start=found.start, end=found.end,
                    cue=found.cue, direct=found.direct)


def extract(article: Article) -> Extraction:
    """The extraction record of one article (parses it in this process)."""
    from newsgraph.document.document import parse

    return extract_document(parse(article))


def extract_batch(articles: list[Article], batch_size: int | None = None) -> list[Extraction]:
    from newsgraph.document.document import parse_many

    size = batch_size or int(settings.get("batch_size"))
    return [extract_document(doc) for doc in parse_many(articles, batch_size=size)]


def default_workers() -> int:
    configured = int(settings.get("workers"))
    return configured if configured > 0 else (os.cpu_count() or 1)


def extract_many(
    articles: Iterable[Article], workers: int | None = None, batch_size: int | None = None
) -> Iterator[Extraction]:
    """Records for a stream of articles, in input order, coded by ``workers`` processes."""
    size = batch_size or int(settings.get("batch_size"))
    count = workers if workers is not None else default_workers()
    batches = _batches(articles, size)
    if count <= 1:
        for batch in batches:
            yield from extract_batch(batch, size)
        return
    with ProcessPoolExecutor(max_workers=count, initializer=_warm_worker) as pool:
        pending: deque[Future[list[Extraction]]] = deque()
        limit = count * BATCHES_IN_FLIGHT_PER_WORKER
        for batch in batches:
            pending.append(pool.submit(extract_batch, batch, size))
            if len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _warm_worker() -> None:
    """Load the model once per worker, before its first batch arrives."""
    from newsgraph.document.nlp import load_nlp

    load_nlp()


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch
