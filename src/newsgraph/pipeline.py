"""Article → Extraction: composes the stages; the only module that imports them all.

Stages run in data-flow order on one parsed document:

    document (spaCy parse) → actors → dates → places → quotes → events

Batch coding runs the same function in worker processes, each loading the spaCy model
once, with a bounded number of batches in flight so memory stays flat whatever the
size of the input.
"""

from __future__ import annotations

import copyreg
import gc
import hashlib
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, fields, is_dataclass
from functools import lru_cache
from importlib.abc import Traversable
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph import __version__, settings
from newsgraph.errors import NewsgraphError
from newsgraph.records import Actor, Article, Event, Extraction, Quote

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
    discard_files: tuple[Path, ...] = ()  # --discards: PETRARCH discard lists (sports, weather …)
    coder: str = CODER_NAME
    code_sport: bool = False  # --code-sport: code events in sports stories too (events/sport.py)


DEFAULT_OPTIONS = Options()


def coder_version(options: Options = DEFAULT_OPTIONS) -> str:
    """Names the code and data that made a record; stored with every row.

    The data hash covers every dictionary and lexicon file shipped in ``newsgraph/data``
    (and the user's own files), so editing a dictionary re-codes articles on the next ingest.
    """
    version = f"newsgraph-{__version__}/{options.coder}+data.{data_version()}"
    user_files = options.actor_files + options.verb_files + options.discard_files
    if user_files:
        digest = hashlib.sha256()
        for path in user_files:
            digest.update(Path(path).read_bytes())
        version += f"+user.{digest.hexdigest()[:8]}"
    if options.code_sport:
        version += "+sport"  # sports stories coded too
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
    from newsgraph.events.implied import ImpliedParticipants
    from newsgraph.events.local_actors import locate_local_actors
    from newsgraph.events.sport import is_sport_story
    from newsgraph.places import find_places
    from newsgraph.quotes import find_quotes

    actors = find_actors(document, options.actor_files)
    dates = find_dates(document)
    places = find_places(document, actors.metonyms)
    quotes = tuple(_quote_records(find_quotes(document), actors))
    implied = ImpliedParticipants(first_number=len(actors.actors) + 1)
    events: tuple[Event, ...] = ()
    if options.code_sport or not is_sport_story(document.doc):
        events = get_coder(options.coder, options.verb_files).code(CodingInput(document, actors, quotes, places, dates, implied))
    if options.discard_files:
        from newsgraph.events.discards import drop_discarded, load_discards

        events = drop_discarded(events, document, load_discards(options.discard_files))
    return Extraction(
        article=document.article,
        coder=coder_version(options),
        paragraphs=document.paragraphs,
        sentences=document.sentences,
        entities=document.entities,
        actors=locate_local_actors(actors.actors + _used(implied.actors, events), events, places),
        events=events,
        quotes=quotes,
        places=places,
        dates=dates,
    )


def _used(implied: Iterable[Actor], events: Iterable[Event]) -> tuple[Actor, ...]:
    """Implied actors an event kept: one implied for an act a later reading dropped ("the parcel
    was picked up") is nobody."""
    ids = {i for event in events for i in (*event.source, *event.target)}
    return tuple(actor for actor in implied if actor.id in ids)


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
    """Parse a batch through ``nlp.pipe`` and run every stage on each document.

    The batch runs inside spaCy's memory zone: the strings and lexemes it adds to the
    shared vocabulary are freed when it ends. Without the zone a worker's string store
    grows with every new word it meets (measured: +16,500 strings over the 2,225 BBC
    articles, still climbing; with it, none), which no coder of millions of articles can
    afford. Only plain records leave the zone; the stages' own tables are built by
    :func:`_warm` before the first zone opens, so nothing they keep lives in it.
    """
    from newsgraph.document.document import parse_many
    from newsgraph.document.nlp import load_nlp

    size = batch_size or int(settings.get("batch_size"))
    _warm(options)
    nlp = load_nlp()
    with nlp.memory_zone():
        records = [extract_document(doc, options) for doc in parse_many(articles, batch_size=size)]
    _bound_spacy_caches(nlp)
    return records


# spaCy's rule lemmatizer memoises every (word, tag, morphology) it meets and never forgets:
# ~10 entries (~2.5 KB) per news article at first, growing with the input's vocabulary.
# Past this many entries (~25 MB) the memo is dropped and refills from the words in use.
LEMMA_CACHE_LIMIT = 100_000


def _bound_spacy_caches(nlp: Any) -> None:
    """Keep the caches the memory zone does not cover from growing with the input."""
    if "lemmatizer" in nlp.pipe_names:
        cache = getattr(nlp.get_pipe("lemmatizer"), "cache", None)
        if isinstance(cache, dict) and len(cache) > LEMMA_CACHE_LIMIT:
            cache.clear()


