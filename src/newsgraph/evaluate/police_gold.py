"""The IndiaPoliceEvents gold (``india_police_events/``): Times of India articles of March 2002,
every sentence labelled for police actions, read as whole articles with each sentence's place in
the article text. Kept apart from :mod:`events_gold` because its articles, not sentences, are
what gets coded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.errors import EvaluationError
from newsgraph.evaluate.datasets import require

# The sentence labels of IndiaPoliceEvents (Halterman et al. 2021), as README.md words them.
POLICE_LABELS = ("KILL", "ARREST", "FAIL", "FORCE", "ANY_ACTION")


@dataclass(frozen=True, slots=True)
class PoliceSentence:
    id: int  # sent_id, 0-based within the article
    start: int  # where the sentence starts in its article's text
    end: int
    labels: frozenset[str]


@dataclass(frozen=True, slots=True)
class PoliceArticle:
    id: int  # doc_id
    date: str | None  # publication date, YYYY-MM-DD
    text: str  # metadata full_text: the article every sentence was cut from
    sentences: tuple[PoliceSentence, ...]


def read_india_police_events(folder: str | Path) -> list[PoliceArticle]:
    """The articles of sents.jsonl in file order, each with its metadata.jsonl text and date.

    Every sentence is found in the article text after the one before it (the dataset's sentences
    are cut from ``full_text`` in order), so an event's offsets name the sentence it falls in.
    """
    root = Path(folder)
    metadata = {int(row["doc_id"]): row for row in _json_lines(root / "metadata.jsonl", "doc_id", "full_text")}
    grouped: dict[int, list[dict[str, Any]]] = {}
    for row in _json_lines(root / "sents.jsonl", "doc_id", "sent_id", "sent_labels", "sent_text"):
        unknown = set(row["sent_labels"]) - set(POLICE_LABELS)
        if unknown:
            raise EvaluationError(f"{root / 'sents.jsonl'}: doc {row['doc_id']} has unknown labels {sorted(unknown)}; restore the gold file")
        grouped.setdefault(int(row["doc_id"]), []).append(row)
    articles = []
    for doc_id, rows in grouped.items():
        if doc_id not in metadata:
            raise EvaluationError(f"{root / 'metadata.jsonl'}: no article for doc_id {doc_id}; restore the gold file")
        text, at, sentences = metadata[doc_id]["full_text"], 0, []
        for row in sorted(rows, key=lambda r: int(r["sent_id"])):
            start = text.find(row["sent_text"], at)
            if start < 0:
                raise EvaluationError(
                    f"{root / 'sents.jsonl'}: doc {doc_id} sentence {row['sent_id']} is not in the article text after "
                    "the sentence before it; sents.jsonl and metadata.jsonl must come from the same release"
                )
            at = start + len(row["sent_text"])
            sentences.append(PoliceSentence(int(row["sent_id"]), start, at, frozenset(row["sent_labels"])))
        articles.append(PoliceArticle(doc_id, metadata[doc_id].get("date") or None, text, tuple(sentences)))
    return articles


def _json_lines(path: Path, *keys: str) -> list[dict[str, Any]]:
    """The JSON objects of a JSON-lines file, each checked to have ``keys``."""
    source = require(path)
    rows = []
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvaluationError(f"{source}:{number}: not JSON ({error.msg}); restore the gold file") from error
        if not isinstance(row, dict) or not set(keys) <= row.keys():
            raise EvaluationError(f"{source}:{number}: expected an object with {', '.join(keys)}; restore the gold file")
        rows.append(row)
    return rows
