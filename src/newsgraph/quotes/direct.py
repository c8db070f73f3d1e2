"""A quoted span → its cue and speaker, from the parse first and the frame's wording second.

Tried in order, the first that finds a cue wins:

1. **Syntax**: the quote's words hang off a cue verb outside the marks ("insisted that,
   “This is…”", "described ISIS as “the most dangerous players”", "“…,” he said") — the
   nearest cue up the dependency chain, or a cue the quote's own root governs (the parser
   sometimes makes "said" the child of the quoted verb).
2. **Frame after**: the quote ends with a comma, ?, ! or dash (or the next word is lower
   case) and a cue follows within a few words: "“…,” said Kerry", "“…?” Trump asked";
   after a closed sentence only a frame-only sentence counts ("“….” Trump said.").
3. **Frame before**: a colon or comma just before the opening mark, with a cue earlier in
   that sentence ("She added, “…”"), or a bare name before the colon ("Trump: “…”"),
   also when the colon ends the previous paragraph; or a cue right before the mark
   ("…, writing “…”").
4. **Headline colon**: a paragraph opening with a name and a colon ("Bill Clinton:
   Hillary ‘Better Qualified …’").

What is left without a cue is handled by the stage (carried speaker, scare quotes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.quotes.lexicon import Cue, Lexicon
from newsgraph.quotes.marks import MarkedQuote
from newsgraph.quotes.speakers import NOMINAL, cue_at, cue_span, noun_head_after, speaker_of
from newsgraph.quotes.tokens import SENTENCE_END, TokenIndex, char_span

if TYPE_CHECKING:
    from spacy.tokens import Token

# Dependency steps from the quote up to its cue: "players → as → described" is 2,
# "dishonest → been → media → said" 3; beyond 4 the cue is usually another clause's.
MAX_SYNTAX_STEPS = 4
# Children of a quoted root that may be its frame verb when the parser inverts the tree.
FRAME_CHILD_DEPS = frozenset({"ccomp", "parataxis", "conj", "advcl", "dep"})
# Words after a closing mark searched for the cue: "Major General Qassem Soleimani told" is 5.
MAX_AFTER_TOKENS = 8
# Words before an opening colon/comma searched for the cue: "a Foreign Ministry spokeswoman responded".
MAX_BEFORE_TOKENS = 14
# Longest bare name before a colon taken as a speaker ("Senate Majority Leader Mitch McConnell:").
MAX_COLON_NAME_TOKENS = 8
# Closing punctuation inside the marks that leaves the sentence open for a frame.
OPEN_ENDINGS = ",?!—–-…"
COMPLEMENTISERS = frozenset({"that"})
# Words after a cue searched for the subject of an inverted frame ("“…,” said the official").
INVERTED_SUBJECT_REACH = 6
# Words after the cue of a frame-only sentence ("Trump said on Tuesday in Ohio.").
MAX_FRAME_TAIL = 8


@dataclass(frozen=True, slots=True)
class Attribution:
    cue: str
    cue_span: tuple[int, int] | None
    speaker: tuple[int, int] | None
    how: str  # syntax | after | before | colon | carried (set by the stage)


def attribute(quote: MarkedQuote, index: TokenIndex, lexicon: Lexicon, text: str,
              blocks: list[tuple[int, int]]) -> Attribution | None:
    return (
        _by_syntax(quote, index, lexicon)
        or _after_frame(quote, index, lexicon, text)
        or _before_frame(quote, index, lexicon, text, blocks)
        or _headline_colon(quote, index, blocks)
    )


def _found(token: Token, cue: Cue, how: str, index: TokenIndex) -> Attribution:
    speaker = speaker_of(token, cue, index.quoted)
    if speaker is None and how == "after":
        speaker = noun_head_after(token, INVERTED_SUBJECT_REACH)
        if speaker is not None and index.is_quoted(speaker):
            speaker = None
    return Attribution(cue.name, cue_span(token, cue), char_span(speaker) if speaker is not None else None, how)


def _by_syntax(quote: MarkedQuote, index: TokenIndex, lexicon: Lexicon) -> Attribution | None:
    lo, hi = quote.open_mark, quote.region_end
    best: tuple[int, int, Token, Cue] | None = None
    for i in index.within(quote.start, quote.end):
        token = index.token(i)
        head = token.head
        if head.i == token.i:
            candidates = _frame_children(token, lo, hi, index, lexicon)
        elif lo <= head.idx < hi:
            continue
        else:
            candidates = _up_chain(head, index, lexicon) + _frame_children(token, lo, hi, index, lexicon)
        for steps, cue_token, cue in candidates:
            distance = min(abs(cue_token.idx - lo), abs(cue_token.idx - hi))
            if best is None or (steps, distance) < best[:2]:
                best = (steps, distance, cue_token, cue)
    if best is None:
        return None
    return _found(best[2], best[3], "syntax", index)


def _up_chain(start: Token, index: TokenIndex, lexicon: Lexicon) -> list[tuple[int, Token, Cue]]:
    current = start
    for steps in range(1, MAX_SYNTAX_STEPS + 1):
        if not index.is_quoted(current):
            cue = cue_at(current, lexicon)
            if cue is not None:
                return [(steps, current, cue)]
            for child in current.children:
                if child.lower_ == "according" and not index.is_quoted(child):
                    phrase = cue_at(child, lexicon)
                    if phrase is not None:
                        return [(steps, child, phrase)]
        if current.head.i == current.i:
            break
        current = current.head
    return []


def _frame_children(root: Token, lo: int, hi: int, index: TokenIndex, lexicon: Lexicon) -> list[tuple[int, Token, Cue]]:
    found = []
    for child in root.children:
        if child.dep_ in FRAME_CHILD_DEPS and not lo <= child.idx < hi and not index.is_quoted(child):
            cue = cue_at(child, lexicon)
            if cue is not None:
                found.append((1, child, cue))
    return found


def _after_frame(quote: MarkedQuote, index: TokenIndex, lexicon: Lexicon, text: str) -> Attribution | None:
    """"“…,” he said" / "“…?” asked Kerry" / "“….” Trump said." (a frame-only sentence)."""
    if quote.close_mark is None:
        return None
    doc = index.doc
    first = index.within(quote.region_end, len(text) + 1).start
    if first >= len(doc):
        return None
    inside_end = text[quote.close_mark - 1] if quote.close_mark > 0 else ""
    next_token = doc[first]
    open_frame = inside_end in OPEN_ENDINGS or next_token.text == "," or next_token.text[:1].islower()
    for i in range(first, min(len(doc), first + MAX_AFTER_TOKENS)):
        token = doc[i]
        if index.quoted[i] or token.text in SENTENCE_END or "\n" in token.text:
            return None
        cue = cue_at(token, lexicon)
        if cue is not None:
            if open_frame or _frame_only(token, index, first):
                return _found(token, cue, "after", index)
            return None
    return None


def _frame_only(cue: Token, index: TokenIndex, first: int) -> bool:
    """After a closed sentence, "Trump said." is a frame; "Trump said he would…" is not."""
    if any(child.dep_ in ("ccomp", "xcomp", "dobj") for child in cue.children):
        return False
    doc = index.doc
    for i in range(cue.i + 1, min(len(doc), first + MAX_AFTER_TOKENS + MAX_FRAME_TAIL)):
        if doc[i].text in SENTENCE_END or "\n" in doc[i].text or index.quoted[i]:
            return True
        if doc[i].pos_ == "VERB":
            return False
    return False


def _before_frame(quote: MarkedQuote, index: TokenIndex, lexicon: Lexicon, text: str,
                  blocks: list[tuple[int, int]]) -> Attribution | None:
    pos = quote.open_mark - 1
    block_start = blocks[quote.block][0]
    while pos >= block_start and text[pos].isspace():
        pos -= 1
    if pos < block_start:
        if quote.block == 0 or quote.continues:
            return None
        pos = blocks[quote.block - 1][1] - 1  # a colon ending the previous paragraph
        while pos >= 0 and text[pos].isspace():
            pos -= 1
        if pos < 0 or text[pos] != ":":
            return None
    doc = index.doc
    mark = index.at(pos)
    if text[pos] not in ":,":
        return _adjacent_cue(mark, index, lexicon)
    segment: list[Token] = []
    for i in range(mark - 1, max(-1, mark - 1 - MAX_BEFORE_TOKENS), -1):
        token = doc[i]
        if index.quoted[i] or token.text in SENTENCE_END or "\n" in token.text:
            break
        cue = cue_at(token, lexicon)
        if cue is not None:
            return _found(token, cue, "before", index)
        segment.append(token)
    if text[pos] == ":":
        return _colon_frame(segment, doc[mark], index)
    return None


def _adjacent_cue(last: int, index: TokenIndex, lexicon: Lexicon) -> Attribution | None:
    """"Flea …, writing “…”" / "said that “…”": a cue right before the mark, no punctuation."""
    doc = index.doc
    if last >= 0 and doc[last].lower_ in COMPLEMENTISERS:
        last -= 1
    if last < 0 or index.quoted[last]:
        return None
    cue = cue_at(doc[last], lexicon)
    return _found(doc[last], cue, "before", index) if cue is not None else None


def _headline_colon(quote: MarkedQuote, index: TokenIndex, blocks: list[tuple[int, int]]) -> Attribution | None:
    """"Bill Clinton: Hillary ‘Better Qualified …’" — a paragraph opening with a bare name
    and a colon gives that name as the speaker of the quote in its first sentence."""
    lo = blocks[quote.block][0]
    doc = index.doc
    segment: list[Token] = []
    for i in index.within(lo, quote.open_mark):
        token = doc[i]
        if token.text == ":":
            found = _colon_frame(list(reversed(segment)), token, index)
            if found is not None and doc[_head_index(found, index)].pos_ == "PROPN":
                return found
            return None
        if token.text in SENTENCE_END or len(segment) >= MAX_COLON_NAME_TOKENS:
            return None
        segment.append(token)
    return None


def _head_index(found: Attribution, index: TokenIndex) -> int:
    assert found.speaker is not None
    return index.at(found.speaker[0])


def _colon_frame(segment: list[Token], colon: Token, index: TokenIndex) -> Attribution | None:
    """"Trump on Twitter: “…”" — a verbless name phrase before the colon is the speaker."""
    if not segment or len(segment) > MAX_COLON_NAME_TOKENS:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in segment):
        return None
    members = {t.i for t in segment}
    heads = [t for t in reversed(segment) if (t.head.i not in members or t.head.i == t.i) and t.pos_ in NOMINAL]
    if not heads:
        return None
    return Attribution(":", char_span(colon), char_span(heads[0]), "colon")
