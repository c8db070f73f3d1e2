"""What the parse says about a date candidate: is it really a date, and what tense governs it.

The patterns find every "March", "May", "2004" and "fall"; most are dates, some are a
verb, a modal, a person's name or a head count. This module asks the spaCy parse:

* the entity layer — a candidate inside a PERSON / ORG / EVENT … entity is part of a
  name ("Sunday Times", "Black Monday", "Theresa May"); a bare year or month with a
  DATE entity over it, or a date preposition before it ("in 2004"), is a date;
* the tree — the clause verb a date hangs from, and that verb's tense (past / present /
  future), which decides whether "on Monday" looks back or ahead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.dates.lexicon import lexicon
from newsgraph.dates.patterns import Candidate

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Entity labels that make the words under them part of a name or a quantity, not a date.
NAME_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
     "MONEY", "PERCENT", "QUANTITY"}
)
DATE_LABELS = frozenset({"DATE", "TIME"})
# Shapes that are dates by their form alone (numbers with a month, relative words).
CONTEXT_FREE = frozenset({
    "iso", "ymd_numeric", "dmy_numeric", "mdy", "dmy", "month_year", "weekday", "deictic", "this_part",
    "last_night", "relative_unit", "the_weekend", "part_of_period", "ago", "fiscal_year", "decade", "century",
    "quarter", "q_quarter",
})
# Parts of speech that can head a clause.
VERB_POS = frozenset({"VERB", "AUX"})
# Dependency labels of a clause that describes a noun rather than continuing the story.
NOUN_CLAUSES = frozenset({"relcl", "acl"})
# Past forms: simple past, and a participle with "have" or on its own ("the deal signed Monday").
PAST_TAGS = frozenset({"VBD"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# A participle without auxiliaries takes the tense of the verb it complements through these
# links ("declared on Sunday, calling for", "were arrested and charged on Monday"). A
# to-infinitive does not: it looks ahead of its governor ("a program to run through June").
NON_FINITE_TAGS = frozenset({"VB", "VBN", "VBG"})
INHERITING_LINKS = frozenset({"xcomp", "ccomp", "oprd", "conj", "advcl"})


class DocView:
    """Lookups on one parsed document, built once per article."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.date_spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in DATE_LABELS]

    def span(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def in_date_entity(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.date_spans)

    def is_date(self, candidate: Candidate) -> bool:
        """Whether the candidate survives the parse's checks (see the module docstring)."""
        if not _capitalised(candidate):
            return False
        span = self.span(candidate.start, candidate.end)
        if span is None or any(t.ent_type_ in NAME_LABELS for t in span):
            return False
        if candidate.shape == "weekday" and _named_day(span):
            return False
        if candidate.shape == "deictic" and _title_case_inside_sentence(span):
            return False  # "the Today programme", "USA Today"
        if candidate.shape in CONTEXT_FREE:
            return True
        return self._confirmed(candidate, span)

    def tense(self, start: int, end: int) -> str | None:
        """The tense that directs the date; "until Saturday" in a non-past clause looks ahead."""
        span = self.span(start, end)
        if span is None:
            return None
        found = clause_tense(clause_verb(span.root))
        if found in ("present", "perfect") and _after_until(span.root):
            return "future"
        return found

    def _confirmed(self, candidate: Candidate, span: Span) -> bool:
        """Bare months, seasons and years need a DATE entity or a date word before them."""
        groups = candidate.groups
        head = span[-1] if candidate.shape != "season" else _season_token(span)
        if head.tag_ == "MD" or head.pos_ == "VERB":
            return False  # "May" the modal, "fall" the verb
        if candidate.shape == "season" and not groups.get("year") and _followed_by_of(span):
            return False  # "the fall of Baghdad"
        if groups.get("rel") or groups.get("fiscal") or (groups.get("year") and candidate.shape == "season"):
            return True
        if candidate.shape == "season":
            return groups.get("mod") is not None or _date_word_before(span, "season_context")
        if candidate.shape in ("year", "two_digit_year") and _counts_something(head):
            return False  # even when NER calls it a DATE
        if self.in_date_entity(candidate.start, candidate.end):
            return True
        return groups.get("mod") is not None or _date_word_before(span) or _second_of_range(span)


def _capitalised(candidate: Candidate) -> bool:
    """Month and weekday names are capitalised in news copy; "march" and "may" are not months."""
    return all(not word or word[0].isupper() for word in (candidate.groups.get("mon"), candidate.groups.get("wd")))


def _named_day(span: Span) -> bool:
    before = span[0].nbor(-1) if span[0].i > 0 else None
    return before is not None and before.text[:1].isupper() and lexicon().has("named_day", before.text)


def _title_case_inside_sentence(span: Span) -> bool:
    first = span[0]
    return first.text[:1].isupper() and not first.text.isupper() and not first.is_sent_start


def _season_token(span: Span) -> Token:
    seasons = lexicon().values("season")
    return next((t for t in span if t.lower_ in seasons), span[-1])


def _followed_by_of(span: Span) -> bool:
    end = span.end
    return end < len(span.doc) and span.doc[end].lower_ == "of"


def _counts_something(token: Token) -> bool:
    """"2004 people": a number modifying a plural noun is a count, not a year."""
    return token.dep_ in ("nummod", "quantmod") and token.head.tag_ == "NNS"  # not "the 2008 Olympic Games"


def _date_word_before(span: Span, kind: str = "context") -> bool:
    """A preposition or modifier before the expression, skipping one "the"."""
    words = lexicon().values(kind)
    i = span.start - 1
    if i >= 0 and span.doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and span.doc[i].lower_ in words


def _after_until(token: Token) -> bool:
    """The date is the object of "until" ("until 15:00 GMT Saturday"), through any nouns."""
    current = token
    while current.head.i != current.i and current.pos_ not in VERB_POS:
        current = current.head
        if current.pos_ == "ADP":
            return lexicon().has("until", current.lower_)
    return False


def _second_of_range(span: Span) -> bool:
    """"from 2009 to 2011", "2014 and 2016": the year after a linking word and a year."""
    i = span.start
    if i < 2 or not lexicon().has("range_link", span.doc[i - 1].text):
        return False
    before = span.doc[i - 2].text
    return len(before) == 4 and before.isdigit() and 1000 <= int(before) <= 2099


def clause_verb(token: Token) -> Token | None:
    """The verb of the clause ``token`` belongs to: its nearest verb ancestor (or itself)."""
    current = token
    while current.pos_ not in VERB_POS:
        if current.head.i == current.i:
            return None
        current = current.head
    if current.pos_ == "AUX" and current.dep_ in ("aux", "auxpass") and current.head.i != current.i:
        return current.head
    return current


def clause_tense(verb: Token | None) -> str | None:
    """"past", "perfect", "future" or "present" for the clause headed by ``verb``; None without a verb.

    Future: a will/shall auxiliary, a to-infinitive under "going", "plans", "is" …
    ("is going to meet", "is to meet"), a headline infinitive ("Talks to resume
    Monday"), or "scheduled/due for Monday". Perfect: "has/have" + participle. Past: a
    past-tense verb or auxiliary, or a participle standing alone ("the deal signed
    Monday"). Everything else, including "would", is present: a report about the present
    or a reported plan, for which the publication day and before is the safer reading.
    """
    if verb is None:
        return None
    lex = lexicon()
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(lex.has("future_aux", a.lower_) for a in auxiliaries):
        return "future"
    if _future_infinitive(verb, auxiliaries) or _future_state(verb):
        return "future"
    if any(a.lemma_ == "have" and a.tag_ in PRESENT_TAGS for a in auxiliaries):
        return "perfect"
    if verb.tag_ in PAST_TAGS or any(a.tag_ in PAST_TAGS for a in auxiliaries):
        return "past"
    if verb.tag_ in NON_FINITE_TAGS and not auxiliaries and verb.dep_ in INHERITING_LINKS:
        return clause_tense(clause_verb(verb.head))  # "were arrested and charged on Monday"
    if verb.tag_ == "VBN" and not auxiliaries:
        return "past"
    return "present"


def _future_infinitive(verb: Token, auxiliaries: list[Token]) -> bool:
    if verb.tag_ != "VB" or not any(a.lower_ == "to" for a in auxiliaries):
        return False
    if verb.dep_ == "ROOT":
        return True  # headline style: "Russian markets to remain closed until Friday"
    if verb.dep_ != "xcomp":
        return False
    governor = verb.head
    if not lexicon().has("future_head", governor.lemma_):
        return False
    own = [c for c in governor.children if c.dep_ in ("aux", "auxpass")]
    return not any(c.tag_ in PAST_TAGS for c in own) and governor.tag_ not in PAST_TAGS


def _future_state(verb: Token) -> bool:
    """"is scheduled for Monday", "is due on Monday" — present tense only."""
    lex = lexicon()
    words = [verb, *(c for c in verb.children if c.dep_ in ("acomp", "xcomp", "attr"))]
    if not any(lex.has("future_state", w.lemma_) for w in words):
        return False
    return verb.tag_ not in PAST_TAGS and not any(
        c.tag_ in PAST_TAGS for c in verb.children if c.dep_ in ("aux", "auxpass")
    )


def is_noun_clause(verb: Token) -> bool:
    return verb.dep_ in NOUN_CLAUSES
