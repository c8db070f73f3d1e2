"""Inputs → store: read, skip what is already coded, code the rest, write in batches.

Each batch of records is written in one transaction, so an interrupted run leaves only
whole articles behind and a rerun skips them (same id, same coder version).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from newsgraph import settings
from newsgraph.errors import InputError
from newsgraph.pipeline import coder_version, extract_many
from newsgraph.records import Article
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
) -> IngestReport:
    """Code and store every article under ``paths``; bad inputs are collected, not fatal."""
    report = IngestReport()
    size = batch_size or int(settings.get("batch_size"))
    advance = progress or (lambda n: None)
    articles = _collect_errors(read_inputs(paths, overrides), report, advance)
    todo = _skip_stored(articles, store, size, report, advance)
    pending = []
    for extraction in extract_many(todo, workers=workers, batch_size=size):
        pending.append(extraction)
        if len(pending) >= size:
            report.stored += store.save(pending)
            advance(len(pending))
            pending = []
    if pending:
        report.stored += store.save(pending)
        advance(len(pending))
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
    articles: Iterator[Article], store: Store, size: int, report: IngestReport, advance: Progress
) -> Iterator[Article]:
    coder = coder_version()
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
