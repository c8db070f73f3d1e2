"""Text → spans between quote marks, paragraph by paragraph.

Quote marks in scraped news are unreliable: straight and curly marks mix, apostrophes use
the same character as closing single quotes (we’re, Iran’s, ’90s), and one stray mark
must not turn the rest of the article into a quote. So every mark is classified by what
stands on either side of it, marks are paired inside one paragraph only, and a quote is
allowed past a paragraph end only under the newswire convention: a paragraph that opens
a quote without closing it continues into the next paragraph when that one *starts* with
an opening mark. An opening mark that is never closed (and not continued) runs to the end
of its paragraph and no further.

Some wires write double quotes as two apostrophes (''…'') or as TeX-style ``…''; both
count as one double mark.

Single marks are quotes only when an opening and a closing one pair up inside the same
region (a double quote's content, or the text between double quotes); a single mark
between two letters or before a digit is an apostrophe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
DOUBLE_EITHER = '"'
SINGLE_OPEN = "‘‚"
SINGLE_CLOSE = "’"
SINGLE_EITHER = "'"
QUOTE_CHARS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER + SINGLE_OPEN + SINGLE_CLOSE + SINGLE_EITHER
# A mark after one of these may open a quote ("—“Yes”", "(“...").
OPENING_CONTEXT = "([{—–-/:;,…" + DOUBLE_OPEN + SINGLE_OPEN
# A mark before one of these may close a quote ("…”." "…”—is").
CLOSING_CONTEXT = ".,;:!?)]}—–-…" + DOUBLE_CLOSE + SINGLE_CLOSE + DOUBLE_EITHER + SINGLE_EITHER
# Stripped from the end of the quoted words: American style puts the frame's comma inside.
TRAILING_FRAME_PUNCTUATION = " ,;:—–-"
_BLOCK = re.compile(r"[^\n]+")
# Every mark, longest first: '' and `` are double marks of two characters.
_MARK = re.compile(r"''|``|[“”„«»\"‘’‚']")
DOUBLE_TWO_CHAR = {"''": DOUBLE_EITHER, "``": "“"}

OPEN, CLOSE, EITHER, APOSTROPHE = "open", "close", "either", "apostrophe"


@dataclass(frozen=True, slots=True)
class Mark:
    pos: int
    end: int
    char: str  # the mark's kind, two-character marks mapped to their one-character equivalent

    @property
    def double(self) -> bool:
        return self.char in DOUBLE_OPEN or self.char in DOUBLE_CLOSE or self.char == DOUBLE_EITHER


@dataclass(frozen=True, slots=True)
class MarkedQuote:
    """The words between a pair of marks (``start``/``end``) and the marks' own positions."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark; for a quote continued without one, the paragraph start
    close_mark: int | None  # offset of the closing mark; None when the quote runs to the paragraph end
    region_end: int  # end of the quote including its closing mark (what a frame comes after)
    block: int  # index of the paragraph (line block) holding it
    continues: bool = False  # continues the previous quote across a paragraph break
    runs_on: bool = False  # left open at the paragraph end and continued in the next paragraph


def blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: any line break ends a paragraph for quote pairing (cleaned text has
    only blank-line breaks; raw gold text may use single newlines between paragraphs)."""
    return [(m.start(), m.end()) for m in _BLOCK.finditer(text) if m.group().strip()]


def find_marked(text: str) -> list[MarkedQuote]:
    """Every double- or single-quoted span in text order (nested single quotes not listed)."""
    spans = blocks(text)
    marks = [_marks(text, start, end) for start, end in spans]
    quotes: list[MarkedQuote] = []
    pending = False  # the previous paragraph left a quote open
    for index, (start, end) in enumerate(spans):
        found, left_open = _double_quotes(text, marks[index], (start, end), index, pending)
        pending = False
        if left_open is not None:
            pending = index + 1 < len(spans) and _continues_into(text, marks[index + 1], spans[index + 1])
            found.append(_make(text, left_open.pos, left_open.end, None, end, end, index, runs_on=pending))
        quotes.extend(found)
        quotes.extend(_single_quotes(text, marks[index], (start, end), index, found))
    quotes.sort(key=lambda q: q.start)
    return _flag_continuations(quotes)


def _marks(text: str, start: int, end: int) -> list[Mark]:
    found = []
    for match in _MARK.finditer(text, start, end):
        raw = match.group()
        found.append(Mark(match.start(), match.end(), DOUBLE_TWO_CHAR.get(raw, raw)))
    return found


def _double_quotes(
    text: str, marks: list[Mark], span: tuple[int, int], block: int, pending: bool
) -> tuple[list[MarkedQuote], Mark | None]:
    """Pair double marks in one paragraph; returns the quotes and an unclosed opening mark."""
    found: list[MarkedQuote] = []
    open_at: Mark | None = None
    first = True
    start = span[0]
    for mark in marks:
        if not mark.double:
            continue
        role = classify(text, mark, *span)
        if role == EITHER:
            role = CLOSE if open_at is not None else OPEN
        if role == OPEN:
            open_at = mark  # a second opener while open: the earlier one was stray
        elif open_at is not None:
            found.append(_make(text, open_at.pos, open_at.end, mark.pos, mark.pos, mark.end, block))
            open_at = None
        elif first and pending:
            # The previous paragraph ran on but this one lacks its opening mark.
            found.append(_make(text, start, start, mark.pos, mark.pos, mark.end, block, continues=True))
        first = False
    return found, open_at


def _make(
    text: str, open_mark: int, content_start: int, close_mark: int | None, end: int, region_end: int, block: int,
    continues: bool = False, runs_on: bool = False,
) -> MarkedQuote:
    start = content_start
    while start < end and text[start].isspace():
        start += 1
    stop = end
    while stop > start and text[stop - 1] in TRAILING_FRAME_PUNCTUATION:
        stop -= 1
    return MarkedQuote(start, stop, open_mark, close_mark, region_end, block, continues, runs_on)


def _continues_into(text: str, marks: list[Mark], span: tuple[int, int]) -> bool:
    """An open quote runs on into this paragraph: it starts with an opening mark (the
    convention), or its first double mark closes (the opening mark was left out)."""
    for mark in marks:
        if mark.double:
            role = classify(text, mark, *span)
            return (mark.pos == span[0] and role != CLOSE) or role == CLOSE
    return False


def _flag_continuations(quotes: list[MarkedQuote]) -> list[MarkedQuote]:
    """Mark the first quote of a paragraph that continues a run-on quote of the previous one."""
    out: list[MarkedQuote] = []
    seen_blocks: set[int] = set()
    for quote in quotes:
        previous = out[-1] if out else None
        if (previous is not None and previous.runs_on and quote.block == previous.block + 1
                and quote.block not in seen_blocks and not quote.continues):
            quote = replace(quote, continues=True)
        seen_blocks.add(quote.block)
        out.append(quote)
    return out


def classify(text: str, mark: Mark, lo: int, hi: int) -> str:
    """Role of a mark from its neighbours inside the paragraph [lo, hi)."""
    char = mark.char
    before = text[mark.pos - 1] if mark.pos > lo else " "
    after = text[mark.end] if mark.end < hi else " "
    if char in SINGLE_CLOSE + SINGLE_EITHER and (
        (before.isalnum() and after.isalnum()) or (after.isdigit() and not before.isalnum())
    ):
        return APOSTROPHE  # we’re, Iran’s, ’90s
    can_open = (before.isspace() or before in OPENING_CONTEXT) and not after.isspace()
    can_close = not before.isspace() and (after.isspace() or after in CLOSING_CONTEXT)
    if char in DOUBLE_OPEN or char in SINGLE_OPEN:
        return CLOSE if can_close and not can_open else OPEN
    if char in DOUBLE_CLOSE:
        return OPEN if can_open and not can_close else CLOSE
    if char == SINGLE_CLOSE:
        return CLOSE if can_close else APOSTROPHE  # a word-initial ’ is an elision (’em, ’tis)
    if can_open and not can_close:
        return OPEN
    if can_close and not can_open:
        return CLOSE
    return EITHER


def _single_quotes(text: str, marks: list[Mark], span: tuple[int, int], block: int,
                   doubles: list[MarkedQuote]) -> list[MarkedQuote]:
    """Single-quoted spans outside double quotes (headline style, 'a win-win solution').

    Single quotes nested in a double quote stay part of it and are not listed: the outer
    quote's speaker said them.
    """
    inside = [(q.open_mark, q.region_end) for q in doubles]
    found = []
    open_at: Mark | None = None
    for mark in marks:
        if mark.double or any(lo <= mark.pos < hi for lo, hi in inside):
            if mark.double:
                open_at = None  # single quotes never pair across a double mark
            continue
        role = classify(text, mark, *span)
        if role == APOSTROPHE:
            continue
        if role == OPEN and open_at is None:
            open_at = mark
        elif role in (CLOSE, EITHER) and open_at is not None:
            quote = _make(text, open_at.pos, open_at.end, mark.pos, mark.pos, mark.end, block)
            if quote.end > quote.start:
                found.append(quote)
            open_at = None
    return found