def default_workers() -> int:
    """The ``workers`` setting, else one per CPU this process may run on (container limits included)."""
    configured = int(settings.get("workers"))
    if configured > 0:
        return configured
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_many(
    articles: Iterable[Article], workers: int | None = None, batch_size: int | None = None,
    options: Options = DEFAULT_OPTIONS,
) -> Iterator[Extraction]:
    """Records for a stream of articles, in input order, coded by ``workers`` processes.

    Input is read lazily and at most ``workers * BATCHES_IN_FLIGHT_PER_WORKER`` batches are
    in the pool at once, so memory does not depend on the input's length. An input that
    fits in one batch is coded in this process: starting a pool would cost more than it saves.
    """
    size = batch_size or int(settings.get("batch_size"))
    count = workers if workers is not None else default_workers()
    batches = _batches(articles, size)
    head = list(islice(batches, 2))
    if count <= 1 or len(head) <= 1:
        for batch in chain(head, batches):
            yield from extract_batch(batch, size, options)
        return
    yield from _pooled(chain(head, batches), count, size, options)


def _pooled(batches: Iterator[list[Article]], count: int, size: int, options: Options) -> Iterator[Extraction]:
    pool = ProcessPoolExecutor(max_workers=count, initializer=_warm_worker, initargs=(options,))
    pending: deque[Future[list[Extraction]]] = deque()
    limit = count * BATCHES_IN_FLIGHT_PER_WORKER
    try:
        for batch in batches:
            pending.append(pool.submit(extract_batch, batch, size, options))
            if len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BrokenProcessPool as exc:
        raise NewsgraphError(
            "a worker process died while coding (killed, or out of memory); what was stored is kept — "
            "run the command again, with fewer --workers or a smaller --batch-size if memory is short"
        ) from exc
    finally:
        # A consumer that stops early (an error, Ctrl-C, a closed generator) should not
        # wait for queued batches nobody will read.
        pool.shutdown(wait=True, cancel_futures=True)


def _warm_worker(options: Options = DEFAULT_OPTIONS) -> None:
    """Worker start-up: ignore Ctrl-C (the parent handles it) and load everything once.

    The loaded model and tables are then frozen out of the garbage collector's reach:
    they live as long as the worker, and full collections rescanning their ~150k objects
    cost ~0.4 ms per article (measured on BBC articles).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _warm(options)
    gc.freeze()


# Coded once per process before real work: one sentence that touches every stage (an actor
# with a title, a quote, a place, a weekday, an accusation), so each stage builds its tables
# and matchers outside any memory zone and the first batch is not slowed by loading.
WARM_UP_TEXT = (
    'The foreign minister of France, Jean Dupont, said on Monday in Paris: "We will not accept this." '
    "Germany accused Russia of attacking a convoy."
)


@lru_cache(maxsize=8)
def _warm(options: Options = DEFAULT_OPTIONS) -> None:
    from newsgraph.text.article import Metadata, make_article

    extract(make_article(WARM_UP_TEXT, Metadata(published="2020-01-06"), "warm-up"), options)


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def _reduce_record(record: Any) -> tuple[Any, ...]:
    """Pickle a record as its class and field values.

    The default pickling of slotted frozen dataclasses restores each field through a
    Python-level ``__setstate__`` loop: 2.2 ms per BBC article's record in the parent,
    which is ~5% of a core at full speed. Calling the constructor is ~13x cheaper.
    """
    cls = type(record)
    names, keyword_only = _layout(cls)
    values = tuple(getattr(record, name) for name in names)
    if keyword_only:
        return _rebuild_keywords, (cls, values)
    return cls, values


def _rebuild_keywords(cls: type, values: tuple[Any, ...]) -> Any:
    return cls(**dict(zip(_layout(cls)[0], values, strict=True)))


_LAYOUTS: dict[type, tuple[tuple[str, ...], bool]] = {}


def _layout(cls: type) -> tuple[tuple[str, ...], bool]:
    """A record class's field names, and whether its constructor takes keywords only."""
    if cls not in _LAYOUTS:
        found = fields(cls)
        _LAYOUTS[cls] = (tuple(f.name for f in found), any(f.kw_only for f in found))
    return _LAYOUTS[cls]


def _register_record_pickling() -> None:
    import newsgraph.records as records

    for name in records.__all__:
        cls = getattr(records, name)
        if isinstance(cls, type) and is_dataclass(cls):
            copyreg.pickle(cls, _reduce_record)


_register_record_pickling()
