"""Document → toponym mentions: the spans that name places, before any is resolved.

Sources, in order of trust:

1. spaCy entities labelled GPE or LOC; FAC when the gazetteer knows the name or the name says
   it is a building, street or feature ("Carnegie Library", "Royal Street": see
   :mod:`newsgraph.places.inside`);
2. entities spaCy labelled NORP / ORG / PERSON whose text is a well-known place name in a
   locative context ("in Aleppo" tagged NORP) — PITFALLS: a quarter of place misses;
3. an all-caps dateline opening the article ("TRIPOLI —", "BAGHDAD, Jan 5 (Reuters) -"), as
   :meth:`~newsgraph.document.document.Document.datelines` finds it, when the gazetteer knows it;
4. capitalised words spaCy missed that the gazetteer knows, taken only after a locative
   preposition or when the match is strong (see :func:`_gazetteer_ok`);
5. qualifiers after a comma ("Long Beach, CA", "Tripoli, Lebanon"), which are mentions of their
   own and restrict the place before them.

A type word next to a name ("Helmand province", "Rapides Parish") is recorded as the mention's
``kind`` so resolution can keep it to that level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsgraph.document.document import DATELINE_PARAGRAPHS
from newsgraph.places import names
from newsgraph.places.abbreviations import rows_for
from newsgraph.places.gazetteer import Gazetteer
from newsgraph.places.inside import inside_kind
from newsgraph.places.tables import cues, demonyms

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from newsgraph.document.document import Document

PLACE_LABELS = ("GPE", "LOC")
# Facilities are places when their name says what they are ("Carnegie Library", "Royal Street"):
# they are located in the article's area (see newsgraph.places.inside).
INSIDE_LABELS = ("FAC",)
RELABEL_LABELS = ("NORP", "ORG", "PERSON", "FAC", "PRODUCT", "LANGUAGE", "WORK_OF_ART")  # never DATE: "in March", "May"
# A city spaCy mislabelled, or missed, is taken without a locative preposition only when at
# least this populous (GeoNames population): big enough that the name means the city.
POP_STRONG = 100_000
# A mislabelled name after a locative preposition must still be a real town.
POP_RELABEL = 1_000
MAX_SCAN_TOKENS = 4  # longest capitalised run matched against the gazetteer ("Rio de Janeiro" is 3)
# Leading words trimmed from entity spans: they are not part of the name.
_LEADING = {"the"}
# Words between a locative preposition and the name ("in the southern Helmand province").
_BRIDGE_POS = {"DET", "ADJ", "NUM"}


@dataclass(frozen=True, slots=True)
class Mention:
    """A span naming a place; ``name`` is what is looked up (the span minus type words)."""

    start: int
    end: int
    text: str
    name: str
    source: str  # ner | relabelled | dateline | gazetteer | qualifier | given
    kind: str | None = None  # admin1 | admin2 | region: a type word says which level
    qualifier: int | None = None  # index (in the mention list) of the mention qualifying this one
    pinned: tuple[str, str | None] | None = None  # (country, admin1 code) a state abbreviation names
    locative: bool = False  # object of a locative preposition
    label: str | None = None  # the parser's entity label, if any


def find_mentions(document: Document, gaz: Gazetteer) -> list[Mention]:
    """Every toponym mention of the document, in text order, without overlaps."""
    doc = document.doc
    found: list[Mention] = []
    taken: set[int] = set()  # token indices already inside a mention
    for ent in doc.ents:
        mention = _from_entity(ent, gaz)
        if mention is not None:
            found.append(mention)
            taken.update(range(ent.start, ent.end))
    found.extend(_dateline(document, gaz, found))
    entity_tokens = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    found.extend(_scan(doc, gaz, entity_tokens | taken))
    found.sort(key=lambda m: m.start)
    return link_qualifiers(doc, gaz, _drop_overlaps(found), document.text)


def mention_for_span(document: Document, gaz: Gazetteer, start: int, end: int) -> Mention:
    """A mention for a span given from outside (gold toponyms), read like an entity span."""
    doc = document.doc
    text = document.text[start:end]
    expanded = doc.char_span(start, end, alignment_mode="expand")
    span = _trim(expanded) if expanded is not None else None
    if span is None:
        return Mention(start, end, text, text.strip(), "given")
    name, kind = _name_and_kind(span)
    return Mention(start, end, text, name or text, "given", kind=kind, locative=is_locative(span))


# -- entities ---------------------------------------------------------------------------------
def _from_entity(ent: Span, gaz: Gazetteer) -> Mention | None:
    span = _trim(ent)
    if span is None:
        return None
    name, kind = _name_and_kind(span)
    if not name or name in demonyms():
        return None
    locative = is_locative(span)
    label = ent.label_
    if label in PLACE_LABELS or (label in INSIDE_LABELS and inside_kind(span.text)):
        source = "ner"
    elif label in RELABEL_LABELS and _relabel_ok(name, gaz, locative or kind is not None, label):
        source = "relabelled"
    else:
        return None
    return Mention(span.start_char, span.end_char, span.text, name, source, kind=kind, locative=locative, label=label)


def _relabel_ok(name: str, gaz: Gazetteer, locative: bool, label: str) -> bool:
    """A non-place entity label is overruled only for a name the gazetteer clearly knows.

    After a locative preposition any real town will do; elsewhere only a strong match
    (country, region, or a city of POP_STRONG) — "the destruction of Aleppo" (tagged NORP),
    "residents of Edmonton" (tagged ORG). A PERSON label is overruled only in a locative
    context: "Georgia skates in Red Deer" names a skater.
    """
    matches = [m for m in gaz.find(name) if m.primary]
    if label == "FAC":
        return bool(matches)
    if locative:
        return any(m.entry.feature != "city" or m.entry.population >= POP_RELABEL for m in matches)
    if label == "PERSON" or gaz.is_common_word(name):
        return False
    return any(m.entry.feature in ("country", "admin1") or m.entry.population >= POP_STRONG for m in matches)


def _trim(ent: Span) -> Span | None:
    """Entity span without a leading 'the' and a trailing possessive."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ in _LEADING:
        start += 1
    while end > start and ent.doc[end - 1].tag_ == "POS":
        end -= 1
    return ent.doc[start:end] if start < end else None


