"""Surface shapes of English date expressions, found by regular expressions over the text.

spaCy's DATE entities mix dates with durations ("four-day", "nearly a decade"), ages
and frequencies, and miss bare weekdays and years it reads as numbers. A date we can
normalise has one of a small number of shapes ("January 5, 2014", "last September",
"on Sunday night", "two years ago", "the third quarter of 2009"); each shape is one
pattern here, built from the word lists in ``data/dates/words.tsv``. Matching the text
directly gives exact offsets and, run only around cue words (:func:`scan`), costs about
a millisecond per article; the parse is consulted afterwards only to confirm ambiguous
words and read the tense (:mod:`newsgraph.dates.context`).

Every pattern is case-insensitive; the capital letter that tells "March" the month from
"march" the verb is checked by the caller on the named groups ``mon`` and ``wd``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.dates.lexicon import Lexicon, lexicon


@dataclass(frozen=True, slots=True)
class Candidate:
    """One pattern match: its shape name, span and named groups (None when absent)."""

    shape: str
    start: int
    end: int
    groups: dict[str, str | None]


# Whitespace inside one expression: any, except a blank line (a paragraph break ends it).
SPACE = r"(?:(?!\n[ \t]*\n)\s)+"
SPACE0 = r"(?:(?!\n[ \t]*\n)\s)*"
# A year written with four digits that news dates use; 2100+ and 0999- are numbers.
YEAR4 = r"(?:1\d{3}|20\d{2})(?!\d)"
# A day of the month, not a part of a larger number ("May 5,000", "5.5").
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|[.,]\d)"
# No letter, digit or currency sign may touch a number's left side.
NUM_LEFT = r"(?<![\w$£€.,/:])"


def _fragments(lex: Lexicon) -> dict[str, str]:
    months = lex.alternation("month")
    return {
        "WD": lex.alternation("weekday"),
        "MF": months,
        "MON": rf"(?:{months}|{lex.alternation('month_abbr')}\.?)(?![a-z])",
        "REL": lex.alternation("relative"),
        "MOD": lex.alternation("modifier"),
        "NEAR": lex.alternation("nearby"),
        "PART": lex.alternation("daypart"),
        "DEIC": lex.alternation("deictic"),
        "NUM": rf"(?:{lex.alternation('number')}|\d{{1,3}})",
        "SEASON": lex.alternation("season"),
        "ORD": lex.alternation("ordinal"),
        "CENT": lex.alternation("century"),
        "YEAR": YEAR4,
        "DAY": DAY,
        "NL": NUM_LEFT,
        "UNITS": rf"{lex.alternation('unit')}s?",
        "S": SPACE,
        "S0": SPACE0,
    }


# Shape name → pattern; {NAME} are the fragments above. The order only breaks ties
# between equally long matches; the longest match at a place wins (see stage.select).
SHAPES: dict[str, str] = {
    "iso": r"{NL}(?P<year>{YEAR})-(?P<mm>0[1-9]|1[0-2])-(?P<dd>0[1-9]|[12]\d|3[01])(?![\d-])",
    "ymd_numeric": r"{NL}(?P<year>{YEAR})/(?P<mm>\d{{1,2}})/(?P<dd>\d{{1,2}})(?![\d/])",
    "dmy_numeric": r"{NL}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<year>{YEAR})(?![/])",
    "mdy": r"\b(?:(?P<wd>{WD}),?{S})?(?P<mon>{MON}){S}(?P<day>{DAY})(?:(?:,{S0}|{S})(?P<year>{YEAR}))?",
    "dmy": r"(?:\b(?P<wd>{WD}),?{S})?(?:\bthe{S})?{NL}(?P<day>{DAY})(?:{S}of)?{S}(?P<mon>{MON})(?:,?{S}(?P<year>{YEAR}))?",
    "month_year": r"\b(?:(?P<mod>{MOD})(?:-|{S}))?(?P<mon>{MON})(?:,{S0}|{S}of{S}|{S})(?P<year>{YEAR})",
    "month_relative_year": r"\b(?:(?P<mod>{MOD})(?:-|{S}))?(?P<mon>{MON})(?:,{S0}|{S}of{S}|{S})(?P<rel>{REL}){S}year(?![\w])",
    "month": r"\b(?:(?P<mod>{MOD})(?:-|{S}))?(?:(?P<rel>{REL}){S})?(?P<mon>{MF})(?![\w])",
    "weekday": r"\b(?:(?P<rel>{REL}){S})?(?P<wd>{WD})(?:{S}(?P<part>{PART}))?(?![\w])",
    "deictic": r"\b(?:(?P<near>{NEAR}){S})?(?P<deictic>{DEIC})(?:{S}(?P<part>{PART}))?(?![\w])",
    "this_part": r"\b(?:(?P<near>{NEAR}){S})?this{S}(?P<part>morning|afternoon|evening)(?![\w])",
    "last_night": r"\blast{S}night(?![\w])",
    "relative_unit": (
        r"\b(?:(?P<mod>{MOD}|{NEAR})(?:-|{S}))?(?:the{S})?(?P<rel>{REL}){S}(?P<fiscal>fiscal{S})?"
        r"(?P<unit>week|weekend|month|year|quarter)(?![\w])"
    ),
    "the_weekend": r"\bthe{S}weekend(?![\w])",
    "part_of_period": r"\b(?P<mod>{MOD}){S}(?:the{S})?(?P<unit>week|month|year)(?![\w])",
    "ago": r"\b(?P<num>{NUM}){S}(?P<unit>{UNITS}){S}ago(?![\w])",
    "year": (
        r"(?:\b(?P<mod>{MOD})(?:-|{S}))?(?:\b(?P<fiscal>fiscal(?:{S}year)?){S})?{NL}(?P<year>{YEAR})"
        r"(?![\w]|[.,]\d|{S0}%|{S0}(?:per{S0}cent|percent)\b)"
    ),
    "fiscal_year": r"\b(?-i:FY)\s?(?P<year>{YEAR})",
    "two_digit_year": r"(?<![\w])[’'‘](?P<yy>\d{{2}})(?![\w’'])",
    "decade": (
        r"(?:\b(?P<the>the){S})?(?:\b(?P<mod>early|late|mid)(?:-|{S}))?"
        r"(?:{NL}(?P<dec4>(?:1\d|20)\d0)|[’'‘](?P<dec2>\d0)|(?<![\w])(?P<bare2>\d0))[’']?s(?![\w])"
    ),
    "century": r"(?:\bthe{S})?(?:{NL}(?P<cd>\d{{1,2}})(?:st|nd|rd|th)|\b(?P<cw>{CENT}))[\s-]+century(?![\w])",
    "quarter": (
        r"(?:\bthe{S})?\b(?P<ord>{ORD})[\s-]+quarter(?:{S}of{S}(?:(?P<year>{YEAR})|(?P<rel>{REL}){S}year)"
        r"|,?{S}(?P<year2>{YEAR}))?(?![\w])"
    ),
    "q_quarter": r"\b(?-i:Q)(?P<q>[1-4])(?:{S}(?P<year>{YEAR}))?(?![\w])",
    "season": (
        r"\b(?:(?P<mod>{MOD})(?:-|{S}))?(?:(?P<rel>{REL}){S}|the{S})?(?P<season>{SEASON})"
        r"(?:,?{S}(?:of{S})?(?P<year>{YEAR}))?(?![\w])"
    ),
}


# The word each shape cannot do without ("cue"): scanning only around cues keeps the
# cost per article near 1 ms, where running every pattern over the whole text costs ~7.
SHAPE_CUES: dict[str, str] = {
    "iso": "digit", "ymd_numeric": "digit", "dmy_numeric": "digit", "year": "digit", "fiscal_year": "digit",
    "two_digit_year": "digit", "decade": "digit", "q_quarter": "digit",
    "mdy": "month", "dmy": "month", "month_year": "month", "month_relative_year": "month", "month": "month",
    "weekday": "weekday", "deictic": "deictic", "season": "season",
    "this_part": "unit", "last_night": "unit", "relative_unit": "unit", "the_weekend": "unit",
    "part_of_period": "unit", "ago": "unit", "century": "unit", "quarter": "unit",
}
# Period words that cue the relative shapes ("last week", "this morning", "two years ago").
UNIT_CUES = ("week", "weekend", "month", "year", "quarter", "century", "night", "morning",
             "afternoon", "evening", "ago")
# Characters searched on each side of a cue: more than any expression reaches from its cue
# word ("the beginning of this coming September" reaches 35 before "September").
WINDOW = 48


@lru_cache(maxsize=1)
def compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Every shape's pattern, compiled once per process."""
    fragments = _fragments(lexicon())
    return tuple((name, re.compile(source.format(**fragments), re.IGNORECASE)) for name, source in SHAPES.items())


