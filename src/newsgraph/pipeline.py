"""Article → Extraction: composes the stages; the only module that imports them all.

Stages run in data-flow order on one parsed document:

    document (spaCy parse) → actors → dates → places → quotes → events

Batch coding runs the same function in worker processes, each loading the spaCy model
once, with a bounded number of batches in flight so memory stays flat whatever the
size of the input.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache
from importlib.abc import Traversable
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


@dataclass(frozen=True)
class Options:
    """What a user adds to the built-in coding: dictionaries and the coder to use."""

    actor_files: tuple[Path, ...] = ()  # --actors: our YAML/TSV or PETRARCH/Phoenix actor/agent files
    verb_files: tuple[Path, ...] = ()  # --verbs: PETRARCH CAMEO verb dictionaries
    coder: str = CODER_NAME


DEFAULT_OPTIONS = Options()


def coder_version(options: Options = DEFAULT_OPTIONS) -> str:
    """Names the code and data that made a record; stored with every row.

    The data hash covers every dictionary and lexicon file shipped in ``newsgraph/data``
    (and the user's own files), so editing a dictionary re-codes articles on the next ingest.
    """
    version = f"newsgraph-{__version__}/{options.coder}+data.{data_version()}"
    user_files = options.actor_files + options.verb_files
    if user_files:
        digest = hashlib.sha256()
        for path in user_files:
            digest.update(Path(path).read_bytes())
        version += f"+user.{digest.hexdigest()[:8]}"
    return version


@lru_cache(maxsize=1)
def data_version() -> str:
    from importlib import resources

    digest = hashlib.sha256()
    root = resources.files("newsgraph").joinpath("data")
    for path in sorted(_data_files(root), key=str):
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def _data_files(folder: Traversable) -> Iterator[Traversable]:
    for item in folder.iterdir():
        if item.is_dir():
            yield from _data_files(item)
        elif item.name.endswith((".tsv", ".yaml", ".yml", ".csv", ".txt")):
            yield item


def extract_document(document: Document, options: Options = DEFAULT_OPTIONS) -> Extraction:
    """Run every stage on a parsed document."""
    from newsgraph.actors import find_actors
    from newsgraph.dates import find_dates
    from newsgraph.events import CodingInput, get_coder
    from newsgraph.places import find_places
    from newsgraph.quotes import find_quotes

    actors = find_actors(document, options.actor_files)
    dates = find_dates(document)
    places = find_places(document, actors.metonyms)
    quotes = tuple(_quote_records(find_quotes(document), actors))
    events = get_coder(options.coder, options.verb_files).code(CodingInput(document, actors, quotes, places, dates))
    return Extraction(
        article=document.article,
        coder=coder_version(options),
        paragraphs=document.paragraphs,
        sentences=document.sentences,
        entities=document.entities,
        actors=actors.actors,
        events=events,
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


def extract(article: Article, options: Options = DEFAULT_OPTIONS) -> Extraction:
    """The extraction record of one article (parses it in this process)."""
    from newsgraph.document.document import parse

    return extract_document(parse(article), options)


def extract_batch(articles: list[Article], batch_size: int | None = None, options: Options = DEFAULT_OPTIONS) -> list[Extraction]:
    from newsgraph.document.document import parse_many

    size = batch_size or int(settings.get("batch_size"))
    return [extract_document(doc, options) for doc in parse_many(articles, batch_size=size)]


def default_workers() -> int:
    configured = int(settings.get("workers"))
    return configured if configured > 0 else (os.cpu_count() or 1)


def extract_many(
    articles: Iterable[Article], workers: int | None = None, batch_size: int | None = None,
    options: Options = DEFAULT_OPTIONS,
) -> Iterator[Extraction]:
    """Records for a stream of articles, in input order, coded by ``workers`` processes."""
    size = batch_size or int(settings.get("batch_size"))
    count = workers if workers is not None else default_workers()
    batches = _batches(articles, size)
    if count <= 1:
        for batch in batches:
            yield from extract_batch(batch, size, options)
        return
    with ProcessPoolExecutor(max_workers=count, initializer=_warm_worker) as pool:
        pending: deque[Future[list[Extraction]]] = deque()
        limit = count * BATCHES_IN_FLIGHT_PER_WORKER
        for batch in batches:
            pending.append(pool.submit(extract_batch, batch, size, options))
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
