"""Events whose doer the text implies but does not name: when to ask for one, and which.

"protests erupted in Bogota", "50 were arrested in Dhaka": implied.py says who does such an
act (protesters, the police); this module decides, for one trigger, whether the sentence
leaves its doer implied and, if so, in which country the act happened — through the place
it is anchored to, or the one country a story is set in. Without a country a crowd is implied
by nobody, while an arrest is still the police's, of no country named (``---COP``). Forces
"deployed" with nobody named as deploying them are their own state's move: the forces are its doer.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newsgraph.events.implied import IMPLIED_DOERS
from newsgraph.events.modality import read_modality
from newsgraph.records import Span

if TYPE_CHECKING:
    from newsgraph.events.arguments import Arguments
    from newsgraph.events.lexicon_row import LexiconRow
    from newsgraph.events.registry import CodingInput
    from newsgraph.events.triggers import Trigger


# Arrest verbs whose passive with nobody named is mostly no arrest ("caught unawares", "caught in
# the crossfire"): they are an arrest only when the police are named doing them.
NAMED_DOER_VERBS = frozenset({"catch"})


def implies_doer(row: LexiconRow, token) -> bool:  # type: ignore[no-untyped-def]
    """A crowd event written as a noun ("protests erupted"), or an arrest with nobody named as its
    maker ("were arrested", "the arrest of six men"); a verb's own subject, when it has one, was
    already read."""
    if (row.type, row.mode) not in IMPLIED_DOERS or token.lemma_.lower() in NAMED_DOER_VERBS:
        return False
    if row.type == "PROTEST":
        return row.pos == "NOUN"
    # a passive clause ("were arrested"), not a participle describing someone ("a member jailed a
    # year ago", whose jailer the sentence may well name elsewhere) — unless it counts the arrested
    # ("among 31 people arrested near Ayodhya", "those arrested for the riots")
    return row.pos == "NOUN" or any(c.dep_ == "auxpass" for c in token.children) or _counted_arrest(token)


def _counted_arrest(token) -> bool:  # type: ignore[no-untyped-def]
    if token.dep_ != "acl" or token.tag_ != "VBN":
        return False
    head = token.head
    return head.lower_ == "those" or any(c.dep_ == "nummod" for c in head.children)


def asserted(token) -> bool:  # type: ignore[no-untyped-def]
    """Said to have happened: not negated, planned, promised or only possible."""
    modality = read_modality(token)
    return not (modality.negated or modality.future or modality.hypothetical)


def implied_doer(row: LexiconRow, trigger: Trigger, inputs: CodingInput) -> tuple[str, ...]:
    doc = inputs.document
    start, end = doc.doc[trigger.start].idx, doc.doc[trigger.end - 1].idx + len(doc.doc[trigger.end - 1].text)
    country = country_of_act(start, end, inputs)
    if country is None and row.type == "PROTEST":
        return ()  # "anger that gave rise to popular protests": a crowd of nowhere is no actor
    # an arrest said to have been made was made by the police, whether or not the text says whose
    found = inputs.implied.doer(row.type or "", row.mode, country, Span(start, end, doc.text[start:end]))  # type: ignore[union-attr]
    return (found,) if found else ()


def country_of_act(start: int, end: int, inputs: CodingInput) -> str | None:
    """The country of the place an act at ``start``–``end`` is anchored to, else of the one country
    the story is set in (its police, its army); None when the text does not say."""
    from newsgraph.places import anchor_event as anchor_place

    place_id = anchor_place(inputs.document, inputs.places, start, end)
    country = next((p.country for p in inputs.places if p.id == place_id), None)
    if country is None:
        story = {p.country for p in inputs.places if p.country}
        country = story.pop() if len(story) == 1 else None
    return country


# Sectors of the state's armed bodies: what is deployed moves for the state it belongs to.
DEPLOYABLE_SECTORS = frozenset({"MIL", "COP", "SPY"})
# … and of every armed body, state or not: what is demobilised lays down its own arms.
ARMED_BODY_SECTORS = DEPLOYABLE_SECTORS | {"REB", "UAF", "PRM", "INS", "SEP"}


def deployed_forces(row: LexiconRow, args: Arguments, inputs: CodingInput) -> Arguments | None:
    """ "Troops were deployed in Ahmedabad", "guerrillas have been demobilized": a passive
    deployment or demobilisation whose agent goes unnamed has the forces as its doer; None when
    it is no such."""
    if args.source or args.target_via != "passive" or not args.target:
        return None
    if row.type == "MOBILIZE":
        sectors = DEPLOYABLE_SECTORS
    elif row.type == "RETREAT" and row.mode == "disarm":
        sectors = ARMED_BODY_SECTORS
    else:
        return None
    if not all(inputs.actor(i).sector in sectors for i in args.target):
        return None
    return replace(args, source=args.target, target=())
