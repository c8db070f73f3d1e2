"""Find event triggers — verbs and nominal events — and the lexicon row each one matches.

A verb is looked up as a phrasal verb first ("carry out", "crack down") and then alone; a
noun as a two-word compound first ("air strike") and then alone. A row's object and
preposition constraints are checked on the parse; the first row that fits wins. "Describe
X as …" and "call X …" are events only when the words describing X carry a clear polarity.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.datafile import package_text, rows
from newsgraph.events.lexicon import NOT_AN_EVENT, Lexicon
from newsgraph.events.lexicon_row import LexiconRow

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Prepositions that act as particles and carry the moved object ("sending in troops").
PARTICLE_PREPS = frozenset({"in", "out", "off", "back", "over", "up", "down"})
# Triggers whose type depends on what the target is called (praise or condemnation).
POLARITY_TRIGGERS = frozenset({"describe", "call", "label", "brand", "term", "hail", "dub"})
# Where an "-ing" word parsed as a verb stands in for a noun or describes one.
GERUND_NOUN_DEPS = frozenset({"acl", "pobj", "pcomp", "nsubj", "nsubjpass", "dobj"})
# Named-entity labels of words that only say when: a month is no march.
TIME_ENTITIES = frozenset({"DATE", "TIME"})
# Verb forms the small model lemmatises to another word ("severed" → "severe", "raped" → "rap").
LEMMA_SLIPS = {"severed": "sever", "raped": "rape", "rapes": "rape"}


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token  # the head word of the trigger
    start: int  # first token of the trigger phrase
    end: int  # one past its last token
    row: LexiconRow
    object_token: Token | None  # the object that satisfied the row's constraint, if any


@lru_cache(maxsize=1)
def polarity_words() -> dict[str, str]:
    name = "data/events/polarity.tsv"
    found: dict[str, str] = {}
    for where, cells in rows(package_text(name), name, ("word", "polarity")):
        if cells["polarity"] not in ("positive", "negative"):
            raise where.error(f"polarity {cells['polarity']!r} is unknown", "write positive or negative")
        found[cells["word"]] = cells["polarity"]
    return found


def find_triggers(sentence: Span, lexicon: Lexicon) -> list[Trigger]:
    found: list[Trigger] = []
    for token in sentence:
        if token.pos_ == "VERB":
            trigger = _verb_trigger(token, lexicon)
            if trigger is None and _nominal_gerund(token):
                trigger = _noun_trigger(token, lexicon)  # "killed in police firing": the parser made a verb of the noun
        elif token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in TIME_ENTITIES:
            trigger = _noun_trigger(token, lexicon)  # not "in March", "the Strike Day holiday"
        else:
            trigger = None
        if trigger is not None:
            found.append(trigger)
    # "issued arrest warrants": the compound is one trigger, so its first word is none of its own
    compounds = [(t.start, t.token.i) for t in found if t.row.pos == "NOUN" and t.end - t.start > 1]
    return [t for t in found if not any(start <= t.token.i < head for start, head in compounds)]


def _verb_trigger(token: Token, lexicon: Lexicon) -> Trigger | None:
    lemma = LEMMA_SLIPS.get(token.lower_, token.lemma_.lower())
    particles = [c for c in token.children if c.dep_ == "prt" or (c.dep_ in ("prep", "advmod") and c.lower_ in PARTICLE_PREPS)]
    for particle in particles:
        row, obj = _first_fit(lexicon.candidates(f"{lemma} {particle.lower_}", "VERB"), token, particle.lower_)
        if row is not None:
            return Trigger(token, min(token.i, particle.i), max(token.i, particle.i) + 1, row, obj)
    row, obj = _first_fit(lexicon.candidates(lemma, "VERB"), token, None)
    if row is None:
        return None
    if lemma in POLARITY_TRIGGERS and row.type in ("ACCUSE", "SUPPORT"):
        row = _by_polarity(token, row)
        if row is None:
            return None
    return Trigger(token, token.i, token.i + 1, row, obj)


def _noun_trigger(token: Token, lexicon: Lexicon) -> Trigger | None:
    lemma = token.lemma_.lower()
    if _manner_phrase(token):
        return None
    for child in token.children:
        hyphened = child.i == token.i - 2 and token.doc[token.i - 1].text == "-"  # "lathi-charge", "air-strike"
        if child.dep_ == "compound" and (child.i == token.i - 1 or hyphened):
            row, obj = _first_fit(lexicon.candidates(f"{child.lower_} {lemma}", "NOUN"), token, None)
            if row is not None:
                return Trigger(token, child.i, token.i + 1, row, obj)
    candidates = lexicon.candidates(lemma, "NOUN") or lexicon.candidates(token.lower_, "NOUN")
    row, obj = _first_fit(candidates, token, None)
    if row is None:
        return None
    return Trigger(token, token.i, token.i + 1, row, obj)


def _nominal_gerund(token: Token) -> bool:
    """An "-ing" word the parser read as a verb where it names an act: "killed in police firing",
    with "firing" hung on "police" as a participle, or "died in police firing" with "police" as
    its subject. It has no object of its own, and it stands where a noun stands or describes one."""
    if token.tag_ != "VBG" or any(child.dep_ in ("dobj", "ccomp", "xcomp") for child in token.children):
        return False
    if token.dep_ in GERUND_NOUN_DEPS:
        return True
    # "killed in police firing as mobs rampaged": "firing" hung on the verb as a clause of its own,
    # right after the noun it compounds with, and with no subject
    before = token.doc[token.i - 1] if token.i else None
    return (token.dep_ == "advcl" and before is not None and before.dep_ == "pobj" and before.pos_ == "NOUN"
            and not any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children))


def _manner_phrase(token: Token) -> bool:
    """ "resigned in protest", "walked out in protest at the vote": the reason an act was done, no
    protest of its own."""
    return token.lower_ == "protest" and token.dep_ == "pobj" and token.head.lower_ == "in" \
        and not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in token.children)


REPORTED_CLAUSE = "[clause]"  # the lexicon's object word for a clause the verb reports


def _first_fit(rows: tuple[LexiconRow, ...], token: Token, particle: str | None) -> tuple[LexiconRow | None, Token | None]:
    for row in rows:
        obj = _object_fits(row, token)
        if row.object and obj is None:
            continue
        if row.prep and not _has_prep(token, row.prep, particle):
            continue
        if row.type == NOT_AN_EVENT:
            return None, None  # "met its commitments": this frame of the word is no event
        return row, obj
    return None, None


def _object_fits(row: LexiconRow, token: Token) -> Token | None:
    if not row.object:
        return None
    wanted = set(row.object)
    candidates = _object_candidates(token)
    if row.prep:
        # "called for sanctions", "warned against travelling": the object the row's own preposition carries
        candidates += [o for p in token.children if p.dep_ == "prep" and p.lower_ == row.prep
                       for o in p.children if o.dep_ in ("pobj", "pcomp")]
    if row.type == NOT_AN_EVENT:
        # a no-event frame may name the verb it embeds: "refused to comment"
        candidates += [c for c in token.children if c.dep_ == "xcomp"]
    if REPORTED_CLAUSE in wanted:
        # "…, a rights group protested": the verb reports a clause, as a verb of saying does
        clause = next((c for c in token.children if c.dep_ == "ccomp"), None) or misparsed_report(token)
        if clause is not None:
            return clause
    for candidate in candidates:
        if candidate.lemma_.lower() in wanted or candidate.lower_ in wanted or _modified_object(candidate) & wanted:
            return candidate
    return None


def misparsed_report(token: Token) -> Token | None:
    """ "X is failing refugees, a human rights group protested": the parser may hang the reporting
    verb on its speaker as a participle (the speaker an apposition) instead of on the clause; the
    clause it reports is then the sentence's main one, written before it."""
    root = token.sent.root
    if token.dep_ != "acl" or token.head.dep_ != "appos" or root.i > token.i or root.pos_ not in ("VERB", "AUX"):
        return None
    return None if any(c.dep_ in ("dobj", "prep") for c in token.children) else root


