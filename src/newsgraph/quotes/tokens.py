"""Character ↔ token lookups over one parse, built once per article.

Quote marks are found in the text, attribution in the parse; the two meet through these
tables. A token may straddle a mark (spaCy keeps ``Iraq”—is`` as one token), so a token
belongs to a span when its first character does.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.quotes.marks import MarkedQuote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Sentence-final punctuation: a frame never reaches across it.
SENTENCE_END = frozenset({".", "!", "?"})


@dataclass(slots=True)
class TokenIndex:
    doc: Doc
    starts: list[int]
    quoted: bytearray  # 1 where the token lies inside a quote region (marks included)

    @classmethod
    def build(cls, doc: Doc, quotes: list[MarkedQuote]) -> TokenIndex:
        starts = [t.idx for t in doc]
        quoted = bytearray(len(doc))
        index = cls(doc, starts, quoted)
        for quote in quotes:
            for i in index.within(quote.open_mark, quote.region_end):
                quoted[i] = 1
        return index

    def at(self, char: int) -> int:
        """Index of the token holding (or, in whitespace, preceding) character ``char``."""
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def within(self, start: int, end: int) -> range:
        """Tokens whose first character lies in [start, end)."""
        return range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))

    def token(self, i: int) -> Token:
        return self.doc[i]

    def is_quoted(self, token: Token) -> bool:
        return bool(self.quoted[token.i])


def char_span(token: Token) -> tuple[int, int]:
    return token.idx, token.idx + len(token.text)