@lru_cache(maxsize=1)
def cue_pattern() -> re.Pattern[str]:
    lex = lexicon()
    months = lex.alternation("month", "month_abbr")
    units = "|".join(UNIT_CUES)
    return re.compile(
        rf"(?P<digit>\d+)|\b(?:(?P<month>{months})|(?P<weekday>{lex.alternation('weekday')})"
        rf"|(?P<deictic>{lex.alternation('deictic')})|(?P<season>{lex.alternation('season')})|(?P<unit>(?:{units})s?))\b",
        re.IGNORECASE,
    )


def scan(text: str) -> list[Candidate]:
    """All matches of all shapes in ``text``, overlapping ones included.

    Each pattern runs only inside the windows around its cue words, merged where they
    overlap; a window ends at a word boundary so no match is cut inside a word.
    """
    found: dict[tuple[str, int, int], Candidate] = {}
    for lo, hi, kinds in _regions(text):
        for name, pattern in compiled():
            if SHAPE_CUES[name] not in kinds:
                continue
            for match in pattern.finditer(text, lo, hi):
                key = (name, match.start(), match.end())
                if key not in found:
                    found[key] = Candidate(name, match.start(), match.end(), match.groupdict())
    return list(found.values())


def _regions(text: str) -> list[tuple[int, int, set[str]]]:
    regions: list[tuple[int, int, set[str]]] = []
    for cue in cue_pattern().finditer(text):
        kind = cue.lastgroup or ""
        lo, hi = max(0, cue.start() - WINDOW), min(len(text), cue.end() + WINDOW)
        while hi < len(text) and (text[hi].isalnum() or text[hi] == "_"):
            hi += 1
        if regions and lo <= regions[-1][1]:
            last = regions[-1]
            regions[-1] = (last[0], max(last[1], hi), last[2] | {kind})
        else:
            regions.append((lo, hi, {kind}))
    return regions


def whole(text: str) -> Candidate | None:
    """The first shape (in :data:`SHAPES` order) that matches all of ``text``, or None."""
    best = None
    for name, pattern in compiled():
        match = pattern.fullmatch(text)
        if match and best is None:
            best = Candidate(name, 0, len(text), dict(match.groupdict()))
    return best
