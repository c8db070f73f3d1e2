"""What runs inside Spark's Python workers: JSON article lines in, extraction rows out.

Every input row arrives as the JSON line a JSONL corpus would hold (Parquet rows are
turned into one by Spark's ``to_json``) and goes through the same reader, cleaning and
:func:`newsgraph.pipeline.extract_batch` as ``newsgraph extract``, so both give the same
records. The spaCy model and the stages' tables are loaded on the first batch a worker
sees and kept for every later task, since Spark reuses its Python workers.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsgraph.errors import InputError
from newsgraph.pipeline import DEFAULT_OPTIONS, Options, extract_batch
from newsgraph.records import Article, Extraction
from newsgraph.text.article import make_article
from newsgraph.text.formats import read_jsonl

# The Parquet rows spark-extract writes: the article's fields, the coder, the whole record
# as JSON, part counts for quick queries, and the reason when an input row could not be coded.
OUTPUT_COLUMNS = (
    ("id", "string"),
    ("title", "string"),
    ("url", "string"),
    ("source", "string"),
    ("published", "string"),
    ("language", "string"),
    ("coder", "string"),
    ("record", "string"),
    ("actors", "int"),
    ("events", "int"),
    ("quotes", "int"),
    ("places", "int"),
    ("dates", "int"),
    ("error", "string"),
    ("origin", "string"),
)
OUTPUT_SCHEMA = ", ".join(f"{name} {kind}" for name, kind in OUTPUT_COLUMNS)
PARTS = ("actors", "events", "quotes", "places", "dates")


def code_frames(
    frames: Iterator[Any], *, origin: str, batch_size: int, options: Options = DEFAULT_OPTIONS
) -> Iterator[Any]:
    """``mapInPandas`` function: frames of (``value`` JSON line, ``line`` number) → output frames."""
    import pandas as pd

    for frame in frames:
        rows: list[dict[str, Any]] = []
        articles: list[Article] = []
        wheres: list[str] = []
        for value, line in zip(frame["value"], frame["line"], strict=True):
            where = f"{origin}:{line}"
            item = _article(value.encode("utf-8") if isinstance(value, str) else b"", where)
            if isinstance(item, InputError):
                rows.append(_error_row(item))
            elif item is not None:
                articles.append(item)
                wheres.append(where)
        for start in range(0, len(articles), batch_size):
            records = extract_batch(articles[start : start + batch_size], batch_size, options)
            rows.extend(_record_row(x, w) for x, w in zip(records, wheres[start : start + batch_size], strict=True))
        yield pd.DataFrame(rows, columns=[name for name, _ in OUTPUT_COLUMNS]).astype(
            {part: "Int32" for part in PARTS}
        )


def _article(raw: bytes, where: str) -> Article | InputError | None:
    """One JSON line → an article, an error naming ``where``, or None for a blank line."""
    for item in read_jsonl([raw], where):
        if isinstance(item, InputError):
            return type(item)(where, item.problem, item.fix)
        text, meta, _ = item
        try:
            return make_article(text, meta, where)
        except InputError as exc:
            return exc
    return None


def _record_row(extraction: Extraction, where: str) -> dict[str, Any]:
    article = extraction.article
    record = extraction.to_dict()
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "published": article.published,
        "language": article.language,
        "coder": extraction.coder,
        "record": json.dumps(record, ensure_ascii=False),
        **{part: len(record[part]) for part in PARTS},
        "error": None,
        "origin": where,
    }


def _error_row(error: InputError) -> dict[str, Any]:
    return {name: None for name, _ in OUTPUT_COLUMNS} | {"error": f"{error.problem}; {error.fix}", "origin": error.path}
