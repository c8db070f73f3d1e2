"""Document → quotes: direct and indirect speech with cue and speaker span."""

from newsgraph.quotes.stage import QuoteFinding, find_quotes

__all__ = ["QuoteFinding", "find_quotes"]
