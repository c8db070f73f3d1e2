"""Which place an event happened at: its own clause first, then its sentence, then the dateline.

"Troops shelled positions in Homs while the minister spoke in Damascus": the shelling is in
Homs even though Damascus is in the same sentence, because "in Damascus" hangs off the other
verb in the dependency parse. A place that is the trigger's own object ("shelled Homs",
"captured the town of Mosul") is in its clause too. Only when the event's clause names no place do we fall back to the
sentence, and then to the article's dateline ("BAGHDAD —"), which wire copy uses for the
place of the whole story.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from newsgraph.document.document import DATELINE_PARAGRAPHS
from newsgraph.places.tables import cues
from newsgraph.records import Place

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsgraph.document.document import Document

# Dependency labels that stay inside the trigger's clause when we climb to its head.
_CLAUSE_INTERNAL = ("xcomp", "aux", "auxpass", "neg", "prt", "dobj", "pobj", "prep", "compound", "amod")
# Subtrees of a preposition's object we do not search for the place: relative and other clauses.
_CLAUSE_DEPS = ("relcl", "acl", "advcl", "ccomp", "parataxis")
# Roles in which a place mention only qualifies a person or thing ("US Secretary of State").
_MODIFIER_DEPS = ("compound", "amod", "poss", "nmod", "npadvmod")  # npadvmod: "the US-funded radio"


def anchor_event(document: Document, places: tuple[Place, ...], trigger_start: int, trigger_end: int) -> str | None:
    """Place id for the event at [trigger_start, trigger_end); order documented in the stage."""
    if not places:
        return None
    owner = _mention_owner(places)
    doc = document.doc
    trigger = doc.char_span(trigger_start, trigger_end, alignment_mode="expand")
    if trigger is not None:
        found = _in_clause(trigger.root, owner) or _in_sentence(trigger.root, owner)
        if found:
            return found
    return _dateline_place(document, places)


def clause_place(document: Document, places: tuple[Place, ...], trigger_start: int, trigger_end: int,
                 prepositions: frozenset[str]) -> Place | None:
    """The place the event's own clause puts it in through one of ``prepositions`` ("arrived in
    Beijing", "a protest at the embassy in Seoul"), or its object ("visited Cuba"); no fallback
    to the sentence or the dateline, for callers that must know the event is there."""
    if not places:
        return None
    trigger = document.doc.char_span(trigger_start, trigger_end, alignment_mode="expand")
    if trigger is None:
        return None
    owner = _mention_owner(places)
    found = _in_clause(trigger.root, owner, lambda node, names: _child_place(node, names, prepositions, _place_named_by, True))
    return next((place for place in places if place.id == found), None)


def _place_named_by(token: Token, owner: dict[tuple[int, int], str]) -> str | None:
    """The place a noun phrase names: its head, a name compounded on it, or "the city of X"."""
    found = _place_at(token, owner)
    if found:
        return found
    for child in token.children:
        if child.dep_ in ("compound", "appos"):
            found = _place_at(child, owner)
        elif child.dep_ == "prep" and child.lower_ == "of":
            found = next((f for f in (_place_at(o, owner) for o in child.children if o.dep_ == "pobj") if f), None)
        else:
            continue
        if found:
            return found
    return None


def _mention_owner(places: tuple[Place, ...]) -> dict[tuple[int, int], str]:
    return {(m.start, m.end): p.id for p in places for m in p.mentions}


def _place_at(token: Token, owner: dict[tuple[int, int], str]) -> str | None:
    for (start, end), place_id in owner.items():
        if start <= token.idx < end:
            return place_id
    return None


Owner = dict[tuple[int, int], str]


def _in_clause(trigger: Token, owner: Owner, find: Callable[[Token, Owner], str | None] | None = None) -> str | None:
    """A place ``find`` sees on the trigger, or on the heads up to its clause's verb (by default a
    locative prepositional phrase or the object)."""
    find = find or (lambda node, names: _child_place(node, names, cues()["locative"], _place_in_phrase, False))
    node = trigger
    while True:
        found = find(node, owner)
        if found:
            return found
        if node.dep_ not in _CLAUSE_INTERNAL or node.head is node:
            return None
        node = node.head


def _child_place(node: Token, owner: Owner, prepositions: frozenset[str], in_phrase: Callable[[Token, Owner], str | None],
                 through_object: bool) -> str | None:
    """A place ``in_phrase`` finds in ``node``'s object or in the object of one of ``prepositions``
    on it — and, ``through_object``, in such a phrase on the object ("attend a summit in Switzerland")."""
    for child in node.children:
        if child.dep_ == "dobj":
            found = in_phrase(child, owner) or (
                _child_place(child, owner, prepositions, in_phrase, False) if through_object else None)
            if found:
                return found
        if child.dep_ == "prep" and child.lower_ in prepositions:
            for obj in _prep_objects(child):
                found = in_phrase(obj, owner)
                if found:
                    return found
    return None


def _prep_objects(prep: Token) -> list[Token]:
    """Objects of a preposition, including "in and around X" and conjoined prepositions."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    for c in prep.children:
        if c.dep_ in ("conj", "prep"):
            objects.extend(_prep_objects(c))
    return objects


def _place_in_phrase(obj: Token, owner: dict[tuple[int, int], str]) -> str | None:
    """The first place mention inside the object's noun phrase (not inside its clauses)."""
    stack = [obj]
    tokens = []
    while stack:
        token = stack.pop()
        tokens.append(token)
        # not into "US-funded": a name that says who pays or backs something says nothing of where
        stack.extend(c for c in token.children if c.dep_ not in _CLAUSE_DEPS and c.dep_ != "npadvmod")
    for token in sorted(tokens, key=lambda t: t.i):
        found = _place_at(token, owner)
        if found:
            return found
    return None


def _in_sentence(trigger: Token, owner: dict[tuple[int, int], str]) -> str | None:
    """Nearest locative mention in the sentence, else the nearest mention that is not a modifier."""
    sentence = trigger.sent
    locative = cues()["locative"]
    located, plain = [], []
    for token in sentence:
        place_id = _place_at(token, owner)
        if place_id is None:
            continue
        distance = abs(token.i - trigger.i)
        head = token
        while head.dep_ in ("compound", "amod") and head.head is not head:
            head = head.head
        if head.dep_ == "pobj" and head.head.lower_ in locative:
            located.append((distance, place_id))
        elif token.dep_ not in _MODIFIER_DEPS:
            plain.append((distance, place_id))
    for group in (located, plain):
        if group:
            return min(group)[1]
    return None


def _dateline_place(document: Document, places: tuple[Place, ...]) -> str | None:
    """The place whose mention opens one of the first paragraphs in capitals ("TRIPOLI —")."""
    starts = {p.start for p in document.paragraphs[:DATELINE_PARAGRAPHS]}
    for place in places:
        for m in place.mentions:
            if m.start in starts and m.text.isupper():
                return place.id
    return None
