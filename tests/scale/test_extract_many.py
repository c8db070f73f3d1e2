"""Batch coding in worker processes: the same records as one article at a time, read lazily."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from itertools import count, islice

import pytest

from newsgraph.pipeline import BATCHES_IN_FLIGHT_PER_WORKER, default_workers, extract, extract_many
from newsgraph.records import Article
from newsgraph.text.article import Metadata, make_article
from newsgraph.text.readers import read_inputs
from tests.conftest import DATASETS, EXAMPLES

BBC = DATASETS / "bbc_news_fulltext" / "bbc_news_2004_2005.jsonl"


def _corpus(bbc: int) -> list[Article]:
    articles = [a for a in read_inputs([str(EXAMPLES)]) if isinstance(a, Article)]
    with BBC.open(encoding="utf-8") as lines:
        for line in islice(lines, 700, 700 + bbc):  # politics and business: actors, quotes, places
            row = json.loads(line)
            articles.append(make_article(row["text"], Metadata(title=row["title"], published="2005-02-14"), "bbc"))
    return articles


@pytest.mark.slow
def test_pooled_batches_give_the_records_of_one_article_at_a_time():
    articles = _corpus(12)
    pooled = list(extract_many(articles, workers=2, batch_size=5))
    alone = [extract(a) for a in articles]
    assert [x.article.id for x in pooled] == [a.id for a in articles]
    assert sum(len(x.events) for x in alone) > 0 and sum(len(x.quotes) for x in alone) > 0
    for got, want in zip(pooled, alone, strict=True):
        assert got.to_dict() == want.to_dict()
        assert got == want


def test_input_is_read_lazily_and_stopping_early_ends_the_pool():
    pulled = 0

    def endless() -> Iterator[Article]:
        nonlocal pulled
        for n in count(1):
            pulled += 1
            yield make_article(f"Report {n}: the foreign minister of France visited Berlin on Monday.", Metadata(), "gen")

    size, workers = 4, 2
    records = extract_many(endless(), workers=workers, batch_size=size)
    first = list(islice(records, 5))
    assert [x.article.text.split(":")[0] for x in first] == [f"Report {n}" for n in range(1, 6)]
    assert pulled <= (workers * BATCHES_IN_FLIGHT_PER_WORKER + 1) * size
    started = time.monotonic()
    records.close()
    assert time.monotonic() - started < 60


def test_default_workers_follow_the_setting_else_the_usable_cores(monkeypatch: pytest.MonkeyPatch):
    import os

    monkeypatch.setenv("NEWSGRAPH_WORKERS", "3")
    assert default_workers() == 3
    monkeypatch.setenv("NEWSGRAPH_WORKERS", "0")
    assert default_workers() == len(os.sched_getaffinity(0))


def test_batches_leave_the_vocabulary_and_lemma_memo_bounded(monkeypatch: pytest.MonkeyPatch):
    from newsgraph import pipeline
    from newsgraph.document.nlp import load_nlp

    articles = _corpus(8)[5:]
    nlp = load_nlp()
    pipeline.extract_batch(articles[:1])  # loads and warms every stage outside any memory zone
    strings = len(nlp.vocab.strings)
    monkeypatch.setattr(pipeline, "LEMMA_CACHE_LIMIT", 50)
    for article in articles[1:]:
        pipeline.extract_batch([article])
        assert len(nlp.vocab.strings) == strings, "words of a coded batch stay out of the shared vocabulary"
        assert len(nlp.get_pipe("lemmatizer").cache) <= 50
