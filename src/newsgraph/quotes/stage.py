"""Document → quotes: direct and indirect speech, each with its cue and speaker span.

Direct quotes come from quote marks (:mod:`.marks`) attributed through the parse
(:mod:`.direct`); indirect speech from cue verbs' complements (:mod:`.indirect`). This
module adds what needs the article's order:

* **Carried speakers.** Wire copy attributes a speaker once and lets the quotes run on:
  a quote continued into the next paragraph, and a whole-sentence quote that follows an
  attributed statement with nothing but its frame in between ("“…,” he said, referring to
  the siege. “Before 2004…”"), keep the earlier speaker (``carried=True``; the span points
  back at the earlier token). Anything else in between breaks the chain.
* **Scare quotes.** A quoted phrase without a cue that is not a sentence of its own —
  "the so-called “rebels”", a nickname, a term — is not speech and is dropped when it is
  at most :data:`SCARE_MAX_WORDS` words or has no verb. A short Title Case phrase that is
  not a sentence ("Good Morning America", "Make America Great Again") is a title or a
  slogan and is dropped even after a cue ("told ABC’s “Good Morning America”").

``speaker_span`` is None whenever the text names no speaker: never a guess.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from newsgraph.document.document import Document
from newsgraph.quotes.direct import Attribution, attribute
from newsgraph.quotes.indirect import Reported, find_reported
from newsgraph.quotes.lexicon import Lexicon, load_lexicon
from newsgraph.quotes.marks import (
    DOUBLE_CLOSE,
    DOUBLE_EITHER,
    SINGLE_CLOSE,
    SINGLE_EITHER,
    MarkedQuote,
    blocks,
    find_marked,
)
from newsgraph.quotes.tokens import SENTENCE_END, TokenIndex

# A cue-less quoted fragment this short is a scare quote or a name, not speech.
SCARE_MAX_WORDS = 3
# A Title Case phrase in marks up to this long is a name or a slogan (see _is_title).
TITLE_MAX_WORDS = 5
TITLE_MIN_WORDS = 2  # one capitalised word after a cue is an answer ("“Okay,” I said"), not a title
TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with"})
_WORDS = re.compile(r"[^\W_][\w’'-]*")
CLOSING_MARKS = DOUBLE_CLOSE + DOUBLE_EITHER + SINGLE_CLOSE + SINGLE_EITHER
SENTENCE_FINAL = ".?!…"


@dataclass(frozen=True, slots=True)
class QuoteFinding:
    """A quote as found in the text; the pipeline turns ``speaker_span`` into an actor id."""

    text: str
    start: int
    end: int
    direct: bool
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    speaker_span: tuple[int, int] | None = None
    carried: bool = False  # speaker (and cue) carried over from the preceding attributed quote
    continues: bool = False  # continues the previous quote across a paragraph break


def find_quotes(document: Document) -> tuple[QuoteFinding, ...]:
    """Direct and indirect quotes of the article, in text order."""
    text = document.text
    marked = find_marked(text)
    context = _Context(text, blocks(text), TokenIndex.build(document.doc, marked), load_lexicon())
    reported = find_reported(context.index, context.lexicon, text)
    direct = _direct(marked, reported, context)
    taken = {(f.start, f.end) for f in direct}
    indirect = [
        QuoteFinding(text[r.start:r.end], r.start, r.end, False, r.cue, r.cue_span, r.speaker)
        for r in reported
        if (r.start, r.end) not in taken
    ]
    return tuple(sorted(direct + indirect, key=lambda f: (f.start, f.end)))


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    spans: list[tuple[int, int]]  # paragraph (line block) spans
    index: TokenIndex
    lexicon: Lexicon


@dataclass(frozen=True, slots=True)
class _Said:
    """An attributed statement a following quote may carry its speaker from."""

    frame_end: int  # end of the statement's sentence, frame included
    block: int
    cue: str | None
    cue_span: tuple[int, int] | None
    speaker: tuple[int, int] | None


def _direct(marked: list[MarkedQuote], reported: list[Reported], context: _Context) -> list[QuoteFinding]:
    text, spans = context.text, context.spans
    found: list[QuoteFinding] = []
    said = [_said_of_reported(r, context) for r in reported]
    previous: tuple[MarkedQuote, QuoteFinding | None] | None = None
    for quote in marked:
        if quote.end <= quote.start:
            continue
        attribution = attribute(quote, context.index, context.lexicon, text, spans)
        carried = False
        if attribution is None:
            source = _carry_source(quote, previous, said, context)
            if source is not None:
                attribution = Attribution(source.cue or "", source.cue_span, source.speaker, "carried")
                carried = True
        if (attribution is None and _is_scare(quote, context)) or _is_title(quote, context):
            previous = (quote, None)
            continue
        finding = QuoteFinding(
            text[quote.start:quote.end], quote.start, quote.end, True,
            (attribution.cue or None) if attribution else None,
            attribution.cue_span if attribution else None,
            attribution.speaker if attribution else None,
            carried=carried,
            continues=quote.continues and previous is not None and previous[1] is not None,
        )
        found.append(finding)
        if attribution is not None:
            said.append(_said_of_quote(quote, attribution, context))
        previous = (quote, finding)
    return found


def _carry_source(quote: MarkedQuote, previous: tuple[MarkedQuote, QuoteFinding | None] | None,
                  said: list[_Said], context: _Context) -> _Said | None:
    """The statement whose speaker this cue-less quote keeps, if the text allows one."""
    if quote.continues:
        if previous is None or previous[1] is None or not previous[0].runs_on or previous[1].speaker_span is None:
            return None
        earlier = previous[1]
        return _Said(earlier.end, previous[0].block, earlier.cue, earlier.cue_span, earlier.speaker_span)
    if not _whole_sentence(quote, context):
        return None
    before = [s for s in said if s.frame_end <= quote.open_mark and s.speaker is not None]
    if not before:
        return None
    last = max(before, key=lambda s: s.frame_end)
    if last.block == quote.block:
        gap = context.text[last.frame_end:quote.open_mark]
    elif last.block == quote.block - 1 and quote.open_mark == context.spans[quote.block][0]:
        gap = context.text[last.frame_end:context.spans[last.block][1]]
    else:
        return None
    return last if not any(c.isalnum() for c in gap) else None


def _whole_sentence(quote: MarkedQuote, context: _Context) -> bool:
    """The quote is a sentence (or more) of its own, with no frame words around it."""
    text = context.text
    lo, hi = context.spans[quote.block]
    before = text[lo:quote.open_mark].rstrip().rstrip(CLOSING_MARKS)
    if before and not _ends_sentence(before):
        return False
    after = text[quote.region_end:hi].lstrip()
    if not after or after[0] in SENTENCE_FINAL:
        return True
    return _ends_sentence(text[quote.start:quote.region_end].rstrip(CLOSING_MARKS + " ")) and not after[0].islower()


def _ends_sentence(words: str) -> bool:
    return words != "" and words[-1] in SENTENCE_FINAL


def _is_scare(quote: MarkedQuote, context: _Context) -> bool:
    """No cue, not a sentence of its own, and short or verbless: a scare quote or a name."""
    if _whole_sentence(quote, context):
        return False
    index = context.index
    words = [index.token(i) for i in index.within(quote.start, quote.end) if not index.token(i).is_punct]
    return len(words) <= SCARE_MAX_WORDS or not any(t.pos_ in ("VERB", "AUX") for t in words)


def _is_title(quote: MarkedQuote, context: _Context) -> bool:
    """A short Title Case phrase in marks ("Good Morning America", "Make America Great Again")
    names a show, a book or a slogan; even after "told" or "said on" it is not speech."""
    words = _WORDS.findall(context.text[quote.start:quote.end])
    if not TITLE_MIN_WORDS <= len(words) <= TITLE_MAX_WORDS or _whole_sentence(quote, context):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in TITLE_SMALL_WORDS for w in words)


def _sentence_end(position: int, context: _Context, block_end: int) -> int:
    """End of the sentence running at ``position`` (unchanged when a sentence just ended)."""
    if _ends_sentence(context.text[max(0, position - 8):position].rstrip().rstrip(CLOSING_MARKS)):
        return position
    doc = context.index.doc
    for i in context.index.within(position, block_end):
        if doc[i].text in SENTENCE_END:
            return doc[i].idx + 1
    return block_end


def _said_of_quote(quote: MarkedQuote, attribution: Attribution, context: _Context) -> _Said:
    end = quote.region_end
    for span in (attribution.cue_span, attribution.speaker):
        if span is not None and span[1] > end:
            end = span[1]
    return _Said(_sentence_end(end, context, context.spans[quote.block][1]), quote.block, attribution.cue,
                 attribution.cue_span, attribution.speaker)


def _said_of_reported(reported: Reported, context: _Context) -> _Said:
    end = max(reported.end, reported.cue_span[1], reported.speaker[1] if reported.speaker else 0)
    block = max(0, bisect.bisect_right([lo for lo, _ in context.spans], reported.start) - 1)
    return _Said(_sentence_end(end, context, context.spans[block][1]), block, reported.cue, reported.cue_span,
                 reported.speaker)
