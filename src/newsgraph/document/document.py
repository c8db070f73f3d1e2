"""Article → parsed :class:`Document`: the spaCy parse plus the article's structure.

Later stages need both the parse (tokens, dependencies, entities) and plain structure
(paragraphs, sentences, named entities as records). The structure is computed here once
so every stage counts sentences and offsets the same way.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.records import Article, Entity, Paragraph, Sentence
from newsgraph.text.clean import PARAGRAPH_BREAK

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


DATELINE_PARAGRAPHS = 2  # a dateline opens the first or, after a headline, the second paragraph
# The place a dateline opens with: one to four all-caps words ("GAZA CITY", "WASHINGTON").
_DATELINE_PLACE = r"(?P<place>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3})"
# A complete dateline: the place, an optional qualifier ("Palestinian Territories", "Jan 5
# (Reuters)"), then a dash or colon.
DATELINE = re.compile(
    _DATELINE_PLACE
    + r"(?:,(?: (?:[A-Z][\w.'’\-]*|\d{1,4}|\([^)\n]{1,20}\))){1,5})?\s*(?:—|–|--| - |:)"
)
# Only the opening of one: the place, perhaps a region or country after a comma ("KABUL,
# Afghanistan"), and then anything a dateline goes on with (comma, dash, hyphen, bracket, colon),
# so "NEW YORK (AP) —" and "MOSCOW, Russia, March 3 —" count as well. It also lets through
# all-caps words that are no place ("US-led forces"): a caller must vouch for the place itself.
DATELINE_OPENING = re.compile(
    _DATELINE_PLACE
    + r"(?:, (?P<qualifier>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}))?"
    r"(?=\s*(?:,|—|–|-|\(|:))"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """Character spans of a wire dateline: the whole match, the place it opens with, and the
    region or country written after that place (only an opening match reads one)."""

    start: int
    end: int
    place: tuple[int, int]
    qualifier: tuple[int, int] | None


@dataclass(slots=True)
class Document:
    """One article with its spaCy parse; lives only while its article is being coded."""

    article: Article
    doc: Doc
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    _sentence_starts: list[int]

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_index(self, char: int) -> int:
        """Index of the sentence holding character offset ``char``."""
        return max(0, bisect.bisect_right(self._sentence_starts, char) - 1)

    def spacy_sentences(self) -> list[Span]:
        return [s for s in self.doc.sents if s.text.strip()]

    def dateline(self) -> tuple[int, int] | None:
        """Character span of a wire dateline opening the first paragraphs ("GAZA CITY, Palestinian
        Territories:", "BAGHDAD, Jan 5 (Reuters) -"): where the story was filed, not who acts in it."""
        found = next(self.datelines(), None)
        return None if found is None else (found.start, found.end)

    def datelines(self, *, complete: bool = True) -> Iterator[Dateline]:
        """Each opening of the first paragraphs that reads as a dateline, in order.

        The one definition of a dateline for every stage. ``complete=False`` also takes the mere
        opening of one (:data:`DATELINE_OPENING`): the places stage wants the place even when the
        rest of the line is unusual, and checks that place against its gazetteer.
        """
        pattern = DATELINE if complete else DATELINE_OPENING
        for paragraph in self.paragraphs[:DATELINE_PARAGRAPHS]:
            match = pattern.match(self.text, paragraph.start)
            if match:
                qualifier = match.span("qualifier") if match.groupdict().get("qualifier") else None
                yield Dateline(match.start(), match.end(), match.span("place"), qualifier)


def parse(article: Article) -> Document:
    from newsgraph.document.nlp import load_nlp

    return build_document(article, load_nlp()(article.text))


def parse_many(articles: Iterable[Article], batch_size: int = 32) -> Iterator[Document]:
    """Parse a stream of articles through ``nlp.pipe`` in batches."""
    from newsgraph.document.nlp import load_nlp

    pairs = ((a.text, a) for a in articles)
    for doc, article in load_nlp().pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield build_document(article, doc)


def build_document(article: Article, doc: Doc) -> Document:
    paragraphs = split_paragraphs(article.text)
    paragraph_starts = [p.start for p in paragraphs]
    sentences: list[Sentence] = []
    for span in doc.sents:
        start, end = _trimmed(article.text, span.start_char, span.end_char)
        if start >= end:
            continue
        paragraph = max(0, bisect.bisect_right(paragraph_starts, start) - 1)
        sentences.append(Sentence(index=len(sentences), start=start, end=end, paragraph=paragraph))
    starts = [s.start for s in sentences]
    entities = tuple(
        Entity(
            start=ent.start_char,
            end=ent.end_char,
            text=ent.text,
            label=ent.label_,
            sentence=max(0, bisect.bisect_right(starts, ent.start_char) - 1),
        )
        for ent in doc.ents
    )
    return Document(article, doc, paragraphs, tuple(sentences), entities, starts)


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    paragraphs: list[Paragraph] = []
    position = 0
    for chunk in text.split(PARAGRAPH_BREAK):
        start, end = _trimmed(text, position, position + len(chunk))
        if start < end:
            paragraphs.append(Paragraph(index=len(paragraphs), start=start, end=end))
        position += len(chunk) + len(PARAGRAPH_BREAK)
    return tuple(paragraphs)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
