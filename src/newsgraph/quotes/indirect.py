"""Reported speech without quote marks: the clause a cue verb governs.

"Kerry declared that Washington would…", "He added that Iran would not…", "The talks will
resume, the official said" — the reported words are the cue's clausal complement
(``ccomp``; for commissives such as "vowed to …" also ``xcomp``) or, for "according to X",
the clause the phrase modifies. The span is the complement's subtree without the
complementiser "that" and the frame's punctuation.

A complement that is mostly inside quote marks is a direct quote, already found with
its marks, and is not reported twice. Cues inside a quote are the quoted speaker's words,
not the article's attributions, and are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.quotes.lexicon import Cue, Lexicon
from newsgraph.quotes.speakers import cue_at, cue_span, speaker_of
from newsgraph.quotes.tokens import TokenIndex, char_span

if TYPE_CHECKING:
    from spacy.tokens import Token

# Share of a complement's characters inside quote marks above which it *is* the direct quote.
QUOTED_SHARE_IS_DIRECT = 0.5
# A reported clause shorter than this many words is a pro-form ("said so", "told him that").
MIN_WORDS = 2
COMPLEMENTISERS = frozenset({"that"})
TRIM = " \n,;:—–-"
CLOSING_QUOTES = "”’\"'"


@dataclass(frozen=True, slots=True)
class Reported:
    start: int
    end: int
    cue: str
    cue_span: tuple[int, int]
    speaker: tuple[int, int] | None


def find_reported(index: TokenIndex, lexicon: Lexicon, text: str) -> list[Reported]:
    found: list[Reported] = []
    seen: set[tuple[int, int]] = set()
    for token in index.doc:
        if index.quoted[token.i] or not token.tag_.startswith("VB"):
            continue
        cue = cue_at(token, lexicon)
        if cue is None or not cue.complements:
            continue
        span = _content(token, cue, index, text)
        if span is None or span in seen:
            continue
        seen.add(span)
        speaker = speaker_of(token, cue, index.quoted)
        found.append(Reported(span[0], span[1], cue.name, cue_span(token, cue),
                              char_span(speaker) if speaker is not None else None))
    return found


def _content(token: Token, cue: Cue, index: TokenIndex, text: str) -> tuple[int, int] | None:
    if "clause" in cue.complements:
        return _according_clause(token, index, text)
    for child in token.children:
        if child.dep_ in cue.complements and child.dep_ != "xcomp" or (
            child.dep_ == "xcomp" and "xcomp" in cue.complements and child.i > token.i
        ):
            return _checked(child.left_edge.i, child.right_edge.i, index, text)
    return None


def _according_clause(token: Token, index: TokenIndex, text: str) -> tuple[int, int] | None:
    """The clause "according to X" modifies, without the phrase when it sits at an edge."""
    clause = token.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    first, last = _trimmed(index, clause.left_edge.i, clause.right_edge.i)
    phrase_first, phrase_last = token.left_edge.i, token.right_edge.i
    if phrase_first <= first <= phrase_last:
        first = phrase_last + 1
    elif phrase_first <= last <= phrase_last:
        last = phrase_first - 1
    return _checked(first, last, index, text)


def _trimmed(index: TokenIndex, first: int, last: int) -> tuple[int, int]:
    """Drop the complementiser and the frame's punctuation from both ends of a token range."""
    doc = index.doc
    while first <= last and (doc[first].lower_ in COMPLEMENTISERS or doc[first].is_punct or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].is_punct and doc[last].text not in CLOSING_QUOTES or doc[last].is_space):
        last -= 1
    return first, last


def _checked(first: int, last: int, index: TokenIndex, text: str) -> tuple[int, int] | None:
    """Trimmed character span of tokens first..last, or None when it is not reported speech."""
    first, last = _trimmed(index, first, last)
    if last - first + 1 < MIN_WORDS or index.quoted[first]:
        return None  # a pro-form, or a complement opening with a quote mark: the direct quote
    doc = index.doc
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    while end > start and text[end - 1] in TRIM:
        end -= 1
    quoted = sum(len(doc[i].text) for i in range(first, last + 1) if index.quoted[i])
    if quoted > QUOTED_SHARE_IS_DIRECT * (end - start):
        return None
    return start, end