def _name_and_kind(span: Span) -> tuple[str, str | None]:
    """('Helmand', 'admin1') for 'Helmand province'; a following type word counts too."""
    words = cues()
    last = span[-1].lower_
    for kind in ("admin1", "admin2", "region"):
        if last in words[f"{kind}_word"] and len(span) > 1:
            return span[:-1].text, kind
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.lower_ in words["admin1_word"] | words["admin2_word"]:
        kind = "admin1" if after.lower_ in words["admin1_word"] else "admin2"
        return span.text, kind
    return span.text, None


def is_locative(span: Span) -> bool:
    """True when a locative preposition governs the span ("in Homs", "near the Syrian border")."""
    locative = cues()["locative"]
    root = span.root
    head = root
    while head.dep_ in ("compound", "amod", "nmod") and head.head is not head:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ in locative:
        return True
    i = span.start - 1
    while i >= 0 and span.doc[i].pos_ in _BRIDGE_POS:
        i -= 1
    return i >= 0 and span.doc[i].lower_ in locative and span.doc[i].pos_ == "ADP"


# -- datelines --------------------------------------------------------------------------------
def _dateline(document: Document, gaz: Gazetteer, found: list[Mention]) -> list[Mention]:
    """'TRIPOLI —' / 'KABUL, Afghanistan —' at the start of the first paragraphs.

    Any dateline opening will do, complete or not ("NEW YORK (AP) —"): the gazetteer must know
    its place, which keeps out all-caps words that name none ("US-led forces").
    """
    text = document.text
    for dateline in document.datelines(complete=False):
        start, end = dateline.place
        if not gaz.has(text[start:end]) or any(m.start < end and start < m.end for m in found):
            continue  # no place, or spaCy found it already
        out = [Mention(start, end, text[start:end], text[start:end], "dateline")]
        if dateline.qualifier is not None:
            qs, qe = dateline.qualifier
            if gaz.has(text[qs:qe]):
                out.append(Mention(qs, qe, text[qs:qe], text[qs:qe], "dateline"))
        return out
    return []


def is_dateline(mention: Mention, document: Document) -> bool:
    """True for a mention that is (part of) the article's dateline."""
    return mention.source == "dateline" or any(
        p.start == mention.start and mention.text.isupper() for p in document.paragraphs[:DATELINE_PARAGRAPHS]
    )


