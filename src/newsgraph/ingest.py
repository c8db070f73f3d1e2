"""Inputs → store: read, skip what is already coded, code the rest, write in batches.

The whole path streams: inputs are read lazily (a JSONL or Parquet corpus of any size, a
directory of any number of files), at most a few batches are being coded at once (see
:func:`newsgraph.pipeline.extract_many`), and records are written as soon as a batch of
them is back. Memory therefore depends on the batch size and the number of workers, never
on the length of the input.

Each batch of records is written in one transaction, so an interrupted run leaves only
whole articles behind and a rerun skips them (same id, same coder version).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from newsgraph import settings
from newsgraph.errors import InputError
from newsgraph.pipeline import DEFAULT_OPTIONS, Options, coder_version, extract_many
from newsgraph.records import Article, Extraction
from newsgraph.store.db import Store
from newsgraph.text.article import Metadata
from newsgraph.text.readers import read_inputs

Progress = Callable[[int], None]


@dataclass
class IngestReport:
    read: int = 0
    stored: int = 0
    skipped: int = 0
    errors: list[InputError] = field(default_factory=list)


def ingest(
    paths: Iterable[str],
    store: Store,
    *,
    overrides: Metadata | None = None,
    workers: int | None = None,
    batch_size: int | None = None,
    progress: Progress | None = None,
    options: Options = DEFAULT_OPTIONS,
) -> IngestReport:
    """Code and store every article under ``paths``; bad inputs are collected, not fatal."""
    report = IngestReport()
    size = batch_size or int(settings.get("batch_size"))
    advance = progress or (lambda n: None)
    articles = _collect_errors(read_inputs(paths, overrides), report, advance)
    todo = _skip_stored(articles, store, size, report, advance, coder_version(options))
    records = extract_many(todo, workers=workers, batch_size=size, options=options)
    for batch in _chunks(records, size):
        saved = store.save(batch)
        report.stored += saved
        report.skipped += len(batch) - saved  # repeats of an article stored by an earlier batch
        advance(len(batch))
    return report


def _collect_errors(
    items: Iterable[Article | InputError], report: IngestReport, advance: Progress
) -> Iterator[Article]:
    for item in items:
        if isinstance(item, InputError):
            report.errors.append(item)
            advance(1)
        else:
            report.read += 1
            yield item


def _skip_stored(
    articles: Iterator[Article], store: Store, size: int, report: IngestReport, advance: Progress, coder: str
) -> Iterator[Article]:
    """Articles not yet stored by this coder, looked up one batch at a time.

    Repeats inside a batch are dropped here; a repeat in a later batch is coded again and
    then dropped by :meth:`Store.save` (counted as skipped there). Remembering every id
    seen would make memory grow with the input, which a corpus of millions cannot afford.
    """
    while batch := list(islice(articles, size)):
        known = store.coders(a.id for a in batch)
        seen: set[str] = set()
        for article in batch:
            if known.get(article.id) == coder or article.id in seen:
                report.skipped += 1
                advance(1)
                continue
            seen.add(article.id)
            yield article


def _chunks(records: Iterator[Extraction], size: int) -> Iterator[list[Extraction]]:
    while chunk := list(islice(records, size)):
        yield chunk