def _modified_object(candidate: Token) -> set[str]:
    """ "trade protocol", "armoured troops": an object row may name one modifier with its noun."""
    modifiers = [c.lower_ for c in candidate.children if c.dep_ in ("compound", "amod")]
    return {f"{m} {form}" for m in modifiers for form in (candidate.lemma_.lower(), candidate.lower_)}


def _object_candidates(token: Token) -> list[Token]:
    found: list[Token] = []
    has_object = any(c.dep_ == "dobj" for c in token.children)
    if token.dep_ == "acl" and token.tag_ == "VBN":
        # "shells fired by the army": the participle's object is the noun it describes
        found.append(token.head)
        found.extend(c for c in token.head.children if c.dep_ in ("compound", "amod"))
        # "clouds of tear gas fired by police", "dozens of rockets fired by": what is measured
        found.extend(o for p in token.head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj")
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "compound", "amod", "nmod"):
            found.append(child)
            found.extend(c for c in child.children if c.dep_ in ("compound", "amod"))
            if child.dep_ in ("dobj", "nsubjpass"):  # "700 kg of medicine", "dozens of rockets": what is measured
                found.extend(o for p in child.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj")
        elif child.dep_ in ("prep", "prt", "advmod") and (child.lower_ in PARTICLE_PREPS or child.lower_ in ("of", "to")):
            if child.dep_ == "prep" and child.lower_ in PARTICLE_PREPS and has_object:
                continue  # "attacked the Tories over tax": "over" is a preposition here, not a particle
            found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def _has_prep(token: Token, word: str, particle: str | None) -> bool:
    if particle == word:
        return True
    holders = [token] + [c for c in token.children if c.dep_ == "dobj"]
    return any(c.lower_ == word and c.dep_ in ("prep", "prt", "agent", "dative", "advmod") and not _only_when(c)
               for h in holders for c in h.children) or for_clause(token, word) is not None


def for_clause(token: Token, word: str) -> Token | None:
    """ "called for Burma to institute reforms": the parser makes "for" the mark of a clause
    whose subject is the preposition's object; the clause, when that is how it was read."""
    if word != "for":
        return None
    return next((c for c in token.children if c.dep_ in ("advcl", "ccomp")
                 and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                 and any(s.dep_ == "nsubj" for s in c.children)), None)


def _only_when(prep: Token) -> bool:
    """ "fired on Monday", "met at noon": a preposition whose object is a date says when, not on whom."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in TIME_ENTITIES for o in objects)


def _by_polarity(token: Token, row: LexiconRow) -> LexiconRow | None:
    """ACCUSE or SUPPORT by the words that describe the target, else no event."""
    words = polarity_words()
    described: list[str] = []
    for child in token.children:
        if child.dep_ in ("prep", "oprd", "attr", "xcomp", "ccomp") and child.dep_ != "dobj":
            described.extend(t.lemma_.lower() for t in child.subtree)
    polarities = {words.get(w) for w in described} - {None}
    if "negative" in polarities:
        return replace(row, type="ACCUSE", cameo="111", mode="disapprove")
    if "positive" in polarities:
        return replace(row, type="SUPPORT", cameo="051", mode=None)
    return None