# -- gazetteer scan ---------------------------------------------------------------------------
def _scan(doc: Doc, gaz: Gazetteer, blocked: set[int]) -> list[Mention]:
    """Capitalised runs no entity covers, matched against the gazetteer, longest first."""
    capital = [_capitalised(t) and t.i not in blocked for t in doc]
    out = []
    i = 0
    while i < len(capital):
        if not capital[i]:
            i += 1
            continue
        run = 1
        while i + run < len(capital) and run < MAX_SCAN_TOKENS and capital[i + run]:
            run += 1
        taken = 0
        for size in range(run, 0, -1):
            span = doc[i:i + size]
            if not gaz.lookup(names.key(span.text)):  # cheap test before building the mention
                continue
            name, kind = _name_and_kind(span)
            if name in demonyms() or not _gazetteer_ok(span, name, gaz):
                continue
            out.append(Mention(span.start_char, span.end_char, span.text, name, "gazetteer", kind=kind,
                               locative=is_locative(span)))
            taken = size
            break
        i += max(taken, 1)
    return out


def _capitalised(token: Token) -> bool:
    return token.is_title and token.is_alpha and token.pos_ in ("PROPN", "NOUN", "ADJ")


def _gazetteer_ok(span: Span, name: str, gaz: Gazetteer) -> bool:
    """Precision guard for names spaCy did not tag (see POP_STRONG, COMMON_WORD_ZIPF in build)."""
    matches = [m for m in gaz.find(name) if m.primary]
    if not matches:
        return False
    if is_locative(span):
        return any(m.entry.population >= POP_RELABEL or m.entry.feature != "city" for m in matches)
    if gaz.is_common_word(name):
        return False
    return any(m.entry.feature in ("country", "admin1") or m.entry.population >= POP_STRONG for m in matches)


# -- qualifiers ---------------------------------------------------------------------------------
def link_qualifiers(doc: Doc, gaz: Gazetteer, mentions: list[Mention], text: str | None = None) -> list[Mention]:
    """'Tripoli, Lebanon' / 'Long Beach, CA': the second names the first's country or region.

    ``mentions`` must be sorted by start. A state or province abbreviation after the comma
    becomes a mention pinned to that region (added when no mention covers it yet).
    """
    text = doc.text if text is None else text
    items = [replace(m, qualifier=None) for m in mentions]
    targets: dict[int, Mention] = {}  # id(mention) → its qualifier mention
    by_start = {m.start: m for m in items}
    for index, mention in enumerate(items):
        after = mention.end + 2
        if text[mention.end:after] != ", ":
            continue
        nxt = by_start.get(after)
        state = _state_abbreviation(text, after, gaz, mention)
        if state is not None and (nxt is None or nxt.end == state.end):
            if nxt is None:
                items.append(state)
                by_start[after] = state
            else:
                pinned = replace(nxt, pinned=state.pinned, kind="admin1")
                items[items.index(nxt)] = pinned
                by_start[after] = pinned
            targets[id(items[index])] = by_start[after]
        elif nxt is not None and _is_container(nxt.name, gaz) and not _modifies_what_follows(doc, nxt):
            targets[id(items[index])] = nxt
    items.sort(key=lambda m: m.start)
    position = {id(m): i for i, m in enumerate(items)}
    return [replace(m, qualifier=position[id(targets[id(m)])]) if id(m) in targets else m for m in items]


def _modifies_what_follows(doc: Doc, mention: Mention) -> bool:
    """'talks in Geneva, US Secretary of State John Kerry …': "US" opens a new phrase, it does
    not say which Geneva."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    last = span[-1]
    return last.dep_ in ("compound", "nmod", "amod") and last.head.i > last.i


def _is_container(name: str, gaz: Gazetteer) -> bool:
    return any(m.primary and m.entry.feature in ("country", "admin1") for m in gaz.find(name))


_STATE_TOKEN = re.compile(r"[A-Z][A-Za-z]{0,3}\.?(?: ?[A-Z][a-z]?\.){0,3}")


def _state_abbreviation(text: str, start: int, gaz: Gazetteer, inner: Mention) -> Mention | None:
    """A state or province abbreviation at ``start`` ("CA", "Calif.", "B.C.", "NSW"), as a mention
    pinned to that region; of two regions with one code, the one holding a place named ``inner``."""
    match = _STATE_TOKEN.match(text, start)
    if not match:
        return None
    word = match.group(0)
    end = match.end()
    if end < len(text) and text[end].isalpha():
        return None
    rows = rows_for(word)
    if not rows:
        return None
    holding = [r for r in rows if any(m.entry.cc == r.iso2 and m.entry.admin1code == r.code
                                      for m in gaz.find(inner.name))]
    row = (holding or list(rows))[0]
    return Mention(start, end, word, word, "qualifier", kind="admin1", pinned=(row.iso2, row.code))


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            if (m.end - m.start) > (out[-1].end - out[-1].start):
                out[-1] = m
            continue
        out.append(m)
    return out
