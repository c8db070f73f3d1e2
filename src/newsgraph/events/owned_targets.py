"""Whose post, convoy or building was struck: "attacked a police station", "ambushed an army convoy".

An attack on a body's station, base or convoy is aimed at that body: ACLED names the police or
the military as the target of such attacks, and PETRARCH finds "police" anywhere in the object
phrase. The actor stage rightly keeps "police" in "a police station" as no actor of its own (it
only says whose station, and "taken to a police station" involves no police act), so the coder
implies the owner here, only when an attack, a seizure or a riot needs a target and has none. The owner
is who an "of" phrase names ("positions of the Ethiopian troops"), else an actor of the body's
sector that the same sentence names ("a Kenyan soldier was killed after fighters attacked a
military base"), else an implied actor (as the host of an act abroad is) whose evidence is the
body noun itself, of the country the act happened in when the text says, else of none.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newsgraph.events.unnamed_doers import country_of_act
from newsgraph.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsgraph.events.arguments import Arguments
    from newsgraph.events.lexicon_row import LexiconRow
    from newsgraph.events.registry import CodingInput

# Acts whose object can be a body's property standing for the body: (PLOVER type, mode or None for any).
STRIKING_ACTS = frozenset({("ASSAULT", None), ("COERCE", None), ("PROTEST", "riot"), ("PROTEST", "vandalize")})
# Things that belong to a state body and stand for it when struck.
ASSET_NOUNS = frozenset(
    {"station", "post", "outpost", "checkpoint", "convoy", "patrol", "base", "airbase", "barracks", "garrison", "camp",
     "position", "headquarters", "office", "building", "compound", "facility", "installation", "depot", "vehicle",
     "truck", "jeep", "helicopter", "aircraft", "plane", "jet", "ship", "vessel", "warship", "boat", "unit"}
)
# Body nouns that own such things, with the sector and kind of the owner they imply.
OWNER_NOUNS = {
    "police": ("police", "COP"), "army": ("military", "MIL"), "military": ("military", "MIL"),
    "navy": ("military", "MIL"), "naval": ("military", "MIL"), "troop": ("military", "MIL"),
    "government": ("government", "GOV"), "paramilitary": ("military", "MIL"),
}
# Where the struck thing sits: the object, the subject of a passive, or an "on"/"at"/"against"/"to"
# phrase ("set fire to a police station", "laid siege to an army base").
OBJECT_LINKS = frozenset({"dobj", "nsubjpass"})
TARGET_PREPOSITIONS = frozenset({"on", "at", "against", "to"})
OWNER_ROLE = "owner of what was struck"


def owned_target(row: LexiconRow, token: Token, args: Arguments, where: Span, inputs: CodingInput) -> Arguments:
    """``args`` with the owner of the struck thing as target, when the act has no target yet."""
    if args.target or not ({(row.type, None), (row.type, row.mode)} & STRIKING_ACTS) or inputs.implied is None:
        return args
    found: list[str] = []
    for thing in _struck_things(token):
        for owner in _owners(thing, token, args, where, inputs):
            if owner not in found and owner not in args.source:
                found.append(owner)
    return replace(args, target=tuple(found), target_via="owner") if found else args


def _owners(thing: Token, token: Token, args: Arguments, where: Span, inputs: CodingInput) -> list[str]:
    """Whose ``thing`` is: the actors of its "of" phrase ("positions of the Ethiopian troops"), else
    the body its modifier names — an actor of that sector the sentence names ("a Kenyan soldier
    was killed after fighters attacked a military base"), else one implied for the act's country."""
    named = [a for obj in _of_objects(thing) for a in inputs.actors.actors_of_token(obj.i)]
    if named:
        return named
    word = _owner_word(thing, inputs)
    if word is None:
        return []
    name, sector = OWNER_NOUNS[word.lemma_.lower()]
    if any(inputs.actor(i).sector == sector for i in args.source):
        return []  # "soldiers stormed an army post": no attack of a body on its own
    sentence = token.sent
    for actor in inputs.actors.actors:
        if actor.sector == sector and any(sentence.start_char <= m.start < sentence.end_char for m in actor.mentions):
            return [actor.id]
    if inputs.implied is None:
        return []  # coding only named actors
    text = inputs.document.text[word.idx : word.idx + len(word.text)]
    country = country_of_act(where.start, where.end, inputs)
    return [inputs.implied.body(name, name, sector, country, Span(word.idx, word.idx + len(text), text), OWNER_ROLE)]


def _of_objects(thing: Token) -> list[Token]:
    objects = [o for prep in thing.children if prep.dep_ == "prep" and prep.lower_ == "of"
               for o in prep.children if o.dep_ == "pobj"]
    return objects + [c for o in objects for c in o.conjuncts]


def _struck_things(token: Token) -> list[Token]:
    things = [c for c in token.children if c.dep_ in OBJECT_LINKS]
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPOSITIONS):
        things.extend(c for c in prep.children if c.dep_ == "pobj")
    if token.dep_ == "pobj" and token.head.lower_ == "under":
        things.extend(c for c in token.head.head.children if c.dep_ == "nsubj")  # "a police convoy came under attack"
    things.extend(c for thing in list(things) for c in thing.conjuncts)  # "a police station and an army post"
    return [t for t in things if t.lemma_.lower() in ASSET_NOUNS]


def _owner_word(thing: Token, inputs: CodingInput) -> Token | None:
    """ "police" in "a police station": a body noun modifying the thing that is no actor already."""
    for child in thing.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.lemma_.lower() in OWNER_NOUNS \
                and not inputs.actors.actors_of_token(child.i):
            return child
    return None

